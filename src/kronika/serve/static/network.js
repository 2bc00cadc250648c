/* Network page: vis-network over one person's circle (or the whole graph on request). Labels are
   drawn on a canvas, details go in with textContent. Filters by node type and by kind of link; the
   list of nodes under the drawing is the keyboard's way in (each opens the same panel). */
"use strict";
(function () {
  const K = window.K;
  const data = K.data();
  const box = document.getElementById("network");
  const detail = document.getElementById("detail");
  if (!data) return;
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const filters = document.getElementById("net-filters");
  const list = document.getElementById("node-list");
  let net = null;

  function checked(name) {
    if (!filters) return null;
    return new Set(Array.from(filters.querySelectorAll('input[name="' + name + '"]')).filter((i) => i.checked).map((i) => i.value));
  }
  function edgeOk(e, labels) { return !labels || e.labels.some((l) => labels.has(l)); }
  function nodeOk(n, types) { return !types || types.has(n.type); }

  function showNode(id, from) {
    const n = byId.get(id);
    if (!n || !detail) return;
    K.openPanel(detail, n.name, from);
    detail.appendChild(K.el("p", null, (n.type === "PERSON" ? "person" : "organisation") + " · " + n.mentions + " mentions · " + n.degree + " links"));
    const links = K.el("p");
    links.appendChild(K.el("a", { href: "/entity/" + K.enc(n.id) }, "dossier"));
    if (n.type === "PERSON") {
      links.appendChild(document.createTextNode(" · "));
      links.appendChild(K.el("a", { href: "/person/" + K.enc(n.id) }, "timeline"));
      if (!n.subject) {
        links.appendChild(document.createTextNode(" · "));
        links.appendChild(K.el("a", { href: "/network?subject=" + K.enc(n.id) }, "their circle"));
      }
    }
    detail.appendChild(links);
    const ul = K.el("ul");
    for (const e of data.edges) {
      if (e.source !== n.id && e.target !== n.id) continue;
      const other = e.source === n.id ? e.target_name : e.source_name;
      ul.appendChild(K.el("li", null, other + ": " + e.labels.map((l) => l.replace(/_/g, " ")).join(", ")));
    }
    detail.appendChild(ul);
    if (net) { try { net.selectNodes([n.id]); } catch (err) { /* filtered out */ } }
  }

  if (list) {
    list.addEventListener("click", (ev) => {
      const b = ev.target.closest("button.node");
      if (b) showNode(b.dataset.id, b);
    });
  }

  let nodeView = null, edgeView = null;
  function applyFilters() {
    const types = checked("ntype"), labels = checked("label");
    if (list) {
      for (const li of list.querySelectorAll("li[data-id]")) li.hidden = !nodeOk(byId.get(li.dataset.id), types);
    }
    for (const tr of document.querySelectorAll("table.edges tr[data-labels]")) {
      tr.hidden = !tr.dataset.labels.split("|").some((l) => !labels || labels.has(l));
    }
    if (nodeView) { nodeView.refresh(); edgeView.refresh(); }
  }
  if (filters) filters.addEventListener("change", applyFilters);

  if (!box || !window.vis || !window.vis.Network || !data.nodes.length) { applyFilters(); return; }
  box.hidden = false;
  const big = data.nodes.length > 80;
  const nodes = new window.vis.DataSet(data.nodes.map((n) => ({
    id: n.id, label: n.name, group: n.type, value: Math.max(1, n.mentions),
    shape: n.type === "ORG" ? "box" : "dot",
    font: n.subject ? { size: 22, bold: true } : undefined,
    borderWidth: n.subject ? 4 : 1,
  })));
  const edges = new window.vis.DataSet(data.edges.map((e, i) => ({
    id: i, from: e.source, to: e.target, value: e.weight,
    title: e.source_name + " – " + e.target_name + ": " + e.labels.join(", "),
  })));
  const edgeById = new Map(data.edges.map((e, i) => [i, e]));
  nodeView = new window.vis.DataView(nodes, { filter: (x) => nodeOk(byId.get(x.id), checked("ntype")) });
  edgeView = new window.vis.DataView(edges, { filter: (x) => edgeOk(edgeById.get(x.id), checked("label")) });
  net = new window.vis.Network(box, { nodes: nodeView, edges: edgeView }, {
    nodes: {
      font: { size: big ? 14 : 17, face: "system-ui, sans-serif", strokeWidth: 4, strokeColor: "#ffffff" },
      scaling: { min: 8, max: 26, label: { enabled: false } },
    },
    edges: { color: { color: "#b9b2a8", highlight: "#1f4e79" }, smooth: false, scaling: { min: 1, max: 6 } },
    groups: { PERSON: { color: { background: "#c0392b", border: "#7a1f1f" } }, ORG: { color: { background: "#2e86c1", border: "#1b4f72" }, font: { color: "#fff", strokeWidth: 0 } } },
    physics: { stabilization: { iterations: big ? 150 : 250 }, barnesHut: { gravitationalConstant: big ? -5000 : -9000, springLength: big ? 140 : 170, avoidOverlap: 0.6 } },
    interaction: { hover: true, tooltipDelay: 150 },
  });
  net.once("stabilizationIterationsDone", () => {
    net.setOptions({ physics: false });
    net.fit({ animation: false });
    // legible at the default zoom: labels drawn at about 14 px on screen. When the whole circle only
    // fits at a smaller scale (a phone), open zoomed on the subject; the rest is a pan or a pinch away.
    const fitted = net.getScale();
    const scale = Math.max(fitted, 0.55);
    if (!big && fitted > 0 && fitted < 1) {
      nodes.update(data.nodes.map((n) => ({ id: n.id, font: { size: Math.round((n.subject ? 18 : 14) / scale), bold: !!n.subject } })));
    }
    const centre = data.nodes.find((n) => n.subject);
    if (fitted < scale && centre) net.moveTo({ position: net.getPosition(centre.id), scale, animation: false });
  });
  net.on("click", (p) => { if (p.nodes.length) showNode(p.nodes[0], box); });
  if (detail) detail.addEventListener("panelclose", () => net.unselectAll());
  applyFilters();
})();
