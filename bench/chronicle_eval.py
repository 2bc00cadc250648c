"""Score a built chronicle against a true chronology: event recall, order (Kendall tau), dates, corroboration.

usage: .venv/bin/python bench/chronicle_eval.py [--set seeds|examples|trotsky|all] [--verbose]

Builds each set into a temporary database, reads `kronika timeline SUBJECT
--format json`, matches every output event to the canonical events of
tests/eval/gold/chronology_*.json (type among the entry's types and one of its
keywords in the event's summary, places, participants or quotations), and
prints:
  recall        share of canonical events (core / all) found
  matched       share of output events that match a canonical event (a lower bound on precision:
                real events absent from the canonical list count as unmatched)
  tau           Kendall tau between output order and true order over matched events
  dates         share of dated events that fit a canonical event by type and words whose interval contains
                its true date (an event that fits none by date is unmatched for recall and tau: it may
                be another real event; it counts against `dates`)
  corroborated  share of canonical events stated by two or more seed documents that come out as one
                corroborated event citing at least two of them (seeds only)
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "eval" / "gold"
sys.path.insert(0, str(ROOT / "src"))


def _pad(v: str | None, high: bool) -> str:
    if not v:
        return "9999-12-31" if high else "0000-01-01"
    p = v.split("-")
    if len(p) == 1:
        return v + ("-12-31" if high else "-01-01")
    if len(p) == 2:
        return v + ("-31" if high else "-01")
    return v[:10]


def overlaps(a0, a1, b0, b1) -> bool:
    return _pad(a0, False) <= _pad(b1, True) and _pad(b0, False) <= _pad(a1, True)


def event_text(e: dict) -> str:
    parts = [e["summary"]] + [p["name"] for p in e["places"]] + [p["name"] for p in e["participants"]]
    parts += [s["quote"] for s in e["sources"]]
    return " ".join(parts).lower()


def match(e: dict, canon: list[dict], strict: bool = True) -> int | None:
    """The canonical event an output event is; with ``strict``, a dated event must overlap its true dates."""
    text = event_text(e)
    best, best_key = None, None
    for i, c in enumerate(canon):
        if e["type"] not in c["types"]:
            continue
        if any(n in text for n in c.get("not", [])):
            continue
        hits = sum(1 for k in c["any"] if k in text)
        if not hits:
            continue
        d = e["date"]
        dated = d["start"] or d["end"]
        ok = overlaps(d["start"], d["end"], c["start"], c["end"]) if dated else False
        if strict and dated and not ok:
            continue
        key = (ok, hits, -i)
        if best_key is None or key > best_key:
            best, best_key = i, key
    return best


def kendall_tau(pairs: list[tuple[int, int]]) -> float | None:
    """pairs: (system rank, true index) for matched events; ties in the true index are skipped."""
    conc = disc = 0
    for i in range(len(pairs)):
        for j in range(i + 1, len(pairs)):
            (r1, t1), (r2, t2) = pairs[i], pairs[j]
            if t1 == t2 or r1 == r2:
                continue
            if (r1 < r2) == (t1 < t2):
                conc += 1
            else:
                disc += 1
    return (conc - disc) / (conc + disc) if conc + disc else None


def score(timeline: dict, gold: dict) -> dict:
    canon = gold["events"]
    events = timeline["events"]
    matched = [(rank, e, match(e, canon)) for rank, e in enumerate(events)]
    # Dated events that fit a canonical event by type and words but not by date: wrong dates or other events.
    off = [e for _, e, m in matched if m is None and match(e, canon, strict=False) is not None]
    hit = {m for _, _, m in matched if m is not None}
    core = [i for i, c in enumerate(canon) if c.get("core")]
    pairs = [(rank, m) for rank, _, m in matched if m is not None]
    dated = [(e, m) for _, e, m in matched if m is not None and (e["date"]["start"] or e["date"]["end"])]
    good_dates = [1 for e, m in dated if overlaps(e["date"]["start"], e["date"]["end"], canon[m]["start"], canon[m]["end"])]
    n_dated = len(dated) + len(off)
    multi = [i for i, c in enumerate(canon) if len(c.get("seeds", [])) >= 2]
    corro = 0
    for i in multi:
        docs = set(canon[i]["seeds"])
        for _, e, m in matched:
            if m == i and e["status"] == "corroborated" and len({s["doc"] for s in e["sources"]} & docs) >= 2:
                corro += 1
                break
    return {
        "events": len(events), "canonical": len(canon),
        "recall_core": len(hit & set(core)) / len(core) if core else None,
        "recall_all": len(hit) / len(canon),
        "matched": len(pairs) / len(events) if events else 0.0,
        "tau": kendall_tau(pairs),
        "dates": len(good_dates) / n_dated if n_dated else None,
        "dated": len(dated),
        "off_date": len(off),
        "corroborated": corro / len(multi) if multi else None,
        "missing": [canon[i]["id"] for i in range(len(canon)) if i not in hit],
        "wrong_dates": [(e["summary"], e["date"]["start"], e["date"]["end"],
                         canon[match(e, canon, strict=False)]["id"]) for e in off],
    }


def build_timeline(paths: list[str], subject: str) -> dict:
    kronika = str(Path(sys.executable).parent / "kronika")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "k.db")
        subprocess.run([kronika, "build", *paths, "--db", db, "--no-progress"], check=True, capture_output=True)
        out = subprocess.run([kronika, "timeline", subject, "--db", db, "--format", "json"], check=True,
                             capture_output=True, text=True)
    return json.loads(out.stdout)


SETS = {
    "seeds": (lambda: [str(SHARED / "seeds")], "chronology_serge.json"),
    "examples": (lambda: [str(ROOT / "examples" / "serge")], "chronology_serge.json"),
    "trotsky": (lambda: [str(SHARED / "eval/wikipedia_revolutionaries_2019/pages/Leon_Trotsky.md")],
                "chronology_trotsky.json"),
}


def fmt(x) -> str:
    return "  n/a" if x is None else f"{x:5.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default="all", choices=["all", *SETS])
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    names = list(SETS) if a.set == "all" else [a.set]
    print(f"{'set':10} {'events':>6} {'rec.core':>8} {'rec.all':>7} {'matched':>7} {'tau':>5} {'dates':>5} {'corrob':>6}")
    for name in names:
        paths, gold_file = SETS[name]
        gold = json.loads((GOLD / gold_file).read_text())
        tl = build_timeline(paths(), gold["subject"])
        s = score(tl, gold)
        print(f"{name:10} {s['events']:>6} {fmt(s['recall_core']):>8} {fmt(s['recall_all']):>7} {fmt(s['matched']):>7} "
              f"{fmt(s['tau']):>5} {fmt(s['dates']):>5} {fmt(s['corroborated'] if name == 'seeds' else None):>6}")
        if a.verbose:
            print("   missing:", ", ".join(s["missing"]) or "-")
            for w in s["wrong_dates"]:
                print("   wrong date:", w)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
