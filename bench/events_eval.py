"""Gold event files + seed/eval texts -> precision, recall and F1 of life events per type, seeds and non-seed.

Usage: .venv/bin/python bench/events_eval.py [--wikibio N] [--verbose]

Reads the gold in tests/eval/gold/ and the texts in ../shared (never copied into the project).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "eval" / "gold"
WIKI = SHARED / "eval" / "wikipedia_revolutionaries_2019" / "pages"
WIKIBIO = SHARED / "eval" / "wikibio_stranisci2023_events" / "events.jsonl"
TRAJ = SHARED / "eval" / "wikilifetrajectory_cosmos_sample" / "test_set_sample.csv"


def run_events(nlp, settings, text: str, name: str = "t.txt", genre: str = "other"):
    """Mentions, timexes and events of one text (the stages events depend on, nothing else)."""
    from kronika.extract.entities import extract_mentions
    from kronika.extract.events import extract_events
    from kronika.extract.time import extract_timexes
    from kronika.records import Document
    doc = Document(doc=name, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, genre=genre)
    sdoc = nlp(text)
    mentions = extract_mentions(sdoc)
    try:
        timexes = extract_timexes(sdoc, None)
    except Exception:  # another stage's work in progress must not stop this bench
        timexes = []
    return extract_events(sdoc, doc, mentions, timexes, settings)


def same_person(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b or a in b or b in a:
        return True
    return a.split()[-1] == b.split()[-1]


def match(gold: list[dict], text: str, events) -> tuple[dict[int, int], set[int]]:
    """Greedy one-to-one matching: gold index -> output index; and outputs touching any gold event."""
    spans = []
    for g in gold:
        s = text.find(g["quote"])
        spans.append((s, s + len(g["quote"])))
    pairs = []
    touching = set()
    for gi, g in enumerate(gold):
        gs, ge = spans[gi]
        for oi, e in enumerate(events):
            if not (e.source.start < ge and gs < e.source.end) or not same_person(g["subject"], e.subject):
                continue
            touching.add(oi)
            if e.type in [g["type"]] + g.get("alt_types", []):
                overlap = min(ge, e.source.end) - max(gs, e.source.start)
                pairs.append((-(e.type == g["type"]), -overlap, gi, oi))
    pairs.sort()
    gm, om = {}, set()
    for _, _, gi, oi in pairs:
        if gi in gm or oi in om:
            continue
        gm[gi] = oi
        om.add(oi)
    return gm, touching


class Score:
    def __init__(self):
        self.tp = Counter(); self.fp = Counter(); self.fn = Counter()
        self.core = [0, 0]; self.all = [0, 0]; self.real = [0, 0]; self.arg = [0, 0]; self.date = [0, 0]; self.fic = [0, 0]
        self.misses: list[str] = []; self.extras: list[str] = []

    def add(self, gold, text, events, label):
        gm, touching = match(gold, text, events)
        for gi, g in enumerate(gold):
            oi = gm.get(gi)
            if not g.get("optional"):
                self.all[1] += 1
                self.all[0] += oi is not None
                if g.get("core"):
                    self.core[1] += 1
                    self.core[0] += oi is not None
                if oi is None:
                    self.fn[g["type"]] += 1
                    self.misses.append(f"{label}: {g['type']} {g['subject']} «{g['quote']}»")
            if oi is not None:
                e = events[oi]
                self.tp[g["type"]] += 1
                if g.get("places") or g.get("participants"):
                    self.arg[1] += 1
                    self.arg[0] += bool(e.places or e.participants)
                if "fiction" in g:
                    self.fic[1] += 1
                    self.fic[0] += bool(e.fiction) == bool(g["fiction"])
                if g.get("date") and g["date"].get("start"):
                    self.date[1] += 1
                    ok = (e.date.start or "")[:4] == g["date"]["start"][:4]
                    self.date[0] += ok
                    if not ok:
                        self.misses.append(f"{label}: DATE {g['type']} «{g['quote']}» gold {g['date']['start']} got {e.date.start}")
        matched = set(gm.values())
        for oi, e in enumerate(events):
            self.real[1] += 1
            self.real[0] += oi in touching
            if oi not in matched:
                self.fp[e.type] += 1
                if oi not in touching:
                    self.extras.append(f"{label}: {e.type} {e.subject} «{e.source.quote[:70]}»")

    def report(self, name: str) -> dict:
        def r(x):
            return x[0] / x[1] if x[1] else float("nan")
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = self.all[0] / self.all[1] if self.all[1] else 0.0
        return {"set": name, "precision": p, "recall": rc, "f1": 2 * p * rc / (p + rc) if p + rc else 0.0,
                "core_recall": r(self.core), "real_life_share": r(self.real), "place_or_participant": r(self.arg),
                "date_year_acc": r(self.date), "fiction_flag_acc": r(self.fic), "gold": self.all[1], "out": self.real[1]}


def per_type(scores: dict[str, Score]) -> None:
    types = sorted(set().union(*[set(s.tp) | set(s.fp) | set(s.fn) for s in scores.values()]))
    head = f"{'type':14s}" + "".join(f"  {n[:18]:>18s} P/R/F" for n in scores)
    print(head)
    for t in types:
        row = f"{t:14s}"
        for s in scores.values():
            tp, fp, fn = s.tp[t], s.fp[t], s.fn[t]
            p = tp / (tp + fp) if tp + fp else 0
            r = tp / (tp + fn) if tp + fn else 0
            f = 2 * p * r / (p + r) if p + r else 0
            row += f"  {p:8.2f}/{r:4.2f}/{f:4.2f} ({tp + fn:2d})"
        print(row)


def eval_seeds(nlp, settings) -> Score:
    gold = json.loads((GOLD / "seeds_events.json").read_text())
    sc = Score()
    for doc, meta in gold["docs"].items():
        text = (SHARED / "seeds" / doc).read_text(encoding="utf-8-sig")
        evs = run_events(nlp, settings, text, doc)
        sc.add([g for g in gold["events"] if g["doc"] == doc], text, evs, doc[:3])
    return sc


def eval_nonseed(nlp, settings) -> Score:
    gold = json.loads((GOLD / "events_nonseed.json").read_text())
    sc = Score()
    for p in gold["paragraphs"]:
        evs = run_events(nlp, settings, p["text"], p["id"], p.get("genre", "other"))
        sc.add(p["events"], p["text"], evs, p["id"])
    for s in gold["wikipedia_segments"]:
        t = (WIKI / s["file"]).read_text(encoding="utf-8")
        a = t.find(s["from"])
        b = t.find(s["to"], a) + len(s["to"])
        seg = t[a:b]
        evs = run_events(nlp, settings, seg, s["id"], "biography")
        sc.add(s["events"], seg, evs, s["id"])
    return sc


def eval_holdout(nlp, settings) -> Score:
    """Paragraphs written after tuning: the honest estimate for unseen text."""
    gold = json.loads((GOLD / "events_nonseed.json").read_text())
    sc = Score()
    for p in gold.get("holdout_paragraphs", []):
        evs = run_events(nlp, settings, p["text"], p["id"], p.get("genre", "other"))
        sc.add(p["events"], p["text"], evs, p["id"])
    return sc


def eval_wikibio(nlp, settings, n: int) -> dict:
    """Trigger-level P/R against person-anchored EVENT(+EVENT-GR) spans of the target person."""
    from kronika.extract.entities import extract_mentions
    from kronika.extract.coref.persons import main_person
    tp_out = out = gold_hit = gold_n = 0
    for k, line in enumerate(WIKIBIO.open()):
        if k >= n:
            break
        d = json.loads(line)
        offs, pieces, pos = [], [], 0
        for sent in d["sentences"]:
            row = []
            for tok in sent:
                row.append((pos, pos + len(tok)))
                pieces.append(tok)
                pos += len(tok) + 1
            offs.append(row)
        text = " ".join(pieces)
        gold = []
        for sp in d["spans"]:
            if sp["label"] in ("EVENT", "EVENT-GR"):
                row = offs[d["sentence_ids"].index(sp["sentence"])] if sp["sentence"] in d["sentence_ids"] else offs[sp["sentence"]]
                gold.append((row[sp["tok_start"]][0], row[sp["tok_end"] - 1][1] if sp["tok_end"] > sp["tok_start"] else row[sp["tok_start"]][1]))
        evs = run_events(nlp, settings, text, d["doc_id"], "biography")
        main = main_person(nlp(text[:20000]), extract_mentions(nlp(text[:20000])))
        hit = set()
        for e in evs:
            if main and not same_person(main, e.subject):
                continue
            out += 1
            q = e.source.quote
            i = q.find(e.trigger)
            ts = e.source.start + max(i, 0)
            ok = [gi for gi, (s, t) in enumerate(gold) if s <= ts < t]
            tp_out += bool(ok)
            hit.update(ok)
        gold_hit += len(hit)
        gold_n += len(gold)
    p = tp_out / out if out else 0.0
    r = gold_hit / gold_n if gold_n else 0.0
    return {"docs": n, "trigger_precision": p, "trigger_recall": r, "out": out, "gold": gold_n}


def eval_trajectory(nlp, settings, n: int) -> dict:
    """WikiLifeTrajectory rows: is there an event of the person at the location (and in the year)?
    The page title is put before the sentences so that 'he' has someone to refer to."""
    import ast
    import csv
    import re
    csv.field_size_limit(10 ** 8)
    rows = list(csv.DictReader(TRAJ.open(encoding="utf-8")))[:n]
    stats = Counter()
    for row in rows:
        person, when, where, truth = ast.literal_eval(row["raw_label"])[:4]
        page = row["source_biography_page"]
        sents = ast.literal_eval(row["sent_list"])
        text = f"{page}. " + " ".join(sents)
        evs = run_events(nlp, settings, text, page, "biography")
        who = page if person.lower() in ("he", "she", "him", "her", "his") else person
        year = (re.search(r"\b(1[0-9]{3}|20[0-9]{2})\b", str(when)) or [None])[0]
        loc = where.lower()
        hit_loc = hit_both = False
        for e in evs:
            if not same_person(who, e.subject):
                continue
            if any(loc in p.lower() or p.lower() in loc for p in e.places) or loc in e.source.quote.lower():
                hit_loc = True
                if year and (e.date.start or "")[:4] <= year <= (e.date.end or e.date.start or "9999")[:4]:
                    hit_both = True
        key = "true" if truth else "false"
        stats[key] += 1
        stats[key + "_loc"] += hit_loc
        stats[key + "_loc_year"] += hit_both
    def r(a, b):
        return round(stats[a] / stats[b], 3) if stats[b] else float("nan")
    return {"rows": len(rows), "recall_loc": r("true_loc", "true"), "recall_loc_year": r("true_loc_year", "true"),
            "false_pos_loc": r("false_loc", "false"), "false_pos_loc_year": r("false_loc_year", "false")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wikibio", type=int, default=3, help="WikiBio documents to score (0 to skip)")
    ap.add_argument("--trajectory", type=int, default=0, help="WikiLifeTrajectory rows to score (0 to skip)")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from kronika.analyse import build_nlp
    from kronika.settings import load_settings
    settings = load_settings()
    nlp = build_nlp(settings)
    t0 = time.time()
    scores = {"seeds": eval_seeds(nlp, settings), "non-seed": eval_nonseed(nlp, settings),
              "holdout": eval_holdout(nlp, settings)}
    for name, s in scores.items():
        print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in s.report(name).items()}))
    per_type(scores)
    if a.verbose:
        for name, s in scores.items():
            print(f"\n-- {name} misses"); print("\n".join(s.misses))
            print(f"-- {name} outputs not touching any gold event"); print("\n".join(s.extras))
    if a.wikibio and WIKIBIO.exists():
        print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in eval_wikibio(nlp, settings, a.wikibio).items()}))
    if a.trajectory and TRAJ.exists():
        print(json.dumps(eval_trajectory(nlp, settings, a.trajectory)))
    print(f"time {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
