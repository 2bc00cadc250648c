/* Network page: vis-network over the people and organisations (labels are drawn on a canvas,
   details go in with textContent). */
"use strict";
(function () {
  const K = window.K;
  const data = K.data();
  const box = document.getElementById("network");
  const detail = document.getElementById("detail");
  if (!data || !box || !window.vis || !window.vis.Network || !data.nodes.length) return;
  box.hidden = false;
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const nodes = new window.vis.DataSet(data.nodes.map((n) => ({
    id: n.id, label: n.name, group: n.type, value: Math.max(1, n.mentions),
    shape: n.type === "ORG" ? "box" : "dot",
  })));
  const edges = new window.vis.DataSet(data.edges.map((e, i) => ({
    id: i, from: e.source, to: e.target, value: e.weight, label: e.labels.slice(0, 2).join(", "),
  })));
  const net = new window.vis.Network(box, { nodes, edges }, {
    nodes: { font: { size: 14, face: "system-ui, sans-serif" }, scaling: { min: 8, max: 30 } },
    edges: { color: { color: "#a9a9a9", highlight: "#1f4e79" }, font: { size: 10, color: "#555", strokeWidth: 0 }, smooth: false, scaling: { min: 1, max: 6, label: { enabled: false } } },
    groups: { PERSON: { color: { background: "#c0392b", border: "#7a1f1f" } }, ORG: { color: { background: "#2e86c1", border: "#1b4f72" }, font: { color: "#fff" } } },
    physics: { stabilization: { iterations: 200 }, barnesHut: { gravitationalConstant: -4000, springLength: 140 } },
    interaction: { hover: true, tooltipDelay: 150 },
  });
  net.once("stabilizationIterationsDone", () => net.setOptions({ physics: false }));
  net.on("click", (p) => {
    if (!detail || !p.nodes.length) return;
    const n = byId.get(p.nodes[0]);
    if (!n) return;
    K.clear(detail);
    detail.hidden = false;
    detail.appendChild(K.el("h2", null, n.name));
    detail.appendChild(K.el("p", null, n.type + " · " + n.mentions + " mentions · " + n.degree + " links"));
    const links = K.el("p");
    links.appendChild(K.el("a", { href: "/entity/" + K.enc(n.id) }, "dossier"));
    if (n.type === "PERSON") {
      links.appendChild(document.createTextNode(" · "));
      links.appendChild(K.el("a", { href: "/person/" + K.enc(n.id) }, "timeline"));
    }
    detail.appendChild(links);
    const ul = K.el("ul");
    for (const e of data.edges) {
      if (e.source !== n.id && e.target !== n.id) continue;
      const other = e.source === n.id ? e.target_name : e.source_name;
      ul.appendChild(K.el("li", null, other + ": " + e.labels.join(", ")));
    }
    detail.appendChild(ul);
  });
})();
