/* kronika web app: shared helpers. Data from documents is untrusted: text goes in with
   textContent / createTextNode only, never innerHTML; links are built with encodeURIComponent. */
"use strict";
window.K = (function () {
  function el(tag, attrs, text) {
    const n = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") n.className = v;
        else if (k === "href") n.setAttribute("href", safeHref(v));
        else n.setAttribute(k, String(v));
      }
    }
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function safeHref(h) {
    h = String(h);
    return h.startsWith("/") && !h.startsWith("//") ? h : "#";
  }
  function data() {
    const node = document.getElementById("page-data");
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }
  function enc(s) { return encodeURIComponent(String(s)); }
  function dateText(d) {
    if (!d) return "undated";
    let t;
    if (d.label) t = d.label;  // the server's words, at the evidence's precision
    else if (d.start && d.end && d.start === d.end) t = d.start;
    else if (d.start && d.end) t = d.start + "–" + d.end;
    else if (d.start) t = "after " + d.start;
    else if (d.end) t = "before " + d.end;
    else t = "undated";
    return d.inferred ? t + " (inferred)" : t;
  }
  const docCache = new Map();
  function fetchDoc(name) {
    if (!docCache.has(name)) {
      docCache.set(name, fetch("/api/doc?name=" + enc(name), { headers: { accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : null)).catch(() => null));
    }
    return docCache.get(name);
  }
  /* Offsets from the server count code points (Python); JavaScript strings count UTF-16 units, and
     every character outside the Basic Multilingual Plane (emoji, many scripts) is two of them.
     unitIndex(text, cp) is the UTF-16 index of code point cp; cpLength(text) the length in code points. */
  function unitIndex(text, cp) {
    let i = 0, n = 0;
    while (n < cp && i < text.length) {
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
      n += 1;
    }
    return i;
  }
  function cpLength(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n += 1;
    }
    return n;
  }
  /* text.slice by code points (a = start, b = end, both in code points). */
  function cpSlice(text, a, b) {
    const i = unitIndex(text, a);
    return b === undefined ? text.slice(i) : text.slice(i, i + unitIndex(text.slice(i), b - a));
  }
  /* A quotation in its document: some text before, the quote in <mark>, some text after. */
  function quoteInContext(src, width) {
    width = width || 240;
    const box = el("blockquote", { class: "in-context" });
    const q = el("mark", null, src.quote);
    box.appendChild(q);
    fetchDoc(src.doc).then((d) => {
      if (!d || typeof d.text !== "string") return;
      const n = cpLength(d.text);
      const a = Math.max(0, src.start - width), b = Math.min(n, src.end + width);
      box.insertBefore(document.createTextNode((a > 0 ? "…" : "") + cpSlice(d.text, a, src.start)), q);
      box.appendChild(document.createTextNode(cpSlice(d.text, src.end, b) + (b < n ? "…" : "")));
    });
    const wrap = el("div", { class: "source" });
    wrap.appendChild(box);
    const cite = el("p", { class: "cite" });
    cite.appendChild(el("a", { href: "/doc/" + enc(src.doc) + "#" + src.start + "-" + src.end }, src.doc));
    cite.appendChild(document.createTextNode(" [" + src.start + "–" + src.end + "]"));
    wrap.appendChild(cite);
    return wrap;
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); }

  /* The detail panel: opened with a title and a close button, focus moves into it; Escape or the
     button closes it and focus goes back to what opened it. */
  let opener = null;
  function openPanel(panel, title, from) {
    if (!panel) return null;
    const back = from || document.activeElement;
    if (panel.hidden || !opener) opener = back && back !== document.body ? back : null;
    clear(panel);
    panel.hidden = false;
    const close = el("button", { class: "close", type: "button", "aria-label": "Close the panel" }, "×");
    close.addEventListener("click", () => closePanel(panel));
    panel.appendChild(close);
    panel.appendChild(el("h2", { id: "detail-title" }, title));
    panel.focus({ preventScroll: false });
    return panel;
  }
  function closePanel(panel) {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    const o = opener;
    opener = null;
    if (o && document.contains(o)) o.focus();
    panel.dispatchEvent(new Event("panelclose"));
  }
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    const panel = document.getElementById("detail");
    if (panel && !panel.hidden) { ev.preventDefault(); closePanel(panel); }
  });
  return { el, data, enc, dateText, fetchDoc, quoteInContext, clear, unitIndex, cpLength, cpSlice, openPanel, closePanel };
})();
