"""Reads the web app needs beyond the JSON contract: full-text passages, and who has a timeline.

Kept apart from ``reads`` (the contract's shapes, shared with the CLI): these
shapes are the web pages' own.
"""
from __future__ import annotations

import re
import sqlite3

# Marks around the matching words in a passage: control characters no document text keeps
# (ingest normalises them away), so they cannot be confused with the text itself.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(q: str) -> str | None:
    """A user's words as an FTS5 query: every word quoted (no operators, no syntax errors), all required."""
    words = _WORD.findall(q or "")[:12]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search_passages(conn: sqlite3.Connection, q: str, limit: int = 30) -> list[dict]:
    """Sentences of the documents containing every word of ``q`` (stemmed, accent-blind), best first (BM25).

    Each hit: doc, title, start, end (offsets of the sentence in its document's text, in code points)
    and ``parts``: the sentence cut into [text, is_match] pieces for display.
    """
    fq = fts_query(q)
    if not fq:
        return []
    try:
        rows = conn.execute(
            'SELECT f.doc, f.start, f."end", highlight(sentences_fts, 0, ?, ?) AS hl, d.title'
            ' FROM sentences_fts f LEFT JOIN documents d ON d.doc = f.doc'
            ' WHERE sentences_fts MATCH ? ORDER BY bm25(sentences_fts) LIMIT ?',
            (HIT_OPEN, HIT_CLOSE, fq, int(limit))).fetchall()
    except sqlite3.OperationalError:  # a query FTS5 still refuses: no passages rather than an error page
        return []
    out = []
    for r in rows:
        parts = []
        for i, piece in enumerate(re.split(f"{HIT_OPEN}|{HIT_CLOSE}", r["hl"])):
            if piece:
                parts.append([piece, i % 2 == 1])
        out.append({"doc": r["doc"], "title": r["title"], "start": r["start"], "end": r["end"],
                    "text": "".join(p for p, _ in parts), "parts": parts})
    return out


def subjects_with_events(conn: sqlite3.Connection) -> set[str]:
    """Ids of the people who have a timeline (at least one reconciled event)."""
    return {r[0] for r in conn.execute("SELECT DISTINCT subject_id FROM events")}
