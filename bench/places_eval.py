"""Score where places land on the earth: tests/eval/places/sentences.jsonl in, shares within 150 km and in the right country out.

usage: .venv/bin/python bench/places_eval.py [--show] [--set cities50] [--json]

Each gold line is a short document about an invented person naming one place ("Perth in Western
Australia", "Königsberg", "Paris, Texas"). The documents are built with `kronika build` into a few
temporary databases -- no place name twice in one database, since one database holds one entity per
name -- and the coordinates are read as the issue checks them, from `kronika export --to jsonld`
(the Place node of that document whose name or alternate name is the gold name: `geo` and
`address.addressCountry`). A place the export does not locate counts as wrong.

Prints, for all lines, each `set` and each `kind`:
  km150    share of lines whose Place lies within 150 km of the true coordinates
  country  share of lines whose Place has the expected ISO country code
`cities50` is the issue's check (at least 49 of 50 within 150 km).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "eval" / "places" / "sentences.jsonl"
KRONIKA = ROOT / ".venv" / "bin" / "kronika"
sys.path.insert(0, str(ROOT / "src"))


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    return " ".join(s.replace(".", " ").replace(",", " ").split())


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def name_keys(place: str) -> tuple[set[str], str]:
    """The keys under which one database could make one entity of two names -- the name, its spelling
    variants and its today's name ("Leningrad" and "St. Petersburg" are one entity) -- and the first word
    of a longer name ("Newcastle upon Tyne" takes in a lone "Newcastle")."""
    from kronika.geo import HISTORICAL, _gazetteer_aliases, normalise
    k = normalise(place)
    keys = {k}
    for table in (HISTORICAL, _gazetteer_aliases()):
        if table.get(k):
            keys.add(normalise(table[k]))
    return keys, (k.split()[0] if " " in k else "")


def partition(rows: list[dict]) -> list[list[dict]]:
    """Groups of lines in which no place name repeats (first fit, in file order): one database holds one
    entity per name, so "Paris" and "Paris, Texas" are scored in different databases."""
    groups: list[tuple[set, set, list]] = []
    for r in rows:
        keys, first = name_keys(r["place"])
        for names, firsts, members in groups:
            if not keys & (names | firsts) and first not in names:
                names.update(keys)
                if first:
                    firsts.add(first)
                members.append(r)
                break
        else:
            groups.append((set(keys), {first} - {""}, [r]))
    return [m for _, _, m in groups]


def build_and_export(rows: list[dict], workdir: Path, n: int) -> list[dict]:
    """Build the lines as documents into one database; the JSON-LD graph of it."""
    src = workdir / f"places_{n}.jsonl"
    db = workdir / f"places_{n}.db"
    out = workdir / f"places_{n}.jsonld"
    with src.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({"id": r["id"], "text": r["text"], "genre": "biography"}, ensure_ascii=False) + "\n")
    env = {**os.environ, "KRONIKA_N_PROCESS": "1"}
    subprocess.run([str(KRONIKA), "build", "--db", str(db), "--processes", "1", "--no-progress", str(src)],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run([str(KRONIKA), "export", "--to", "jsonld", "--db", str(db), str(out)],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))["@graph"]


def find_place(graph: list[dict], doc: str, place: str) -> dict | None:
    """The Place node of document ``doc`` named ``place`` (name or alternate name; else one containing it)."""
    want = fold(place)
    nodes = [n for n in graph if n.get("@type") == "Place"
             and any(s.get("@id") == f"kronika:doc/{doc}" for s in n.get("subjectOf") or ())]
    def names(n):
        return [fold(n.get("name", ""))] + [fold(a) for a in n.get("alternateName") or ()]
    for test in (lambda x: x == want, lambda x: want in x.split() or x.startswith(want + " ")
                 or x.endswith(" " + want), lambda x: x and x in want):
        hits = [n for n in nodes if any(test(x) for x in names(n))]
        if hits:
            return max(hits, key=lambda n: "geo" in n)
    return None


def score(rows: list[dict], workdir: Path) -> list[dict]:
    results = []
    for i, group in enumerate(partition(rows)):
        graph = build_and_export(group, workdir, i)
        for r in group:
            node = find_place(graph, r["id"], r["place"])
            geo = (node or {}).get("geo")
            country = ((node or {}).get("address") or {}).get("addressCountry")
            d = km(r["lat"], r["lon"], geo["latitude"], geo["longitude"]) if geo else None
            results.append({**r, "found": node.get("name") if node else None, "km": d, "got_country": country,
                            "got": (geo["latitude"], geo["longitude"]) if geo else None,
                            "ok_km": d is not None and d <= 150, "ok_country": country == r["country"]})
    return results


def summary(results: list[dict]) -> dict[str, dict]:
    buckets: dict[str, list] = defaultdict(list)
    for r in results:
        buckets["all"].append(r)
        buckets["kind:" + r["kind"]].append(r)
        if r.get("set"):
            buckets["set:" + r["set"]].append(r)
    return {k: {"n": len(v), "km150": sum(x["ok_km"] for x in v), "country": sum(x["ok_country"] for x in v)}
            for k, v in sorted(buckets.items(), key=lambda kv: (kv[0] != "all", kv[0]))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", help="only the lines of this set (cities50, historical, context)")
    ap.add_argument("--show", action="store_true", help="list the lines that miss")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    rows = load_gold()
    if args.set:
        rows = [r for r in rows if r.get("set") == args.set]
    with tempfile.TemporaryDirectory(prefix="kronika-places-") as tmp:
        results = score(rows, Path(tmp))
    summ = summary(results)
    if args.json:
        print(json.dumps(summ, indent=1))
    else:
        print(f"{'':18} {'n':>4} {'km150':>12} {'country':>12}")
        for k, v in summ.items():
            print(f"{k:18} {v['n']:4} {v['km150']:5} {v['km150'] / v['n']:6.3f} {v['country']:5} "
                  f"{v['country'] / v['n']:6.3f}")
    if args.show:
        for r in results:
            if not (r["ok_km"] and r["ok_country"]):
                where = f"{r['got'][0]:.2f},{r['got'][1]:.2f}" if r["got"] else "-"
                dist = f"{r['km']:.0f} km" if r["km"] is not None else "no geo"
                print(f"  {r['id']} {r['place']!r} -> {r['found']!r} {r['got_country']} {where} ({dist}; "
                      f"want {r['country']}) | {r['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
