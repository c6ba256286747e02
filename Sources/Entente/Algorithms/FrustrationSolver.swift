/// The hard core of a frustration problem, as Entente hands it to an exact solver.
///
/// Nodes are `0..<nodeCount`; the instance is connected and has no node of degree one (see
/// ``FrustrationIndex/decomposition``). A solver plugs in through ``FrustrationSolver``; the
/// `EntenteExact` module's `CBCSolver` is one.
public struct FrustrationInstance: Sendable {
    /// The former name of ``SignedTie``.
    @available(*, deprecated, renamed: "SignedTie")
    public typealias Tie = SignedTie

    /// One tie of the instance.
    public struct SignedTie: Hashable, Sendable {
        /// One end (a node index).
        public var u: Int
        /// The other end.
        public var v: Int
        /// Whether the tie is negative (adversarial): frustrated within a camp.
        public var isNegative: Bool
        /// The cost of frustrating it (1 unweighted; a positive weight otherwise).
        public var cost: Double

        /// Creates a tie.
        public init(u: Int, v: Int, isNegative: Bool, cost: Double) {
            self.u = u
            self.v = v
            self.isNegative = isNegative
            self.cost = cost
        }
    }

    /// Number of nodes.
    public var nodeCount: Int
    /// The ties; no pair appears twice.
    public var ties: [SignedTie]
    /// A split to start from (camp 0 or 1 per node): the best the heuristic found.
    public var start: [UInt8]
    /// A proven lower bound already known (0 when none).
    public var lowerBound: Double
    /// Whether every cost is a whole number, so that the optimum is one too and a bound can be
    /// rounded up.
    public var hasIntegralCosts: Bool
    /// Seconds the solver may spend; nil: no limit.
    public var timeLimit: Double?

    /// Creates an instance.
    public init(nodeCount: Int, ties: [SignedTie], start: [UInt8], lowerBound: Double = 0, hasIntegralCosts: Bool,
                timeLimit: Double? = nil) {
        self.nodeCount = nodeCount
        self.ties = ties
        self.start = start
        self.lowerBound = lowerBound
        self.hasIntegralCosts = hasIntegralCosts
        self.timeLimit = timeLimit
    }

    /// The total cost of the ties a split frustrates.
    public func frustration(of camp: [UInt8]) -> Double {
        var total = 0.0
        for tie in ties where (camp[tie.u] != camp[tie.v]) != tie.isNegative { total += tie.cost }
        return total
    }
}

/// What an exact solver found: a split, its frustration and a proven lower bound.
public struct FrustrationCertificate: Sendable {
    /// Camp 0 or 1 of every node of the instance.
    public var camp: [UInt8]
    /// A proven lower bound on the optimum.
    public var bound: Double
    /// Whether the solver proved `camp` optimal (its frustration meets `bound`).
    public var isOptimal: Bool

    /// Creates a certificate.
    public init(camp: [UInt8], bound: Double, isOptimal: Bool) {
        self.camp = camp
        self.bound = bound
        self.isOptimal = isOptimal
    }
}

/// An exact solver of the frustration index of a connected signed network: what
/// ``RelationGraph/structuralBalance(of:signs:rule:limits:solver:)`` calls for every part of the
/// graph that its own search cannot prove optimal.
public protocol FrustrationSolver: Sendable {
    /// A short name for reports (`"CBC 2.10.8"`).
    var name: String { get }
    /// Solves an instance, or throws when the solver cannot run (its library is missing); the
    /// error's description is one line saying what to do.
    func solve(_ instance: FrustrationInstance) throws -> FrustrationCertificate
}

/// How the frustration of one hard core was settled.
public enum FrustrationMethod: String, CaseIterable, Hashable, Sendable {
    /// The reductions left no tie.
    case reduced
    /// The core is balanced: a breadth-first search finds camps that frustrate nothing.
    case balanced
    /// Entente's branch and bound proved the optimum.
    case branchAndBound = "branch and bound"
    /// The local search's split meets the packing bound of edge-disjoint unbalanced triangles.
    case boundMet = "bound met"
    /// The exact solver (``FrustrationSolver``) was asked.
    case solver
    /// The local search's split, not proven (no solver, or the solver failed).
    case localSearch = "local search"
}

/// What the decomposition of a frustration problem removed before the search, and how its cores
/// were solved.
///
/// The signed network is cut into connected components, then into blocks (biconnected components:
/// bridges are blocks of one tie and never frustrated), and each block is reduced by removing nodes
/// of degree one and two and merging parallel ties (see ``FrustrationIndex``). What is left of a
/// block is a core; only cores are searched.
public struct FrustrationDecomposition: Hashable, Sendable {
    /// Connected components of the signed network with at least one tie.
    public var components = 0
    /// Negative ties of the signed network.
    public var negativeTies = 0
    /// Bridges: ties whose removal disconnects their component (never frustrated).
    public var bridges = 0
    /// Blocks of two or more ties.
    public var blocks = 0
    /// Nodes left in the cores, summed over the blocks (a cut node counts once per block).
    public var coreNodes = 0
    /// Ties left in the cores.
    public var coreTies = 0
    /// Nodes and ties of the largest core.
    public var largestCoreNodes = 0
    /// Ties of the largest core.
    public var largestCoreTies = 0
    /// Number of cores settled by each method.
    public var methods: [FrustrationMethod: Int] = [:]

    /// Creates an empty record.
    public init() {}

    mutating func record(_ method: FrustrationMethod, core: FrustrationProblem) {
        methods[method, default: 0] += 1
        if core.u.count > largestCoreTies || (core.u.count == largestCoreTies && core.nodeCount > largestCoreNodes) {
            largestCoreTies = core.u.count
            largestCoreNodes = core.nodeCount
        }
    }

    /// `{"components","negative","bridges","blocks","coreNodes","coreTies","largestCore":{"nodes","ties"},"methods":{…}}`,
    /// methods in the order of `FrustrationMethod.allCases`, those used only.
    public var json: JSONOutput {
        .object([
            ("components", .integer(components)), ("negative", .integer(negativeTies)), ("bridges", .integer(bridges)),
            ("blocks", .integer(blocks)), ("coreNodes", .integer(coreNodes)), ("coreTies", .integer(coreTies)),
            ("largestCore", .object([("nodes", .integer(largestCoreNodes)), ("ties", .integer(largestCoreTies))])),
            ("methods", .object(FrustrationMethod.allCases.compactMap { method in
                methods[method].map { (method.rawValue, JSONOutput.integer($0)) }
            })),
        ])
    }
}
