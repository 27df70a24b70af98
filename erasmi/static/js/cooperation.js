// The cooperation graph: filter ties by where they come from, and show an organisation's ties
// (click, or Tab to it and press Enter or Space; Escape clears). The SVG is drawn on the server.
(function () {
  "use strict";
  const svg = document.querySelector(".coop-svg");
  if (!svg) return;
  const details = document.getElementById("coop-details");
  const body = details.querySelector(".coop-details-body");
  const filter = document.querySelector(".coop-filter");
  const lines = Array.from(svg.querySelectorAll(".coop-edges line"));
  const rows = Array.from(document.querySelectorAll("tr[data-sources]"));
  const nodes = new Map();
  svg.querySelectorAll(".node").forEach(function (node) { nodes.set(node.dataset.id, node); });
  const hint = Array.from(body.childNodes).map(function (child) { return child.cloneNode(true); });
  let chosen = null;

  function activeSources() {
    return Array.from(filter.querySelectorAll("input:checked")).map(function (box) { return box.value; });
  }

  function shown(element, active) {
    return element.dataset.sources.split(" ").some(function (key) { return active.indexOf(key) !== -1; });
  }

  function applyFilter() {
    const active = activeSources();
    lines.forEach(function (line) { line.classList.toggle("is-hidden", !shown(line, active)); });
    rows.forEach(function (row) { row.hidden = !shown(row, active); });
    if (chosen) choose(chosen);
  }

  function clear() {
    chosen = null;
    svg.classList.remove("has-choice");
    svg.querySelectorAll(".is-chosen, .is-neighbour").forEach(function (el) {
      el.classList.remove("is-chosen", "is-neighbour");
    });
    nodes.forEach(function (node) { node.setAttribute("aria-pressed", "false"); });
  }

  function add(parent, tag, text) {
    const element = document.createElement(tag);
    if (text !== undefined) element.textContent = text;
    parent.appendChild(element);
    return element;
  }

  function choose(node) {
    clear();
    chosen = node;
    svg.classList.add("has-choice");
    node.classList.add("is-chosen");
    node.setAttribute("aria-pressed", "true");
    const id = node.dataset.id;
    const partners = [];
    lines.forEach(function (line) {
      if (line.classList.contains("is-hidden")) return;
      const other = line.dataset.a === id ? line.dataset.b : line.dataset.b === id ? line.dataset.a : null;
      if (other === null) return;
      line.classList.add("is-neighbour");
      const partner = nodes.get(other);
      if (partner) {
        partner.classList.add("is-neighbour");
        partners.push(partner.dataset.name);
      }
    });
    body.textContent = "";
    add(body, "p").appendChild(document.createElement("strong")).textContent = node.dataset.name;
    add(body, "p", node.dataset.type + " · " + node.dataset.sector);
    const facts = add(body, "dl");
    add(facts, "dt", details.dataset.ties);
    add(facts, "dd", String(partners.length));
    add(facts, "dt", details.dataset.betweenness);
    add(facts, "dd", node.dataset.betweenness);
    add(body, "p", details.dataset.partners + ":");
    const list = add(body, "ul");
    list.className = "plain-list";
    partners.sort(function (a, b) { return a.localeCompare(b); });
    if (!partners.length) add(list, "li", details.dataset.none);
    partners.forEach(function (name) { add(list, "li", name); });
  }

  svg.addEventListener("click", function (event) {
    const node = event.target.closest(".node");
    if (node) choose(node); else clear();
  });
  svg.addEventListener("keydown", function (event) {
    const node = event.target.closest(".node");
    if (!node) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(node);
    } else if (event.key === "Escape") {
      clear();
      body.replaceChildren.apply(body, hint.map(function (child) { return child.cloneNode(true); }));
    }
  });
  filter.hidden = false;
  filter.addEventListener("change", applyFilter);
  nodes.forEach(function (node) { node.setAttribute("aria-pressed", "false"); });
})();
