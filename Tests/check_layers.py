#!/usr/bin/env python3
"""Checks that the folders of Sources/Entente depend on each other one way only:

    Model -> Formats -> Algorithms -> Analysis -> Comparison -> Charts

A folder may use the types of the folders before it, never those after it (issue "A library an
expert would adopt": layers you can see). Swift does not enforce layers inside one module, so this
script does: it collects the types each folder declares (struct, enum, class, protocol, actor,
typealias) and reports every file that names a type of a later folder, outside comments and string
literals. Methods added by extensions are not seen: an extension belongs in the folder of the
layer it needs, which the type names it uses then show.

    python3 Tests/check_layers.py        # exit 1 and one line per upward use, if any
"""
import os
import re
import sys

ORDER = ["Model", "Formats", "Algorithms", "Analysis", "Comparison", "Charts"]
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "Entente")
DECLARATION = re.compile(r"^(?:public |package |internal |private |fileprivate )?(?:final )?"
                         r"(?:struct|enum|class|protocol|typealias|actor)\s+(\w+)", re.M)


def code_of(text):
    """The text without string literals (multi-line ones too) and comments."""
    text = re.sub(r'"""[\s\S]*?"""', '""', text)
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)
    text = re.sub(r"/\*[\s\S]*?\*/", "", text)
    return re.sub(r"//.*", "", text)


def main():
    folders = sorted(d for d in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, d)) and not d.endswith(".docc"))
    unknown = [d for d in folders if d not in ORDER]
    if unknown:
        print(f"check_layers: folders without a layer: {', '.join(unknown)} (add them to ORDER)")
        return 1
    sources = {}
    owner = {}
    for folder in folders:
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            if name.endswith(".swift"):
                code = code_of(open(os.path.join(ROOT, folder, name), encoding="utf-8").read())
                sources[(folder, name)] = code
                for match in DECLARATION.finditer(code):
                    owner.setdefault(match.group(1), folder)
    problems = []
    for (folder, name), code in sorted(sources.items()):
        for word in sorted(set(re.findall(r"\b[A-Z]\w*\b", code))):
            home = owner.get(word)
            if home and ORDER.index(home) > ORDER.index(folder):
                problems.append(f"Sources/Entente/{folder}/{name}: uses {word} of {home}, a later layer")
    for line in problems:
        print(line)
    if problems:
        print(f"check_layers: {len(problems)} upward uses (order: {' -> '.join(ORDER)})")
        return 1
    print(f"check_layers: {len(sources)} files, every use runs {' -> '.join(ORDER)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
