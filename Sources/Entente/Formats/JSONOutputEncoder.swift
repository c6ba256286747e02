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

/// A value being built: a scalar, or a container whose children are filled in later.
private final class EncodingBox {
    enum Content {
        case empty
        case scalar(JSONOutput)
        case array([EncodingBox])
        case object([(String, EncodingBox)])
    }

    var content: Content = .empty

    var output: JSONOutput {
        switch content {
        case .empty: return .null
        case .scalar(let value): return value
        case .array(let items): return .array(items.map(\.output))
        case .object(let members): return .object(members.map { ($0.0, $0.1.output) })
        }
    }

    func member(_ key: String) -> EncodingBox {
        let child = EncodingBox()
        if case .object(var members) = content {
            // Encoding one key twice replaces the value, as JSONEncoder does.
            if let existing = members.firstIndex(where: { $0.0 == key }) {
                members[existing].1 = child
            } else {
                members.append((key, child))
            }
            content = .object(members)
        } else {
            content = .object([(key, child)])
        }
        return child
    }

    func appended() -> EncodingBox {
        let child = EncodingBox()
        if case .array(var items) = content {
            items.append(child)
            content = .array(items)
        } else {
            content = .array([child])
        }
        return child
    }

    func makeObject() { if case .object = content {} else { content = .object([]) } }
    func makeArray() { if case .array = content {} else { content = .array([]) } }
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
    case let value as String: box.content = .scalar(.string(value))
    case let value as Double: box.content = .scalar(.number(value))
    case let value as Float: box.content = .scalar(.number(Double(value)))
    case let value as Int: box.content = .scalar(.integer(value))
    case let value as any FixedWidthInteger:
        box.content = .scalar(Int(exactly: value).map { .integer($0) } ?? .string(String(describing: value)))
    case let value as Bool: box.content = .scalar(.bool(value))
    case let value as JSONOutput: box.content = .scalar(value)
    default: try value.encode(to: OutputEncoder(box: box, codingPath: codingPath))
    }
}

private struct KeyedOutput<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.member(key.stringValue).content = .scalar(.null) }

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

    var count: Int {
        if case .array(let items) = box.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws { box.appended().content = .scalar(.null) }

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

    mutating func encodeNil() throws { box.content = .scalar(.null) }

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
