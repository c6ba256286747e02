/// Text a writer builds once per relation type met and reuses for every edge of that type (GEXF's
/// `kind` and colour, GraphML's type value). Edges mostly share a handful of types: the last one
/// met and a short list are checked by comparing names, before hashing one into the dictionary
/// that keeps a graph of many types linear.
struct PerType<Value> {
    private var known: [(type: RelationType, value: Value)] = []
    private var positions: [RelationType: Int] = [:]
    private var last = -1
    private let make: (RelationType) -> Value

    /// Builds a type's value with `make`, the first time the type is asked for.
    init(_ make: @escaping (RelationType) -> Value) { self.make = make }

    /// The value of `type`, built now if it is the first edge of that type.
    mutating func value(of type: RelationType) -> Value {
        if last >= 0 && known[last].type == type { return known[last].value }
        if known.count <= 8 {
            if let position = known.firstIndex(where: { $0.type == type }) {
                last = position
                return known[position].value
            }
        } else if let position = positions[type] {
            last = position
            return known[position].value
        }
        let value = make(type)
        positions[type] = known.count
        last = known.count
        known.append((type, value))
        return value
    }
}
