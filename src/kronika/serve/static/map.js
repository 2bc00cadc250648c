/* Map page: Leaflet over an offline basemap (Natural Earth country outlines from world-atlas,
   turned into GeoJSON by topojson-client); places as circles, the life's path in time order. */
"use strict";
(function () {
  const K = window.K;
  const data = K.data();
  const box = document.getElementById("map");
  if (!data || !box || !window.L) return;
  const L = window.L;
  box.hidden = false;
  const map = L.map(box, { worldCopyJump: true, zoomSnap: 0.25, minZoom: 1, maxZoom: 9 });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Natural Earth (world-atlas)");
  const url = box.dataset.basemap;
  if (url && window.topojson) {
    fetch(url).then((r) => r.json()).then((topo) => {
      const land = window.topojson.feature(topo, topo.objects.countries);
      // Rings that cross the antimeridian (Chukotka, Fiji) would smear across the map: unwrap them.
      const unwrap = (ring) => {
        const lons = ring.map((p) => p[0]);
        if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
        return ring.map((p) => (p[0] < 0 ? [p[0] + 360, p[1]] : p));
      };
      for (const f of land.features) {
        const g = f.geometry;
        if (!g) continue;
        if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
        else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(unwrap));
      }
      L.geoJSON(land, { interactive: false, style: { color: "#9a8f80", weight: 0.6, fillColor: "#f4efe6", fillOpacity: 1 } })
        .addTo(map).bringToBack();
    }).catch(() => {});
  }
  const pts = [];
  const markers = [];
  for (const p of data.places) {
    const ll = [p.lat, p.lon];
    pts.push(ll);
    const label = K.el("div", { class: "map-pop" });
    label.appendChild(K.el("strong", null, p.name));
    if (p.geoname && p.geoname !== p.name) label.appendChild(K.el("div", { class: "geoname" }, "read as " + p.geoname + ", " + p.country));
    const ul = K.el("ul");
    for (const e of p.events) ul.appendChild(K.el("li", null, K.dateText(e.date) + ": " + e.summary));
    label.appendChild(ul);
    label.appendChild(K.el("a", { href: "/entity/" + K.enc(p.id) }, "dossier"));
    const r = p.kind === "country" ? 5 : 6 + Math.min(8, 2 * p.events.length);
    const m = L.circleMarker(ll, { radius: r, color: "#7a1f1f", weight: 2, fillColor: p.kind === "country" ? "#e6b8a2" : "#c0392b", fillOpacity: 0.8 })
      .bindTooltip(K.el("span", null, p.name), { direction: "top" })
      .bindPopup(label)
      .addTo(map);
    markers.push([m, p]);
  }
  // keyboard and screen readers: each place is a button in the Tab order, Enter opens its popup
  // (done once the map has a view: Leaflet draws its layers only then)
  function label() {
    for (const [m, p] of markers) {
      const node = m.getElement && m.getElement();
      if (!node) continue;
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", p.name + (p.events.length ? ": " + p.events.length + " events" : ""));
      node.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); m.openPopup(); }
      });
    }
  }
  if (data.path.length > 1) {
    const line = data.path.map((p) => [p.lat, p.lon]);
    L.polyline(line, { color: "#1f4e79", weight: 2.5, opacity: 0.85, dashArray: "6 5" }).addTo(map);
    data.path.forEach((p, i) => {
      L.circleMarker([p.lat, p.lon], { radius: 3, color: "#1f4e79", weight: 1, fillOpacity: 1, interactive: false })
        .bindTooltip(K.el("span", { class: "stop" }, String(i + 1)), { permanent: true, direction: "right", className: "stop-label", offset: [4, 0] })
        .addTo(map);
    });
  }
  if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.25), { maxZoom: 6 });
  else map.setView([48, 15], 3);
  map.whenReady(label);
})();
