"""Generate a synthetic corpus of short biographical documents (our own templates, no copied text).

usage: .venv/bin/python bench/gen_corpus.py DEST [--n 10000] [--seed 1] [--jsonl]

Each document (a few hundred words) tells part of an invented life: birth,
schooling, moves, arrests, marriages, works, death, with dates written in
varied ways (full dates, bare years, decades, relative and event-anchored
expressions) and some opinion sentences and web boilerplate, so that every
stage of kronika has work to do. People recur across documents so that
cross-document reconciliation is exercised too.
"""
from __future__ import annotations

import argparse
import json
import os
import random

FIRST = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Felix", "Greta", "Hugo", "Irena", "Jakob", "Katya", "Leon",
         "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Sergei", "Tamara", "Viktor", "Wanda", "Yuri", "Zofia", "Emil"]
LAST = ["Abramov", "Berger", "Castell", "Dubois", "Ehrlich", "Falk", "Grunwald", "Hartmann", "Ivanova", "Jansen",
        "Kovacs", "Lindqvist", "Moreau", "Novak", "Orlov", "Petersen", "Quist", "Roth", "Sokolov", "Tarasova",
        "Ullmann", "Varga", "Weiss", "Zeller"]
CITIES = ["Paris", "Vienna", "Berlin", "Prague", "Warsaw", "Budapest", "Odessa", "Kiev", "Moscow", "Petrograd",
          "Barcelona", "Madrid", "Lisbon", "Rome", "Milan", "Geneva", "Zurich", "Brussels", "Amsterdam", "London",
          "Dublin", "Oslo", "Stockholm", "Helsinki", "Riga", "Vilnius", "Minsk", "Tbilisi", "Baku", "Istanbul",
          "Athens", "Sofia", "Bucharest", "Belgrade", "Zagreb", "Krakow", "Lviv", "Kharkiv", "Marseille", "Lyon",
          "New York", "Chicago", "Mexico City", "Buenos Aires", "Havana", "Toronto", "Montreal", "Shanghai"]
ORGS = ["the Socialist Party", "the Communist International", "the Anarchist Federation", "the Writers' Union",
        "the Workers' Opposition", "the Red Cross", "the League of Nations", "the University of Vienna",
        "the Sorbonne", "the Academy of Sciences", "the Left Opposition", "the Bund"]
WORKS = ["The Iron Bridge", "Notes from the Harbour", "A Winter in Exile", "The Long March North", "City of Ash",
         "Letters to a Comrade", "The Glass Factory", "Songs of the Steppe", "The Last Congress", "Red Dawn"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
BOILER = ["Leave a Reply", "Share this: Twitter Facebook Email", "This website uses cookies to improve your experience.",
          "Related posts", "Add new comment"]


def person(rnd: random.Random, pool: list[str]) -> str:
    if pool and rnd.random() < 0.6:
        return rnd.choice(pool)
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def date_phrase(rnd: random.Random, y: int) -> str:
    k = rnd.randrange(6)
    if k == 0:
        return f"on {rnd.randint(1, 28)} {rnd.choice(MONTHS)} {y}"
    if k == 1:
        return f"in {rnd.choice(MONTHS)} {y}"
    if k == 2:
        return f"in {y}"
    if k == 3:
        return f"in the early {y // 10 * 10}s" if y % 10 < 4 else f"in the late {y // 10 * 10}s"
    if k == 4:
        return f"in the spring of {y}"
    return f"around {y}"


def document(rnd: random.Random, pool: list[str]) -> dict:
    p = person(rnd, pool)
    pool.append(p)
    first, last = p.split()
    he = rnd.choice(["he", "she"])
    his = "his" if he == "he" else "her"
    y = rnd.randint(1850, 1920)
    c1, c2, c3, c4 = rnd.sample(CITIES, 4)
    other = person(rnd, pool)
    work = rnd.choice(WORKS)
    org = rnd.choice(ORGS)
    s = [f"{p} was born in {c1} {date_phrase(rnd, y)}.",
         f"{his.capitalize()} parents were teachers, and {he} studied at {rnd.choice(ORGS[7:9])}.",
         f"{date_phrase(rnd, y + rnd.randint(17, 22)).capitalize()} {last} moved to {c2}, where {he} joined {org}.",
         f"There {he} met {other}, with whom {he} worked for several years.",
         f"Two years later {he} was arrested and imprisoned in {c3}.",
         f"After {his} release {he} travelled to {c4} and wrote {work}.",
         f"Critics called the book remarkable, though some dismissed it as naive.",
         f"{he.capitalize()} married {person(rnd, pool)} {date_phrase(rnd, y + rnd.randint(25, 35))}.",
         f"During the Second World War {last} fled {c4} for {rnd.choice(CITIES)}.",
         f"{p} died in {rnd.choice(CITIES)} {date_phrase(rnd, y + rnd.randint(50, 85))}."]
    rnd.shuffle(s[1:8])
    filler = " ".join(rnd.choice([
        f"The years in {c2} shaped {his} politics.", f"{last} kept a diary throughout this period.",
        f"Letters from {c3} describe hunger and cold.", f"Friends remembered {first} as generous and stubborn.",
        "The archive holds several drafts of the manuscript.", f"Historians still debate {his} role in {org}."])
        for _ in range(rnd.randint(8, 16)))
    text = " ".join(s[:5]) + "\n\n" + filler + "\n\n" + " ".join(s[5:]) + "\n"
    if rnd.random() < 0.5:
        text += "\n" + rnd.choice(BOILER) + "\n"
    return {"title": f"{p}: a life", "text": text}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dest")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl", action="store_true", help="one JSONL file instead of one .txt per document")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    pool: list[str] = []
    os.makedirs(a.dest, exist_ok=True)
    if a.jsonl:
        with open(os.path.join(a.dest, "corpus.jsonl"), "w", encoding="utf-8") as fh:
            for i in range(a.n):
                d = document(rnd, pool)
                fh.write(json.dumps({"id": f"gen-{i:06d}", **d}) + "\n")
    else:
        for i in range(a.n):
            d = document(rnd, pool)
            sub = os.path.join(a.dest, f"{i // 1000:02d}")
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, f"doc{i:06d}.txt"), "w", encoding="utf-8") as fh:
                fh.write(d["title"] + "\n\n" + d["text"])
    print(f"wrote {a.n} documents to {a.dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
