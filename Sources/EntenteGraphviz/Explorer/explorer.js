// The explorer page: pan and zoom, hover, the side panel, filters, search and the path finder, over
// the Graphviz SVG inlined in the page and the graph data in the JSON block #entente-data.
// User text (names, quotes, titles) reaches the page only through textContent and attributes.
"use strict";

(() => {
  const data = JSON.parse(document.getElementById("entente-data").textContent);
  const svg = document.querySelector("#diagram svg");
  const diagram = document.getElementById("diagram");

  // ---------------------------------------------------------------- small helpers

  /** An element with attributes and children (strings become text nodes). */
  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** A number as `entente` prints it (TextFormat.number): integers without a fraction, others shortest. */
  function formatNumber(value) {
    if (!Number.isFinite(value)) return "null";
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
    // Swift's description: shortest round-trip digits, exponential below 1e-4 and from 2^53 up.
    const [mantissa, exponentText] = value.toExponential().split("e");
    const exponent = Number(exponentText);
    if (exponent < -4 || Math.abs(value) >= 2 ** 53) {
      const sign = exponent < 0 ? "-" : "+";
      const digits = String(Math.abs(exponent)).padStart(2, "0");
      return mantissa + "e" + sign + digits;
    }
    const text = String(value);
    return text.includes(".") ? text : text + ".0";
  }

  /** A number rounded to `digits` significant digits, then written as TextFormat.number writes it. */
  function formatSignificant(value, digits) {
    if (!Number.isFinite(value) || value === 0) return formatNumber(value);
    const exponent = Math.floor(Math.log10(Math.abs(value)));
    const shift = digits - 1 - exponent;
    let rounded;
    if (shift >= 0) {
      const scale = 10 ** shift;
      if (!Number.isFinite(scale)) return formatNumber(value);
      rounded = roundHalfAway(value * scale) / scale;
    } else {
      const scale = 10 ** -shift;
      rounded = roundHalfAway(value / scale) * scale;
    }
    return formatNumber(rounded);
  }

  /** Swift's `rounded()`: to nearest, halves away from zero. */
  function roundHalfAway(value) {
    return Math.sign(value) * Math.round(Math.abs(value));
  }

  /** A centrality for people: four significant digits. */
  function formatMeasure(value) {
    return value === null || value === undefined ? "—" : formatSignificant(value, 4);
  }

  // ---------------------------------------------------------------- the graph

  const nodes = data.nodes;
  const edges = data.edges;
  const nodeById = new Map();
  nodes.forEach((node, position) => {
    node.position = position;
    node.element = document.getElementById("node-" + node.index);
    node.ties = [];
    nodeById.set(node.id, node);
  });
  const edgeByIndex = new Map();
  for (const edge of edges) {
    edge.element = document.getElementById("edge-" + edge.index);
    edge.from = nodeById.get(edge.source);
    edge.to = nodeById.get(edge.target);
    edge.from.ties.push(edge);
    if (edge.to !== edge.from) edge.to.ties.push(edge);
    edgeByIndex.set(edge.index, edge);
  }
  const typeByName = new Map(data.types.map((type) => [type.name, type]));
  const sourceById = new Map(data.sources.map((source) => [source.id, source]));
  const arrow = data.graph.directed ? " → " : " – ";

  /** The other end of an edge, seen from a node. */
  function otherEnd(edge, node) {
    return edge.from === node ? edge.to : edge.from;
  }

  /** `Pakistan (PAK)`, or the id alone when the label repeats it. */
  function describe(node) {
    return node.label === node.id ? node.id : node.label + " (" + node.id + ")";
  }

  // ---------------------------------------------------------------- years

  // A graph with years has a year control: the drawing, the panel's centralities and the path
  // finder are those of the year shown, as `entente … --at YEAR` gives them. `year` is null when all
  // years are taken together (the whole drawing, as for a graph without years).
  const years = data.years || null;
  let year = years ? years.last : null;

  /** Whether the years from `since` to `until` (either open when null or absent) hold `y`. */
  function spanHolds(since, until, y) {
    return (since === null || since === undefined || since <= y) && (until === null || until === undefined || until >= y);
  }

  /** Whether a node exists in a year: in one of its spells, or from `since` to `until`. */
  function existsIn(node, y) {
    return node.spells ? node.spells.some(([since, until]) => spanHolds(since, until, y)) : spanHolds(node.since, node.until, y);
  }

  /** Whether a tie holds in the year shown: its years cover it and both its ends exist. */
  function inYear(edge) {
    return year === null || (spanHolds(edge.since, edge.until, year) && existsIn(edge.from, year) && existsIn(edge.to, year));
  }

  function nodeInYear(node) {
    return year === null || existsIn(node, year);
  }

  /** The centralities of the year shown: the frame whose start is the last at or before it. */
  function currentFrame() {
    if (year === null) return null;
    let low = 0, high = years.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (years.starts[middle] <= year) low = middle; else high = middle - 1;
    }
    return years.frames[low];
  }

  /** `1949–2016`, `since 1949`, `until 1962`, or "" for a tie without years. */
  function yearsOf(item) {
    if (item.since !== undefined && item.until !== undefined) return item.since + "–" + item.until;
    if (item.since !== undefined) return "since " + item.since;
    if (item.until !== undefined) return "until " + item.until;
    return "";
  }

  /** A node's years: its spells, `1816–1945, 1990–2016`, or its one stretch, or "" when it has none. */
  function nodeYears(node) {
    if (node.spells) return node.spells.map(([since, until]) => (since ?? "") + "–" + (until ?? "")).join(", ");
    return yearsOf(node);
  }

  // ---------------------------------------------------------------- pan and zoom

  const base = (() => {
    const box = svg.viewBox.baseVal;
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  })();
  let view = { ...base };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");

  function setView(next) {
    const width = Math.min(Math.max(next.width, base.width / 60), base.width * 6);
    const scale = width / next.width;
    const height = next.height * scale;
    const cx = next.x + next.width / 2, cy = next.y + next.height / 2;
    view = { x: cx - width / 2, y: cy - height / 2, width, height };
    svg.setAttribute("viewBox", [view.x, view.y, view.width, view.height].map((v) => v.toFixed(2)).join(" "));
  }

  /** A point on the screen in the drawing's coordinates. */
  function toDrawing(clientX, clientY) {
    const matrix = svg.getScreenCTM();
    if (!matrix) return { x: view.x + view.width / 2, y: view.y + view.height / 2 };
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }

  /** Zooms by `factor` (> 1: closer) keeping the drawing point under (clientX, clientY) in place. */
  function zoomAt(factor, clientX, clientY) {
    const p = toDrawing(clientX, clientY);
    const width = view.width / factor, height = view.height / factor;
    setView({ x: p.x - (p.x - view.x) / factor, y: p.y - (p.y - view.y) / factor, width, height });
  }

  function zoomCentre(factor) {
    const rect = svg.getBoundingClientRect();
    zoomAt(factor, rect.left + rect.width / 2, rect.top + rect.height / 2);
  }

  function fit() { setView({ ...base }); }

  /** Pans so that a node is in the middle of the drawing area. */
  function centreOn(node) {
    const rect = node.element.getBoundingClientRect();
    const p = toDrawing(rect.left + rect.width / 2, rect.top + rect.height / 2);
    setView({ x: p.x - view.width / 2, y: p.y - view.height / 2, width: view.width, height: view.height });
  }

  diagram.addEventListener("wheel", (event) => {
    event.preventDefault();
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    zoomAt(Math.exp(-event.deltaY * unit * 0.0015), event.clientX, event.clientY);
  }, { passive: false });

  let drag = null;
  let suppressClick = false;
  diagram.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || event.target.closest(".zoom-controls")) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...view }, moved: false, id: event.pointerId };
  });
  diagram.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      diagram.setPointerCapture(event.pointerId);
      diagram.classList.add("dragging");
    }
    const matrix = svg.getScreenCTM();
    const scale = matrix ? matrix.a : 1;
    setView({ x: drag.view.x - dx / scale, y: drag.view.y - dy / scale, width: drag.view.width, height: drag.view.height });
  });
  function endDrag(event) {
    if (!drag || event.pointerId !== drag.id) return;
    suppressClick = drag.moved;
    if (drag.moved) diagram.releasePointerCapture(event.pointerId);
    diagram.classList.remove("dragging");
    drag = null;
  }
  diagram.addEventListener("pointerup", endDrag);
  diagram.addEventListener("pointercancel", endDrag);

  document.getElementById("zoom-in").addEventListener("click", () => zoomCentre(1.4));
  document.getElementById("zoom-out").addEventListener("click", () => zoomCentre(1 / 1.4));
  document.getElementById("zoom-fit").addEventListener("click", fit);

  // ---------------------------------------------------------------- filters and the legend

  const hiddenTypes = new Set();
  let showAdversarial = true;

  function isShown(edge) {
    return !hiddenTypes.has(edge.type) && (edge.polarity !== "adversarial" || showAdversarial) && inYear(edge);
  }

  // The legend Graphviz drew: a coloured "━━━" before each type's name, and the adversarial line.
  const legendEntries = { types: new Map(), adversarial: [] };
  for (const text of svg.querySelectorAll("g.graph > text")) {
    const content = text.textContent;
    const fill = (text.getAttribute("fill") || "").toLowerCase();
    if (content === "━━━" && fill) {
      const name = text.nextElementSibling ? text.nextElementSibling.textContent.trim() : "";
      const type = typeByName.get(name);
      if (type && type.color.toLowerCase() === fill) {
        legendEntries.types.set(name, [text, text.nextElementSibling]);
      }
    } else if (/^(╸ ╸ ╸|┈┈┈) adversarial$/.test(content)) {
      legendEntries.adversarial.push(text);
    }
  }

  function applyFilters() {
    for (const edge of edges) {
      const shown = isShown(edge);
      if (edge.element && edge.shown !== shown) edge.element.classList.toggle("filtered", !shown);
      edge.shown = shown;
    }
    for (const [name, texts] of legendEntries.types) {
      for (const text of texts) text.classList.toggle("legend-off", hiddenTypes.has(name));
    }
    for (const text of legendEntries.adversarial) text.classList.toggle("legend-off", !showAdversarial);
    for (const node of nodes) {
      const absent = !nodeInYear(node);
      if (node.element && node.absent !== absent) node.element.classList.toggle("absent", absent);
      node.absent = absent;
    }
    for (const row of document.querySelectorAll("#filters label")) {
      const input = row.querySelector("input");
      row.classList.toggle("off", !input.checked);
    }
    const shown = edges.filter(isShown).length;
    // The ties of the year shown, and each type's count and the adversarial count among them.
    let held = 0;
    const counts = new Map();
    for (const edge of edges) {
      if (!inYear(edge)) continue;
      held += 1;
      counts.set(edge.type, (counts.get(edge.type) || 0) + 1);
      if (edge.polarity === "adversarial") counts.set("", (counts.get("") || 0) + 1);
    }
    for (const span of filterList.querySelectorAll(".count[data-count]")) {
      span.textContent = String(counts.get(span.dataset.count) || 0);
    }
    document.getElementById("filter-count").textContent = shown + " of " + held + " ties shown" +
      (year === null ? "" : " in " + year);
    if (selected) showSelection();
  }

  /** A short line in the colour and dash of a type or polarity, for the HTML legend. */
  function swatch(color, dashed) {
    const ns = "http://www.w3.org/2000/svg";
    const icon = document.createElementNS(ns, "svg");
    icon.setAttribute("width", "28");
    icon.setAttribute("height", "10");
    icon.setAttribute("aria-hidden", "true");
    icon.classList.add("swatch");
    const line = document.createElementNS(ns, "line");
    for (const [name, value] of [["x1", 1], ["y1", 5], ["x2", 27], ["y2", 5], ["stroke", color], ["stroke-width", 3]]) {
      line.setAttribute(name, String(value));
    }
    if (dashed) line.setAttribute("stroke-dasharray", "5,3");
    icon.append(line);
    return icon;
  }

  const filterList = document.getElementById("filters");
  for (const type of data.types) {
    const input = element("input", { type: "checkbox", checked: true, "data-type": type.name });
    input.addEventListener("change", () => {
      if (input.checked) hiddenTypes.delete(type.name); else hiddenTypes.add(type.name);
      applyFilters();
    });
    filterList.append(element("label", {}, input, swatch(type.color, false), " " + type.name + " ",
      element("span", { class: "count", "data-count": type.name }, String(type.count))));
  }
  if (data.polarities.adversarial > 0) {
    const input = element("input", { type: "checkbox", checked: true, "data-polarity": "adversarial" });
    input.addEventListener("change", () => {
      showAdversarial = input.checked;
      applyFilters();
    });
    filterList.append(element("label", { class: "polarity" }, input, swatch("#333333", true), " adversarial ",
      element("span", { class: "count", "data-count": "" }, String(data.polarities.adversarial))));
  }

  // ---------------------------------------------------------------- emphasis: hover and path

  // What is emphasised is drawn again on top of a white veil over the whole drawing, so that
  // fading the rest costs one rectangle, not an opacity on each of thousands of elements.
  const SVG_NS = "http://www.w3.org/2000/svg";
  const graphGroup = svg.querySelector("g.graph") || svg;
  let drawingBox = null;  // the drawing's extent, measured before any overlay is added

  /**
   * An overlay: a veil and copies of the emphasised elements, last in the drawing. The originals
   * get the class `mark` (`lit`, `on-path`), for scripts and tests.
   */
  class Overlay {
    constructor(name, opacity, mark) {
      this.mark = mark;
      this.group = document.createElementNS(SVG_NS, "g");
      this.group.setAttribute("class", "overlay " + name);
      this.group.setAttribute("aria-hidden", "true");
      this.opacity = opacity;
      this.marked = [];
    }

    /** Shows copies of `elements` over the veiled drawing; `adjust(copy, original)` may restyle each. */
    show(elements, adjust) {
      this.clear();
      drawingBox = drawingBox || graphGroup.getBBox();
      const box = drawingBox;
      const veil = document.createElementNS(SVG_NS, "rect");
      for (const [name, value] of [["x", box.x - 10], ["y", box.y - 10], ["width", box.width + 20],
        ["height", box.height + 20], ["fill", "#ffffff"], ["fill-opacity", this.opacity], ["class", "veil"]]) {
        veil.setAttribute(name, String(value));
      }
      this.group.append(veil);
      for (const item of new Set(elements)) {
        if (!item) continue;
        const copy = item.cloneNode(true);
        copy.removeAttribute("id");
        copy.removeAttribute("tabindex");
        copy.classList.remove("filtered");
        for (const inner of copy.querySelectorAll("[id]")) inner.removeAttribute("id");
        for (const hit of copy.querySelectorAll(".hit")) hit.remove();
        if (adjust) adjust(copy, item);
        this.group.append(copy);
        item.classList.add(this.mark);
        this.marked.push(item);
      }
      graphGroup.append(this.group);
    }

    clear() {
      for (const item of this.marked) item.classList.remove(this.mark);
      this.marked = [];
      this.group.replaceChildren();
      this.group.remove();
    }
  }

  const hoverOverlay = new Overlay("hover", 0.75, "lit");
  const pathOverlay = new Overlay("path", 0.62, "on-path");

  function light(elements, adjust) {
    hoverOverlay.show(elements, adjust);
  }
  function unlight() {
    hoverOverlay.clear();
  }
  /** Lights a node, its shown ties and their other ends; a focused node keeps its focus ring on top. */
  function lightNode(node, focused) {
    const elements = [node.element];
    for (const edge of node.ties) {
      if (!isShown(edge)) continue;
      elements.push(edge.element, otherEnd(edge, node).element);
    }
    light(elements, (copy, original) => {
      if (focused && original === node.element && original.matches(":focus-visible")) copy.classList.add("focus-copy");
    });
  }

  // ---------------------------------------------------------------- the side panel

  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");
  let selected = null;  // {node} or {edge}

  function evidenceList(edge) {
    if (edge.evidence.length === 0) return element("p", { class: "muted" }, "No evidence recorded.");
    return element("ul", { class: "evidence" }, edge.evidence.map((item) => {
      const source = sourceById.get(item.source);
      const cite = element("cite", {}, source ? source.title : item.source);
      const details = [];
      if (source && source.citation) details.push(element("span", { class: "citation" }, source.citation));
      if (source && source.file) details.push(element("span", { class: "file" }, "file " + source.file));
      return element("li", {}, element("blockquote", {}, item.quote), element("p", { class: "source" }, "— ", cite, details));
    }));
  }

  function edgeFacts(edge) {
    const facts = [edge.type + ", weight " + formatNumber(edge.weight) + ", " + edge.polarity];
    if (yearsOf(edge)) facts.push(yearsOf(edge));
    return facts.join(", ");
  }

  /** An edge's tooltip: its ends, facts, evidence and note, one per line (the drawing carries none). */
  function edgeTooltip(edge) {
    const lines = [edge.from.label + arrow + edge.to.label, edgeFacts(edge)];
    for (const item of edge.evidence) lines.push(item.source + ": " + item.quote);
    if (edge.note) lines.push("note: " + edge.note);
    return lines.join("\n");
  }

  function nodeButton(node) {
    const button = element("button", { type: "button", class: "link" }, node.label);
    button.addEventListener("click", () => {
      select({ node });
      centreOn(node);
    });
    return button;
  }

  function nodeDetails(node) {
    const facts = element("dl", { class: "facts" },
      element("dt", {}, "id"), element("dd", {}, element("code", {}, node.id)),
      element("dt", {}, "kind"), element("dd", {}, node.kind),
      element("dt", {}, "aliases"), element("dd", {}, node.aliases.length ? node.aliases.join("; ") : "—"),
      nodeYears(node) ? [element("dt", {}, "years"), element("dd", {}, nodeYears(node))] : null);
    const frame = currentFrame();
    const among = frame ? frame.nodes : nodes.length;
    const measures = data.measures.map((measure) => {
      const value = frame ? frame.values[measure.key][node.position] : node[measure.key];
      const rank = frame ? frame.ranks[measure.key][node.position] : node[measure.key + "Rank"];
      return element("tr", {},
        element("th", { scope: "row", title: measure.description }, measure.name),
        element("td", { class: "number" }, formatMeasure(value)),
        element("td", { class: "rank" }, rank ? "#" + rank + " of " + among : "—"));
    });
    const caption = frame
      ? (existsIn(node, year) ? "Centrality over cooperative ties in " + year + " (rank among its " + among + " nodes)"
        : "Not in " + year + ": no centrality that year")
      : "Centrality over cooperative ties (rank among all " + among + " nodes)";
    const table = element("table", { class: "measures" },
      element("caption", {}, caption),
      element("thead", {}, element("tr", {}, element("th", { scope: "col" }, "measure"),
        element("th", { scope: "col" }, "value"), element("th", { scope: "col" }, "rank"))),
      element("tbody", {}, measures));

    const groups = [];
    for (const type of data.types) {
      const ties = node.ties.filter((edge) => edge.type === type.name)
        .sort((a, b) => (b.weight - a.weight) || (a.index - b.index));
      if (ties.length === 0) continue;
      groups.push(element("section", { class: "ties" + (hiddenTypes.has(type.name) ? " off" : "") },
        element("h3", {}, swatch(type.color, false), " " + type.name + " ", element("span", { class: "count" }, String(ties.length))),
        element("ul", {}, ties.map((edge) => {
          const other = otherEnd(edge, node);
          const direction = data.graph.directed ? (edge.from === node ? "→ " : "← ") : "";
          return element("li", { class: (edge.polarity === "adversarial" ? "adversarial" : "cooperative") + (inYear(edge) ? "" : " off") },
            element("p", { class: "tie" }, direction, nodeButton(other), " ",
              element("span", { class: "weight" }, "weight " + formatNumber(edge.weight)), " ",
              element("span", { class: "polarity " + edge.polarity }, edge.polarity),
              yearsOf(edge) ? [" ", element("span", { class: "years" }, yearsOf(edge))] : null),
            edge.note ? element("p", { class: "note" }, "note: " + edge.note) : null,
            evidenceList(edge));
        }))));
    }
    if (groups.length === 0) groups.push(element("p", { class: "muted" }, "No ties drawn."));
    return [element("h2", {}, node.label), facts, table, element("h3", { class: "group-title" }, "Ties by type"), groups];
  }

  function edgeDetails(edge) {
    return [
      element("h2", {}, edge.from.label + arrow + edge.to.label),
      element("p", { class: "tie" }, nodeButton(edge.from), arrow, nodeButton(edge.to)),
      element("p", {}, swatch(typeByName.get(edge.type).color, edge.polarity === "adversarial"), " " + edgeFacts(edge)),
      edge.note ? element("p", { class: "note" }, "note: " + edge.note) : null,
      element("h3", { class: "group-title" }, "Evidence"),
      evidenceList(edge),
    ];
  }

  function showSelection() {
    panelBody.replaceChildren(...(selected.node ? nodeDetails(selected.node) : edgeDetails(selected.edge)).flat().filter(Boolean));
  }

  function select(choice) {
    for (const item of svg.querySelectorAll(".selected")) item.classList.remove("selected");
    selected = choice;
    const target = choice.node ? choice.node.element : choice.edge.element;
    if (target) target.classList.add("selected");
    if (pathShown) drawPath(pathShown);
    showSelection();
    document.body.classList.add("panel-open");
    panel.hidden = false;
    panelBody.scrollTop = 0;
  }

  function closePanel() {
    for (const item of svg.querySelectorAll(".selected")) item.classList.remove("selected");
    const node = selected && selected.node;
    selected = null;
    panel.hidden = true;
    document.body.classList.remove("panel-open");
    unlight();
    if (node && node.element) node.element.focus({ preventScroll: true });
  }
  document.getElementById("panel-close").addEventListener("click", closePanel);

  // ---------------------------------------------------------------- nodes and edges in the drawing

  for (const node of nodes) {
    const group = node.element;
    if (!group) continue;
    group.setAttribute("tabindex", "0");
    group.setAttribute("role", "button");
    group.setAttribute("aria-label", describe(node) + ", " + node.kind + ", " + node.ties.length + " ties");
    group.addEventListener("mouseenter", () => lightNode(node));
    group.addEventListener("mouseleave", unlight);
    group.addEventListener("focus", () => lightNode(node, true));
    group.addEventListener("blur", unlight);
    group.addEventListener("click", (event) => {
      event.stopPropagation();
      if (suppressClick) return;
      select({ node });
    });
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select({ node });
      }
    });
  }

  for (const edge of edges) {
    const group = edge.element;
    if (!group) continue;
    // A wide invisible copy of the line, so that a thin edge is easy to point at.
    for (const line of group.querySelectorAll("path")) {
      const hit = line.cloneNode(false);
      hit.setAttribute("class", "hit");
      hit.removeAttribute("stroke-dasharray");
      line.before(hit);
    }
    group.addEventListener("mouseenter", () => {
      const title = group.querySelector(":scope > title");
      if (title && !edge.tooltipSet) {
        title.textContent = edgeTooltip(edge);
        edge.tooltipSet = true;
      }
      light([edge.element, edge.from.element, edge.to.element]);
    });
    group.addEventListener("mouseleave", unlight);
    group.addEventListener("click", (event) => {
      event.stopPropagation();
      if (suppressClick) return;
      select({ edge });
    });
  }

  diagram.addEventListener("click", (event) => {
    if (suppressClick) {
      suppressClick = false;
      return;
    }
    if (!event.target.closest(".node, .edge, .zoom-controls")) closePanel();
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      if (!panel.hidden) closePanel();
      else unlight();
      return;
    }
    const typing = event.target.closest("input, select, textarea");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "+" || event.key === "=") zoomCentre(1.4);
    else if (event.key === "-") zoomCentre(1 / 1.4);
    else if (event.key === "0") fit();
  });

  // ---------------------------------------------------------------- names: search and the path form

  const nameIndex = new Map();  // lower-cased id, label or alias → nodes
  for (const node of nodes) {
    const names = new Set([node.id, node.label, ...node.aliases].map((name) => name.toLowerCase()));
    for (const name of names) {
      if (!nameIndex.has(name)) nameIndex.set(name, []);
      nameIndex.get(name).push(node);
    }
  }

  /** The nodes a name means, as `entente` resolves it: an exact id, else id, label or alias in any case. */
  function nodesNamed(name) {
    const exact = nodeById.get(name);
    if (exact) return [exact];
    return nameIndex.get(name.toLowerCase()) || [];
  }

  /** Nodes whose id, label or alias contains the text, in any case, best first. */
  function nodesContaining(text) {
    const wanted = text.toLowerCase();
    const scored = [];
    for (const node of nodes) {
      const names = [node.id, node.label, ...node.aliases].map((name) => name.toLowerCase());
      const score = Math.min(...names.map((name) => name.startsWith(wanted) ? 0 : name.includes(wanted) ? 1 : 2));
      if (score < 2) scored.push([score, node]);
    }
    scored.sort((a, b) => (a[0] - b[0]) || (a[1].id < b[1].id ? -1 : a[1].id > b[1].id ? 1 : 0));
    return scored.map((entry) => entry[1]);
  }

  const names = document.getElementById("node-names");
  for (const node of nodes) names.append(element("option", { value: node.id }, node.label));

  const searchForm = document.getElementById("search");
  const searchInput = document.getElementById("search-input");
  const searchStatus = document.getElementById("search-status");

  function found(node) {
    searchStatus.replaceChildren();
    select({ node });
    centreOn(node);
    node.element.classList.remove("found");
    void node.element.getBoundingClientRect();
    node.element.classList.add("found");
  }

  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = searchInput.value.trim();
    if (!text) return;
    let matches = nodesNamed(text);
    if (matches.length === 0) matches = nodesContaining(text);
    if (matches.length === 1) {
      found(matches[0]);
    } else if (matches.length === 0) {
      searchStatus.replaceChildren("No node matches “" + text + "”.");
    } else {
      searchStatus.replaceChildren("Did you mean ", ...matches.slice(0, 8).flatMap((node, position) => {
        const button = element("button", { type: "button", class: "link" }, describe(node));
        button.addEventListener("click", () => found(node));
        return position === 0 ? [button] : [", ", button];
      }), matches.length > 8 ? " …?" : "?");
    }
  });

  // ---------------------------------------------------------------- the path finder

  const pathForm = document.getElementById("path-form");
  const pathTypes = document.getElementById("path-types");
  for (const type of data.types) {
    pathTypes.append(element("label", {}, element("input", { type: "checkbox", checked: true, name: "type", value: type.name }),
      " " + type.name));
  }
  if (data.polarities.adversarial === 0) document.getElementById("path-adversarial-row").hidden = true;
  document.getElementById("path-metric").value = data.metric;
  const pathResult = document.getElementById("path-result");
  let pathShown = null;
  let pathAsked = false;  // a path was asked for and not cleared: a change of year asks again

  /**
   * The cheapest path between two nodes (by id, label or alias) as `entente path` finds it:
   * {nodes: [ids], edges: [graph edge indices], cost}, or null when none, or {error}.
   */
  function findPath(fromName, toName, metric, types, includeAdversarial) {
    const from = nodesNamed(fromName), to = nodesNamed(toName);
    for (const [name, matches] of [[fromName, from], [toName, to]]) {
      if (matches.length === 0) return { error: "no node named “" + name + "”" };
      if (matches.length > 1) return { error: "“" + name + "” is ambiguous: " + matches.map(describe).join(", ") };
    }
    if (year !== null) {
      for (const node of [from[0], to[0]]) {
        if (!existsIn(node, year)) return { error: describe(node) + " does not exist in " + year + " (it exists " + nodeYears(node) + ")" };
      }
    }
    const typeSet = new Set(types);
    const kept = [];
    for (const edge of edges) {
      if (!typeSet.has(edge.type) || !inYear(edge)) continue;
      if (edge.polarity === "adversarial" && !includeAdversarial) continue;
      kept.push({ source: edge.from.position, target: edge.to.position, weight: edge.weight, index: edge.index });
    }
    const graph = EntentePaths.adjacency(nodes.length, kept, metric, data.graph.directed);
    const path = EntentePaths.shortestPath(graph, from[0].position, to[0].position);
    return { from: from[0], to: to[0], path: path && { nodes: path.nodes.map((p) => nodes[p].id), edges: path.edges, cost: path.cost } };
  }

  /** `PAK -[economic 5]- CHN -[security 3 adversarial]- RUS  cost 0.533333`, as `entente path` prints it. */
  function pathLine(path) {
    const [open, close] = data.graph.directed ? [" ->[", "]-> "] : [" -[", "]- "];
    let text = path.nodes[0];
    path.edges.forEach((index, hop) => {
      const edge = edgeByIndex.get(index);
      text += open + edge.type + " " + formatNumber(edge.weight);
      if (edge.polarity === "adversarial") text += " adversarial";
      text += close + path.nodes[hop + 1];
    });
    return text + "  cost " + formatSignificant(path.cost, 6);
  }

  function clearPath() {
    pathOverlay.clear();
    pathShown = null;
  }

  /** Draws a path bold over the faded drawing: its nodes and its edges, 2.5 times as wide. */
  function drawPath(path) {
    const onPath = [...path.edges.map((index) => edgeByIndex.get(index).element),
      ...path.nodes.map((id) => nodeById.get(id).element)];
    pathOverlay.show(onPath, (copy) => {
      copy.classList.add("on-path");
      if (!copy.classList.contains("edge")) return;
      for (const line of copy.querySelectorAll("path, polygon")) {
        line.setAttribute("stroke-width", String(Number(line.getAttribute("stroke-width") || "1") * 2.5));
      }
    });
    pathShown = path;
  }

  pathForm.addEventListener("submit", (event) => {
    event.preventDefault();
    pathAsked = true;
    const metric = document.getElementById("path-metric").value;
    const types = [...pathTypes.querySelectorAll("input:checked")].map((input) => input.value);
    const includeAdversarial = document.getElementById("path-adversarial").checked;
    const answer = findPath(document.getElementById("path-from").value.trim(), document.getElementById("path-to").value.trim(),
      metric, types, includeAdversarial);
    clearPath();
    if (answer.error) {
      pathResult.replaceChildren(element("p", { class: "error", role: "alert" }, answer.error));
      return;
    }
    if (!answer.path) {
      const kind = includeAdversarial ? "" : "cooperative ";
      pathResult.replaceChildren(element("p", { class: "error", role: "alert" },
        "No " + kind + "path from " + describe(answer.from) + " to " + describe(answer.to) +
        (types.length < data.types.length ? " over " + (types.join(" or ") || "no") + " ties" : "") +
        (year === null ? "" : " in " + year) + "."));
      return;
    }
    drawPath(answer.path);
    const hops = answer.path.edges.map((index, hop) => {
      const edge = edgeByIndex.get(index);
      const from = nodeById.get(answer.path.nodes[hop]), to = nodeById.get(answer.path.nodes[hop + 1]);
      const item = element("li", {}, swatch(typeByName.get(edge.type).color, edge.polarity === "adversarial"), " ",
        from.label, arrow, to.label, " ", element("span", { class: "muted" }, edge.type + " " + formatNumber(edge.weight)));
      item.addEventListener("click", () => select({ edge }));
      return item;
    });
    pathResult.replaceChildren(
      element("p", { class: "cost" }, "cost " + formatSignificant(answer.path.cost, 6) + " (" + metric + "), " +
        answer.path.edges.length + (answer.path.edges.length === 1 ? " hop" : " hops") +
        (year === null ? "" : ", in " + year)),
      element("ol", { class: "hops" }, hops),
      element("p", {}, element("code", { class: "path-line" }, pathLine(answer.path))));
  });
  document.getElementById("path-clear").addEventListener("click", () => {
    pathAsked = false;
    clearPath();
    pathResult.replaceChildren();
  });

  // ---------------------------------------------------------------- the year control

  const yearInput = document.getElementById("year");
  const yearValue = document.getElementById("year-value");
  const yearAll = document.getElementById("year-all");
  const yearPlay = document.getElementById("year-play");
  let playing = null;

  /** Shows a year (null: all years together): the drawing, the counts, the panel and a path found. */
  function showYear(next) {
    year = next;
    yearValue.textContent = year === null ? "all" : String(year);
    yearInput.disabled = year === null;
    applyFilters();
    if (pathAsked) pathForm.requestSubmit();
  }

  function stopPlaying() {
    if (playing === null) return;
    clearInterval(playing);
    playing = null;
    yearPlay.textContent = "▶";
    yearPlay.setAttribute("aria-label", "Play the years");
  }

  if (years) {
    document.getElementById("year-section").hidden = false;
    yearInput.min = String(years.first);
    yearInput.max = String(years.last);
    yearInput.value = String(years.last);
    yearValue.textContent = String(years.last);
    yearInput.addEventListener("input", () => showYear(Number(yearInput.value)));
    yearAll.addEventListener("change", () => {
      stopPlaying();
      showYear(yearAll.checked ? null : Number(yearInput.value));
    });
    yearPlay.addEventListener("click", () => {
      if (playing !== null) {
        stopPlaying();
        return;
      }
      if (yearAll.checked) yearAll.checked = false;
      if (Number(yearInput.value) >= years.last) yearInput.value = String(years.first);
      showYear(Number(yearInput.value));
      yearPlay.textContent = "❚❚";
      yearPlay.setAttribute("aria-label", "Pause");
      playing = setInterval(() => {
        const next = Number(yearInput.value) + 1;
        if (next > years.last) {
          stopPlaying();
          return;
        }
        yearInput.value = String(next);
        showYear(next);
      }, 600);
    });
  }

  // ---------------------------------------------------------------- start

  applyFilters();
  setView(base);
  document.body.classList.add("ready");

  // For scripts and tests: the path routine on names, and the current view.
  window.entente = {
    findPath,
    pathLine,
    showYear(next) {
      stopPlaying();
      yearAll.checked = next === null;
      if (next !== null) yearInput.value = String(next);
      showYear(next);
    },
    get year() { return year; },
    get viewBox() { return { ...view }; },
    get pathShown() { return pathShown; },
  };
})();
