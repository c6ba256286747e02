import Foundation
import Testing

@Suite("entente communities")
struct CommunitiesCLITests {
    let pakistan = "Graphs/pakistan.json"

    @Test("text: method, modularity and count, then one community per line")
    func text() throws {
        let result = try runEntente(["communities", pakistan])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == """
            leiden: modularity 0.112533, 3 communities
            1  CHN EU IRN PAK RUS TUR
            2  AFG IND SAARC UN USA
            3  ARE OIC SAU

            """)
        let louvain = try runEntente(["communities", pakistan, "--method", "louvain", "--resolution", "2"])
        #expect(louvain.status == 0)
        #expect(louvain.stdout.hasPrefix("louvain (resolution 2): modularity "))
        #expect(louvain.stdout.split(separator: "\n").count > 4)
    }

    @Test("--json has the documented members, in order")
    func json() throws {
        let result = try runEntente(["communities", pakistan, "--json"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            {"method":"leiden","signed":false,"resolution":1,"seed":0,"modularity":0.11253308710372424,\
            "communities":[["CHN","EU","IRN","PAK","RUS","TUR"],["AFG","IND","SAARC","UN","USA"],["ARE","OIC","SAU"]],\
            "isolated":[]}

            """)
        // The same partition's modularity as networkx computes it (Fixtures/communities.json):
        // nx.community.modularity on the cooperative ties with weights summed per pair.
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let modularity = try #require((document["modularity"] as? NSNumber)?.doubleValue)
        #expect(abs(modularity - 0.11253308710372424) <= 1e-12)
    }

    @Test("--signed reads rivalries and reports it")
    func signed() throws {
        let text = try runEntente(["communities", pakistan, "--signed", "--sign-rule", "net"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("leiden (signed): modularity 0.122800, 3 communities\n"))
        let json = try runEntente(["communities", pakistan, "--signed", "--sign-rule", "net", "--method", "louvain", "--seed", "3",
                                   "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(document["method"] as? String == "louvain")
        #expect(document["signed"] as? Bool == true)
        #expect(document["seed"] as? Int == 3)
        // leidenalg's best (RBConfiguration layers, weights [1, -1]) is 0.12280025926061808.
        #expect(((document["modularity"] as? NSNumber)?.doubleValue ?? 0) >= 0.1228 - 0.005)
        let communities = try #require(document["communities"] as? [[String]])
        #expect(communities.flatMap { $0 }.sorted().count == 14)
    }

    @Test("the same seed gives the same output; a negative seed is a seed")
    func seeds() throws {
        let first = try runEntente(["communities", pakistan, "--seed", "-3", "--json"])
        let second = try runEntente(["communities", pakistan, "--seed=-3", "--json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains(#""seed":-3"#))
    }

    @Test("bad options are usage errors (exit 64)", arguments: [
        (["--resolution", "0"], "--resolution must be a finite number greater than 0, not 0"),
        (["--resolution", "-1"], "--resolution must be a finite number greater than 0, not -1"),
        (["--resolution", "nan"], "--resolution must be a finite number greater than 0, not nan"),
        (["--resolution", "inf"], "--resolution must be a finite number greater than 0, not inf"),
        (["--method", "girvan-newman"], "The value 'girvan-newman' is invalid for '--method <method>'"),
        (["--seed", "abc"], "The value 'abc' is invalid for '--seed <S>'"),
        (["--include-adversarial"], "--include-adversarial needs --signed"),
        (["--types", ""], "--types '' names no edge type"),
    ])
    func badOptions(arguments: [String], message: String) throws {
        let result = try runEntente(["communities", pakistan] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("bad files and empty filters fail with one line (exit 1)")
    func badFiles() throws {
        let missing = try runEntente(["communities", "no-such-graph.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("entente: no-such-graph.json: "))
        #expect(missing.stderr.split(separator: "\n").count == 1)

        let directory = try temporaryDirectory()
        let broken = directory.appendingPathComponent("broken.json")
        try Data(#"{"name": "x", "nodes": [}"#.utf8).write(to: broken)
        let syntax = try runEntente(["communities", broken.path])
        #expect(syntax.status == 1)
        #expect(syntax.stderr.hasPrefix("entente: \(broken.path):1:"))

        let unknownType = try runEntente(["communities", pakistan, "--types", "political"])
        #expect(unknownType.status == 1)
        #expect(unknownType.stderr.hasPrefix("entente: Graphs/pakistan.json: unknown edge type 'political'"))

        // Only a rivalry: nothing to build blocs on, unless signed.
        let rivalry = Data("source,target,type,polarity\nA,B,security,adversarial\nB,C,economic,cooperative\n".utf8)
        let onlyAdversarial = Data("source,target,type,polarity\nA,B,security,adversarial\n".utf8)
        let unsigned = try runEntente(["communities", "-", "--format", "csv", "--types", "security"], stdin: rivalry)
        #expect(unsigned.status == 1)
        #expect(unsigned.stderr == "entente: -: no cooperative security edges in the graph\n")
        let signed = try runEntente(["communities", "-", "--format", "csv", "--signed"], stdin: onlyAdversarial)
        #expect(signed.status == 0)
        #expect(signed.stdout.hasPrefix("leiden (signed): modularity "))
        // Ties that cancel out: a cooperative and an adversarial edge of the same weight.
        let cancelled = Data("source,target,type,polarity\nA,B,security,adversarial\nA,B,economic,cooperative\n".utf8)
        let none = try runEntente(["communities", "-", "--format", "csv", "--signed", "--sign-rule", "net"], stdin: cancelled)
        #expect(none.status == 1)
        #expect(none.stderr == "entente: -: modularity: no tie whose cooperative and adversarial weights do not cancel out\n")
        // Under the default rule, negative-wins, the same pair is a rivalry: two communities.
        let rivals = try runEntente(["communities", "-", "--format", "csv", "--signed"], stdin: cancelled)
        #expect(rivals.status == 0, "\(rivals.stderr)")
        #expect(rivals.stdout.hasPrefix("leiden (signed): modularity "))
        #expect(rivals.stdout.contains(", 2 communities\n"))
        let usage = try runEntente(["communities", "-", "--format", "csv", "--sign-rule", "net"], stdin: cancelled)
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--sign-rule needs --signed"))
    }
}
