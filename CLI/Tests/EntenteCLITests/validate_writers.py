#!/usr/bin/env python3
"""Every writer of Entente, fed hostile names, checked by a real parser of its format (#23 item 11).

Usage: python3 CLI/Tests/EntenteCLITests/validate_writers.py ENTENTE

Writes two fixtures into a temporary directory (the names are defined here, once):
- hostile.json: names with markup, entities, quotes, backslashes, line feeds, carriage returns, tabs,
  U+2028 and U+0085, CDATA and comment ends, `</script>`, flags and Arabic: text every format can hold;
- hostile-control.json: the same, plus ESC, BEL, U+0001 and DEL, which XML 1.0 cannot hold.

Then runs every command that writes a file or prints JSON or CSV, and checks each output with a parser
that is not Entente's: Python's json, csv, xml.etree and html.parser, networkx's GraphML and GEXF
readers, and Graphviz's own `dot` for DOT. Where a format holds names, they must come back exactly;
GraphML and GEXF must refuse the control characters with one line and write nothing. Prints one line
per problem and `writers: N outputs checked, 0 problems`; exits 1 on any problem.
"""
import csv
import html.parser
import io
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

import networkx

NAMES = ["lt<b>&amp;\"q'", "&#80;&#65;&#75;", "nl\nline\rcr\ttab", "sep\u2028\u0085end", "emoji🇵🇰 عربى",
         "back\\slash \"quoted\"", "]]>--<!-- </script>"]
CONTROL = ["ctl\u001b[31m\u0007", "x\u0001y", "del\u007f"]


def fixture(names, control=()):
    nodes = [{"id": n, "label": n + " label", "aliases": [n + "-alias"]} for n in names]
    edges = []
    for i, a in enumerate(names):
        b = names[(i + 1) % len(names)]
        edges.append({"source": a, "target": b, "type": ["economic", "security", "cultural"][i % 3], "weight": i + 1,
                      "polarity": "adversarial" if i == 2 else "cooperative", "since": 1990 + i,
                      "evidence": [{"source": "s<1>&", "quote": f"quote \"{a}\" & </script> ]]>"}]})
    for i, n in enumerate(control):
        nodes.append({"id": n, "label": n})
        edges.append({"source": n, "target": names[i], "type": "economic", "weight": 1, "since": 2000,
                      "evidence": [{"source": "s<1>&", "quote": "control " + n}]})
    return {"name": "hostile <names> & \"quotes\"" + (" \u001b[2J" if control else ""),
            "sources": [{"id": "s<1>&", "title": "T & <T>", "citation": "C \"x\""}], "nodes": nodes, "edges": edges}


class Checker:
    def __init__(self, entente, directory):
        self.entente, self.directory = entente, directory
        self.problems, self.checked = [], 0

    def run(self, *arguments):
        return subprocess.run([self.entente, *arguments], capture_output=True, cwd=self.directory)

    def expect(self, condition, what):
        self.checked += 1
        if not condition:
            self.problems.append(what)

    def path(self, name):
        return os.path.join(self.directory, name)


def html_problems(text):
    """Tags html.parser sees opened inside a script (a `</script>` in the data would close it early)."""
    class Parser(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.scripts, self.stack = [], []

        def handle_starttag(self, tag, attrs):
            if tag == "script":
                self.scripts.append({"attrs": dict(attrs), "data": ""})
                self.stack.append(tag)

        def handle_endtag(self, tag):
            if tag == "script" and self.stack:
                self.stack.pop()

        def handle_data(self, data):
            if self.stack:
                self.scripts[-1]["data"] += data

    parser = Parser()
    parser.feed(text)
    parser.close()
    return parser.scripts


def main(argv):
    entente = os.path.abspath(argv[1]) if len(argv) > 1 else "entente"
    with tempfile.TemporaryDirectory() as directory:
        c = Checker(entente, directory)
        for name, graph in [("hostile.json", fixture(NAMES)), ("hostile-control.json", fixture(NAMES, CONTROL))]:
            with open(c.path(name), "w", encoding="utf-8") as f:
                json.dump(graph, f, ensure_ascii=False)
        ids = set(NAMES)
        every = ids | set(CONTROL)

        # convert: every graph format, and back to JSON.
        for fixture_name, names in [("hostile.json", ids), ("hostile-control.json", every)]:
            stem = fixture_name[:-5]
            for fmt in ["json", "csv", "dot", "graphml", "gexf"]:
                out = c.path(f"{stem}.{fmt}")
                result = c.run("convert", fixture_name, "-o", out)
                if fmt in ("graphml", "gexf") and names is every:
                    c.expect(result.returncode == 1 and not os.path.exists(out)
                             and len(result.stderr.decode().strip().splitlines()) == 1,
                             f"convert {fixture_name} to {fmt}: XML cannot hold U+0001; expected one line and no file")
                    continue
                c.expect(result.returncode == 0, f"convert {fixture_name} to {fmt}: {result.stderr.decode()}")
                if result.returncode != 0:
                    continue
                if fmt == "json":
                    graph = json.load(open(out, encoding="utf-8"))
                    c.expect({n["id"] for n in graph["nodes"]} == names, f"{out}: ids changed")
                elif fmt == "csv":
                    rows = list(csv.DictReader(open(out, encoding="utf-8", newline="")))
                    c.expect({r["source"] for r in rows} | {r["target"] for r in rows} == names, f"{out}: ids changed")
                    table = list(csv.DictReader(open(c.path(f"{stem}.nodes.csv"), encoding="utf-8", newline="")))
                    c.expect({r["id"] for r in table} == names, f"{stem}.nodes.csv: ids changed")
                elif fmt == "graphml":
                    ElementTree.parse(out)
                    read = networkx.read_graphml(out)
                    c.expect(set(read.nodes) == names, f"{out}: networkx reads other ids: {sorted(read.nodes)}")
                    c.expect(read.nodes[NAMES[0]].get("label") == NAMES[0] + " label", f"{out}: label changed")
                elif fmt == "gexf":
                    ElementTree.parse(out)
                    read = networkx.read_gexf(out, relabel=False)
                    c.expect(set(read.nodes) == names, f"{out}: networkx reads other ids: {sorted(read.nodes)}")
                elif fmt == "dot":
                    canon = subprocess.run(["dot", "-Tcanon", out], capture_output=True)
                    c.expect(canon.returncode == 0 and not canon.stderr, f"{out}: dot: {canon.stderr.decode()}")
                if fmt != "json":
                    back = c.path(f"{stem}-{fmt}-back.json")
                    again = c.run("convert", out, "-o", back)
                    c.expect(again.returncode == 0, f"{out} back to json: {again.stderr.decode()}")
                    if again.returncode == 0:
                        graph = json.load(open(back, encoding="utf-8"))
                        c.expect({n["id"] for n in graph["nodes"]} == names, f"{out} back to json: ids changed")
                        if fmt != "csv":
                            quotes = sorted(e["quote"] for edge in graph["edges"] for e in edge.get("evidence", []))
                            want = sorted(e["quote"] for edge in fixture(NAMES, CONTROL if names is every else ())["edges"]
                                          for e in edge["evidence"])
                            c.expect(quotes == want, f"{out} back to json: quotes changed")

        # render: every drawing format, both fixtures.
        for fixture_name in ["hostile.json", "hostile-control.json"]:
            stem = fixture_name[:-5]
            for fmt in ["svg", "dot", "json", "html", "png", "pdf"]:
                out = c.path(f"{stem}-drawn.{fmt}")
                result = c.run("render", fixture_name, "-o", out)
                c.expect(result.returncode == 0, f"render {fixture_name} to {fmt}: {result.stderr.decode()}")
                if result.returncode != 0:
                    continue
                data = open(out, "rb").read()
                try:
                    check_drawing(c, out, fmt, data, fixture_name, ids, every, result)
                except (ValueError, ElementTree.ParseError) as error:
                    c.expect(False, f"render {fixture_name} to {fmt}: {error}")

        # Every JSON and CSV a command prints.
        commands_and_charts(c, ids, every)
        for problem in c.problems:
            print(f"validate_writers: {problem}")
        print(f"writers: {c.checked} outputs checked, {len(c.problems)} problems")
        return 1 if c.problems else 0


def check_drawing(c, out, fmt, data, fixture_name, ids, every, result):
    if True:
        if True:
                if fmt == "svg":
                    root = ElementTree.fromstring(data)
                    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
                    c.expect(any(t.startswith(NAMES[0]) for t in texts), f"{out}: {NAMES[0]!r} not drawn literally: {texts}")
                    c.expect(not any("PAK" == t for t in texts), f"{out}: an entity was decoded")
                elif fmt == "dot":
                    canon = subprocess.run(["dot", "-Tcanon", out], capture_output=True)
                    c.expect(canon.returncode == 0, f"{out}: dot: {canon.stderr.decode()}")
                elif fmt == "json":
                    json.loads(data)
                elif fmt == "html":
                    scripts = html_problems(data.decode("utf-8"))
                    blocks = [s for s in scripts if s["attrs"].get("type") == "application/json"]
                    c.expect(len(blocks) == 1, f"{out}: {len(blocks)} data blocks")
                    if blocks:
                        document = json.loads(blocks[0]["data"])
                        drawn = {n["id"] for n in document.get("nodes", [])}
                        want = ids if fixture_name == "hostile.json" else every
                        c.expect(drawn == want, f"{out}: the page's data names other nodes")
                elif fmt == "png":
                    c.expect(data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") > 100, f"{out}: not a PNG")
                elif fmt == "pdf":
                    c.expect(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), f"{out}: not a PDF")
                c.expect(b"\x1b" not in result.stderr, f"render {fixture_name} to {fmt}: raw ESC on stderr")


def commands_and_charts(c, ids, every):
    if True:
        a, b = NAMES[0], NAMES[3]
        # Each command, its output's kind, and names that must appear in it exactly.
        both, neighbours = [a, b] + CONTROL, [a, NAMES[1], CONTROL[0]]
        commands = [
            (["nodes", "hostile-control.json", "--json"], "json", both), (["nodes", "hostile-control.json", "--csv"], "csv", both),
            (["ties", "hostile-control.json", a, "--json"], "json", neighbours),
            (["centrality", "hostile-control.json", "--measure", "degree", "--json"], "json", both),
            (["centrality", "hostile-control.json", "--measure", "degree", "--csv"], "csv", both),
            (["path", "hostile-control.json", a, b, "--json"], "json", [a, b]),
            (["communities", "hostile-control.json", "--json"], "json", both),
            (["balance", "hostile-control.json", "--json"], "json", [a, b]),
            (["diff", "hostile.json", "hostile-control.json", "--json"], "json", CONTROL),
            (["timeline", "hostile-control.json", "--measure", "degree", "--from", "1990", "--to", "2000", "--json"], "json", both),
            (["timeline", "hostile-control.json", "--measure", "degree", "--from", "1990", "--to", "2000", "--csv"], "csv", both),
        ]
        for arguments, kind, names in commands:
            result = c.run(*arguments)
            c.expect(result.returncode == 0, f"{' '.join(arguments[:2])}: {result.stderr.decode()}")
            if result.returncode != 0:
                continue
            text = result.stdout.decode("utf-8")
            if kind == "json":
                try:
                    value = json.loads(text)
                except ValueError as error:
                    c.expect(False, f"{arguments[0]} --json: not JSON: {error}")
                    continue
                strings = set()
                def collect(item):
                    if isinstance(item, str):
                        strings.add(item)
                    elif isinstance(item, dict):
                        for key, inner in item.items():
                            strings.add(key)
                            collect(inner)
                    elif isinstance(item, list):
                        for inner in item:
                            collect(inner)
                collect(value)
                missing = [n for n in names if n not in strings]
                c.expect(not missing, f"{arguments[0]} --json: not exact: {missing!r}")
            else:
                rows = list(csv.reader(io.StringIO(text, newline="")))
                cells = {cell for row in rows for cell in row}
                missing = [n for n in names if n not in cells]
                c.expect(not missing, f"{arguments[0]} --csv: not exact: {missing!r}")

        # The timeline chart: SVG read by an XML parser.
        chart = c.path("timeline.svg")
        result = c.run("timeline", "hostile-control.json", "--measure", "degree", "--from", "1990", "--to", "2000",
                       "--nodes", f"{a},{CONTROL[0]}", "-o", chart)
        c.expect(result.returncode == 0, f"timeline -o svg: {result.stderr.decode()}")
        if result.returncode == 0:
            try:
                ElementTree.parse(chart)
            except ElementTree.ParseError as error:
                c.expect(False, f"timeline -o svg: {error}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
