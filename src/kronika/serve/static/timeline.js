/* Timeline page: a vis-timeline axis over the server-rendered event list (which stays as the
   fallback when the vendor files are absent), filters by type and status, and a detail panel
   with each quotation highlighted in its document. */
"use strict";
(function () {
  const K = window.K;
  const data = K.data();
  if (!data) return;
  const events = data.events || [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const detail = document.getElementById("detail");
  const list = document.getElementById("event-list");
  const clsSafe = (s) => String(s || "").replace(/[^a-z0-9-]/gi, "");

  function showDetail(id, from) {
    const e = byId.get(id);
    if (!e || !detail) return;
    K.openPanel(detail, e.summary, from);
    const meta = K.el("p", { class: "meta" });
    meta.appendChild(K.el("span", { class: "etype type-" + clsSafe(e.type) }, e.type));
    meta.appendChild(document.createTextNode(" " + K.dateText(e.date) + " · " + e.status +
      " · confidence " + Number(e.confidence).toFixed(2)));
    detail.appendChild(meta);
    if (e.date && e.date.text) detail.appendChild(K.el("p", { class: "timex" }, "Date read from: “" + e.date.text + "”"));
    if (e.places.length) detail.appendChild(K.el("p", null, "Places: " + e.places.map((p) => p.name).join(", ")));
    if (e.participants.length) detail.appendChild(K.el("p", null, "With: " + e.participants.map((p) => p.name).join(", ")));
    if (e.fiction) detail.appendChild(K.el("p", { class: "fiction" }, "Retold from the plot of a novel: weaker evidence for the life."));
    if (e.note) detail.appendChild(K.el("p", { class: "note" }, e.note));
    detail.appendChild(K.el("h3", null, e.sources.length + (e.sources.length === 1 ? " source" : " sources")));
    for (const s of e.sources) detail.appendChild(K.quoteInContext(s));
    for (const li of list.querySelectorAll("li.selected")) li.classList.remove("selected");
    const li = document.getElementById("ev-" + id);
    if (li) li.classList.add("selected");
  }

  // ---- filters ----
  function active(name) {
    return new Set(Array.from(document.querySelectorAll('#filters input[name="' + name + '"]'))
      .filter((i) => i.checked).map((i) => i.value));
  }
  let view = null;
  let ok = () => true;
  function applyFilters() {
    const types = active("type"), statuses = active("status");
    ok = (e) => types.has(e.type) && statuses.has(e.status);
    for (const li of list.querySelectorAll("li.event")) {
      const e = byId.get(li.dataset.id);
      li.hidden = !(e && ok(e));
    }
    if (view) view.refresh();
  }
  for (const input of document.querySelectorAll("#filters input")) input.addEventListener("change", applyFilters);

  // ---- the list ----
  list.addEventListener("click", (ev) => {
    if (ev.target.closest("a")) return;
    const li = ev.target.closest("li.event");
    if (li) showDetail(li.dataset.id, li);
  });
  list.addEventListener("keydown", (ev) => {
    const li = ev.target.closest("li.event");
    if (li && ev.target === li && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); showDetail(li.dataset.id, li); }
  });

  // ---- the axis ----
  if (!window.vis || !window.vis.Timeline) return;
  function parse(iso, end) {
    if (!iso) return null;
    const m = /^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
    if (!m) return null;
    let y = +m[1], mo = m[2] ? +m[2] - 1 : 0, d = m[3] ? +m[3] : 1;
    if (end) { if (m[3]) d += 1; else if (m[2]) mo += 1; else y += 1; }  // inclusive bound -> exclusive instant
    const t = new Date(Date.UTC(2000, mo, d));
    t.setUTCFullYear(y);
    return t;
  }
  const YEAR = 366 * 24 * 3600 * 1000;
  const rows = [];
  let last = null;
  for (const e of events) {
    const a = parse(e.date.start, false), b = parse(e.date.end, true);
    const cls = ["type-" + clsSafe(e.type), "status-" + clsSafe(e.status)];
    if (e.date.inferred) cls.push("inferred");
    if (e.fiction) cls.push("fiction");
    const content = K.el("span", { class: "item-label", "data-id": e.id }, (e.date.inferred ? "~ " : "") + e.summary + (e.fiction ? " (novel)" : ""));
    let item;
    if (a && b && b - a > YEAR * 1.01) {
      cls.push("uncertain");
      item = { start: a, end: b, type: "range" };
    } else if (a || b) {
      if (!(a && b)) cls.push(a ? "open-end" : "open-start");
      const at = a && b ? new Date((a.getTime() + b.getTime()) / 2) : (a || b);
      item = { start: at, type: "box" };
    } else if (last) {
      cls.push("undated");
      item = { start: last, type: "box" };
    } else continue;
    last = item.start;
    item.id = e.id;
    item.content = content;
    item.className = cls.join(" ");
    rows.push(item);
  }
  if (!rows.length) return;
  const box = document.getElementById("timeline-vis");
  box.hidden = false;
  const items = new window.vis.DataSet(rows);
  view = new window.vis.DataView(items, { filter: (it) => ok(byId.get(it.id)) });
  const win = data.window;  // the life (birth to death, or the well-dated span), whatever outliers exist
  const opts = {
    stack: true, zoomable: true, horizontalScroll: false, showCurrentTime: false, maxHeight: 520,
    margin: { item: { horizontal: 4, vertical: 6 } }, orientation: { axis: "top" }, tooltip: { followMouse: false },
    xss: { disabled: false },
  };
  if (win && parse(win.start) && parse(win.end)) { opts.start = parse(win.start); opts.end = parse(win.end); }
  const timeline = new window.vis.Timeline(box, view, opts);
  timeline.on("select", (p) => { if (p.items && p.items.length) showDetail(p.items[0]); });
  // keyboard: every item on the axis is a button in the Tab order (vis-timeline redraws them: re-mark)
  function markItems() {
    for (const it of box.querySelectorAll(".vis-item")) {
      const lab = it.querySelector(".item-label");
      if (!lab || it.getAttribute("tabindex") === "0") continue;
      it.setAttribute("tabindex", "0");
      it.setAttribute("role", "button");
      const e = byId.get(lab.dataset.id);
      it.setAttribute("aria-label", (e ? K.dateText(e.date) + ": " : "") + lab.textContent);
    }
  }
  timeline.on("changed", markItems);
  box.addEventListener("keydown", (ev) => {
    const it = ev.target.closest(".vis-item");
    const lab = it && it.querySelector(".item-label");
    if (lab && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      timeline.setSelection([lab.dataset.id]);
      showDetail(lab.dataset.id, it);
    }
  });
  applyFilters();
  markItems();
})();
