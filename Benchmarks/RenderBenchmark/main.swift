// Times in-process rendering of a graph to SVG (the median of N runs) and writes the DOT text the
// renderer gives Graphviz, so that Benchmarks/render.sh can time the Graphviz program on the same input.
//
//     swift run -c release render-benchmark Graphs/pakistan.json [runs] [layout] [source.gv]
import Entente
import EntenteGraphviz
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: render-benchmark GRAPH.json [runs] [layout] [source.gv]\n".utf8))
    exit(64)
}
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
// No layout, or "standard": the one `entente render` chooses by size (Diagram.standardLayout).
let layout = arguments.count > 3 ? LayoutEngine(rawValue: arguments[3]) : nil
do {
    let graph = try RelationGraph(contentsOf: arguments[1])
    let diagram = try Diagram(graph)
    let engine = layout ?? diagram.standardLayout
    if arguments.count > 4 {
        try FileIO.writeAtomically(Array(diagram.source(layout: engine).utf8), to: arguments[4])
    }
    _ = try Renderer.render(diagram, as: .svg, layout: engine)  // warm up: plugins load on first use
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try Renderer.render(diagram, as: .svg, layout: engine)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    let median = times.count.isMultiple(of: 2) ? (times[times.count / 2 - 1] + times[times.count / 2]) / 2 : times[times.count / 2]
    print("in-process \(engine) → svg: median \(String(format: "%.2f", median)) ms over \(runs) runs "
          + "(min \(String(format: "%.2f", times[0])), max \(String(format: "%.2f", times[times.count - 1])))")
} catch {
    FileHandle.standardError.write(Data("render-benchmark: \(error)\n".utf8))
    exit(1)
}
