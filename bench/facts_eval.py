"""Re-DocRED person biographies (and the seed gold) in, slot-filling precision/recall/F1 of extract_facts out.

    .venv/bin/python bench/facts_eval.py [--part tune|blind|all] [--limit N] [--errors ATTR] [--baseline] [--bios]

--part picks the documents of bench/facts_split.json (drawn by bench/facts_split.py): "tune" (default) is
the part to develop on; "blind" is scored with figures only (no --errors, no per-document output) and is
not to be read or tuned on; "all" is the whole dev selection.

Scoring (../shared/eval/redocred/SOURCE.md): per (doc, attribute) slot filling; a
predicted (attribute, value) about the document's person is correct when it matches
any gold object mention after case/whitespace normalisation; dates compare as ISO at
the gold granularity; nationality compares as countries ("German" = "Germany").
A gold fact counts as found when any prediction matches it.
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
BIOS = SHARED / "eval" / "redocred" / "person_bios.jsonl"
SEEDS_GOLD = ROOT / "tests" / "eval" / "gold" / "seeds_facts.json"
SPLIT = ROOT / "bench" / "facts_split.json"

PIDS = {
    "birth_date": ["P569"], "death_date": ["P570"], "birth_place": ["P19"], "death_place": ["P20"],
    "nationality": ["P27"], "member_of": ["P463", "P102"], "employer": ["P108"], "educated_at": ["P69"],
    "conflict": ["P607"], "notable_work": ["P800"], "award": ["P166"], "spouse": ["P26"], "parent": ["P22", "P25"],
    "child": ["P40"], "sibling": ["P3373"], "military_branch": ["P241"], "residence": ["P551"],
}
DATES = {"birth_date", "death_date"}
SYMMETRIC = {"met", "worked_with", "friend_of", "comrade_of", "spouse_of", "sibling_of"}


def norm(s: str) -> str:
    s = re.sub(r"^(the|a|an)\s+", "", s.strip().lower())
    return re.sub(r"\s+", "", s).strip("\"'’“”.,")


def country(s: str) -> str:
    from kronika.extract.facts.context import country_of
    return norm(country_of(s) or s)


def gold_iso(f: dict) -> str | None:
    from kronika.extract.facts.dates import read_dates
    for m in [f["object"]] + f["object_mentions"]:
        ds = read_dates(m)
        if ds:
            return max(ds, key=lambda d: len(d.iso)).iso
    return f.get("object_iso_derived")


def matches(attr: str, fact, gold: dict) -> bool:
    if attr in DATES:
        g = gold_iso(gold)
        return bool(g and fact.value_iso and fact.value_iso[:len(g)] == g)
    if attr == "nationality":  # "Soviet - Russian" is Soviet Union and Russia
        parts = {country(p) for m in gold["object_mentions"] for p in [m] + re.split(r"\s*-\s*|\s+(?=[A-Z])", m)}
        return country(fact.value) in parts
    return any(norm(fact.value) == norm(m) for m in gold["object_mentions"])


def about_subject(key: str, doc: dict) -> bool:
    names = {doc["subject"], doc["title"].split(" (")[0], *doc["subject_mentions"]}
    toks = {t.lower() for n in names for t in re.findall(r"\w+", n) if len(t) > 2}
    return bool(toks & {t.lower() for t in re.findall(r"\w+", key)})


def run(docs: list[dict], predict, errors: str | None = None) -> dict:
    tp_p = defaultdict(int)
    n_p = defaultdict(int)
    tp_g = defaultdict(int)
    n_g = defaultdict(int)
    for doc in docs:
        facts = [f for f in predict(doc) if f.attribute in PIDS and about_subject(f.subject, doc)]
        for attr, pids in PIDS.items():
            golds = [g for g in doc["facts"] if g["pid"] in pids]
            preds = [f for f in facts if f.attribute == attr]
            n_g[attr] += len(golds)
            n_p[attr] += len(preds)
            for f in preds:
                ok = any(matches(attr, f, g) for g in golds)
                tp_p[attr] += ok
                if errors in (attr, "all") and not ok:
                    print(f"  FP {doc['doc_id']} {attr}: {f.value!r} {f.value_iso or ''} | {f.source.quote[:90]!r}"
                          f" gold={[g['object_mentions'][0] for g in golds]}")
            for g in golds:
                ok = any(matches(attr, f, g) for f in preds)
                tp_g[attr] += ok
                if errors in (attr, "all") and not ok and g["evidence_sents"]:
                    print(f"  FN {doc['doc_id']} {attr}: {g['object_mentions']} | "
                          f"{doc['sentences'][g['evidence_sents'][0]][:140]!r}")
    return {"tp_p": tp_p, "n_p": n_p, "tp_g": tp_g, "n_g": n_g}


def prf(tp_p, n_p, tp_g, n_g) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, res: dict, attrs=None) -> float:
    print(f"\n{name}\n{'attribute':<16}{'pred':>6}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}")
    for attr in attrs or PIDS:
        p, r, f = prf(res["tp_p"][attr], res["n_p"][attr], res["tp_g"][attr], res["n_g"][attr])
        print(f"{attr:<16}{res['n_p'][attr]:>6}{res['n_g'][attr]:>6}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
    tot = [sum(res[k].values()) for k in ("tp_p", "n_p", "tp_g", "n_g")]
    p, r, f = prf(*tot)
    print(f"{'MICRO':<16}{tot[1]:>6}{tot[3]:>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    return f


def load_docs(limit: int | None = None, part: str = "all") -> list[dict]:
    """The person documents of one part of bench/facts_split.json ("tune", "blind" or "all")."""
    docs = [json.loads(line) for line in BIOS.open(encoding="utf-8")]
    if part != "all":
        keep = set(json.loads(SPLIT.read_text(encoding="utf-8"))[part])
        docs = [d for d in docs if d["doc_id"] in keep]
    return docs[:limit] if limit else docs


def predictor(nlp):
    """doc dict -> facts, running the project's entity, timex and fact stages."""
    from kronika.extract.entities import extract_mentions
    from kronika.extract.facts import extract_facts
    from kronika.records import Document
    try:
        from kronika.extract.time import extract_timexes
    except Exception:  # the timex stage mid-edit: facts fall back on their own date reader
        def extract_timexes(sdoc, dct):
            return []

    def predict_text(name: str, text: str, published=None):
        d = Document(doc=name, sha256="", text=text, published=published)
        sdoc = nlp(text)
        try:
            mentions = extract_mentions(sdoc)
        except Exception:  # another engineer's stage mid-edit must not stop the bench
            mentions = []
        try:
            timexes = extract_timexes(sdoc, published)
        except Exception:
            timexes = []
        return extract_facts(sdoc, d, mentions, timexes, [])

    return predict_text


def baseline(nlp):
    """'A few spaCy patterns': the first parenthesis's dates and the first NORP of the first sentence."""
    from kronika.extract.facts.dates import read_dates
    from kronika.records import Fact, Source, EventDate

    def predict(doc):
        text = doc["text"]
        sdoc = nlp(text)
        subj = doc["subject"]
        out = []
        m = re.search(r"\(([^()]*)\)", text[:400])
        if m:
            ds = read_dates(m.group(1))
            for attr, d in zip(("birth_date", "death_date"), ds):
                out.append(Fact(subj, attr, d.text, Source("", 0, 0, ""), d.iso, EventDate()))
        first = next(iter(sdoc.sents))
        for e in first.ents:
            if e.label_ == "NORP":
                out.append(Fact(subj, "nationality", e.text, Source("", 0, 0, "")))
                break
        return out
    return predict


def seeds_section(predict_text) -> float | None:
    if not SEEDS_GOLD.exists() or not (SHARED / "seeds").is_dir():
        return None
    gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    out_f, out_r = [], []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        facts, rels = predict_text(path.name, path.read_text(encoding="utf-8"))
        out_f += [(path.name, f) for f in facts]
        out_r += [(path.name, r) for r in rels]

    def same_person(a: str, b: str) -> bool:
        return bool({t for t in a.lower().split() if len(t) > 2} & {t for t in b.lower().split() if len(t) > 2})

    def fact_ok(g, d, f):
        if g["doc"] != d or g["attribute"] != f.attribute or not same_person(g["subject"], f.subject):
            return False
        if g.get("value_iso"):
            return bool(f.value_iso) and f.value_iso[:len(g["value_iso"])] == g["value_iso"]
        return country(f.value) == country(g["value"]) or same_person(g["value"], f.value) and f.attribute == "spouse"

    def rel_ok(g, d, r):
        if g["doc"] != d or g["relation"] != r.relation:
            return False
        pairs = [(r.source_key, r.target_key)] + ([(r.target_key, r.source_key)] if r.relation in SYMMETRIC else [])
        return any(same_person(g["source"], a) and same_person(g["target"], b) for a, b in pairs)

    print("\nSEEDS (tests/eval/gold/seeds_facts.json)")
    total = [0, 0, 0, 0]
    for name, golds, preds, ok in (("facts", gold["facts"], out_f, fact_ok), ("relations", gold["relations"], out_r, rel_ok)):
        tp_p = sum(any(ok(g, d, x) for g in golds) for d, x in preds)
        tp_g = sum(any(ok(g, d, x) for d, x in preds) for g in golds)
        p, r, f = prf(tp_p, len(preds), tp_g, len(golds))
        print(f"{name:<16}{len(preds):>6}{len(golds):>6}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
        for d, x in preds:
            if not any(ok(g, d, x) for g in golds):
                what = f"{x.subject} {x.attribute} {x.value!r}" if name == "facts" else f"{x.source_key} {x.relation} {x.target_key}"
                print(f"   unmatched prediction {d[:3]}: {what} | {x.source.quote[:70]!r}")
        total = [a + b for a, b in zip(total, (tp_p, len(preds), tp_g, len(golds)))]
    return prf(*total)[2]


BIOS_GOLD = ROOT / "tests" / "eval" / "bios" / "gold"
BIOS_SPLIT = ROOT / "tests" / "eval" / "bios" / "split.json"
BIOS_PAGES = SHARED / "eval" / "wikipedia_bios_2019" / "pages"
KIN_WORDS = {"spouse": ("husband", "wife"), "parent": ("father", "mother"), "child": ("son", "daughter"),
             "sibling": ("brother", "sister")}


def _kin_of(relation: str) -> str | None:
    """The gold's free-text relation ('second wife', 'father, same name') as a fact attribute, or None."""
    r = relation.lower().split("(")[0]
    if any(w in r for w in ("-in-law", "step", "grand", "foster", "'s ", "friend", "fianc", "cousin")):
        return None
    for attr, words in KIN_WORDS.items():
        if any(re.search(rf"\b{w}\b", r) for w in words):
            return attr
    return None


def bios_section(predict_text, lives: list[str] | None = None) -> None:
    """Facts on the development biographies (tests/eval/bios/gold, never the blind lives): birth and death
    dates and places from the gold birth/death events, and relatives (spouse, parent, child, sibling) from the
    gold relatives. A date is right when it agrees with the gold start at its own precision (one birth and one
    death date per life, the most confident, as reconcile keeps them); a place or a relative when a word of its
    name is in the gold's; a fact counts when its subject's words are all in one gold name of the life."""
    split = json.loads(BIOS_SPLIT.read_text(encoding="utf-8"))
    dev = set(split["dev"])
    tp_p, n_p, tp_g, n_g = (defaultdict(int) for _ in range(4))
    for path in sorted(BIOS_GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["doc"] not in dev or (lives and path.stem not in lives):
            continue  # never a blind page
        text = (BIOS_PAGES / gold["doc"]).read_text(encoding="utf-8")
        name_sets = [{w.casefold() for w in re.findall(r"\w+", n)} for n in gold["names"]]
        facts = [f for f in predict_text(gold["doc"], text)[0]  # about the subject: 'Plath', not 'Otto Plath'
                 if any({w.casefold() for w in re.findall(r"\w+", f.subject)} <= ns for ns in name_sets)]
        for attr in ("birth_date", "death_date"):  # one date per document, as reconcile keeps it
            dated = sorted((f for f in facts if f.attribute == attr), key=lambda f: (-f.confidence, f.source.start))
            facts = [f for f in facts if f.attribute != attr] + dated[:1]
        want: dict[str, list[str]] = defaultdict(list)
        for ev in gold["events"]:
            if ev["id"] in ("birth", "death"):
                if ev.get("start"):
                    want[f"{ev['id']}_date"].append(ev["start"])
                if ev.get("place"):
                    want[f"{ev['id']}_place"].append(ev["place"])
        for rel in gold["relatives"]:
            attr = _kin_of(rel["relation"])
            if attr:
                want[attr].append(rel["name"])

        def ok(attr, f, g):
            if attr.endswith("_date"):
                return bool(f.value_iso) and g[:len(f.value_iso)] == f.value_iso
            fw = {w.casefold() for w in re.findall(r"\w+", f.value) if len(w) > 2}
            return bool(fw & {w.casefold() for w in re.findall(r"\w+", g) if len(w) > 2})
        for attr in ("birth_date", "death_date", "birth_place", "death_place", *KIN_WORDS):
            preds = [f for f in facts if f.attribute == attr]
            n_p[attr] += len(preds)
            n_g[attr] += len(want[attr])
            tp_p[attr] += sum(any(ok(attr, f, g) for g in want[attr]) for f in preds)
            tp_g[attr] += sum(any(ok(attr, f, g) for f in preds) for g in want[attr])
    report(f"DEV BIOGRAPHIES (tests/eval/bios/gold, {len(list(BIOS_GOLD.glob('*.json')))} lives; relatives: "
           "the gold lists the main ones, so P is a floor)", {"tp_p": tp_p, "n_p": n_p, "tp_g": tp_g, "n_g": n_g},
           attrs=("birth_date", "death_date", "birth_place", "death_place", *KIN_WORDS))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("tune", "blind", "all"), default="tune")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", default=None, help="print false positives/negatives of one attribute (or 'all')")
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--no-seeds", action="store_true")
    ap.add_argument("--bios", action="store_true", help="also score facts on the dev biographies' gold")
    ap.add_argument("--lives", default=None, help="with --bios: only these lives (comma-separated file stems)")
    args = ap.parse_args(argv)
    if not BIOS.exists():
        print(f"{BIOS} is absent", file=sys.stderr)
        return 1
    from kronika.analyse import build_nlp
    from kronika.settings import load_settings
    nlp = build_nlp(load_settings())
    if args.part != "tune" and args.errors:
        print("--errors prints documents: only on the tune part", file=sys.stderr)
        return 2
    docs = load_docs(args.limit, args.part)
    predict_text = predictor(nlp)
    t0 = time.time()
    res = run(docs, lambda d: predict_text(d["doc_id"], d["text"])[0], args.errors)
    dt = time.time() - t0
    report(f"Re-DocRED dev person bios, part {args.part}: {len(docs)} docs, {dt:.1f}s (incl. spaCy)", res)
    if args.baseline:
        report("BASELINE (a few spaCy patterns)", run(docs, baseline(nlp)))
    if not args.no_seeds:
        seeds_section(predict_text)
    if args.bios and BIOS_PAGES.is_dir():
        bios_section(predict_text, args.lives.split(",") if args.lives else None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
