import Entente
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The package root (two levels above this file).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The folder of golden files next to this file.
let goldenDirectory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// Loads `Graphs/NAME.json` from the package.
func realGraph(_ name: String) throws -> RelationGraph {
    let url = packageRoot.appendingPathComponent("Graphs/\(name).json")
    return try NativeJSON.read(Array(try Data(contentsOf: url)), file: url.lastPathComponent)
}

/// Names that break naive quoting: markup, quotes, backslashes, a trailing backslash, non-Latin script.
let hostileNames = ["<script>alert(1)</script>", "He said \"hi\"", "back\\slash", "trailing\\", "中国", "A & B"]

/// A graph whose node ids, labels, aliases, evidence and title are hostile names.
func hostileGraph() throws -> RelationGraph {
    var graph = RelationGraph(name: "Hostile <names> & \"quotes\" \\ 中国")
    for (position, name) in hostileNames.enumerated() {
        try graph.addNode(Node(id: name, label: name, kind: position.isMultiple(of: 2) ? .state : .bloc,
                               aliases: ["alias \(name)"]))
    }
    for position in 0..<hostileNames.count - 1 {
        let name = hostileNames[position]
        try graph.addEdge(Edge(source: graph.nodes[position].id, target: graph.nodes[position + 1].id, type: .cultural, weight: 2,
                               polarity: position == 2 ? .adversarial : .cooperative,
                               evidence: [Evidence(source: "src-\(name)", quote: "quote \(name)")], note: name))
    }
    return graph
}

/// A small hand-made graph with every field set.
func smallGraph() throws -> RelationGraph {
    var graph = RelationGraph(name: "Small")
    try graph.addNode(Node(id: "PAK", label: "Pakistan", aliases: ["Islamic Republic of Pakistan", "PK"]))
    try graph.addNode(Node(id: "CHN", label: "China"))
    try graph.addNode(Node(id: "IND", label: "India"))
    try graph.addNode(Node(id: "SAARC", label: "South Asian Association\nfor Regional Cooperation", kind: .bloc))
    try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[1].id, type: .economic, weight: 5,
                           evidence: [Evidence(source: "article", quote: "CPEC is the flagship corridor.")],
                           since: 2015, note: "Belt and Road"))
    try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[1].id, type: .security, weight: 4.5))
    try graph.addEdge(Edge(source: graph.nodes[0].id, target: graph.nodes[2].id, type: .security, weight: 5, polarity: .adversarial,
                           evidence: [Evidence(source: "article", quote: "tensions continue"),
                                      Evidence(source: "ref", quote: "the war in Kashmir")],
                           since: 1947, until: 2030))
    try graph.addEdge(Edge(source: graph.nodes[2].id, target: graph.nodes[3].id, type: "membership", weight: 1, attributes: ["role": "founder"]))
    return graph
}

/// Every element of an XML tree, depth first.
func elements(of root: XMLElement) -> [XMLElement] {
    var result = [root]
    for child in root.children ?? [] {
        if let element = child as? XMLElement { result += elements(of: element) }
    }
    return result
}

/// The node or edge groups (`kind` is `"node"` or `"edge"`) of a rendered diagram, in graph index order,
/// found by the `id` (`node-3`, `edge-12`) the diagram gives them.
func svgGroups(_ root: XMLElement, _ kind: String) -> [XMLElement] {
    var byIndex: [Int: XMLElement] = [:]
    for element in elements(of: root) where element.isGroup(ofClass: kind) {
        guard let id = element.value(of: "id"), id.hasPrefix("\(kind)-"), let index = Int(id.dropFirst(kind.count + 1)) else {
            continue
        }
        byIndex[index] = element
    }
    return byIndex.keys.sorted().compactMap { byIndex[$0] }
}

/// A parsed SVG document (fails the test if the bytes are not well-formed XML).
func parseSVG(_ bytes: [UInt8]) throws -> XMLElement {
    let document = try XMLDocument(data: Data(bytes), options: [])
    guard let root = document.rootElement() else { throw CocoaError(.fileReadCorruptFile) }
    return root
}

extension XMLElement {
    /// The value of an attribute, or nil. (FoundationXML's `attribute(forName:)` finds nothing in an
    /// element of a default namespace, so the attributes are searched by name.)
    func value(of attribute: String) -> String? {
        attributes?.first { $0.name == attribute || $0.localName == attribute }?.stringValue
    }

    /// Whether the element is a `<g>` of the given class.
    func isGroup(ofClass name: String) -> Bool { localName == "g" && value(of: "class") == name }

    /// The direct and indirect child elements named `name`.
    func descendants(named name: String) -> [XMLElement] { EntenteGraphvizTests.elements(of: self).dropFirst().filter { $0.localName == name } }
}
