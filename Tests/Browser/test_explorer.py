#!/usr/bin/env python3
"""Browser tests of the explorer page (`entente render GRAPH -o page.html`), in headless Chromium.

Run from the repository root, after `swift build`:

    python3 Tests/Browser/test_explorer.py [CLI/.build/debug/entente [TEST_NAME_PART…]]

Needs Playwright from PyPI (`pip install playwright`) and Debian's Chromium (`apt-get install -y
chromium`, /usr/bin/chromium or $CHROMIUM); `make deps` installs both, and no browser is downloaded.
The pages are generated into a temporary directory and opened from file://. If Playwright or
Chromium is missing the run fails, unless Chromium cannot be installed at all (ENTENTE_NO_CHROMIUM=1
is set by `make deps` when apt-get could not install it), where it prints SKIPPED and why.
If Chromium is installed but cannot start, the run fails with Chromium's reason.

Exit status 0 when every test passed (or the run was skipped), 1 otherwise. A screenshot of the
page, with Pakistan's panel open and a path highlighted, is saved to out/explorer.png.
"""

import concurrent.futures
import itertools
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAKISTAN = os.path.join(ROOT, "Graphs", "pakistan.json")
FIXTURES = os.path.join(ROOT, "Tests", "EntenteTests", "Fixtures", "graphs")
OUT = os.path.join(ROOT, os.environ.get("OUT", "out"))
METRICS = ("strength", "length", "hops")

# A graph whose names, title, sources and quotes try to become markup or script.
HOSTILE = {
    "name": "<script>alert('title')</script> & \"quotes\"",
    "directed": False,
    "sources": [{"id": "s<1>", "title": "<img src=x onerror=alert(2)>",
                 "citation": "</script><script>alert(3)</script>"}],
    "nodes": [
        {"id": "<script>alert(1)</script>", "label": "<script>alert(1)</script>", "kind": "state",
         "aliases": ["\" onmouseover=\"alert(1)"]},
        {"id": "\" onmouseover=\"alert(1)", "label": "\" onmouseover=\"alert(1)", "kind": "state"},
        {"id": "X\u2028Y", "label": "]]> --> <!-- &amp; ' {{script}}", "kind": "state"},
    ],
    "edges": [
        {"source": "<script>alert(1)</script>", "target": "\" onmouseover=\"alert(1)", "type": "economic",
         "weight": 2, "evidence": [{"source": "s<1>",
                                    "quote": "<b onmouseover=alert(4)>bold</b></script><script>alert(5)</script>\u2028end"}]},
        {"source": "X\u2028Y", "target": "\" onmouseover=\"alert(1)", "type": "security", "weight": 1,
         "polarity": "adversarial", "note": "<img src=x onerror=alert(6)>"},
    ],
}


class Skip(Exception):
    """The run cannot happen on this machine, for the reason given."""


def entente(binary, *arguments):
    """Runs the entente binary; returns its standard output, or raises with its standard error."""
    result = subprocess.run([binary, *arguments], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"entente {' '.join(arguments)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def ordered_pairs(graph_path, every=1):
    """Every ordered pair of distinct node ids of a graph file (or every `every`-th), in file order."""
    ids = [node["id"] for node in json.load(open(graph_path))["nodes"]]
    return [(a, b) for a, b in itertools.product(ids, ids) if a != b][::every]


class ReferencePaths:
    """`entente path GRAPH --pairs - --metric M --json [EXTRA]`: the CLI's answers for many pairs, one
    process per request (the graph is read once), run two at a time in the background from the start,
    so that the processes overlap the other tests."""

    def __init__(self, binary):
        self.binary = binary
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
        self.futures = {}

    def _batch(self, graph, metric, pairs, extra):
        lines = "".join(f"{a}\t{b}\n" for a, b in pairs)
        result = subprocess.run([self.binary, "path", graph, "--pairs", "-", "--metric", metric, "--json", *extra],
                                cwd=ROOT, input=lines, capture_output=True, text=True)
        if result.returncode != 0:
            raise AssertionError(f"entente path {graph} --pairs - --metric {metric} {' '.join(extra)} "
                                 f"exited {result.returncode}: {result.stderr.strip()}")
        answers = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(answers) == len(pairs), f"{len(answers)} answers for {len(pairs)} pairs"
        return dict(zip(pairs, answers))

    def request(self, graph, metric, pairs, extra=()):
        missing = [(a, b) for a, b in pairs if (graph, metric, tuple(extra), a, b) not in self.futures]
        if not missing:
            return
        batch = self.pool.submit(self._batch, graph, metric, missing, tuple(extra))
        for a, b in missing:
            self.futures[(graph, metric, tuple(extra), a, b)] = (batch, (a, b))

    def answers(self, graph, metric, pairs, extra=()):
        self.request(graph, metric, pairs, extra)
        return {(a, b): self.futures[(graph, metric, tuple(extra), a, b)][0].result()[(a, b)] for a, b in pairs}


def swift_number(value):
    """A number as entente prints it (TextFormat.number): integers without a fraction, others shortest."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def swift_significant(value, digits):
    """formatNumber(value, significantDigits: digits)."""
    if value == 0 or not math.isfinite(value):
        return swift_number(value)
    exponent = math.floor(math.log10(abs(value)))
    shift = digits - 1 - exponent
    if shift >= 0:
        scale = 10.0 ** shift
        rounded = math.copysign(math.floor(abs(value * scale) + 0.5), value) / scale
    else:
        scale = 10.0 ** -shift
        rounded = math.copysign(math.floor(abs(value / scale) + 0.5), value) * scale
    return swift_number(rounded)


def cli_line(answer, directed):
    """The line `entente path` prints for a JSON answer's first path."""
    path = answer["paths"][0]
    open_, close = (" ->[", "]-> ") if directed else (" -[", "]- ")
    text = path["nodes"][0]
    for hop, edge in enumerate(path["edges"]):
        text += open_ + edge["type"] + " " + swift_number(edge["weight"])
        if edge["polarity"] == "adversarial":
            text += " adversarial"
        text += close + path["nodes"][hop + 1]
    return text + "  cost " + swift_significant(path["cost"], 6)


class Browser:
    """One headless Chromium, and the console errors, page errors and dialogs of every page it opens."""

    def __init__(self, playwright, executable):
        try:
            self.browser = playwright.chromium.launch(executable_path=executable, headless=True)
        except Exception as error:  # Chromium is installed: not starting is a failure, with its reason.
            raise AssertionError(f"Chromium ({executable}) could not start: {error}") from error
        self.errors = []
        self.dialogs = []

    def open(self, path, width=1500, height=950):
        page = self.browser.new_page(viewport={"width": width, "height": height})
        page.on("console", lambda message: message.type == "error" and self.errors.append(f"{path}: {message.text}"))
        page.on("pageerror", lambda error: self.errors.append(f"{path}: {error}"))

        def dialog(d):
            self.dialogs.append(f"{path}: {d.type} {d.message}")
            d.dismiss()
        page.on("dialog", dialog)
        page.goto("file://" + path)
        page.wait_for_selector("body.ready", timeout=10000)
        return page


def node_centre(page, node_index):
    return page.evaluate("""(index) => {
        const r = document.getElementById('node-' + index).getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2];
    }""", node_index)


def diagram_centre(page):
    return page.evaluate("""() => {
        const r = document.getElementById('diagram').getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2];
    }""")


# ------------------------------------------------------------------------------------------ tests


def test_page_size_and_determinism(ctx):
    first = open(ctx["pages"]["pakistan"], "rb").read()
    again = os.path.join(ctx["tmp"], "again.html")
    entente(ctx["binary"], "render", PAKISTAN, "-o", again)
    assert open(again, "rb").read() == first, "two renders of Graphs/pakistan.json differ"
    assert len(first) < 300_000, f"the Pakistan page is {len(first)} bytes, not under 300 KB"
    ctx["numbers"]["pakistan.html bytes"] = len(first)


def test_clicking_pakistan_shows_its_evidence(ctx):
    page = ctx["browser"].open(ctx["pages"]["pakistan"])
    graph = ctx["graph"]
    pak = next(i for i, node in enumerate(graph["nodes"]) if node["id"] == "PAK")
    assert page.is_hidden("#panel")
    page.click(f"#node-{pak}")
    assert page.is_visible("#panel"), "the panel did not open"
    assert page.text_content("#panel-body h2") == "Pakistan"
    text = page.text_content("#panel-body")
    for needle in ("PAK", "state", "Islamic Republic of Pakistan", "degree", "strength", "betweenness",
                   "PageRank", "#1 of 14"):
        assert needle in text, f"the panel lacks {needle!r}"
    quotes = [e["quote"] for edge in graph["edges"] if "PAK" in (edge["source"], edge["target"])
              for e in edge.get("evidence", [])]
    assert quotes, "Graphs/pakistan.json has no evidence on Pakistan's edges"
    shown = page.eval_on_selector_all("#panel-body blockquote", "items => items.map(q => q.textContent)")
    for quote in quotes:
        assert quote in shown, f"the panel does not show the quote verbatim: {quote[:60]}…"
    # Ties are grouped by type, in the graph's order of types.
    groups = page.eval_on_selector_all("#panel-body section.ties h3", "hs => hs.map(h => h.textContent.trim())")
    assert [g.split()[0] for g in groups] == ["economic", "security", "cultural", "membership"], groups
    # Clicking an edge shows its evidence.
    edge_index = next(i for i, edge in enumerate(graph["edges"]) if edge.get("evidence"))
    page.click("#zoom-fit")
    page.evaluate("(i) => document.getElementById('edge-' + i).dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                  edge_index)
    shown = page.eval_on_selector_all("#panel-body blockquote", "items => items.map(q => q.textContent)")
    assert shown == [e["quote"] for e in graph["edges"][edge_index]["evidence"]], shown
    page.close()


def test_hover_highlights_ties(ctx):
    page = ctx["browser"].open(ctx["pages"]["pakistan"])
    graph = ctx["graph"]
    ind = next(i for i, node in enumerate(graph["nodes"]) if node["id"] == "IND")
    page.hover(f"#node-{ind}")
    lit = set(page.eval_on_selector_all(".lit", "items => items.map(i => i.id)"))
    ties = {f"edge-{i}" for i, edge in enumerate(graph["edges"]) if "IND" in (edge["source"], edge["target"])}
    assert ties <= lit, f"hovering India lights {sorted(lit)}"
    # The rest is faded by a veil, with copies of India and its ties drawn over it.
    veil = page.evaluate("() => { const v = document.querySelector('#drawing .overlay.hover .veil');"
                         " return v && Number(v.getAttribute('fill-opacity')); }")
    assert veil and veil > 0.5, f"no veil fades the rest ({veil})"
    copies = page.eval_on_selector_all("#drawing .overlay.hover > g", "gs => gs.length")
    assert copies == len(lit), f"{copies} copies over the veil for {len(lit)} lit elements"
    page.mouse.move(5, 5)
    assert page.eval_on_selector_all("#drawing .overlay, #drawing .lit", "xs => xs.length") == 0, "leaving kept the highlight"
    # An edge's tooltip (its <title>, which the drawing leaves short) gets its facts and evidence on hover.
    edge = next(i for i, e in enumerate(graph["edges"]) if e.get("evidence") and e.get("since"))
    tooltip = page.evaluate("""(i) => { const g = document.getElementById('edge-' + i);
        g.dispatchEvent(new MouseEvent('mouseenter')); return g.querySelector(':scope > title').textContent; }""", edge)
    record = graph["edges"][edge]
    for needle in [f"since {record['since']}", record["evidence"][0]["quote"], record["evidence"][0]["source"] + ": "]:
        assert needle in tooltip, f"the tooltip lacks {needle!r}: {tooltip!r}"
    page.close()


def test_unchecking_security_hides_every_security_edge(ctx):
    page = ctx["browser"].open(ctx["pages"]["pakistan"])
    graph = ctx["graph"]
    security = [i for i, edge in enumerate(graph["edges"]) if edge["type"] == "security"]
    others = [i for i, edge in enumerate(graph["edges"]) if edge["type"] != "security"]
    display = "(ids) => ids.map(i => getComputedStyle(document.getElementById('edge-' + i)).display)"
    assert "none" not in page.evaluate(display, security)
    page.uncheck("#filters input[data-type='security']")
    assert set(page.evaluate(display, security)) == {"none"}, "a security edge is still drawn"
    assert "none" not in page.evaluate(display, others), "an edge of another type was hidden"
    legend = page.evaluate("""() => [...document.querySelectorAll('#drawing text.legend-off')].map(t => t.textContent.trim())""")
    assert "security" in legend, f"the legend does not show security as hidden: {legend}"
    page.uncheck("#filters input[data-polarity='adversarial']")
    adversarial = [i for i, edge in enumerate(graph["edges"]) if edge.get("polarity") == "adversarial"]
    assert set(page.evaluate(display, adversarial)) == {"none"}
    page.check("#filters input[data-type='security']")
    page.check("#filters input[data-polarity='adversarial']")
    assert "none" not in page.evaluate(display, security + others)
    page.close()


def test_search_centres_the_match(ctx):
    page = ctx["browser"].open(ctx["pages"]["pakistan"])
    pak = next(i for i, node in enumerate(ctx["graph"]["nodes"]) if node["id"] == "PAK")
    # Zoom in near a corner first, so that Pakistan is far from the middle.
    box = page.eval_on_selector("#diagram", "d => { const r = d.getBoundingClientRect(); return [r.left, r.top]; }")
    page.mouse.move(box[0] + 40, box[1] + 40)
    for _ in range(4):
        page.mouse.wheel(0, -300)
    before = node_centre(page, pak)
    centre = diagram_centre(page)
    assert math.dist(before, centre) > 100, "Pakistan was already in the middle; the test would prove nothing"
    page.fill("#search-input", "islamic republic of pakistan")
    page.press("#search-input", "Enter")
    after, centre = node_centre(page, pak), diagram_centre(page)
    assert math.dist(after, centre) < 3, f"Pakistan is at {after}, the diagram's middle at {centre}"
    assert page.text_content("#panel-body h2") == "Pakistan"
    for name in ("pak", "PAKISTAN", "Pakistan"):
        page.click("#zoom-fit")
        page.fill("#search-input", name)
        page.press("#search-input", "Enter")
        assert math.dist(node_centre(page, pak), diagram_centre(page)) < 3, name
    page.fill("#search-input", "Atlantis")
    page.press("#search-input", "Enter")
    assert "No node matches" in page.text_content("#search-status")
    page.close()


def test_zoom_and_pan_change_the_view(ctx):
    page = ctx["browser"].open(ctx["pages"]["pakistan"])
    box = lambda: page.evaluate("() => document.getElementById('drawing').getAttribute('viewBox')")
    width = lambda: float(box().split()[2])
    start = box()
    page.click("#zoom-in")
    assert width() < float(start.split()[2]), "+ did not zoom in"
    zoomed = width()
    page.click("#zoom-out")
    page.click("#zoom-out")
    assert width() > zoomed
    page.click("#zoom-fit")
    assert box() == start, "fit did not restore the whole drawing"
    rect = page.eval_on_selector("#diagram", "d => { const r = d.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }")
    page.mouse.move(*rect)
    page.mouse.wheel(0, -400)
    assert width() < float(start.split()[2]), "the wheel did not zoom in"
    before = box()
    page.mouse.move(rect[0] + 5, rect[1] + 200)  # a blank spot below the middle
    page.mouse.down()
    page.mouse.move(rect[0] + 105, rect[1] + 250, steps=5)
    page.mouse.up()
    after = box()
    assert before.split()[0] != after.split()[0] and before.split()[2] == after.split()[2], f"drag: {before} → {after}"
    page.keyboard.press("0")
    assert box() == start
    page.close()


def test_keyboard_reaches_nodes_and_opens_and_closes_the_panel(ctx):
    page = ctx["browser"].open(ctx["pages"]["pakistan"])
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('node')"):
            break
    else:
        raise AssertionError("Tab never reached a node")
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    assert page.is_visible("#panel"), "Enter did not open the panel"
    heading = page.text_content("#panel-body h2")
    assert label.startswith(heading), f"focused {label!r}, panel shows {heading!r}"
    page.keyboard.press("Escape")
    assert page.is_hidden("#panel"), "Esc did not close the panel"
    assert page.evaluate("() => document.activeElement.classList.contains('node')"), "focus left the node"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('node')"), "Tab did not go on to the next node"
    title = page.evaluate("() => document.querySelector('#drawing > title').textContent")
    desc = page.evaluate("() => document.querySelector('#drawing > desc').textContent")
    assert title == "Pakistan's foreign relations" and "14 nodes" in desc
    page.close()


# Submits the path form for each pair, as a reader would, and reads what it shows.
FORM_QUERIES = """([pairs, metric]) => pairs.map(([a, b]) => {
    document.getElementById('path-from').value = a;
    document.getElementById('path-to').value = b;
    document.getElementById('path-metric').value = metric;
    document.getElementById('path-form').requestSubmit();
    const line = document.querySelector('#path-result .path-line');
    return [line ? line.textContent : document.getElementById('path-result').textContent,
            document.querySelectorAll('#drawing .overlay.path .node.on-path').length];
})"""


def check_paths(ctx, page_key, graph_path, directed, metrics, extra=(), types=None, adversarial=False, every=1):
    """The page's path routine, and its form, against `entente path --json` for every ordered pair
    (or every `every`-th), on each metric."""
    graph = json.load(open(graph_path))
    page = ctx["browser"].open(ctx["pages"][page_key])
    pairs = ordered_pairs(graph_path, every)
    all_types = page.evaluate("() => [...document.querySelectorAll('#path-types input')].map(i => i.value)")
    chosen = types or all_types
    for box in page.query_selector_all("#path-types input"):
        box.set_checked(box.get_attribute("value") in chosen)
    page.set_checked("#path-adversarial", adversarial)
    checked = 0
    for metric in metrics:
        found = page.evaluate("([pairs, m, t, adv]) => pairs.map(([a, b]) => window.entente.findPath(a, b, m, t, adv))",
                              [pairs, metric, chosen, adversarial])
        shown = page.evaluate(FORM_QUERIES, [pairs, metric])
        answers = ctx["reference"].answers(graph_path, metric, pairs, extra)
        for (a, b), mine, (line, drawn) in zip(pairs, found, shown):
            answer = answers[(a, b)]
            where = f"{os.path.basename(graph_path)} {a}→{b} --metric {metric} {' '.join(extra)}"
            assert "error" not in mine, f"{where}: {mine}"
            if not answer["paths"]:
                assert mine["path"] is None, f"{where}: the CLI finds no path, the page finds {mine['path']}"
                assert line.startswith("No ") and drawn == 0, f"{where}: the form shows {line!r}"
                continue
            cli = answer["paths"][0]
            assert mine["path"] is not None, f"{where}: the page finds no path, the CLI finds {cli['nodes']}"
            assert mine["path"]["nodes"] == cli["nodes"], f"{where}: page {mine['path']['nodes']} ≠ CLI {cli['nodes']}"
            assert mine["path"]["cost"] == cli["cost"], f"{where}: cost {mine['path']['cost']!r} ≠ {cli['cost']!r}"
            hops = [[graph["edges"][i].get("type", "economic"), graph["edges"][i].get("weight", 1),
                     graph["edges"][i].get("polarity", "cooperative")] for i in mine["path"]["edges"]]
            assert hops == [[e["type"], e["weight"], e["polarity"]] for e in cli["edges"]], f"{where}: hops {hops}"
            # The form shows the CLI's line and draws the path.
            assert line == cli_line(answer, directed), f"{where}: the form shows {line!r}"
            assert drawn == len(cli["nodes"]), f"{where}: {drawn} nodes drawn on the path"
            checked += 1
    page.close()
    return checked


def test_path_finder_equals_the_cli_on_pakistan(ctx):
    checked = sum(check_paths(ctx, *check) for check in PATH_CHECKS["pakistan"])
    ctx["numbers"]["Pakistan paths compared (ordered pairs × metrics)"] = checked
    # The CLI's own text for a few pairs, which checks the line built above from its JSON.
    page = ctx["browser"].open(ctx["pages"]["pakistan"])
    for a, b, metric in (("IND", "RUS", "strength"), ("PAK", "EU", "length"), ("AFG", "TUR", "hops"), ("USA", "IRN", "length")):
        text = entente(ctx["binary"], "path", PAKISTAN, a, b, "--metric", metric).strip()
        page.fill("#path-from", a)
        page.fill("#path-to", b)
        page.select_option("#path-metric", metric)
        page.click("#path-form button[type=submit]")
        assert page.text_content("#path-result .path-line") == text, (a, b, metric, text)
    page.close()


def test_path_finder_equals_the_cli_with_parallel_adversarial_and_directed_edges(ctx):
    ctx["numbers"]["fixture paths compared"] = sum(check_paths(ctx, *check) for check in PATH_CHECKS["fixtures"])


RELATIONS = os.path.join(FIXTURES, "relations.json")
WORLD = os.path.join(ROOT, "Graphs", "world", "security.json")
WORLD_YEARS = (1962, 1985, 2010)
MEASURES = (("degree", "degree"), ("strength", "strength"), ("betweenness", "betweenness"), ("pagerank", "PageRank"))
DIRECTED = os.path.join(FIXTURES, "directed.json")

# (page, graph, directed, metrics, CLI options, types, include adversarial, every n-th pair). Every
# ordered pair of Graphs/pakistan.json on each metric; every fifth pair of the fixtures (parallel and
# adversarial edges, a type filter, a directed graph), since `entente path` costs a process per pair.
PATH_CHECKS = {
    "pakistan": [("pakistan", PAKISTAN, False, METRICS)],
    "fixtures": [
        ("relations", RELATIONS, False, ("strength",), ("--include-adversarial",), None, True, 5),
        ("relations", RELATIONS, False, ("length",), ("--types", "economic,security"), ["economic", "security"], False, 5),
        ("directed", DIRECTED, True, ("strength", "hops"), (), None, False, 5),
    ],
}


def test_hostile_names_stay_text(ctx):
    browser = ctx["browser"]
    dialogs = len(browser.dialogs)
    page = browser.open(ctx["pages"]["hostile"])
    script = "<script>alert(1)</script>"
    attribute = "\" onmouseover=\"alert(1)"
    for index in range(3):
        page.hover(f"#node-{index}")
        page.click(f"#node-{index}")
    page.hover("#node-1")
    page.mouse.move(5, 5)
    page.fill("#search-input", attribute)
    page.press("#search-input", "Enter")
    assert page.text_content("#panel-body h2") == attribute
    page.fill("#search-input", script)
    page.press("#search-input", "Enter")
    assert page.text_content("#panel-body h2") == script, "the name is not shown as text"
    panel = page.text_content("#panel-body")
    assert "<b onmouseover=alert(4)>bold</b></script><script>alert(5)</script>" in panel, "the quote is not shown as text"
    assert "<img src=x onerror=alert(2)>" in panel, "the source title is not shown as text"
    page.fill("#path-from", script)
    page.fill("#path-to", "X\u2028Y")
    page.check("#path-adversarial")
    page.click("#path-form button[type=submit]")
    assert "cost" in page.text_content("#path-result")
    labels = page.eval_on_selector_all("#drawing .node text", "ts => ts.map(t => t.textContent)")
    assert script in labels and attribute in labels, labels
    assert page.title() == HOSTILE["name"], page.title()
    counts = page.evaluate("""() => ({
        scripts: document.querySelectorAll('script').length,
        handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        images: document.querySelectorAll('img').length })""")
    assert counts == {"scripts": 2, "handlers": 0, "images": 0}, counts
    page.wait_for_timeout(300)
    assert len(browser.dialogs) == dialogs, f"a dialog opened: {browser.dialogs[dialogs:]}"
    page.close()


def competition_ranks(values):
    """The explorer's ranks: 1 + the number of values greater by more than 1e-9 relative."""
    known = sorted(values.values(), reverse=True)
    return {key: 1 + sum(1 for other in known if other > value + 1e-9 * abs(value) + 1e-15) for key, value in values.items()}


def test_world_year_control_equals_the_cli(ctx):
    """The world security page of 1946-2014: under 5 MB, first paint under 1 s, and in three years the
    tie count, the panel's centralities and ranks, and the path finder equal `entente … --at YEAR`."""
    path = ctx["pages"]["world"]
    size = os.path.getsize(path)
    assert size < 5_000_000, f"the world page of 1946-2014 is {size} bytes, not under 5 MB"
    ctx["numbers"]["world 1946-2014 page bytes"] = size
    page = ctx["browser"].open(path)
    paint = page.evaluate("() => { const p = performance.getEntriesByName('first-contentful-paint')[0];"
                          " return p ? p.startTime : null; }")
    assert paint is not None and paint < 1000, f"first paint after {paint} ms"
    ctx["numbers"]["world page first paint (ms)"] = round(paint)
    assert page.is_visible("#year-section"), "the page has no year control"
    assert page.evaluate("() => window.entente.year") == 2014, "the page does not open on its latest year"
    assert page.input_value("#year") == "2014" and page.get_attribute("#year", "min") == "1946"
    compared = 0
    for year in WORLD_YEARS:
        page.evaluate("(y) => window.entente.showYear(y)", year)
        info = json.loads(entente(ctx["binary"], "info", WORLD, "--at", str(year), "--json"))
        count = page.text_content("#filter-count")
        assert count == f"{info['edges']} of {info['edges']} ties shown in {year}", (year, count, info["edges"])
        counts = page.eval_on_selector_all("#filters .count", "cs => cs.map(c => Number(c.textContent))")
        assert counts == [info["types"]["security"], info["polarities"]["adversarial"]], (year, counts)
        drawn = page.evaluate("() => [...document.querySelectorAll('#drawing .edge')]"
                              ".filter(e => getComputedStyle(e).display !== 'none').length")
        assert drawn == info["edges"], f"{year}: {drawn} ties drawn, the CLI has {info['edges']}"
        absent = page.evaluate("() => document.querySelectorAll('#drawing .node.absent').length")
        drawn_nodes = page.evaluate("() => document.querySelectorAll('#drawing .node').length")
        assert drawn_nodes - absent == info["nodes"], f"{year}: {drawn_nodes - absent} states shown, the CLI has {info['nodes']}"
        values = {key: json.loads(entente(ctx["binary"], "centrality", WORLD, "--at", str(year), "--measure", key,
                                          "--json"))["values"] for key, _ in MEASURES}
        ranks = {key: competition_ranks(values[key]) for key, _ in MEASURES}
        for state in ("USA", "RUS", "FRN", "IND", "EGY"):
            page.fill("#search-input", state)
            page.press("#search-input", "Enter")
            rows = page.eval_on_selector_all("#panel-body table.measures tbody tr",
                                             "rs => rs.map(r => [...r.children].map(c => c.textContent))")
            assert [row[0] for row in rows] == [name for _, name in MEASURES], rows
            for (key, name), (_, shown, rank) in zip(MEASURES, rows):
                assert shown == swift_significant(values[key][state], 4), f"{year} {state} {name}: page {shown}, CLI {values[key][state]}"
                assert rank == f"#{ranks[key][state]} of {info['nodes']}", f"{year} {state} {name}: page {rank}"
                compared += 1
        # The path finder, against `entente path --at YEAR`, on every 97th ordered pair of the year's states.
        ids = [node["id"] for node in json.loads(entente(ctx["binary"], "nodes", WORLD, "--at", str(year), "--json"))["nodes"]]
        pairs = [(a, b) for a, b in itertools.product(ids, ids) if a != b][::97]
        answers = ctx["reference"].answers(WORLD, "strength", pairs, ("--at", str(year)))
        found = page.evaluate("""(pairs) => pairs.map(([a, b]) => {
            const answer = window.entente.findPath(a, b, 'strength', ['security'], false);
            return answer.path ? [answer.path.nodes, answer.path.cost, window.entente.pathLine(answer.path)] : answer.error || null; })""",
                              pairs)
        for (a, b), mine in zip(pairs, found):
            answer = answers[(a, b)]
            if not answer["paths"]:
                assert mine is None, f"{year} {a}→{b}: the CLI finds no path, the page {mine}"
                continue
            assert isinstance(mine, list), f"{year} {a}→{b}: the page finds {mine}, the CLI {answer['paths'][0]['nodes']}"
            assert mine[0] == answer["paths"][0]["nodes"] and mine[1] == answer["paths"][0]["cost"], (year, a, b, mine)
            assert mine[2] == cli_line(answer, False), (year, a, b, mine[2])
            compared += 1
    # A state of another year: the path finder says so, as the CLI does.
    page.evaluate("() => window.entente.showYear(1950)")
    error = page.evaluate("() => window.entente.findPath('GDR', 'USA', 'strength', ['security'], false).error")
    assert error == "German Democratic Republic (GDR) does not exist in 1950 (it exists 1954–1990)", error
    # All years together: every tie of the page.
    page.evaluate("() => window.entente.showYear(null)")
    total = len(json.loads(page.text_content("#entente-data"))["edges"])
    assert page.text_content("#filter-count") == f"{total} of {total} ties shown", page.text_content("#filter-count")
    ctx["numbers"]["world values, ranks and paths compared"] = compared
    # The slider and the play button, as a reader uses them.
    page.uncheck("#year-all")
    page.fill("#year", "1962")
    assert page.evaluate("() => window.entente.year") == 1962 and page.text_content("#year-value") == "1962"
    page.click("#year-play")
    page.wait_for_timeout(1500)
    page.click("#year-play")
    played = page.evaluate("() => window.entente.year")
    assert 1963 <= played <= 1966 and page.text_content("#year-value") == str(played), played
    page.fill("#year", "1962")
    page.fill("#search-input", "USA")
    page.press("#search-input", "Enter")
    page.fill("#path-from", "USA")
    page.fill("#path-to", "Cuba")
    page.click("#path-form button[type=submit]")
    assert page.text_content("#path-result .path-line").startswith("USA -[security 5]- CUB"), page.text_content("#path-result")
    page.fill("#year", "1963")
    # The alliance ended in 1962 (`entente path --at 1963 USA CUB`: no path): the finder asks again.
    assert page.text_content("#path-result") == \
        "No cooperative path from United States of America (USA) to Cuba (CUB) in 1963.", page.text_content("#path-result")
    page.fill("#year", "1962")
    assert page.text_content("#path-result .path-line") == "USA -[security 5]- CUB  cost 0.2", "1962's path is not back"
    os.makedirs(OUT, exist_ok=True)
    page.screenshot(path=os.path.join(OUT, "explorer-world.png"))
    page.close()


def png_pixels(data):
    """(width, height, rows) of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes), each
    row a bytes of RGB(A) samples; the filters undone as the PNG specification defines them."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks = 8, {}
    idat = b""
    while position < len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        kind, body = data[position + 4:position + 8], data[position + 8:position + 8 + length]
        if kind == b"IDAT":
            idat += body
        else:
            chunks[kind] = body
        position += 12 + length
    header = chunks[b"IHDR"]
    width, height = int.from_bytes(header[0:4], "big"), int.from_bytes(header[4:8], "big")
    depth, colour, interlace = header[8], header[9], header[12]
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"PNG depth {depth}, colour type {colour}, interlace {interlace}"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, [[tuple(row[x:x + 3]) for x in range(0, stride, channels)] for row in rows]


def region_pixels(page, box):
    """The RGB pixels a reader sees inside a page box {x, y, width, height} (CSS pixels)."""
    clip = {"x": max(0, box["x"]), "y": max(0, box["y"]), "width": max(1, box["width"]), "height": max(1, box["height"])}
    _, _, rows = png_pixels(page.screenshot(clip=clip))
    return [pixel for row in rows for pixel in row]


def test_screenshot(ctx):
    page = ctx["browser"].open(ctx["pages"]["pakistan"], width=1500, height=950)
    pak = next(i for i, node in enumerate(ctx["graph"]["nodes"]) if node["id"] == "PAK")
    page.click(f"#node-{pak}")
    page.fill("#path-from", "Russia")
    page.fill("#path-to", "EU")
    page.click("#path-form button[type=submit]")
    page.mouse.move(5, 940)
    page.wait_for_timeout(300)
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "explorer.png")
    page.screenshot(path=path)
    assert os.path.getsize(path) > 10_000
    # What a reader sees, pixel by pixel. The panel: white paper with dark text on it.
    panel = region_pixels(page, page.eval_on_selector("#panel", "e => e.getBoundingClientRect().toJSON()"))
    ink = sum(1 for r, g, b in panel if max(r, g, b) < 110) / len(panel)
    paper = sum(1 for r, g, b in panel if min(r, g, b) > 245) / len(panel)
    assert ink > 0.005 and paper > 0.5, f"the panel shows {ink:.1%} dark text and {paper:.1%} paper"
    # The path Russia → … → EU: its edges drawn in their full colour over the veil.
    path_edges = page.eval_on_selector_all(".overlay.path .edge path", """es => es.map(e => ({
        box: e.getBoundingClientRect().toJSON(), stroke: getComputedStyle(e).stroke }))""")
    assert path_edges, "no path edge in the overlay"
    for edge in path_edges:
        wanted = tuple(int(part) for part in re.findall(r"\d+", edge["stroke"])[:3])
        pixels = region_pixels(page, edge["box"])
        near = sum(1 for pixel in pixels if sum(abs(a - b) for a, b in zip(pixel, wanted)) < 60)
        assert near >= 10, f"a path edge ({edge['stroke']}) shows {near} pixels of its colour"
    # A node off the path lies under the veil: nothing in it is as dark as a drawn outline or label.
    off_path = page.eval_on_selector_all("svg .node:not(.on-path):not(.absent)", """es => es.slice(0, 3).map(e =>
        e.getBoundingClientRect().toJSON())""")
    on_path = page.eval_on_selector_all(".overlay.path .node", "es => es.map(e => e.getBoundingClientRect().toJSON())")
    assert off_path and on_path
    for box in off_path:
        darkest = min(min(pixel) for pixel in region_pixels(page, box))
        assert darkest > 110, f"a node off the path is not faded (darkest {darkest})"
    for box in on_path:
        darkest = min(min(pixel) for pixel in region_pixels(page, box))
        assert darkest < 90, f"a node on the path is faded (darkest {darkest})"
    # A second view: hovering India, with economic ties hidden.
    page.click("#path-clear")
    page.click("#panel-close")
    page.uncheck("#filters input[data-type='economic']")
    ind = next(i for i, node in enumerate(ctx["graph"]["nodes"]) if node["id"] == "IND")
    page.hover(f"#node-{ind}")
    page.wait_for_timeout(300)
    page.screenshot(path=os.path.join(OUT, "explorer-hover.png"))
    page.close()


def test_no_console_errors(ctx):
    assert not ctx["browser"].errors, "console errors:\n" + "\n".join(ctx["browser"].errors)
    assert not ctx["browser"].dialogs, f"dialogs opened: {ctx['browser'].dialogs}"
# The test that uses each group of PATH_CHECKS (their CLI answers are fetched from the start).
PATH_TESTS = {
    "pakistan": "test_path_finder_equals_the_cli_on_pakistan",
    "fixtures": "test_path_finder_equals_the_cli_with_parallel_adversarial_and_directed_edges",
}


TESTS = [
    test_page_size_and_determinism,
    test_clicking_pakistan_shows_its_evidence,
    test_hover_highlights_ties,
    test_unchecking_security_hides_every_security_edge,
    test_search_centres_the_match,
    test_zoom_and_pan_change_the_view,
    test_keyboard_reaches_nodes_and_opens_and_closes_the_panel,
    test_path_finder_equals_the_cli_on_pakistan,
    test_path_finder_equals_the_cli_with_parallel_adversarial_and_directed_edges,
    test_hostile_names_stay_text,
    test_world_year_control_equals_the_cli,
    test_screenshot,
    test_no_console_errors,  # last: it gathers what every page above logged
]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "CLI", ".build", "debug", "entente"))
    started = time.monotonic()
    try:
        if not os.access(binary, os.X_OK):
            raise AssertionError(f"no entente binary at {binary}: run swift build first")
        executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
        if not os.access(executable, os.X_OK):
            if os.environ.get("ENTENTE_NO_CHROMIUM") == "1":
                raise Skip("chromium cannot be installed on this machine (apt-get install -y chromium failed)")
            raise AssertionError(f"chromium is not installed ({executable}): run make deps (apt-get install -y chromium)")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise AssertionError(f"Playwright is not installed ({error}): run make deps (pip install playwright)")
    except Skip as reason:
        print(f"browser tests SKIPPED: {reason}")
        return 0
    except AssertionError as error:
        print(f"browser tests FAILED: {error}")
        return 1

    wanted = sys.argv[2:]
    tests = [test for test in TESTS if not wanted or any(part in test.__name__ for part in wanted)]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="entente-browser-") as tmp, sync_playwright() as playwright:
        hostile = os.path.join(tmp, "hostile.json")
        with open(hostile, "w") as file:
            json.dump(HOSTILE, file, ensure_ascii=False)
        pages = {"pakistan": os.path.join(tmp, "pakistan.html"), "hostile": os.path.join(tmp, "hostile.html"),
                 "relations": os.path.join(tmp, "relations.html"), "directed": os.path.join(tmp, "directed.html"),
                 "world": os.path.join(tmp, "world.html")}
        ctx = {"binary": binary, "tmp": tmp, "pages": pages, "numbers": {}, "graph": json.load(open(PAKISTAN))}
        try:
            entente(binary, "render", PAKISTAN, "-o", pages["pakistan"])
            entente(binary, "render", hostile, "-o", pages["hostile"])
            entente(binary, "render", os.path.join(FIXTURES, "relations.json"), "-o", pages["relations"])
            entente(binary, "render", os.path.join(FIXTURES, "directed.json"), "-o", pages["directed"])
            if test_world_year_control_equals_the_cli in tests:
                entente(binary, "render", WORLD, "--during", "1946-2014", "-o", pages["world"])
            ctx["browser"] = Browser(playwright, executable)
            ctx["reference"] = ReferencePaths(binary)
            names = {test.__name__ for test in tests}
            for key, checks in PATH_CHECKS.items():
                if PATH_TESTS[key] not in names:
                    continue
                for _, graph, _, metrics, *rest in checks:
                    extra = rest[0] if rest else ()
                    every = rest[3] if len(rest) > 3 else 1
                    for metric in metrics:
                        ctx["reference"].request(graph, metric, ordered_pairs(graph, every), extra)
        except AssertionError as error:
            print(f"browser tests FAILED: {error}")
            return 1
        for test in tests:
            began = time.monotonic()
            try:
                test(ctx)
                print(f"✔ {test.__name__} ({time.monotonic() - began:.1f} s)")
            except Exception:
                failures += 1
                print(f"✘ {test.__name__} ({time.monotonic() - began:.1f} s)")
                print("    " + traceback.format_exc().strip().replace("\n", "\n    "))
        ctx["browser"].browser.close()
        ctx["reference"].pool.shutdown(cancel_futures=True)
    for name, value in ctx["numbers"].items():
        print(f"  {name}: {value}")
    print(f"{len(tests) - failures} of {len(tests)} browser tests passed in {time.monotonic() - started:.1f} s"
          + (f"; screenshot in {os.path.relpath(os.path.join(OUT, 'explorer.png'), ROOT)}"
             if failures == 0 and test_screenshot in tests else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
