import ArgumentParser

/// A single-valued option given twice (`--at 1985 --at 1995`) is a usage error: swift-argument-parser
/// would keep the last value without a word, and `diff --at 1985 --at 1995` would compare a year with
/// itself.
///
/// The options come from the parsed command itself, so the check cannot go stale: its stored
/// properties (those of its option groups too) are read with `Mirror`; an `Option` whose value is
/// not an array takes one value. Its long name is the property's name in kebab case, as
/// swift-argument-parser derives it (no command renames a long option), and its short name, if
/// any, is read from the command's help (`-o, --output <output>`).
enum RepeatedOptions {
    /// The long names (`--at`) of the single-valued options of a parsed command, with their short
    /// names (`-o`) where they have one.
    static func singleValued(in command: any ParsableCommand) -> [(long: String, short: String?)] {
        let help = type(of: command).helpMessage(columns: 10_000)
        return longNames(of: command).map { long in (long, shortName(of: long, in: help)) }
    }

    /// Throws a usage error naming the first single-valued option that `arguments` (the words after
    /// the subcommand's name) give more than once, with the values given.
    static func check(_ command: any ParsableCommand, arguments: [String]) throws {
        let words = Array(arguments.prefix { $0 != "--" })
        for (long, short) in singleValued(in: command) {
            var values: [String] = []
            var index = 0
            while index < words.count {
                let word = words[index]
                if word == long || word == short {
                    values.append(index + 1 < words.count ? words[index + 1] : "")
                    index += 2
                    continue
                }
                if word.hasPrefix(long + "=") { values.append(String(word.dropFirst(long.count + 1))) }
                index += 1
            }
            if values.count > 1 {
                throw ValidationError("\(long) given \(values.count) times (\(values.joined(separator: ", "))); it takes one value")
            }
        }
    }

    /// `--kebab-case` names of the single-valued `@Option`s, option groups included.
    private static func longNames(of value: Any) -> [String] {
        var names: [String] = []
        for child in Mirror(reflecting: value).children {
            guard let label = child.label, label.hasPrefix("_") else { continue }
            let type = String(describing: Swift.type(of: child.value))
            if type.hasPrefix("OptionGroup<") {
                // A parsed group holds its value as the case `value` of its storage.
                for storage in Mirror(reflecting: child.value).children {
                    for parsed in Mirror(reflecting: storage.value).children where parsed.label == "value" {
                        names += longNames(of: parsed.value)
                    }
                }
            } else if type.hasPrefix("Option<"), !type.hasPrefix("Option<Array<"), !type.hasPrefix("Option<Optional<Array<") {
                names.append("--" + kebab(String(label.dropFirst())))
            }
        }
        return names
    }

    /// `excludeTypes` → `exclude-types`.
    private static func kebab(_ name: String) -> String {
        var text = ""
        for character in name {
            if character.isUppercase {
                text += "-" + character.lowercased()
            } else {
                text.append(character)
            }
        }
        return text
    }

    /// The short name the help gives an option (`-o, --output`), or nil.
    private static func shortName(of long: String, in help: String) -> String? {
        for line in help.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "," })
            guard let position = words.firstIndex(where: { $0 == long }), position > words.startIndex else { continue }
            let before = words[words.index(before: position)]
            if before.count == 2, before.hasPrefix("-") { return String(before) }
        }
        return nil
    }
}
