import Entente
@testable import EntenteGraphviz
import Foundation
import Testing

/// Every engine draws the seed graphs with no edge through a node other than its own two ends:
/// twopi, circo and sfdp lay out with straight edges and the renderer routes them again around the
/// nodes (neato with the nodes pinned); neato, fdp and dot route splines themselves.
///
/// An edge may graze a node's outline by up to ``grazing`` points: Graphviz fans parallel edges out
/// from one route, and on the seed graphs one of three PAK–TUR ties touches a corner of EU's box
/// (dot, 3.6 points) or of OIC's (sfdp, 3.7 points). Straight twopi edges went up to 8 points into
/// UAE and Turkey on pakistan.json, and 6 to 16 points into Afghanistan, ECO and SAARC on
/// awaam-agenda.json.
@Suite struct EdgeRoutingTests {
    /// How far into another node's outline an edge may pass, in points.
    static let grazing = 5.0

    /// A node's outline, from Graphviz's JSON drawing operations: an ellipse, or the box of a polygon
    /// or of a rounded box's curves.
    struct Outline {
        var centerX, centerY, halfWidth, halfHeight: Double
        var isEllipse: Bool

        /// Whether a point is inside the outline shrunk by `margin` points on every side.
        func contains(_ x: Double, _ y: Double, margin: Double) -> Bool {
            let (a, b) = (halfWidth - margin, halfHeight - margin)
            guard a > 0, b > 0 else { return false }
            let (dx, dy) = (x - centerX, y - centerY)
            return isEllipse ? (dx * dx) / (a * a) + (dy * dy) / (b * b) < 1 : abs(dx) < a && abs(dy) < b
        }
    }

    /// The node outlines by `_gvid`, and each edge's tail, head and points along its drawn curves.
    static func drawing(_ bytes: [UInt8]) throws -> (nodes: [Int: Outline], edges: [(tail: Int, head: Int, points: [(Double, Double)])]) {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        var nodes: [Int: Outline] = [:]
        for object in document["objects"] as? [[String: Any]] ?? [] {
            guard let id = object["_gvid"] as? Int else { continue }
            for operation in object["_draw_"] as? [[String: Any]] ?? [] {
                switch operation["op"] as? String {
                case "E", "e":
                    if let rect = operation["rect"] as? [Double], rect.count == 4 {
                        nodes[id] = Outline(centerX: rect[0], centerY: rect[1], halfWidth: rect[2], halfHeight: rect[3], isEllipse: true)
                    }
                case "P", "p", "b", "B":  // polygons, and the Bézier outline of a rounded box
                    let points = (operation["points"] as? [[Double]] ?? []).filter { $0.count == 2 }
                    if let minX = points.map({ $0[0] }).min(), let maxX = points.map({ $0[0] }).max(),
                       let minY = points.map({ $0[1] }).min(), let maxY = points.map({ $0[1] }).max() {
                        nodes[id] = Outline(centerX: (minX + maxX) / 2, centerY: (minY + maxY) / 2,
                                            halfWidth: (maxX - minX) / 2, halfHeight: (maxY - minY) / 2, isEllipse: false)
                    }
                default:
                    break
                }
            }
        }
        var edges: [(tail: Int, head: Int, points: [(Double, Double)])] = []
        for edge in document["edges"] as? [[String: Any]] ?? [] {
            guard let tail = edge["tail"] as? Int, let head = edge["head"] as? Int else { continue }
            var samples: [(Double, Double)] = []
            for operation in edge["_draw_"] as? [[String: Any]] ?? [] where operation["op"] as? String == "b" {
                let control = (operation["points"] as? [[Double]] ?? []).filter { $0.count == 2 }
                // Cubic Bézier pieces: p0, then three points per piece.
                var start = 0
                while start + 3 < control.count {
                    let (p0, p1, p2, p3) = (control[start], control[start + 1], control[start + 2], control[start + 3])
                    for step in 0...20 {
                        let t = Double(step) / 20, u = 1 - t
                        let x = u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0]
                        let y = u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1]
                        samples.append((x, y))
                    }
                    start += 3
                }
            }
            edges.append((tail, head, samples))
        }
        return (nodes, edges)
    }

    @Test(arguments: ["pakistan", "awaam-agenda"])
    func noEdgeCrossesAnotherNode(_ name: String) throws {
        let diagram = try Diagram(try realGraph(name))
        for engine in LayoutEngine.allCases {
            let (nodes, edges) = try Self.drawing(Renderer.render(diagram, as: .json, layout: engine))
            #expect(nodes.count == diagram.view.nodeIndices.count, "\(name) \(engine)")
            #expect(edges.count == diagram.view.edgeIndices.count, "\(name) \(engine)")
            var crossings: [String] = []
            for edge in edges {
                #expect(!edge.points.isEmpty, "\(name) \(engine): an edge without a curve")
                for (id, outline) in nodes where id != edge.tail && id != edge.head {
                    if edge.points.contains(where: { outline.contains($0.0, $0.1, margin: Self.grazing) }) {
                        crossings.append("\(edge.tail)–\(edge.head) through \(id)")
                    }
                }
            }
            #expect(crossings.isEmpty, "\(name) \(engine): \(crossings)")
        }
    }

    /// Without the second routing pass (a style whose spline limits exclude the diagram), twopi's
    /// straight edges cross nodes on the seed graph: a defect of Graphviz 2.43, recorded as a known
    /// issue (not as expected behaviour), which shows that the check above can fail. If Graphviz
    /// stops crossing, the known issue is not recorded and this test says so.
    @Test func straightTwopiEdgesCrossNodes() throws {
        var diagram = try Diagram(try realGraph("pakistan"))
        diagram.style.splineNodeLimit = 0
        let (nodes, edges) = try Self.drawing(Renderer.render(diagram, as: .json, layout: .twopi))
        let crossing = edges.contains { edge in
            nodes.contains { id, outline in
                id != edge.tail && id != edge.head && edge.points.contains { outline.contains($0.0, $0.1, margin: Self.grazing) }
            }
        }
        withKnownIssue("Graphviz 2.43's twopi draws straight edges through other nodes") {
            #expect(!crossing)
        }
    }
}
