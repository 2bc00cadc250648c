/* Source viewer: #START-END highlights a quotation (offsets into the document's text);
   clicking a highlighted span lists what was extracted from it. */
"use strict";
(function () {
  const K = window.K;
  const data = K.data();
  const text = document.getElementById("doctext");
  const detail = document.getElementById("detail");
  if (!text) return;
  const segs = Array.from(text.querySelectorAll("span[data-s]"));
  const original = new Map(segs.map((s) => [s, s.textContent]));

  function reset() {
    for (const s of segs) {
      if (s.querySelector("mark")) s.textContent = original.get(s);
      s.classList.remove("hl");
    }
  }
  function highlight() {
    reset();
    const m = /^#(\d+)-(\d+)$/.exec(window.location.hash);
    if (!m) return;
    const a = +m[1], b = +m[2];
    if (!(b > a)) return;
    let first = null;
    for (const s of segs) {
      const s0 = +s.dataset.s, s1 = +s.dataset.e;
      if (s1 <= a || s0 >= b) continue;
      const t = original.get(s);
      // offsets count code points; the segment's text is UTF-16: convert before slicing
      const i = K.unitIndex(t, Math.max(a, s0) - s0), j = K.unitIndex(t, Math.min(b, s1) - s0);
      K.clear(s);
      if (i > 0) s.appendChild(document.createTextNode(t.slice(0, i)));
      const mark = K.el("mark", { class: "quote-hl" }, t.slice(i, j));
      s.appendChild(mark);
      if (j < t.length) s.appendChild(document.createTextNode(t.slice(j)));
      s.classList.add("hl");
      first = first || mark;
    }
    if (first) first.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", highlight);
  highlight();

  if (!data || !detail) return;
  // keyboard: one highlighted passage is in the Tab order at a time; arrows move, Enter opens
  const anns = Array.from(text.querySelectorAll("span[data-ann]")).filter((s) => s.dataset.ann);
  let current = anns[0] || null;
  if (current) current.tabIndex = 0;
  function moveTo(s) {
    if (!s) return;
    if (current) current.tabIndex = -1;
    current = s;
    s.tabIndex = 0;
    s.focus();
  }
  function show(s) {
    K.openPanel(detail, "Extracted here", s);
    const ul = K.el("ul");
    for (const i of s.dataset.ann.split(" ")) {
      const sp = data.spans[+i];
      if (!sp) continue;
      const li = K.el("li", { class: "ann " + String(sp.kind).replace(/[^a-z]/g, "") });
      li.appendChild(K.el("strong", null, sp.kind));
      li.appendChild(document.createTextNode(" " + sp.label + " "));
      li.appendChild(K.el("a", { href: "#" + sp.start + "-" + sp.end }, "[" + sp.start + "–" + sp.end + "]"));
      if (sp.kind === "event" && sp.subject) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(K.el("a", { href: "/person/" + K.enc(sp.subject) }, "timeline"));
      } else if (sp.kind === "entity" && sp.id) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(K.el("a", { href: "/entity/" + K.enc(sp.id) }, "dossier"));
      }
      ul.appendChild(li);
    }
    detail.appendChild(ul);
  }
  text.addEventListener("click", (ev) => {
    const s = ev.target.closest("span[data-ann]");
    if (!s || !s.dataset.ann) return;
    if (current !== s) { if (current) current.tabIndex = -1; current = s; s.tabIndex = 0; }
    show(s);
  });
  text.addEventListener("keydown", (ev) => {
    const s = ev.target.closest("span[data-ann]");
    if (!s || !s.dataset.ann) return;
    const k = anns.indexOf(s);
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); show(s); }
    else if (ev.key === "ArrowRight" || ev.key === "ArrowDown") { ev.preventDefault(); moveTo(anns[k + 1]); }
    else if (ev.key === "ArrowLeft" || ev.key === "ArrowUp") { ev.preventDefault(); moveTo(anns[k - 1]); }
    else if (ev.key === "Home") { ev.preventDefault(); moveTo(anns[0]); }
    else if (ev.key === "End") { ev.preventDefault(); moveTo(anns[anns.length - 1]); }
  });
})();
