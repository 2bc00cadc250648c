"""A question and the store in, ranked answers with their sources out.

1. ``questions.parse``: question type, subject, relation, year, anchor (rules).
2. ``structured.answers``: facts, relations and timeline events of the subject.
3. ``passages.search``: FTS5 BM25 over sentences, re-ranked by support for the
   subject, the relation and the asked answer type, answer span from the
   mentions / timexes tables; optional semantic re-ranking (``embed``) when
   the ``semantic`` extra is installed.

Nothing is invented: a question whose subject, relation or other names the
corpus does not support gets an empty answer list.
"""
from __future__ import annotations

import re

from . import passages, structured
from .questions import parse

MIN_SCORE = 0.9
TIE = 0.15          # score margin under which the optional semantic re-ranker is consulted


def _key(text: str) -> str:
    t = text.lower().replace("’", "'")
    t = re.sub(r"^(the|a|an)\s+", "", t)
    return re.sub(r"[^\w]+", " ", t).strip()


def _merge(cands: list[dict]) -> list[dict]:
    """One answer per distinct text; sources pooled; score: best + a bonus per extra document."""
    groups: dict[str, dict] = {}
    order = []
    for c in sorted(cands, key=lambda c: -c["score"]):
        k = _key(c["text"])
        if not k:
            continue
        # an answer contained in a better one ("Mexico" in "Mexico City") joins it
        hit = groups.get(k)
        if hit is None:
            for ok in order:
                if re.search(rf"\b{re.escape(k)}\b", ok) or re.search(rf"\b{re.escape(ok)}\b", k):
                    hit = groups[ok]
                    if len(k) > len(ok) and c["score"] >= 0.7 * hit["score"]:
                        hit["text"] = c["text"]      # the more precise answer ("Mexico City" over "Mexico")
                    break
        srcs = c["sources"] if "sources" in c else [{"doc": c["doc"], "start": c["start"], "end": c["end"],
                                                       "quote": c["quote"]}]
        if hit is None:
            groups[k] = {"text": c["text"], "sources": [], "score": c["score"], "docs": set(),
                         "via": c.get("via", "passage")}
            order.append(k)
            hit = groups[k]
        for s in srcs:
            if not any(s["doc"] == x["doc"] and s["start"] == x["start"] and s["end"] == x["end"]
                       for x in hit["sources"]):
                hit["sources"].append(s)
                if s["doc"] not in hit["docs"]:
                    if hit["docs"]:
                        hit["score"] += 0.15 * min(1.0, c["score"] / max(hit["score"], 1e-9))
                    hit["docs"].add(s["doc"])
    return sorted(groups.values(), key=lambda g: -g["score"])


def answer(conn, question: str, settings, top: int = 3) -> dict:
    q = parse(question)
    out = {"question": question, "answers": []}
    if not q.subject and not q.others and not q.focus and not q.relation:
        return out
    subj = structured.resolve(conn, q.subject) if q.subject else None
    if q.subject and subj is None:
        return out                    # the corpus never mentions who is asked about
    for o in q.others:
        if structured.resolve(conn, o) is None:
            return out                # "When did Serge visit Japan?": no Japan anywhere
    cands = []
    corpus = passages.Corpus(conn)
    if subj is not None:
        for c in structured.answers(conn, q, subj):
            sup = [passages.support(conn, corpus, q, subj, s) for s in c["sources"][:5]]
            ssup = max((s for s, _ in sup), default=0.0)
            if ssup <= 0:                  # the record's sentence does not name the subject
                c["score"] -= 1.2 if c["via"] == "fact" else 0.3
            if not any(f for _, f in sup):
                continue                   # nor of what is asked ("first wife", "daughter")
            cands.append(c)
    cands += passages.search(conn, q, subj, corpus=corpus)
    cands = [c for c in cands if c["score"] >= MIN_SCORE]
    merged = _merge(cands)
    if len(merged) > 1 and merged[0]["score"] - merged[1]["score"] < TIE:
        # a near tie between the two best answers: let the sentence-embedding model (if installed) break it
        try:
            from . import embed
            if embed.available():
                merged = _merge(embed.rerank(question, cands))
        except Exception:             # the optional extra must never break an answer
            pass
    merged = merged[:top]
    out["answers"] = [{"text": g["text"], "sources": g["sources"], "score": round(g["score"], 3),
                       "via": g["via"]} for g in merged]
    return out
