// Times `GraphView.structuralBalance` (triangles, walk index, frustration index) on random signed
// graphs, to find how large a component the exact frustration search handles in under 5 s.
//
//     swift run -c release balance-benchmark [--sizes 20,30,40] [--densities 0.3,1] [--negative 0.5]
//                                            [--seeds 3] [--weighted] [--planted FLIPS]
//                                            [--budget NODES] [--exact-limit N] [--degree D]
//
// Each graph: n nodes, each pair tied with probability `density`, negative with probability
// `negative` (or, with --planted F, signs from two random camps and then F random ties flipped, so
// that the optimum is at most F); weight 1 (or 1…5 with --weighted). With --degree D, n·D/2 random
// pairs instead of every pair (for large sparse graphs; `density` is then only a label). Prints one line per graph:
// n, density, seed, ties, frustration value, whether exact, seconds of the whole structuralBalance call.
// The generator is SplitMix64 with the seed, so runs are repeatable.
import Entente
import Foundation

extension SplitMix64 {
    /// A uniform double in 0..<1 from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

var sizes = [20, 25, 30, 35, 40]
var densities = [0.3, 0.5, 1.0]
var negative = 0.5
var seeds = 3
var weighted = false
var planted: Int?
var limits = BalanceLimits()
var degree: Double?
var arguments = CommandLine.arguments.dropFirst()
func numbers(_ text: String) -> [Double] { text.split(separator: ",").compactMap { Double(String($0)) } }
while let argument = arguments.popFirst() {
    switch argument {
    case "--weighted": weighted = true
    case "--sizes": sizes = numbers(arguments.popFirst() ?? "").map { Int($0) }
    case "--densities": densities = numbers(arguments.popFirst() ?? "")
    case "--negative": negative = numbers(arguments.popFirst() ?? "").first ?? negative
    case "--seeds": seeds = Int(arguments.popFirst() ?? "") ?? seeds
    case "--planted": planted = Int(arguments.popFirst() ?? "")
    case "--degree": degree = numbers(arguments.popFirst() ?? "").first
    case "--budget": limits.searchBudget = Int(arguments.popFirst() ?? "") ?? limits.searchBudget
    case "--exact-limit": limits.exactNodeLimit = Int(arguments.popFirst() ?? "") ?? limits.exactNodeLimit
    default:
        FileHandle.standardError.write(Data("balance-benchmark: unknown argument \(argument)\n".utf8))
        exit(64)
    }
}

print("n\tdensity\tseed\tedges\tvalue\texact\tseconds")
for n in sizes {
    for density in densities {
        for seed in 1...max(1, seeds) {
            var random = SplitMix64(seed: UInt64(seed) &* 1_000_003 &+ UInt64(n) &* 7919 &+ UInt64(density * 1000))
            var graph = RelationGraph(name: "random")
            for node in 0..<n { _ = try? graph.addNode(Node(id: "n\(node)")) }
            let camp = (0..<n).map { _ in random.next() & 1 }
            var ties: [(Int, Int, Bool)] = []
            if let degree {
                // Sparse: n·degree/2 random pairs (repeats become parallel edges).
                for _ in 0..<Int(Double(n) * degree / 2) {
                    let a = Int(random.next() % UInt64(n)), b = Int(random.next() % UInt64(n))
                    guard a != b else { continue }
                    let isNegative = planted == nil ? random.unit() < negative : camp[a] != camp[b]
                    ties.append((min(a, b), max(a, b), isNegative))
                }
            } else {
                for a in 0..<n {
                    for b in (a + 1)..<n where random.unit() < density {
                        let isNegative = planted == nil ? random.unit() < negative : camp[a] != camp[b]
                        ties.append((a, b, isNegative))
                    }
                }
            }
            if let planted {
                for _ in 0..<planted where !ties.isEmpty {
                    let index = Int(random.next() % UInt64(ties.count))
                    ties[index].2.toggle()
                }
            }
            for (a, b, isNegative) in ties {
                let weight = weighted ? Double(1 + random.next() % 5) : 1
                _ = try? graph.addEdge(Edge(source: graph.nodes[a].id, target: graph.nodes[b].id, weight: weight,
                                            polarity: isNegative ? .adversarial : .cooperative))
            }
            let view = graph.view()
            let start = Date()
            let report = view.structuralBalance(weighted ? .weighted : .unweighted, limits: limits)
            let seconds = Date().timeIntervalSince(start)
            print("\(n)\t\(density)\t\(seed)\t\(ties.count)\t\(TextFormat.number(report.frustration.value))\t"
                  + "\(report.frustration.isExact)\t\(String(format: "%.3f", seconds))")
        }
    }
}
