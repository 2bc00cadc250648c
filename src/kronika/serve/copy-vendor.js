// Copies the dist files the web app needs from node_modules (installed by `npm ci` from
// package-lock.json) into static/vendor/. Nothing is ever fetched from a CDN at run time.
"use strict";
const fs = require("fs");
const path = require("path");

const here = __dirname;
const nm = path.join(here, "node_modules");
const out = path.join(here, "static", "vendor");

const FILES = {
  // The "peer" builds: they do not inject <style> elements (which the CSP forbids); their CSS is linked.
  "moment/min/moment.min.js": "moment.min.js",
  "vis-data/peer/umd/vis-data.min.js": "vis-data.min.js",
  "vis-timeline/peer/umd/vis-timeline-graph2d.min.js": "vis-timeline.min.js",
  "vis-timeline/styles/vis-timeline-graph2d.min.css": "vis-timeline.min.css",
  "vis-network/peer/umd/vis-network.min.js": "vis-network.min.js",
  "vis-network/styles/vis-network.min.css": "vis-network.min.css",
  "leaflet/dist/leaflet.js": "leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet.css",
  "leaflet/dist/images/marker-icon.png": "images/marker-icon.png",
  "leaflet/dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
  "leaflet/dist/images/marker-shadow.png": "images/marker-shadow.png",
  "leaflet/dist/images/layers.png": "images/layers.png",
  "leaflet/dist/images/layers-2x.png": "images/layers-2x.png",
  "topojson-client/dist/topojson-client.min.js": "topojson-client.min.js",
  "world-atlas/countries-110m.json": "countries-110m.json",
  // Only the browser tests load it (no page links it): the accessibility checks of tests/serve.
  "axe-core/axe.min.js": "axe.min.js",
};

let missing = 0;
for (const [src, dst] of Object.entries(FILES)) {
  const from = path.join(nm, src);
  const to = path.join(out, dst);
  if (!fs.existsSync(from)) {
    console.error(`copy-vendor: ${src} is missing; run \`npm ci\` in ${here} first`);
    missing += 1;
    continue;
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}
for (const pkg of ["leaflet", "moment", "vis-data", "vis-timeline", "vis-network", "topojson-client", "world-atlas", "axe-core"]) {
  const dir = path.join(nm, pkg);
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).filter((n) => /^LICEN[SC]E/i.test(n))) {
    fs.mkdirSync(path.join(out, "licenses"), { recursive: true });
    fs.copyFileSync(path.join(dir, f), path.join(out, "licenses", `${pkg}-${f}`));
  }
}
if (missing) process.exit(1);
console.log(`copy-vendor: ${Object.keys(FILES).length} files in ${path.relative(process.cwd(), out) || out}`);
