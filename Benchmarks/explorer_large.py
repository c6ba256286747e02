#!/usr/bin/env python3
"""The explorer page of a large graph: file size, render time, and in headless Chromium the time to
first paint and how long a hover, a filter toggle and a zoom take to show.

    python3 Benchmarks/explorer_large.py [ENTENTE] [--nodes 2000] [--layout sfdp]

Generates a Barabási–Albert graph (networkx, seed 1; two ties per new node) as a CSV edge list with
types economic/security/cultural in turn, weights 1–5 and every tenth tie adversarial, renders it
with `entente render … -o large.html`, and opens the page from file:// in /usr/bin/chromium through
Playwright. Prints one line per number. A measurement, not a test: nothing here asserts a time.
"""

import argparse
import os
import subprocess
import tempfile
import time

import networkx as nx
from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Milliseconds until the frame after an action has been painted (two animation frames).
AFTER_NEXT_FRAME = """(action) => new Promise((done) => {
    const start = performance.now();
    action();
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
})"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("entente", nargs="?", default=os.path.join(ROOT, "CLI", ".build", "debug", "entente"))
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--layout", default="sfdp")
    args = parser.parse_args()

    graph = nx.barabasi_albert_graph(args.nodes, 2, seed=1)
    types = ["economic", "security", "cultural"]
    with tempfile.TemporaryDirectory(prefix="entente-large-") as tmp:
        csv = os.path.join(tmp, "large.csv")
        with open(csv, "w") as file:
            file.write("source,target,type,weight,polarity\n")
            for position, (u, v) in enumerate(sorted(graph.edges())):
                polarity = "adversarial" if position % 10 == 9 else "cooperative"
                file.write(f"N{u},N{v},{types[position % 3]},{1 + position % 5},{polarity}\n")
        page_path = os.path.join(tmp, "large.html")
        started = time.monotonic()
        subprocess.run([args.entente, "render", csv, "-o", page_path, "--layout", args.layout], check=True)
        render_seconds = time.monotonic() - started
        print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; layout {args.layout}")
        print(f"render: {render_seconds:.2f} s ({os.path.basename(args.entente)} at {os.path.relpath(args.entente, ROOT)})")
        print(f"page size: {os.path.getsize(page_path) / 1e6:.2f} MB")

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
            page = browser.new_page(viewport={"width": 1500, "height": 950})
            errors = []
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto("file://" + page_path)
            page.wait_for_selector("body.ready", timeout=60000)
            paints = page.evaluate("""() => Object.fromEntries(performance.getEntriesByType('paint')
                .map(p => [p.name, p.startTime]))""")
            timing = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
                return {domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd}; }""")
            for name, value in sorted(paints.items()):
                print(f"{name}: {value:.0f} ms")
            print(f"DOMContentLoaded (script done): {timing['domContentLoaded']:.0f} ms; load: {timing['load']:.0f} ms")
            hub = page.evaluate("() => window.entente && document.querySelectorAll('#drawing .node').length")
            hover = page.evaluate(AFTER_NEXT_FRAME.replace("action();",
                "document.getElementById('node-0').dispatchEvent(new MouseEvent('mouseenter'));"), None)
            unhover = page.evaluate(AFTER_NEXT_FRAME.replace("action();",
                "document.getElementById('node-0').dispatchEvent(new MouseEvent('mouseleave'));"), None)
            toggle = page.evaluate(AFTER_NEXT_FRAME.replace("action();",
                "document.querySelector(\"#filters input[data-type='security']\").click();"), None)
            toggle_back = page.evaluate(AFTER_NEXT_FRAME.replace("action();",
                "document.querySelector(\"#filters input[data-type='security']\").click();"), None)
            zoom = page.evaluate(AFTER_NEXT_FRAME.replace("action();",
                "document.getElementById('zoom-in').click();"), None)
            path = page.evaluate(AFTER_NEXT_FRAME.replace("action();", """
                document.getElementById('path-from').value = 'N1999';
                document.getElementById('path-to').value = 'N1000';
                document.getElementById('path-form').requestSubmit();"""), None)
            print(f"nodes drawn: {hub}")
            print(f"hover a hub (node N0): {hover:.0f} ms; leave: {unhover:.0f} ms")
            print(f"toggle the security filter: {toggle:.0f} ms; back: {toggle_back:.0f} ms")
            print(f"zoom in: {zoom:.0f} ms; path N1999 → N1000: {path:.0f} ms")
            print("console errors: " + ("; ".join(errors) if errors else "none"))
            browser.close()


if __name__ == "__main__":
    main()
