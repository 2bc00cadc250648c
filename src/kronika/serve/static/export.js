"use strict";
(function () {
  var NS = "http://www.w3.org/2000/svg";
  var D = JSON.parse(document.getElementById("kronika-data").textContent);
  var worldNode = document.getElementById("kronika-world");
  var WORLD = worldNode ? JSON.parse(worldNode.textContent) : null;
  var COLORS = {birth:"#27ae60",death:"#34495e",education:"#16a085",residence:"#2980b9",travel:"#5dade2",
    imprisonment:"#922b21",release:"#f1948a",exile:"#d35400",flight:"#e67e22",membership:"#7d3c98",
    expulsion:"#a569bd",conversion:"#af7ac5",participation:"#c0392b",role:"#2e4053",meeting:"#48c9b0",
    collaboration:"#1abc9c",authorship:"#b7950b",publication:"#d4ac0d",marriage:"#ec7063",exchange:"#85929e",other:"#95a5a6"};
  function svg(tag, attrs, text) {
    var n = document.createElementNS(NS, tag);
    for (var k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) n.setAttribute(k, String(attrs[k]));
    if (text !== undefined) n.textContent = String(text);
    return n;
  }
  function el(tag, text) { var n = document.createElement(tag); if (text !== undefined) n.textContent = String(text); return n; }
  function year(iso, end) {
    if (!iso) return null;
    var m = /^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] - 1 : (end ? 11 : 0), d = m[3] ? +m[3] : (end ? 28 : 1);
    return y + mo / 12 + (d - 1) / 365 + (end ? 1 / 365 : 0);
  }
  // ---- timeline ----
  var evs = D.timeline.events, rows = [], last = null, lo = Infinity, hi = -Infinity;
  evs.forEach(function (e) {
    var a = year(e.date.start, false), b = year(e.date.end, true);
    if (a === null && b !== null) a = b - 0.5;
    if (b === null && a !== null) b = a + 1;
    var undated = a === null;
    if (undated) { if (last === null) return; a = last; b = last + 0.5; }
    last = a;
    lo = Math.min(lo, a); hi = Math.max(hi, b);
    rows.push({e: e, a: a, b: b, undated: undated});
  });
  var tl = document.getElementById("timeline");
  var detail = document.getElementById("detail");
  if (rows.length) {
    lo = Math.floor(lo / 5) * 5; hi = Math.ceil(hi / 5) * 5 + 1;
    var W = 1100, left = 10, right = 330, H = 30 + rows.length * 22;
    var x = function (v) { return left + (v - lo) / (hi - lo) * (W - left - right); };
    var s = svg("svg", {viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img"});
    s.appendChild(svg("title", {}, D.timeline.subject.name + ": timeline"));
    var axis = svg("g", {"class": "axis"});
    var step = (hi - lo) > 80 ? 10 : 5;
    for (var yv = lo; yv <= hi; yv += step) {
      axis.appendChild(svg("line", {x1: x(yv), x2: x(yv), y1: 18, y2: H}));
      axis.appendChild(svg("text", {x: x(yv) + 2, y: 12}, yv));
    }
    s.appendChild(axis);
    rows.forEach(function (r, i) {
      var y0 = 24 + i * 22, c = COLORS[r.e.type] || "#888";
      var g = svg("g", {"class": "row", tabindex: 0});
      g.appendChild(svg("rect", {"class": "bg", x: 0, y: y0 - 2, width: W, height: 22, fill: "transparent"}));
      var w = Math.max(6, x(r.b) - x(r.a));
      var dashed = r.e.date.inferred || r.undated;
      g.appendChild(svg("rect", {x: x(r.a), y: y0 + 3, width: w, height: 12, rx: 3, fill: c, "fill-opacity": dashed ? 0.35 : 0.8,
        stroke: c, "stroke-dasharray": dashed ? "3 2" : null}));
      var label = (r.e.date.inferred ? "~ " : "") + r.e.summary + "  ·  " + r.e.type + (r.e.status === "conflicting" ? "  ·  conflicting" : "");
      g.appendChild(svg("text", {x: x(r.b) + 6, y: y0 + 13}, label));
      g.addEventListener("click", function () { show(r.e, g); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") show(r.e, g); });
      s.appendChild(g);
    });
    tl.appendChild(s);
  }
  var selected = null;
  function show(e, g) {
    if (selected) selected.setAttribute("class", "row");
    g.setAttribute("class", "row sel"); selected = g;
    while (detail.firstChild) detail.removeChild(detail.firstChild);
    detail.appendChild(el("strong", e.summary));
    var d = e.date, t = d.start && d.end && d.start === d.end ? d.start : d.start && d.end ? d.start + "–" + d.end : d.start ? "after " + d.start : d.end ? "before " + d.end : "undated";
    detail.appendChild(el("div", e.type + " · " + t + (d.inferred ? " (inferred)" : "") + " · " + e.status));
    e.sources.forEach(function (src) {
      var text = D.texts[src.doc], bq = el("blockquote");
      if (typeof text === "string") {
        var a = Math.max(0, src.start - 200), b = Math.min(text.length, src.end + 200);
        bq.appendChild(document.createTextNode((a ? "…" : "") + text.slice(a, src.start)));
        bq.appendChild(el("mark", text.slice(src.start, src.end)));
        bq.appendChild(document.createTextNode(text.slice(src.end, b) + (b < text.length ? "…" : "")));
      } else bq.appendChild(el("mark", src.quote));
      detail.appendChild(bq);
      detail.appendChild(el("div", "— " + src.doc + " [" + src.start + "–" + src.end + "]"));
    });
  }
  // ---- map ----
  var places = D.map.places, path = D.map.path, mapBox = document.getElementById("map");
  if (!places.length) return;
  var la0 = Infinity, la1 = -Infinity, lo0 = Infinity, lo1 = -Infinity;
  places.forEach(function (p) { la0 = Math.min(la0, p.lat); la1 = Math.max(la1, p.lat); lo0 = Math.min(lo0, p.lon); lo1 = Math.max(lo1, p.lon); });
  var padLon = Math.max(8, (lo1 - lo0) * 0.15), padLat = Math.max(6, (la1 - la0) * 0.15);
  lo0 -= padLon; lo1 += padLon; la0 -= padLat; la1 += padLat;
  var k = Math.cos((la0 + la1) / 2 * Math.PI / 180);
  var MW = 1100, MH = Math.max(300, Math.min(700, MW * (la1 - la0) / ((lo1 - lo0) * k)));
  var px = function (lon) { return (lon - lo0) / (lo1 - lo0) * MW; };
  var py = function (lat) { return (la1 - lat) / (la1 - la0) * MH; };
  var m = svg("svg", {viewBox: "0 0 " + MW + " " + MH, width: MW, height: MH, role: "img"});
  m.appendChild(svg("title", {}, D.timeline.subject.name + ": places"));
  m.appendChild(svg("rect", {x: 0, y: 0, width: MW, height: MH, fill: "#cfe0ea"}));
  if (WORLD && WORLD.arcs && WORLD.objects && WORLD.objects.countries) {
    var tr = WORLD.transform, arcs = WORLD.arcs.map(function (arc) {
      var x0 = 0, y0 = 0;
      return arc.map(function (p) {
        x0 += p[0]; y0 += p[1];
        return tr ? [x0 * tr.scale[0] + tr.translate[0], y0 * tr.scale[1] + tr.translate[1]] : [p[0], p[1]];
      });
    });
    var ring = function (ids) {
      var pts = [];
      ids.forEach(function (i) { var a = i < 0 ? arcs[~i].slice().reverse() : arcs[i]; pts = pts.concat(pts.length ? a.slice(1) : a); });
      var mn = Infinity, mx = -Infinity;
      pts.forEach(function (p) { mn = Math.min(mn, p[0]); mx = Math.max(mx, p[0]); });
      if (mx - mn > 180) pts = pts.map(function (p) { return p[0] < 0 ? [p[0] + 360, p[1]] : p; });  // antimeridian
      return "M" + pts.map(function (p) { return px(p[0]).toFixed(1) + "," + py(p[1]).toFixed(1); }).join("L") + "Z";
    };
    var land = svg("g", {fill: "#f4efe6", stroke: "#9a8f80", "stroke-width": 0.6});
    WORLD.objects.countries.geometries.forEach(function (g) {
      var polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      var dstr = polys.map(function (poly) { return poly.map(ring).join(""); }).join("");
      if (dstr) land.appendChild(svg("path", {d: dstr, "fill-rule": "evenodd"}));
    });
    m.appendChild(land);
  } else {
    var grid = svg("g", {stroke: "#b8cdd9", "stroke-width": 0.5});
    for (var gx = Math.ceil(lo0 / 10) * 10; gx <= lo1; gx += 10) grid.appendChild(svg("line", {x1: px(gx), x2: px(gx), y1: 0, y2: MH}));
    for (var gy = Math.ceil(la0 / 10) * 10; gy <= la1; gy += 10) grid.appendChild(svg("line", {x1: 0, x2: MW, y1: py(gy), y2: py(gy)}));
    m.appendChild(grid);
  }
  if (path.length > 1) {
    m.appendChild(svg("polyline", {points: path.map(function (p) { return px(p.lon).toFixed(1) + "," + py(p.lat).toFixed(1); }).join(" "),
      fill: "none", stroke: "#1f4e79", "stroke-width": 2, "stroke-dasharray": "6 5"}));
  }
  places.forEach(function (p) {
    var g = svg("g", {});
    g.appendChild(svg("circle", {cx: px(p.lon), cy: py(p.lat), r: p.kind === "country" ? 5 : 6 + Math.min(6, p.events.length * 2),
      fill: p.kind === "country" ? "#e6b8a2" : "#c0392b", "fill-opacity": 0.85, stroke: "#7a1f1f", "stroke-width": 1.5}));
    g.appendChild(svg("text", {x: px(p.lon) + 9, y: py(p.lat) - 6}, p.name));
    g.appendChild(svg("title", {}, p.name + (p.events.length ? ": " + p.events.map(function (e) { return e.summary; }).join("; ") : "")));
    m.appendChild(g);
  });
  path.forEach(function (p, i) { m.appendChild(svg("text", {x: px(p.lon) - 4, y: py(p.lat) + 18, fill: "#1f4e79"}, String(i + 1))); });
  mapBox.appendChild(m);
})();
