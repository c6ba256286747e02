/// Encodes any `Encodable` value as Entente's deterministic JSON: members in the order they are
/// encoded, numbers in ``formatNumber(_:)``'s shortest round-trip form.
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
        try document(value).rendered(pretty: pretty)
    }

    /// The document model of a value.
    package func document(_ value: some Encodable) throws -> JSONOutput {
        let root = EncodingBox()
        try value.encode(to: OutputEncoder(box: root, codingPath: []))
        return root.output
    }
}

/// A value being built: a scalar, or a container whose children are filled in later. Children are
/// kept in arrays of their own, appended in place (an enum payload would copy them on every append).
private final class EncodingBox {
    enum Kind { case empty, scalar, array, object }

    var kind = Kind.empty
    var scalar = JSONOutput.null
    var items: [EncodingBox] = []
    var keys: [String] = []
    var values: [EncodingBox] = []

    var output: JSONOutput {
        switch kind {
        case .empty: return .null
        case .scalar: return scalar
        case .array: return .array(items.map(\.output))
        case .object: return .object(zip(keys, values).map { ($0, $1.output) })
        }
    }

    func set(_ value: JSONOutput) {
        kind = .scalar
        scalar = value
    }

    func member(_ key: String) -> EncodingBox {
        makeObject()
        let child = EncodingBox()
        // Encoding one key twice replaces the value, as JSONEncoder does.
        if let existing = keys.lastIndex(of: key) {
            values[existing] = child
        } else {
            keys.append(key)
            values.append(child)
        }
        return child
    }

    func appended() -> EncodingBox {
        makeArray()
        let child = EncodingBox()
        items.append(child)
        return child
    }

    func makeObject() { if kind != .object { kind = .object; keys = []; values = [] } }
    func makeArray() { if kind != .array { kind = .array; items = [] } }
}

private struct OutputEncoder: Encoder {
    let box: EncodingBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.makeObject()
        return KeyedEncodingContainer(KeyedOutput<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.makeArray()
        return UnkeyedOutput(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleOutput(box: box, codingPath: codingPath) }
}

/// Turns a value into JSON, using the scalar form for the types JSON has.
private func encodeValue(_ value: some Encodable, into box: EncodingBox, codingPath: [any CodingKey]) throws {
    switch value {
    case let value as String: box.set(.string(value))
    case let value as Double: box.set(.number(value))
    case let value as Float: box.set(.number(Double(value)))
    case let value as Int: box.set(.integer(value))
    case let value as any FixedWidthInteger:
        box.set(Int(exactly: value).map { .integer($0) } ?? .string(String(describing: value)))
    case let value as Bool: box.set(.bool(value))
    case let value as JSONOutput: box.set(value)
    default: try value.encode(to: OutputEncoder(box: box, codingPath: codingPath))
    }
}

private struct KeyedOutput<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.member(key.stringValue).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: box.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = box.member(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedOutput<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = box.member(key.stringValue)
        child.makeArray()
        return UnkeyedOutput(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { OutputEncoder(box: box.member("super"), codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        OutputEncoder(box: box.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedOutput: UnkeyedEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.appended().set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: box.appended(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = box.appended()
        child.makeObject()
        return KeyedEncodingContainer(KeyedOutput<NestedKey>(box: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = box.appended()
        child.makeArray()
        return UnkeyedOutput(box: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { OutputEncoder(box: box.appended(), codingPath: codingPath) }
}

private struct SingleOutput: SingleValueEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: box, codingPath: codingPath)
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
