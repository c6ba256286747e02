/// Encodes any `Encodable` value as Entente's deterministic JSON: members in the order they are
/// encoded, numbers in ``TextFormat/number(_:)``'s shortest round-trip form.
///
/// This is how the CLI prints `--json`, so a library user who encodes a result value with it gets the
/// very bytes the CLI prints:
///
/// ```swift
/// let paths = try graph.analysis(types: [.economic]).paths(from: "Pakistan", to: "EU")
/// print(try EntenteJSONEncoder().encode(paths))   // what `entente path … --json` prints
/// ```
///
/// Foundation's `JSONEncoder` gives the same members and values (its number spelling may differ).
public struct EntenteJSONEncoder: Sendable {
    /// Whether to indent by two spaces (as the native file format is written) instead of one line.
    public var pretty: Bool

    /// Creates an encoder; compact by default, as `--json` prints.
    public init(pretty: Bool = false) { self.pretty = pretty }

    /// The JSON text of a value.
    ///
    /// - Throws: `EncodingError` when the value throws one while encoding itself.
    public func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encodedBytes(value), as: UTF8.self)
    }

    /// The JSON of a value as UTF-8 bytes, ready to be written to a file: the bytes of
    /// ``encode(_:)``, written straight from what the value encoded, without a document in between.
    package func encodedBytes(_ value: some Encodable) throws -> [UInt8] {
        if !pretty, let writable = value as? any CompactJSONWritable {
            var bytes: [UInt8] = []
            writable.writeCompactJSON(into: &bytes)
            return bytes
        }
        let root = EncodingBox()
        try value.encode(to: OutputEncoder(box: root, path: nil))
        var bytes: [UInt8] = []
        root.write(into: &bytes, indent: 0, pretty: pretty)
        return bytes
    }

    /// The document model of a value.
    package func document(_ value: some Encodable) throws -> JSONOutput {
        let root = EncodingBox()
        try value.encode(to: OutputEncoder(box: root, path: nil))
        return root.output
    }
}

/// A value of many records that writes its compact JSON itself: byte for byte what its `Encodable`
/// conformance gives through ``EntenteJSONEncoder``, without building the encoder's tree first (a
/// box, two arrays and a container per record), which costs several times the writing. Each
/// conformance has a test comparing the two.
package protocol CompactJSONWritable: Encodable {
    /// Appends the value's compact JSON.
    func writeCompactJSON(into bytes: inout [UInt8])
}

/// A value being built: a scalar, or a container whose children are filled in later. Children are
/// kept in arrays of their own, appended in place (an enum payload would copy them on every append).
private final class EncodingBox {
    enum Kind { case empty, scalar, array, object }

    /// A child of a container: a scalar stored as it is (no box for it: most values are scalars),
    /// or a box that its own encoding fills in.
    enum Child {
        case value(JSONOutput)
        case box(EncodingBox)

        var output: JSONOutput {
            switch self {
            case .value(let value): return value
            case .box(let box): return box.output
            }
        }

        var isScalar: Bool {
            switch self {
            case .value(let value): return value.isScalar
            case .box(let box): return box.isScalar
            }
        }

        func write(into bytes: inout [UInt8], indent: Int, pretty: Bool) {
            switch self {
            case .value(let value): value.write(into: &bytes, indent: indent, pretty: pretty)
            case .box(let box): box.write(into: &bytes, indent: indent, pretty: pretty)
            }
        }
    }

    var kind = Kind.empty
    var scalar = JSONOutput.null
    var items: [Child] = []
    var keys: [String] = []
    var values: [Child] = []
    /// The position of each key, once an object has more members than a scan should look through,
    /// so that an object of n members costs O(n) to build, not O(n²).
    var positionByKey: [String: Int]?

    /// Members looked up by a scan before ``positionByKey`` is built.
    static let scannedMembers = 16

    var output: JSONOutput {
        switch kind {
        case .empty: return .null
        case .scalar: return scalar
        case .array: return .array(items.map(\.output))
        case .object: return .object(zip(keys, values).map { ($0, $1.output) })
        }
    }

    /// Whether the value is written as a scalar (on one line in pretty output).
    var isScalar: Bool {
        switch kind {
        case .empty: return true
        case .scalar: return scalar.isScalar
        case .array, .object: return false
        }
    }

    /// Appends the value's text as ``JSONOutput/write(into:indent:pretty:)`` writes its document.
    func write(into bytes: inout [UInt8], indent: Int, pretty: Bool) {
        switch kind {
        case .empty: bytes.append(contentsOf: "null".utf8)
        case .scalar: scalar.write(into: &bytes, indent: indent, pretty: pretty)
        case .array:
            writeJSONContainer(count: items.count, object: false, inline: !pretty || items.allSatisfy(\.isScalar), pretty: pretty,
                               indent: indent, into: &bytes) { position, bytes in
                items[position].write(into: &bytes, indent: indent + 1, pretty: pretty)
            }
        case .object:
            let inline = !pretty || (keys.count <= 4 && values.allSatisfy(\.isScalar))
            writeJSONContainer(count: keys.count, object: true, inline: inline, pretty: pretty, indent: indent,
                               into: &bytes) { position, bytes in
                appendJSONString(keys[position], to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(UInt8(ascii: " ")) }
                values[position].write(into: &bytes, indent: indent + 1, pretty: pretty)
            }
        }
    }

    func set(_ value: JSONOutput) {
        kind = .scalar
        scalar = value
    }

    func member(_ key: String) -> EncodingBox {
        let child = EncodingBox()
        setMember(key, .box(child))
        return child
    }

    /// Sets a member to a child; encoding one key twice replaces the value, as JSONEncoder does.
    func setMember(_ key: String, _ child: Child) {
        makeObject()
        if let existing = position(of: key) {
            values[existing] = child
        } else {
            keys.append(key)
            values.append(child)
            if positionByKey != nil {
                positionByKey?[key] = keys.count - 1
            } else if keys.count > Self.scannedMembers {
                positionByKey = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { _, last in last })
            }
        }
    }

    /// Where a key already is among the members: by the index in a large object, by a scan in a small one.
    private func position(of key: String) -> Int? {
        if let positionByKey { return positionByKey[key] }
        return keys.lastIndex(of: key)
    }

    func appended() -> EncodingBox {
        let child = EncodingBox()
        append(.box(child))
        return child
    }

    func append(_ child: Child) {
        makeArray()
        items.append(child)
    }

    /// Turns the box into an empty object, with room for the members most objects have (growing
    /// from empty would reallocate both arrays three times for a record of eight members).
    func makeObject() {
        guard kind != .object else { return }
        kind = .object
        keys = []
        keys.reserveCapacity(8)
        values = []
        values.reserveCapacity(8)
        positionByKey = nil
    }

    func makeArray() { if kind != .array { kind = .array; items = [] } }
}

/// A coding path as a chain from the innermost key outwards: a nested container adds one link
/// instead of copying its parent's array, so deep nesting stays linear. The array is built only
/// when asked for (by an error message).
private final class CodingPath {
    let parent: CodingPath?
    let key: any CodingKey

    init(_ parent: CodingPath?, _ key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    static func keys(_ path: CodingPath?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var link = path
        while let current = link {
            keys.append(current.key)
            link = current.parent
        }
        return keys.reversed()
    }
}

private struct OutputEncoder: Encoder {
    let box: EncodingBox
    let path: CodingPath?
    var codingPath: [any CodingKey] { CodingPath.keys(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.makeObject()
        return KeyedEncodingContainer(KeyedOutput<Key>(box: box, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.makeArray()
        return UnkeyedOutput(box: box, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleOutput(box: box, path: path) }
}

/// Turns a value into JSON, using the scalar form for the types JSON has.
private func encodeValue<Value: Encodable>(_ value: Value, into box: EncodingBox, path: CodingPath?) throws {
    // Containers and types of their own are the common case: let them encode themselves without
    // first failing a cast to every scalar type.
    if !(Value.self is any JSONScalarCandidate.Type) {
        try value.encode(to: OutputEncoder(box: box, path: path))
        return
    }
    switch value {
    case let value as String: box.set(.string(value))
    case let value as Double: box.set(.number(value))
    case let value as Float: box.set(.number(Double(value)))
    case let value as Int: box.set(.integer(value))
    case let value as any FixedWidthInteger:
        box.set(Int(exactly: value).map { .integer($0) } ?? .string(String(describing: value)))
    case let value as Bool: box.set(.bool(value))
    case let value as JSONOutput: box.set(value)
    default: try value.encode(to: OutputEncoder(box: box, path: path))
    }
}

/// The types ``encodeValue(_:into:path:)`` writes as JSON scalars (or as a document given whole).
private protocol JSONScalarCandidate {}
extension String: JSONScalarCandidate {}
extension Double: JSONScalarCandidate {}
extension Float: JSONScalarCandidate {}
extension Bool: JSONScalarCandidate {}
extension Int: JSONScalarCandidate {}
extension Int8: JSONScalarCandidate {}
extension Int16: JSONScalarCandidate {}
extension Int32: JSONScalarCandidate {}
extension Int64: JSONScalarCandidate {}
extension UInt: JSONScalarCandidate {}
extension UInt8: JSONScalarCandidate {}
extension UInt16: JSONScalarCandidate {}
extension UInt32: JSONScalarCandidate {}
extension UInt64: JSONScalarCandidate {}
extension JSONOutput: JSONScalarCandidate {}

private struct KeyedOutput<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodingBox
    let path: CodingPath?
    var codingPath: [any CodingKey] { CodingPath.keys(path) }

    mutating func encodeNil(forKey key: Key) throws { box.setMember(key.stringValue, .value(.null)) }

    // The scalar types JSON has, without the dynamic casts of the generic path.
    mutating func encode(_ value: String, forKey key: Key) throws { box.setMember(key.stringValue, .value(.string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.setMember(key.stringValue, .value(.number(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.setMember(key.stringValue, .value(.integer(value))) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.setMember(key.stringValue, .value(.bool(value))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: box.member(key.stringValue), path: CodingPath(path, key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = box.member(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedOutput<NestedKey>(box: child, path: CodingPath(path, key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = box.member(key.stringValue)
        child.makeArray()
        return UnkeyedOutput(box: child, path: CodingPath(path, key))
    }

    mutating func superEncoder() -> any Encoder { OutputEncoder(box: box.member("super"), path: path) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        OutputEncoder(box: box.member(key.stringValue), path: CodingPath(path, key))
    }
}

private struct UnkeyedOutput: UnkeyedEncodingContainer {
    let box: EncodingBox
    let path: CodingPath?
    var codingPath: [any CodingKey] { CodingPath.keys(path) }

    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.append(.value(.null)) }

    mutating func encode(_ value: String) throws { box.append(.value(.string(value))) }
    mutating func encode(_ value: Double) throws { box.append(.value(.number(value))) }
    mutating func encode(_ value: Int) throws { box.append(.value(.integer(value))) }
    mutating func encode(_ value: Bool) throws { box.append(.value(.bool(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: box.appended(), path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = box.appended()
        child.makeObject()
        return KeyedEncodingContainer(KeyedOutput<NestedKey>(box: child, path: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = box.appended()
        child.makeArray()
        return UnkeyedOutput(box: child, path: path)
    }

    mutating func superEncoder() -> any Encoder { OutputEncoder(box: box.appended(), path: path) }
}

private struct SingleOutput: SingleValueEncodingContainer {
    let box: EncodingBox
    let path: CodingPath?
    var codingPath: [any CodingKey] { CodingPath.keys(path) }

    mutating func encodeNil() throws { box.set(.null) }

    mutating func encode(_ value: String) throws { box.set(.string(value)) }
    mutating func encode(_ value: Double) throws { box.set(.number(value)) }
    mutating func encode(_ value: Int) throws { box.set(.integer(value)) }
    mutating func encode(_ value: Bool) throws { box.set(.bool(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: box, path: path)
    }
}

extension JSONOutput: Encodable {
    /// Encodes the document as it is (for encoders other than ``EntenteJSONEncoder``, member by member).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .number(let number):
            var container = encoder.singleValueContainer()
            if number.isFinite { try container.encode(number) } else { try container.encodeNil() }
        case .integer(let integer):
            var container = encoder.singleValueContainer()
            try container.encode(integer)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let members):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for (key, value) in members { try container.encode(value, forKey: AnyCodingKey(key)) }
        }
    }
}
