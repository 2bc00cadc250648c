"""Score kronika's time stage on TBAQ-cleaned and MEANTIME with the TempEval-3 timex metrics; prints a table.

Usage:  .venv/bin/python bench/timex_eval.py [--set tbaq|meantime|all] [--split timebank|aquaint]
                                             [--limit N] [--fast] [--errors N] [--part dev|blind]
--fast tokenises only (no parser/NER): kronika's time rules read the text, so figures are the same
unless a rule consults spaCy. Gold is read from ../shared/eval (never copied into the project).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SETS = {"tbaq": EVAL / "tempeval3_tbaq_cleaned" / "timex_gold.jsonl",
        "meantime": EVAL / "meantime_en_intradoc" / "timex_gold.jsonl"}


def load(name: str, split: str | None = None, limit: int | None = None) -> list[dict]:
    docs = []
    with open(SETS[name], encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if split and d.get("split") != split:
                continue
            d["gold"] = [t for t in d["timexes"] if t.get("text") and t.get("start") is not None]
            docs.append(d)
    return docs[:limit] if limit else docs


SPLIT = ROOT / "bench" / "time_split.json"


def select_part(docs: list[dict], name: str, part: str) -> list[dict]:
    """Keep the "dev" or "blind" documents of bench/time_split.json ("all" keeps everything).

    The blind part is scored once at the end and never read or tuned on (see bench/README_time.md)."""
    if part == "all":
        return docs
    blind = set(json.loads(SPLIT.read_text(encoding="utf-8"))["blind"][name])
    return [d for d in docs if (d["doc_id"] in blind) == (part == "blind")]


def dct_excluded(d: dict) -> tuple[int, int] | None:
    """MEANTIME prints its DCT in the text; the scorer leaves the DCT out, so do we."""
    dct = d.get("dct") or {}
    if dct.get("start") is not None:
        return dct["start"], dct["end"]
    return None


def annotated_end(d: dict) -> int:
    """MEANTIME annotates only the title, the date line and the first sentences (lines 0-5 of our text)."""
    if "subcorpus" not in d:
        return len(d["text"])
    pos = 0
    for i, line in enumerate(d["text"].split("\n")):
        pos += len(line) + 1
        if i == 5:
            return pos
    return len(d["text"])


def score(pairs: list[tuple[list[dict], list[dict]]]) -> dict:
    """TE3 metrics over (gold, system) lists of {start, end, type, value}."""
    n_gold = n_sys = strict = relaxed = val_ok = type_ok = 0
    for gold, system in pairs:
        n_gold += len(gold)
        n_sys += len(system)
        used = set()
        for g in gold:
            best = None
            for i, s in enumerate(system):
                if i in used or s["end"] <= g["start"] or s["start"] >= g["end"]:
                    continue
                if best is None or (s["start"], s["end"]) == (g["start"], g["end"]):
                    best = i
            if best is None:
                continue
            used.add(best)
            s = system[best]
            relaxed += 1
            strict += (s["start"], s["end"]) == (g["start"], g["end"])
            val_ok += s["value"] == g["value"]
            type_ok += s["type"] == g["type"]

    def f1(m):
        p = m / n_sys if n_sys else 0.0
        r = m / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = f1(strict)
    rp, rr, rf = f1(relaxed)
    vacc = val_ok / relaxed if relaxed else 0.0
    tacc = type_ok / relaxed if relaxed else 0.0
    return {"gold": n_gold, "system": n_sys, "strict_p": sp, "strict_r": sr, "strict_f1": sf, "relaxed_p": rp,
            "relaxed_r": rr, "relaxed_f1": rf, "value_acc": vacc, "value_f1": vacc * rf, "type_f1": tacc * rf}


def kronika_system(docs: list[dict], fast: bool = False) -> tuple[list[list[dict]], float]:
    """Run extract_timexes on each document (dropping event-anchored, inferred records, which are not TIMEX3)."""
    from kronika.extract.time import extract_timexes
    if fast:
        import spacy
        nlp = spacy.blank("en")
    else:
        from kronika.analyse import build_nlp
        from kronika.settings import load_settings
        nlp = build_nlp(load_settings())
    out, t_time = [], 0.0
    for d in docs:
        sdoc = nlp(d["text"])
        t0 = time.perf_counter()
        tx = extract_timexes(sdoc, (d.get("dct") or {}).get("value"))
        t_time += time.perf_counter() - t0
        excl = dct_excluded(d)
        limit = annotated_end(d)
        out.append([{"start": t.start, "end": t.end, "type": t.type, "value": t.value, "text": t.text}
                    for t in tx if not t.inferred and not (excl and t.start < excl[1] and t.end > excl[0])
                    and t.start < limit])
    return out, t_time


def table(rows: list[tuple[str, dict]]) -> str:
    head = f"{'set':<22}{'gold':>6}{'sys':>6}{'strictP':>9}{'strictR':>9}{'strictF':>9}{'relaxP':>8}{'relaxR':>8}" \
           f"{'relaxF':>8}{'valAcc':>8}{'valueF1':>9}{'typeF1':>8}"
    lines = [head, "-" * len(head)]
    for name, s in rows:
        lines.append(f"{name:<22}{s['gold']:>6}{s['system']:>6}" + "".join(
            f"{100 * s[k]:>{w}.1f}" for k, w in (("strict_p", 9), ("strict_r", 9), ("strict_f1", 9), ("relaxed_p", 8),
                                                  ("relaxed_r", 8), ("relaxed_f1", 8), ("value_acc", 8),
                                                  ("value_f1", 9), ("type_f1", 8))))
    return "\n".join(lines)


def errors(docs, systems, n: int) -> None:
    c = Counter()
    for d, system in zip(docs, systems):
        for g in d["gold"]:
            hit = [s for s in system if not (s["end"] <= g["start"] or s["start"] >= g["end"])]
            if not hit:
                c[("MISS", g["text"], g["value"])] += 1
            elif hit[0]["value"] != g["value"] or (hit[0]["start"], hit[0]["end"]) != (g["start"], g["end"]):
                c[("DIFF", g["text"], g["value"], hit[0]["text"], hit[0]["value"])] += 1
        for s in system:
            if not any(not (s["end"] <= g["start"] or s["start"] >= g["end"]) for g in d["gold"]):
                c[("FP", s["text"], s["value"])] += 1
    for k, v in c.most_common(n):
        print(v, *k, sep=" | ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="all", choices=["all", "tbaq", "meantime"])
    ap.add_argument("--split", default=None, help="timebank or aquaint (TBAQ), or a MEANTIME sub-corpus")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--fast", action="store_true", help="tokenise only instead of running the full spaCy pipeline")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors")
    ap.add_argument("--part", default="all", choices=["all", "dev", "blind"],
                    help="dev or blind part of bench/time_split.json (never print --errors on blind)")
    a = ap.parse_args(argv)
    if a.part == "blind" and a.errors:
        print("--errors is refused on the blind part: it is scored, never read", file=sys.stderr)
        return 2
    if not EVAL.is_dir():
        print("../shared/eval is absent", file=sys.stderr)
        return 2
    rows = []
    for name in (["tbaq", "meantime"] if a.set == "all" else [a.set]):
        docs = select_part(load(name, None, None), name, a.part)
        if a.split:
            docs = [d for d in docs if a.split in (d.get("split"), d.get("subcorpus"))]
        docs = docs[: a.limit] if a.limit else docs
        systems, secs = kronika_system(docs, a.fast)
        s = score([(d["gold"], sy) for d, sy in zip(docs, systems)])
        rows.append((f"{name}{'/' + a.split if a.split else ''}{'/' + a.part if a.part != 'all' else ''} ({len(docs)} docs)", s))
        print(f"# {name}: extract_timexes took {secs:.2f} s for {len(docs)} docs", file=sys.stderr)
        if a.errors:
            errors(docs, systems, a.errors)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
