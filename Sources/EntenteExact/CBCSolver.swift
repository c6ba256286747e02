#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Entente
import Synchronization

/// The frustration index by COIN-OR CBC (EPL-2.0), solving Aref, Mason & Wilson's AND model.
///
/// CBC's C interface is loaded at run time with `dlopen` (`libCbcSolver.so.3` from Debian's
/// `coinor-libcbc3`, Homebrew's `cbc` on macOS, or the path in the environment variable
/// `ENTENTE_CBC_LIBRARY`): the package builds without CBC, and a missing library is an error only
/// when a graph needs the solver. The library is loaded once per process.
///
/// **Model** (Aref, Mason & Wilson 2018, the AND model): a binary x_i per node (its camp) and a
/// binary x_ij = x_i ∧ x_j per tie; minimise Σ₊ w (x_i + x_j − 2x_ij) + Σ₋ w (1 − x_i − x_j + 2x_ij)
/// subject to x_ij ≤ x_i, x_ij ≤ x_j for positive ties and x_ij ≥ x_i + x_j − 1 for negative ones,
/// and, for every unbalanced triangle, at least one frustrated tie of the three; the first node is
/// fixed (the instance is connected) and the heuristic's split is the MIP start. With whole-number
/// costs, CBC's bound is rounded up.
///
/// - Complexity: exponential in the worst case; bounded by the instance's time limit.
public struct CBCSolver: FrustrationSolver {
    /// Creates the solver; the library is loaded at the first solve (or by ``load()``).
    public init() {}

    /// `"CBC"` and the library's version once loaded.
    public var name: String {
        if case .success(let library) = CBCLibrary.shared { return "CBC \(library.version)" }
        return "CBC"
    }

    /// Loads the library now, so that a missing one is reported before any work.
    ///
    /// - Throws: ``ExactSolverError/libraryNotFound(tried:)``.
    public static func load() throws(ExactSolverError) {
        if case .failure(let error) = CBCLibrary.shared { throw error }
    }

    /// Solves the AND model of an instance.
    ///
    /// - Throws: ``ExactSolverError``.
    public func solve(_ instance: FrustrationInstance) throws -> FrustrationCertificate {
        let library: CBCLibrary
        switch CBCLibrary.shared {
        case .success(let loaded): library = loaded
        case .failure(let error): throw error
        }
        return try library.solve(instance)
    }
}

/// Why the exact solver could not run.
public enum ExactSolverError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No CBC library could be loaded; `tried` lists the names and paths tried.
    case libraryNotFound(tried: [String])
    /// The library lacks a function Entente needs.
    case missingSymbol(String)
    /// CBC gave no split for an instance (it always has the start, so this is CBC's failure).
    case noSolution

    /// One line: what went wrong and what to install.
    public var description: String {
        switch self {
        case .libraryNotFound:
            #if canImport(Darwin)
            return "the exact frustration solver needs COIN-OR CBC: brew install cbc (or set ENTENTE_CBC_LIBRARY to libCbcSolver's path)"
            #else
            return "the exact frustration solver needs COIN-OR CBC: apt-get install coinor-libcbc3 (or set ENTENTE_CBC_LIBRARY to libCbcSolver's path)"
            #endif
        case .missingSymbol(let name):
            return "the COIN-OR CBC library lacks \(name): install CBC 2.10 or later"
        case .noSolution:
            return "COIN-OR CBC returned no solution"
        }
    }
}

/// The loaded C interface of CBC: a handle that is never closed (the process keeps it) and the
/// functions Entente calls.
private final class CBCLibrary: Sendable {
    typealias NewModel = @convention(c) () -> OpaquePointer?
    typealias DeleteModel = @convention(c) (OpaquePointer?) -> Void
    typealias LoadProblem = @convention(c) (OpaquePointer?, Int32, Int32, UnsafePointer<Int32>?, UnsafePointer<Int32>?,
                                            UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?,
                                            UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?) -> Void
    typealias SetColumn = @convention(c) (OpaquePointer?, Int32) -> Void
    typealias SetInt = @convention(c) (OpaquePointer?, Int32) -> Void
    typealias SetDouble = @convention(c) (OpaquePointer?, Double) -> Void
    typealias SetStart = @convention(c) (OpaquePointer?, Int32, UnsafePointer<Int32>?, UnsafePointer<Double>?) -> Void
    typealias Solve = @convention(c) (OpaquePointer?) -> Int32
    typealias GetInt = @convention(c) (OpaquePointer?) -> Int32
    typealias GetDouble = @convention(c) (OpaquePointer?) -> Double
    typealias GetSolution = @convention(c) (OpaquePointer?) -> UnsafePointer<Double>?
    typealias GetVersion = @convention(c) () -> UnsafePointer<CChar>?

    let version: String
    let newModel: NewModel
    let deleteModel: DeleteModel
    let loadProblem: LoadProblem
    let setInteger: SetColumn
    let setLogLevel: SetInt
    let setMaximumSeconds: SetDouble
    let setMIPStart: SetStart
    let solveModel: Solve
    let isProvenOptimal: GetInt
    let bestPossible: GetDouble
    let bestSolution: GetSolution
    /// CBC keeps some state in globals (its message handlers); one solve at a time.
    let lock = Mutex(())

    /// The library, loaded at first use.
    static let shared: Result<CBCLibrary, ExactSolverError> = Result { () throws(ExactSolverError) in try CBCLibrary() }

    /// The names tried, in order: the environment's path, then the platform's usual names.
    static var candidates: [String] {
        var names: [String] = []
        if let path = getenv("ENTENTE_CBC_LIBRARY").map({ String(cString: $0) }), !path.isEmpty { return [path] }
        #if canImport(Darwin)
        names += ["libCbcSolver.3.dylib", "libCbcSolver.dylib", "/opt/homebrew/lib/libCbcSolver.dylib",
                  "/usr/local/lib/libCbcSolver.dylib"]
        #else
        names += ["libCbcSolver.so.3", "libCbcSolver.so"]
        #endif
        return names
    }

    private init() throws(ExactSolverError) {
        let names = Self.candidates
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            throw .libraryNotFound(tried: names)
        }
        func symbol<T>(_ name: String, as type: T.Type) throws(ExactSolverError) -> T {
            guard let address = dlsym(handle, name) else { throw .missingSymbol(name) }
            return unsafeBitCast(address, to: type)
        }
        let getVersion = try symbol("Cbc_getVersion", as: GetVersion.self)
        version = getVersion().map { String(cString: $0) } ?? "?"
        newModel = try symbol("Cbc_newModel", as: NewModel.self)
        deleteModel = try symbol("Cbc_deleteModel", as: DeleteModel.self)
        loadProblem = try symbol("Cbc_loadProblem", as: LoadProblem.self)
        setInteger = try symbol("Cbc_setInteger", as: SetColumn.self)
        setLogLevel = try symbol("Cbc_setLogLevel", as: SetInt.self)
        setMaximumSeconds = try symbol("Cbc_setMaximumSeconds", as: SetDouble.self)
        setMIPStart = try symbol("Cbc_setMIPStartI", as: SetStart.self)
        solveModel = try symbol("Cbc_solve", as: Solve.self)
        isProvenOptimal = try symbol("Cbc_isProvenOptimal", as: GetInt.self)
        bestPossible = try symbol("Cbc_getBestPossibleObjValue", as: GetDouble.self)
        bestSolution = try symbol("Cbc_getColSolution", as: GetSolution.self)
    }

    /// Builds the AND model, solves it and reads the split back.
    func solve(_ instance: FrustrationInstance) throws(ExactSolverError) -> FrustrationCertificate {
        let model = AndModel(instance)
        return try lock.withLock { _ throws(ExactSolverError) -> FrustrationCertificate in
            guard let handle = newModel() else { throw .noSolution }
            defer { deleteModel(handle) }
            model.start.withUnsafeBufferPointer { start in
                model.index.withUnsafeBufferPointer { index in
                    model.value.withUnsafeBufferPointer { value in
                        model.columnLower.withUnsafeBufferPointer { columnLower in
                            model.columnUpper.withUnsafeBufferPointer { columnUpper in
                                model.objective.withUnsafeBufferPointer { objective in
                                    model.rowLower.withUnsafeBufferPointer { rowLower in
                                        model.rowUpper.withUnsafeBufferPointer { rowUpper in
                                            loadProblem(handle, Int32(model.columns), Int32(model.rows), start.baseAddress,
                                                        index.baseAddress, value.baseAddress, columnLower.baseAddress,
                                                        columnUpper.baseAddress, objective.baseAddress,
                                                        rowLower.baseAddress, rowUpper.baseAddress)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for column in 0..<model.columns { setInteger(handle, Int32(column)) }
            setLogLevel(handle, 0)
            if let seconds = instance.timeLimit { setMaximumSeconds(handle, max(0.01, seconds)) }
            // Whole-number costs: the optimum is a whole number, so a gap below 1 is a proof.
            // No allowable gap of our own: CBC 2.10.8 with a gap of 0.999 on whole-number costs, its
            // preprocessing and a MIP start proved a wrong optimum on the world's 1962 network (69
            // where HiGHS and CBC without the gap find 63). CBC's defaults prove optimality itself.
            let columns = (0..<Int32(model.columns)).map { $0 }
            columns.withUnsafeBufferPointer { indices in
                model.startValues.withUnsafeBufferPointer { values in
                    setMIPStart(handle, Int32(model.columns), indices.baseAddress, values.baseAddress)
                }
            }
            _ = solveModel(handle)
            guard let solution = bestSolution(handle) else { throw .noSolution }
            var camp = (0..<instance.nodeCount).map { solution[$0] > 0.5 ? UInt8(1) : UInt8(0) }
            var value = instance.frustration(of: camp)
            let startValue = instance.frustration(of: instance.start)
            if startValue < value {
                camp = instance.start
                value = startValue
            }
            var bound = max(instance.lowerBound, bestPossible(handle) + model.constant)
            if instance.hasIntegralCosts { bound = (bound - 1e-6).rounded(.up) }
            bound = min(bound, value)
            let proven = isProvenOptimal(handle) != 0 || value <= bound + 1e-9 * max(1, value)
            return FrustrationCertificate(camp: camp, bound: proven ? value : bound, isOptimal: proven)
        }
    }
}

/// The AND model of an instance in CBC's column-major form.
private struct AndModel {
    var columns = 0
    var rows = 0
    var start: [Int32] = []
    var index: [Int32] = []
    var value: [Double] = []
    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    var objective: [Double] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    /// The objective's constant (Σ of the negative ties' costs), left out of CBC's objective.
    var constant = 0.0
    /// The MIP start: the instance's start split and its ANDs.
    var startValues: [Double] = []

    init(_ instance: FrustrationInstance) {
        let n = instance.nodeCount
        columns = n + instance.ties.count
        objective = [Double](repeating: 0, count: columns)
        columnLower = [Double](repeating: 0, count: columns)
        columnUpper = [Double](repeating: 1, count: columns)
        if n > 0 { columnLower[0] = Double(instance.start[0]); columnUpper[0] = Double(instance.start[0]) }
        // Entries per column, as (row, coefficient).
        var entries = [[(Int32, Double)]](repeating: [], count: columns)
        for (k, tie) in instance.ties.enumerated() {
            let e = n + k, w = tie.cost
            if tie.isNegative {
                constant += w
                objective[tie.u] -= w
                objective[tie.v] -= w
                objective[e] += 2 * w
                let row = Int32(rows)
                entries[e].append((row, 1))
                entries[tie.u].append((row, -1))
                entries[tie.v].append((row, -1))
                rowLower.append(-1)
                rowUpper.append(.infinity)
                rows += 1
            } else {
                objective[tie.u] += w
                objective[tie.v] += w
                objective[e] -= 2 * w
                for end in [tie.u, tie.v] {
                    let row = Int32(rows)
                    entries[e].append((row, 1))
                    entries[end].append((row, -1))
                    rowLower.append(-.infinity)
                    rowUpper.append(0)
                    rows += 1
                }
            }
        }
        // Aref, Mason & Wilson's triangle constraints: every unbalanced triangle has a frustrated
        // tie, Σ f ≥ 1, with f = x_i + x_j − 2x_ij (positive) or 1 − x_i − x_j + 2x_ij (negative).
        for (a, b, c) in unbalancedTriangles(instance) {
            var coefficients: [Int: Double] = [:]
            var rhs = 1.0
            for k in [a, b, c] {
                let tie = instance.ties[k]
                let sign: Double = tie.isNegative ? -1 : 1
                if tie.isNegative { rhs -= 1 }
                coefficients[tie.u, default: 0] += sign
                coefficients[tie.v, default: 0] += sign
                coefficients[n + k, default: 0] -= 2 * sign
            }
            let row = Int32(rows)
            for (column, coefficient) in coefficients where coefficient != 0 { entries[column].append((row, coefficient)) }
            rowLower.append(rhs)
            rowUpper.append(.infinity)
            rows += 1
        }
        start.reserveCapacity(columns + 1)
        for column in entries {
            start.append(Int32(index.count))
            for (row, coefficient) in column.sorted(by: { $0.0 < $1.0 }) {
                index.append(row)
                value.append(coefficient)
            }
        }
        start.append(Int32(index.count))
        startValues = instance.start.map(Double.init)
        for tie in instance.ties { startValues.append(Double(instance.start[tie.u] & instance.start[tie.v])) }
    }
}

/// The unbalanced triangles of an instance (an odd number of negative ties), as triples of tie
/// indices, each once: ties oriented from lower to higher (degree, index) rank.
///
/// - Complexity: O(E^1.5).
private func unbalancedTriangles(_ instance: FrustrationInstance) -> [(Int, Int, Int)] {
    let n = instance.nodeCount
    var degree = [Int](repeating: 0, count: n)
    for tie in instance.ties {
        degree[tie.u] += 1
        degree[tie.v] += 1
    }
    var forward = [[(node: Int, tie: Int)]](repeating: [], count: n)
    for (index, tie) in instance.ties.enumerated() {
        if (degree[tie.u], tie.u) < (degree[tie.v], tie.v) {
            forward[tie.u].append((tie.v, index))
        } else {
            forward[tie.v].append((tie.u, index))
        }
    }
    var mark = [Int](repeating: -1, count: n)
    var triangles: [(Int, Int, Int)] = []
    for a in 0..<n {
        for (b, tie) in forward[a] { mark[b] = tie }
        for (b, ab) in forward[a] {
            for (c, bc) in forward[b] where mark[c] >= 0 {
                let ac = mark[c]
                let negatives = [ab, bc, ac].filter { instance.ties[$0].isNegative }.count
                if negatives % 2 == 1 { triangles.append((ab, bc, ac)) }
            }
        }
        for (b, _) in forward[a] { mark[b] = -1 }
    }
    return triangles
}
