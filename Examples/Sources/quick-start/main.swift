import Entente
import EntenteGraphviz
let (file, from, to) = ("Graphs/pakistan.json", "Pakistan", "EU")
let graph = try RelationGraph(contentsOf: file)
let path = try graph.analysis(types: [.economic]).shortestPath(from: from, to: to)
let hubs = try graph.analysis().centrality(.betweenness).top(3)
try Renderer.render(try Diagram(graph, highlight: path), to: "pakistan.svg")
print(path.map { "\($0)" } ?? "no path", hubs, separator: "\n")
