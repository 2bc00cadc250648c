"""Score kronika on the Wikipedia biographies (issues 15, 16, 17): names, events, dates, order, answers.

usage: .venv/bin/python bench/bios_eval.py [--split dev|blind] [--lives A,B] [--sample N] [--db PATH] [--reuse]
                                          [--verbose] [--no-questions] [--format json]

Builds the chosen lives of ../shared/eval/wikipedia_bios_2019/pages into one database (as a user would: one
corpus), then for each life reads `timeline`, `show`, `entities` and `ask` in JSON and compares them with
tests/eval/bios/gold/<life>.json, matching events the way bench/chronicle_eval.py does (type among the gold
types, one cue word in the summary, places, participants or quotation, no `not` word).

Per life, then the mean over lives (the figures the issues name):
  names     share of the subject's gold names under which `show` finds the same entity as under the full name
  found     1 when `timeline "<full name>"` gives events
  core/all  share of gold core / all events found (recall)
  matched   share of timeline events that match a gold event (precision proxy: the gold lists main events only)
  dates     share of ALL gold events found with an interval that overlaps the true years (missed = wrong)
  tau       Kendall tau between timeline order and true order over the events found
  pl/pe     share of found events with a gold place / people whose place / a person is on the event
  ents      share of the gold relatives found as entities (entity recall on the people a life names)
  qa@1      share of the gold questions whose first answer contains an accepted string
  events    timeline length

The blind split (tests/eval/bios/split.json) is read only for the final measurement: `--split blind` refuses
unless KRONIKA_BLIND=1 is set, so that nobody scores it by accident while tuning. Blind lives that were scored
once are `spent` (split.json): their gold moved to tests/eval/bios/spent_gold/ and `--split spent` scores them as
further development lives.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "eval" / "wikipedia_bios_2019" / "pages"
BIOS = ROOT / "tests" / "eval" / "bios"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from chronicle_eval import kendall_tau, match, overlaps  # noqa: E402

KRONIKA = str(Path(sys.executable).parent / "kronika")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


def run_json(*args: str) -> dict | None:
    p = subprocess.run([KRONIKA, *args, "--format", "json"], capture_output=True, text=True)
    if p.returncode != 0 or not p.stdout.strip():
        return None
    try:
        return json.loads(p.stdout)
    except json.JSONDecodeError:
        return None


def entity_id(name: str, db: str) -> str | None:
    shown = run_json("show", name, "--db", db)
    if not shown:
        return None
    ent = shown.get("entity") or {}
    return ent.get("id")


def score_life(gold: dict, db: str, entities: list[dict], questions: bool) -> dict:
    canon = gold["events"]
    subj_id = entity_id(gold["subject"], db)
    names = gold.get("names") or [gold["subject"]]
    same = [n for n in names if subj_id and entity_id(n, db) == subj_id]
    tl = run_json("timeline", gold["subject"], "--db", db) or {"events": []}
    events = tl.get("events", [])
    matched = [(rank, e, match(e, canon)) for rank, e in enumerate(events)]
    hit: dict[int, dict] = {}
    for _, e, m in matched:
        if m is not None and m not in hit:
            hit[m] = e
    core = [i for i, c in enumerate(canon) if c.get("core")]
    pairs = [(rank, m) for rank, _, m in matched if m is not None]
    good_dates = 0
    for i, c in enumerate(canon):
        # An event is dated right when some timeline event matching it carries a date overlapping the truth.
        if any(m == i and (e["date"]["start"] or e["date"]["end"])
               and overlaps(e["date"]["start"], e["date"]["end"], c["start"], c["end"]) for _, e, m in matched):
            good_dates += 1
    with_place = [(canon[m], e) for m, e in hit.items() if canon[m].get("place")]
    place_ok = sum(1 for c, e in with_place
                   if any(fold(c["place"]) in fold(p["name"]) or fold(p["name"]) in fold(c["place"])
                          for p in e.get("places", [])))
    with_people = [(canon[m], e) for m, e in hit.items() if canon[m].get("people")]
    people_ok = sum(1 for c, e in with_people
                    if any(fold(g).split()[-1] in fold(p["name"]) for g in c["people"] for p in e.get("participants", [])))
    ent_names = set()
    for ent in entities:
        for n in [ent.get("name", "")] + list(ent.get("aliases", [])):
            ent_names.add(fold(n))
    rel = [r["name"] for r in gold.get("relatives", [])]
    rel_found = sum(1 for r in rel if fold(r) in ent_names)
    qa = None
    wrong_q: list[tuple[str, str]] = []
    if questions and gold.get("questions"):
        right = 0
        for q in gold["questions"]:
            out = run_json("ask", q["q"], "--db", db) or {}
            answers = out.get("answers") or []
            first = answers[0]["text"] if answers else ""
            if first and any(fold(a) in fold(first) for a in q["answer_any"]):
                right += 1
            else:
                wrong_q.append((q["q"], first[:100]))
        qa = right / len(gold["questions"])
    return {
        "life": gold["doc"], "events": len(events),
        "names": len(same) / len(names), "found": 1.0 if events else 0.0,
        "core": len(set(hit) & set(core)) / len(core) if core else None,
        "all": len(hit) / len(canon),
        "matched": len(pairs) / len(events) if events else 0.0,
        "dates": good_dates / len(canon),
        "tau": kendall_tau(pairs),
        "pl": place_ok / len(with_place) if with_place else None,
        "pe": people_ok / len(with_people) if with_people else None,
        "ents": rel_found / len(rel) if rel else None,
        "qa": qa,
        "missing_names": [n for n in names if n not in same],
        "missing": [canon[i]["id"] for i in range(len(canon)) if i not in hit],
        "wrong_questions": wrong_q,
    }


COLS = ["names", "found", "core", "all", "matched", "dates", "tau", "pl", "pe", "ents", "qa", "events"]


def mean(rows: list[dict], key: str) -> float | None:
    vals = [r[key] for r in rows if r[key] is not None]
    return statistics.fmean(vals) if vals else None


def fmt(x) -> str:
    if x is None:
        return "  n/a"
    return f"{x:5.0f}" if isinstance(x, int) or (isinstance(x, float) and x > 1.5) else f"{x:5.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "spent", "blind"],
                    help="dev (tuned), spent (blind lives scored once, now open for development) or blind")
    ap.add_argument("--lives", help="comma-separated file stems (dev only), e.g. Claude_Monet,Sylvia_Plath")
    ap.add_argument("--sample", type=int, help="score a random sample of N lives (seeded, repeatable)")
    ap.add_argument("--db", help="database to build into (kept); default: a temporary one")
    ap.add_argument("--reuse", action="store_true", help="score --db as it is, without building")
    ap.add_argument("--no-questions", action="store_true", help="skip `ask` (faster)")
    ap.add_argument("--verbose", "-v", action="store_true", help="per life: missing events, names, wrong answers")
    ap.add_argument("--format", default="text", choices=["text", "json"])
    a = ap.parse_args()

    split = json.loads((BIOS / "split.json").read_text())
    if a.split == "blind":
        if os.environ.get("KRONIKA_BLIND") != "1":
            ap.error("the blind split is for the final measurement only: set KRONIKA_BLIND=1 to score it")
        gold_dir = BIOS / "blind_gold"
        # the blind lives with gold (written from the pages by annotators who never ran kronika on them),
        # less those already scored once (spent)
        fresh = set(split["blind"]) - set(split.get("spent", []))
        lives = sorted(p.stem for p in gold_dir.glob("*.json") if p.stem + ".md" in fresh)
    elif a.split == "spent":
        gold_dir = BIOS / "spent_gold"
        lives = sorted(p.stem for p in gold_dir.glob("*.json") if p.stem + ".md" in set(split.get("spent", [])))
    else:
        lives = sorted(p.stem for p in (BIOS / "gold").glob("*.json"))
        gold_dir = BIOS / "gold"
    if a.lives:
        want = a.lives.split(",")
        bad = [w for w in want if w not in lives]
        if bad:
            ap.error(f"not in the {a.split} lives with gold: {', '.join(bad)}")
        lives = want
    if a.sample:
        lives = sorted(random.Random(20261203).sample(lives, min(a.sample, len(lives))))
    golds = []
    for life in lives:
        path = gold_dir / f"{life.removesuffix('.json').removesuffix('.md')}.json"
        if not path.exists():
            ap.error(f"no gold for {life} in {gold_dir}")
        golds.append(json.loads(path.read_text()))

    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or str(Path(tmp) / "bios.db")
        t0 = time.perf_counter()
        if not a.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(db + suffix).unlink(missing_ok=True)
            paths = [str(PAGES / g["doc"]) for g in golds]
            subprocess.run([KRONIKA, "build", *paths, "--db", db, "--no-progress"], check=True, capture_output=True)
        built = time.perf_counter() - t0
        entities = run_json("entities", "--db", db, "--type", "PERSON") or []
        rows = [score_life(g, db, entities, not a.no_questions) for g in golds]

    summary = {c: mean(rows, c) for c in COLS}
    if a.format == "json":
        print(json.dumps({"split": a.split, "lives": len(rows), "build_seconds": round(built, 1),
                          "mean": summary, "per_life": rows}, indent=1, ensure_ascii=False))
        return 0
    print(f"{'life':28} " + " ".join(f"{c:>7}" for c in COLS))
    for r in rows:
        print(f"{r['life'][:28]:28} " + " ".join(f"{fmt(r[c]):>7}" for c in COLS))
        if a.verbose:
            if r["missing_names"]:
                print("   names not found:", "; ".join(r["missing_names"]))
            print("   missing:", ", ".join(r["missing"]) or "-")
            for q, got in r["wrong_questions"]:
                print(f"   wrong answer: {q} -> {got!r}")
    print(f"{'MEAN (' + a.split + f', {len(rows)} lives)':28} " + " ".join(f"{fmt(summary[c]):>7}" for c in COLS))
    print(f"build {built:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
