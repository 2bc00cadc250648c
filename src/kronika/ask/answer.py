"""A question and the store in, ranked answers with their sources out.

First version: BM25 over sentences with SQLite FTS5; the answer is the sentence.
"""
from __future__ import annotations

import re

STOP = set("a an the of in on at to and or is was were did does do who what when where which why how x s "
           "about with for by from as his her their its be been he she it they".split())


def _fts_query(q: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z0-9]+", q.lower()) if w not in STOP]
    return " OR ".join(f'"{w}"' for w in words)


def answer(conn, question: str, settings, top: int = 3) -> dict:
    q = _fts_query(question)
    answers = []
    if q:
        rows = conn.execute('SELECT doc, start, "end", text FROM sentences_fts WHERE sentences_fts MATCH ?'
                            ' ORDER BY bm25(sentences_fts) LIMIT ?', (q, top)).fetchall()
        for r in rows:
            s = {"doc": r["doc"], "start": int(r["start"]), "end": int(r["end"]), "quote": r["text"]}
            answers.append({"text": r["text"], "sources": [s]})
    return {"question": question, "answers": answers}
