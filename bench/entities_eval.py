"""Entity benchmark: gold files (seeds, non-seed paragraphs) and Re-DocRED dev -> precision/recall/F1 per type.

Usage: .venv/bin/python bench/entities_eval.py [--redocred N]   (N dev documents, default 100; 0 skips)

* seeds / non-seed: entity level per document. A predicted entity is (type, key) with its surface
  forms; it matches a gold entity of the same type when its key or a surface form equals the gold
  name or an alias (case-insensitive). Seeds are read with boilerplate blanked as ``build`` does.
* Re-DocRED dev (read from ../shared/eval, never copied): mention level, exact character span,
  PER->PERSON, ORG->ORG, LOC->PLACE. Gold mentions that are nationality or religion adjectives
  ("German", "Catholic", "Christianity") are not scored (we do not extract NORP), nor are predictions
  with exactly their span; a leading "the " is dropped from gold spans.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "eval" / "gold"
TYPES = ("PERSON", "PLACE", "ORG", "WORK", "EVENT")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip().casefold()


def predicted_entities(mentions) -> dict[tuple[str, str], set[str]]:
    ents: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        ents[(m.type, m.key)].update({m.key, m.text})
    return ents


def score_entities(pred: dict[tuple[str, str], set[str]], gold: list[dict], counts: dict) -> None:
    """Add entity-level TP/FP/FN per type for one document to ``counts`` (type -> [tp, fp, fn])."""
    gold_forms = [(g["type"], {_norm(g["name"]), *map(_norm, g.get("aliases", ()))}) for g in gold]
    matched = set()
    for (typ, _key), forms in pred.items():
        nf = {_norm(f) for f in forms}
        hit = [i for i, (gt, gf) in enumerate(gold_forms) if gt == typ and gf & nf]
        if hit:
            matched.update(hit)
            counts[typ][0] += 0  # TPs are counted on the gold side
        else:
            counts[typ][1] += 1
    for i, (gt, _gf) in enumerate(gold_forms):
        if i in matched:
            counts[gt][0] += 1
        else:
            counts[gt][2] += 1


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _blank(text: str) -> str:
    try:
        from kronika.annotate.pipeline import spacy_text
        from kronika.ingest.boilerplate import find_boilerplate
        stripped, _ = find_boilerplate(text)
        return spacy_text(text, stripped)
    except Exception:  # the ingest stage is someone else's: score the raw text if it is unavailable
        return text


def eval_gold(nlp, docs: dict[str, tuple[str, list[dict]]]) -> dict:
    from kronika.extract.entities import extract_mentions
    counts = {t: [0, 0, 0] for t in TYPES}
    for _name, (text, gold) in docs.items():
        score_entities(predicted_entities(extract_mentions(nlp(text))), gold, counts)
    return counts


def seed_docs() -> dict:
    gold = json.loads((GOLD / "seeds_entities.json").read_text(encoding="utf-8"))["docs"]
    return {n: (_blank((SHARED / "seeds" / n).read_text(encoding="utf-8")), g) for n, g in gold.items()}


def nonseed_docs() -> dict:
    gold = json.loads((GOLD / "entities_nonseed.json").read_text(encoding="utf-8"))["docs"]
    return {n: (d["text"], d["entities"]) for n, d in gold.items()}


REDOCRED_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}


def redocred_docs(path: Path, n: int) -> list[tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]]:
    """(text, gold mention spans with our type, ignored spans) for the first ``n`` dev documents."""
    from kronika.extract.entities.patterns import ADHERENTS, is_ideology
    demonyms = {a.casefold() for a in ADHERENTS}
    try:
        dem = json.loads((ROOT / "src/kronika/data/demonyms.json").read_text(encoding="utf-8"))["demonyms"]
        demonyms = {k.casefold() for k in dem}
    except Exception:
        pass
    out = []
    for d in json.loads(path.read_text(encoding="utf-8"))[:n]:
        offs, parts, pos = [], [], 0
        for sent in d["sents"]:
            so = []
            for tok in sent:
                so.append((pos, pos + len(tok)))
                parts.append(tok)
                pos += len(tok) + 1
            offs.append(so)
        text = " ".join(parts)
        gold, ignore = [], []
        for vertex in d["vertexSet"]:
            for m in vertex:
                s, e = offs[m["sent_id"]][m["pos"][0]][0], offs[m["sent_id"]][m["pos"][1] - 1][1]
                typ = REDOCRED_TYPES.get(m["type"])
                if text[s:e].startswith("the "):
                    s += 4  # DocRED keeps the article ("the United States"); our spans never do
                low = text[s:e].casefold()
                if low in demonyms or low.rstrip("s") in demonyms or is_ideology(text[s:e]) or low.endswith("ity"):
                    ignore.append((s, e))
                elif typ:
                    gold.append((s, e, typ))
                else:
                    ignore.append((s, e))  # TIME/NUM/MISC spans: neither gold nor error for our three types
        out.append((text, gold, ignore))
    return out


def eval_redocred(nlp, docs) -> dict:
    from kronika.extract.entities import extract_mentions
    counts = {t: [0, 0, 0] for t in ("PERSON", "PLACE", "ORG")}
    for text, gold, ignore in docs:
        g = set(gold)
        pred = set()
        for m in extract_mentions(nlp(text)):
            if m.type not in counts:
                continue
            if (m.start, m.end, m.type) not in g and any(s == m.start and e == m.end for s, e in ignore):
                continue
            pred.add((m.start, m.end, m.type))
        for t in counts:
            gt = {x for x in g if x[2] == t}
            pt = {x for x in pred if x[2] == t}
            counts[t][0] += len(gt & pt)
            counts[t][1] += len(pt - gt)
            counts[t][2] += len(gt - pt)
    return counts


def micro(counts: dict) -> tuple[float, float, float]:
    tp = sum(c[0] for c in counts.values())
    fp = sum(c[1] for c in counts.values())
    fn = sum(c[2] for c in counts.values())
    return prf(tp, fp, fn)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--redocred", type=int, default=100, help="Re-DocRED dev documents to score (0: skip)")
    args = ap.parse_args(argv)
    from kronika.analyse import build_nlp
    from kronika.settings import load_settings
    nlp = build_nlp(load_settings())
    results = {}
    t0 = time.time()
    if (SHARED / "seeds").is_dir():
        results["seeds"] = eval_gold(nlp, seed_docs())
    results["non-seed"] = eval_gold(nlp, nonseed_docs())
    rd = SHARED / "eval" / "redocred" / "original" / "dev_revised.json"
    if args.redocred and rd.is_file():
        results[f"redocred-dev[{args.redocred}]"] = eval_redocred(nlp, redocred_docs(rd, args.redocred))
    names = list(results)
    print(f"{'type':8}" + "".join(f"{n:>26}" for n in names))
    print(f"{'':8}" + "".join(f"{'P    R    F1   (n)':>26}" for _ in names))
    for t in (*TYPES, "micro"):
        row = f"{t:8}"
        for n in names:
            c = results[n]
            if t == "micro":
                p, r, f = micro(c)
                k = sum(x[0] + x[2] for x in c.values())
            elif t in c:
                p, r, f = prf(*c[t])
                k = c[t][0] + c[t][2]
            else:
                row += f"{'-':>26}"
                continue
            row += f"{p:>10.2f}{r:>5.2f}{f:>5.2f} ({k:>3})"
        print(row)
    print(f"({time.time() - t0:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
