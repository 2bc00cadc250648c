"""Gold claims (seeds and written non-seed texts) -> recall and precision of extract_claims, printed side by side.

A predicted claim matches a gold item when the document and stance are equal,
the holder matches (None = None; else the names share a word of 3+ letters)
and its source span overlaps the gold quote fragment. Recall: gold items
matched; precision: predicted claims matching some gold item.

    .venv/bin/python bench/claims_eval.py [-v]
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "eval" / "gold"
SEEDS = ROOT.parent / "shared" / "seeds"
STOP = {"the", "and", "of", "a", "an", "at", "in"}


def _words(name: str) -> set[str]:
    return {w.strip(".,’'s").lower() for w in name.replace("’s", " ").split() if len(w) >= 3} - STOP


def holder_match(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return bool(_words(gold) & _words(pred))


def load_sets() -> dict[str, tuple[list, list[dict]]]:
    """{set name: ([Document], [gold item])}; the seeds set is empty when ../shared is absent."""
    from kronika.records import Document

    def doc(name, text, meta):
        return Document(doc=name, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                        title=meta.get("title"), author=meta.get("author"), genre=meta.get("genre") or "other",
                        about=meta.get("about"), published=meta.get("published"))

    out = {}
    meta = json.loads((GOLD / "docs_meta.json").read_text())["seeds"]
    seeds_gold = json.loads((GOLD / "seeds_claims.json").read_text())["items"]
    docs = []
    if SEEDS.is_dir():
        for name in sorted(meta):
            p = SEEDS / name
            if p.exists():
                docs.append(doc(name, p.read_text(encoding="utf-8"), meta[name]))
    out["seeds"] = (docs, seeds_gold if docs else [])
    ns = json.loads((GOLD / "claims_nonseed.json").read_text())
    out["nonseed"] = ([doc(d["doc"], d["text"], d) for d in ns["documents"]], ns["items"])
    return out


def run(nlp, docs) -> dict[str, list]:
    """extract_claims over each document (mentions from the entities stage)."""
    from kronika.annotate.pipeline import spacy_text
    from kronika.extract.claims import extract_claims
    from kronika.extract.entities import extract_mentions

    out = {}
    for d in docs:
        sdoc = nlp(spacy_text(d.text, d.stripped))
        out[d.doc] = extract_claims(sdoc, d, extract_mentions(sdoc))
    return out


def score(docs, gold: list[dict], preds: dict[str, list]) -> dict:
    """Recall, precision and about-accuracy, plus the misses and false positives."""
    texts = {d.doc: d.text for d in docs}
    spans = []
    for g in gold:
        s = texts[g["doc"]].find(g["quote"])
        spans.append((s, s + len(g["quote"])))

    def match(g, span, c):
        return (c.stance == g["stance"] and holder_match(g["holder"], c.holder)
                and c.source.start < span[1] and span[0] < c.source.end)

    hit, misses = 0, []
    about_ok = 0
    for g, span in zip(gold, spans):
        found = [c for c in preds.get(g["doc"], []) if match(g, span, c)]
        if found:
            hit += 1
            about_ok += any(holder_match(g["about"], c.about) for c in found)
        else:
            misses.append(g)
    allp = [(d, c) for d, cs in preds.items() for c in cs]
    good, fps = 0, []
    for d, c in allp:
        if any(g["doc"] == d and match(g, span, c) for g, span in zip(gold, spans)):
            good += 1
        else:
            fps.append((d, c))
    return {"recall": hit / len(gold) if gold else 0.0, "precision": good / len(allp) if allp else 0.0,
            "about": about_ok / hit if hit else 0.0, "gold": len(gold), "pred": len(allp),
            "misses": misses, "fps": fps}


def main(argv: list[str]) -> int:
    from kronika.analyse import build_nlp
    from kronika.settings import load_settings

    verbose = "-v" in argv
    nlp = build_nlp(load_settings())
    print(f"{'set':10} {'gold':>5} {'pred':>5} {'recall':>7} {'precision':>9} {'about':>6} {'secs':>5}")
    for name, (docs, gold) in load_sets().items():
        if not docs:
            print(f"{name:10} (absent)")
            continue
        t0 = time.perf_counter()
        preds = run(nlp, docs)
        secs = time.perf_counter() - t0
        r = score(docs, gold, preds)
        print(f"{name:10} {r['gold']:5d} {r['pred']:5d} {r['recall']:7.2f} {r['precision']:9.2f} {r['about']:6.2f} {secs:5.1f}")
        if verbose:
            for g in r["misses"]:
                print(f"   MISS {g['doc'][:12]} {g['holder']!s:18} {g['stance']:8} {g['quote'][:70]}")
            for d, c in r["fps"]:
                print(f"   FP   {d[:12]} {c.holder!s:18} {c.stance:8} {c.kind:16} about={c.about!s:20} {c.source.quote[:60]!r}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main(sys.argv[1:]))
