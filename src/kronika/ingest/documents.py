"""A decoded text and its given metadata -> a Document (boilerplate marked, metadata filled) or a Failure."""
from __future__ import annotations

import hashlib
import re

from ..records import Document, Failure, Stripped
from .boilerplate import find_boilerplate, find_debris
from .gutenberg import gutenberg
from .lines import split_lines
from .metadata import dateline_passage, describe, front_matter


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_MARKUP = re.compile(r"<(script|style)\b[^<>]{0,500}>.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_MARKUP_HINT = re.compile(r"<(?:script|style)\b", re.IGNORECASE)


def _mark_markup(text: str, stripped: list[Stripped]) -> list[Stripped]:
    """Inline <script>/<style> blocks in a text or Markdown file are marked (they are code, not prose)."""
    if "<" not in text or not _MARKUP_HINT.search(text):
        return stripped
    blocks = [Stripped(m.start(), m.end(), m.group(0), "markup") for m in _MARKUP.finditer(text)]
    kept = [s for s in stripped if not any(b.start <= s.start and s.end <= b.end for b in blocks)]
    return sorted(kept + blocks, key=lambda p: p.start)


def _with_debris(stripped: list[Stripped], debris: list[Stripped]) -> list[Stripped]:
    """Boilerplate passages plus the conversion debris (footnote markers, caption tails) outside them."""
    if not debris:
        return stripped
    ends, out, i = sorted(stripped, key=lambda p: p.start), [], 0
    for d in debris:                      # both sorted: one pass
        while i < len(ends) and ends[i].end <= d.start:
            out.append(ends[i])
            i += 1
        if i < len(ends) and ends[i].start <= d.start:
            continue                      # inside a boilerplate passage already
        out.append(d)
    return sorted(out + ends[i:], key=lambda p: p.start)


def analysed_part(text: str, limit: int | None) -> str:
    """The head of ``text`` that line analysis reads: all of it, or up to the last line end before ``limit``.

    Only the first ``max_chars`` characters of a document are annotated, so boilerplate and metadata are
    looked for there too; this keeps ingest memory proportional to that bound, not to the file (a 20 MB
    file of one-word lines would otherwise make four million line records).
    """
    if limit is None or len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit) + 1
    return text[: cut if cut > limit // 2 else limit]


def make_document(name: str, text: str, digest: str, fmt: str, path: str | None = None,
                  given: dict | None = None, limit: int | None = None) -> Document | Failure:
    """A Document whose text is ``text`` exactly; an empty or whitespace-only text is a Failure.

    ``limit`` (the annotation bound, ``Settings.max_chars``) bounds the part that is analysed for
    boilerplate and metadata; the text itself is kept whole.
    """
    if not text.strip():
        return Failure(name, "the document is empty (no text, or only whitespace)", "ingest", path)
    full, text = text, analysed_part(text, limit)
    lines = split_lines(text)
    stripped, byline = find_boilerplate(text, lines)
    if fmt in ("md", "txt", "jsonl"):
        stripped = _mark_markup(text, stripped)
    if fmt in ("md", "txt"):
        gmeta, licence = gutenberg(full)
        if licence:
            stripped = sorted(licence + [s for s in stripped
                                         if not any(p.start <= s.start and s.end <= p.end for p in licence)],
                              key=lambda p: p.start)
            given = {**gmeta, **(given or {})}
        fm, passage = front_matter(text)
        if passage is not None:
            stripped = [passage] + [s for s in stripped if s.start >= passage.end]
            given = {**fm, **(given or {})}
    meta = describe(text, lines, stripped, byline, fmt, given)
    if meta["genre"] == "news":
        passage = dateline_passage(lines, stripped, text)
        if passage is not None:
            stripped = sorted([*stripped, passage], key=lambda p: p.start)
    if fmt in ("md", "txt", "jsonl", "html"):
        stripped = _with_debris(stripped, find_debris(text, fmt))
    return Document(doc=name, sha256=digest, text=full, title=meta["title"], author=meta["author"],
                    published=meta["published"], genre=meta["genre"], about=meta["about"], url=meta["url"],
                    stripped=tuple(stripped), path=path, format="txt" if fmt == "txt" else fmt)
