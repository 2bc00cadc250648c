"""HTML source -> main text and metadata (title, author, date, url) with trafilatura, after a depth guard.

Scripts, styles, event handlers and links never reach the text: trafilatura
keeps only the main text's words. Pages nested deeper than
``settings.max_html_depth`` are refused before any parser sees them (a cheap
linear tag scan), so hostile nesting cannot exhaust recursion or memory.
"""
from __future__ import annotations

import logging
import re

from .dates import normalise_iso

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]{0,40})\b[^<>]*?(/?)>")
# Elements that never hold children, or whose end tags HTML lets an author omit.
_NO_DEPTH = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rt rp".split()
)
_RAW_OPEN = re.compile(r"<(script|style|template|noscript)\b", re.IGNORECASE)


def drop_raw(html: str) -> str:
    """``html`` without <script>, <style>, <template> and <noscript> blocks (an unclosed one runs to the end).

    Linear: each block's end is found with one ``str.find`` on a lower-cased copy.
    """
    low = html.lower()
    out, pos = [], 0
    while True:
        m = _RAW_OPEN.search(html, pos)
        if m is None:
            out.append(html[pos:])
            break
        out.append(html[pos:m.start()])
        close = low.find("</" + m.group(1).lower(), m.end())
        if close < 0:
            break
        gt = low.find(">", close)
        pos = len(html) if gt < 0 else gt + 1
    return " ".join(out)


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.IGNORECASE)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top, if any."""
    m = _META_CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def html_depth(html: str, limit: int) -> int:
    """Nesting depth of ``html`` (stops counting once ``limit`` is passed)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _NO_DEPTH or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def extract_html(html: str, max_depth: int) -> tuple[str | None, dict, str | None]:
    """(main text, metadata, None) or (None, {}, reason)."""
    if html_depth(drop_raw(html), max_depth) > max_depth:
        return None, {}, (f"HTML is nested more than {max_depth} levels deep (KRONIKA_MAX_HTML_DEPTH), "
                          "so it was not parsed")
    import trafilatura  # deferred: importing it takes a moment

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=False, include_links=False,
                                          deduplicate=False)
    except (RecursionError, MemoryError):
        return None, {}, "HTML is too deeply nested or too large to parse"
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop a build
        return None, {}, f"HTML could not be parsed ({type(exc).__name__})"
    meta: dict = {}
    text = None
    if doc is not None:
        get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
        text = get("text")
        meta = {"title": get("title"), "author": get("author"), "published": normalise_iso(get("date")),
                "url": get("url")}
    if not text or not text.strip():
        try:
            text = trafilatura.html2txt(html)
        except Exception:  # noqa: BLE001
            text = None
        if not meta:
            meta = _fallback_meta(html)
    if not text or not text.strip():
        text = strip_tags(html)
    if not text or not text.strip():
        return None, meta, "no text found in the HTML page"
    return text, {k: v.strip() for k, v in meta.items() if isinstance(v, str) and v.strip()}, None




def _drop_comments(html: str) -> str:
    out, pos = [], 0
    while True:
        start = html.find("<!--", pos)
        if start < 0:
            out.append(html[pos:])
            return " ".join(out)
        out.append(html[pos:start])
        end = html.find("-->", start + 4)
        if end < 0:
            return " ".join(out)
        pos = end + 3

_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")
_BLOCK = re.compile(r"<(?:/?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote|pre|ul|ol|table))\b[^<>]*>", re.IGNORECASE)


def strip_tags(html: str) -> str:
    """Last resort for fragments trafilatura returns nothing for: the words between the tags, scripts removed."""
    import html as htmllib
    text = _BLOCK.sub("\n", _drop_comments(drop_raw(html)))
    text = htmllib.unescape(_ANY_TAG.sub(" ", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _fallback_meta(html: str) -> dict:
    try:
        from trafilatura.metadata import extract_metadata
        m = extract_metadata(html)
    except Exception:  # noqa: BLE001
        return {}
    if m is None:
        return {}
    return {"title": m.title, "author": m.author, "published": normalise_iso(m.date), "url": m.url}
