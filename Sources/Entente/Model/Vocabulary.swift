/// The type of a relation between two nodes: `economic`, `security`, `cultural`, or a type a graph
/// declares (for example `membership` or `political`).
///
/// Types compare by their exact, case-sensitive name.
public struct RelationType: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name of the type as written in files (`"economic"`).
    public let name: String

    /// Creates a type from its name.
    public init(_ name: String) { self.name = name }

    /// Creates a type from a string literal.
    public init(stringLiteral value: String) { self.name = value }

    /// Trade, investment, aid, energy, development.
    public static let economic = RelationType("economic")
    /// Military ties, alliances, border and counter-terrorism cooperation, or conflict.
    public static let security = RelationType("security")
    /// Shared heritage, religion, language, diaspora.
    public static let cultural = RelationType("cultural")
    /// The three types every graph knows without declaring them, in their canonical order.
    public static let builtIn: [RelationType] = [.economic, .security, .cultural]

    /// Whether this is one of ``builtIn``.
    public var isBuiltIn: Bool { RelationType.builtIn.contains(self) }

    /// The type's name, as written in files.
    public var description: String { name }

    /// Orders types by name (Unicode scalar order), for sorted output.
    public static func < (lhs: RelationType, rhs: RelationType) -> Bool { lhs.name < rhs.name }
}

/// The kind of a node: `state`, `bloc`, `organization`, or a kind a graph declares.
public struct NodeKind: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name of the kind as written in files (`"state"`).
    public let name: String

    /// Creates a kind from its name.
    public init(_ name: String) { self.name = name }

    /// Creates a kind from a string literal.
    public init(stringLiteral value: String) { self.name = value }

    /// A sovereign state, identified by its ISO 3166-1 alpha-3 code.
    public static let state = NodeKind("state")
    /// A regional bloc or union of states (EU, SAARC, GCC).
    public static let bloc = NodeKind("bloc")
    /// An international organisation (UN, OIC, WTO).
    public static let organization = NodeKind("organization")
    /// The three kinds every graph knows without declaring them.
    public static let builtIn: [NodeKind] = [.state, .bloc, .organization]

    /// Whether this is one of ``builtIn``.
    public var isBuiltIn: Bool { NodeKind.builtIn.contains(self) }

    /// The kind's name, as written in files.
    public var description: String { name }

    /// Orders kinds by name (Unicode scalar order), for sorted output.
    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.name < rhs.name }
}

/// Whether a relation is a tie of cooperation or one of opposition.
public enum Polarity: String, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Partners, allies, members: the default.
    case cooperative
    /// Rivals and disputes (Pakistan–India over Kashmir).
    case adversarial

    /// `cooperative` or `adversarial`, as written in files.
    public var description: String { rawValue }

    /// Orders polarities by name: `adversarial` before `cooperative`.
    public static func < (lhs: Polarity, rhs: Polarity) -> Bool { lhs.rawValue < rhs.rawValue }
}
