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
    if (d.start && d.end && d.start === d.end) t = d.start;
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
  /* A quotation in its document: some text before, the quote in <mark>, some text after. */
  function quoteInContext(src, width) {
    width = width || 240;
    const box = el("blockquote", { class: "in-context" });
    const q = el("mark", null, src.quote);
    box.appendChild(q);
    fetchDoc(src.doc).then((d) => {
      if (!d || typeof d.text !== "string") return;
      const a = Math.max(0, src.start - width), b = Math.min(d.text.length, src.end + width);
      box.insertBefore(document.createTextNode((a > 0 ? "…" : "") + d.text.slice(a, src.start)), q);
      box.appendChild(document.createTextNode(d.text.slice(src.end, b) + (b < d.text.length ? "…" : "")));
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
  return { el, data, enc, dateText, fetchDoc, quoteInContext, clear };
})();
