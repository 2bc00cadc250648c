"""Score `kronika ask` on bench/ask_questions.json.

    .venv/bin/python bench/ask_eval.py [--corpus seeds] [--db-dir DIR] [--rebuild] [-v] [--cold N] [--dump FILE]

Builds one database per corpus (seeds, the bundled examples, a Wikipedia
biography) unless it already exists in --db-dir, asks every question and prints
per corpus: accuracy@1 and @3 on answerable questions (an acceptable string in
the answer text, with a source quotation that states it), the rate of empty
answer lists on unanswerable questions, and the median latency per question
with the database open and, over --cold questions, of a fresh `kronika ask`
process (imports included).

``--latency DB`` times template questions ("Where was X born?", "Who did X marry?", "What happened in
1920?", ...) about the most-mentioned people of an existing database (e.g. the 10,000-document one
bench/scale.py builds from bench/gen_corpus.py), each asked twice with the database open: it prints the
median and 95th percentile of the second (warm) pass, the figure issue 17 asks to keep under 200 ms.

``--dump FILE`` writes every question's full answer list (text, sources, score,
via) as JSON, so that two versions of the code can be compared answer by answer
on the same databases (``--db-dir``): identical files mean unchanged behaviour.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kronika.ask import answer
from kronika.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
KRONIKA = str(Path(sys.executable).parent / "kronika")


def norm(s: str) -> str:
    return " ".join(s.replace("’", "'").replace("–", "-").replace("—", "-").casefold().split())


def correct(ans: dict, accept: list[str]) -> bool:
    text = norm(ans["text"])
    hits = [a for a in accept if norm(a) in text]
    if not hits:
        return False
    quotes = [norm(s["quote"]) for s in ans["sources"]]
    return any(norm(a) in qq for qq in quotes for a in accept) or any(text in qq for qq in quotes)


def build(corpus: str, path: Path, db: Path, rebuild: bool) -> None:
    if db.exists() and not rebuild:
        return
    for p in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
        p.unlink(missing_ok=True)
    src = path
    if path.is_file():                   # one file: build it from a folder of its own
        d = db.parent / f"{corpus}_src"
        d.mkdir(exist_ok=True)
        (d / path.name).write_bytes(path.read_bytes())
        src = d
    subprocess.run([KRONIKA, "build", str(src), "--db", str(db)], check=True, capture_output=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", default=str(ROOT / "bench" / "ask_questions.json"))
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--db-dir", default=None)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--cold", type=int, default=3, help="questions per corpus timed in a fresh process")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--dump", default=None, help="write every answer list to this JSON file")
    ap.add_argument("--latency", default=None, metavar="DB", help="time template questions on this database")
    ap.add_argument("--people", type=int, default=12, help="people asked about with --latency")
    args = ap.parse_args(argv)
    if args.latency:
        return latency(args.latency, args.people)

    spec = json.loads(Path(args.questions).read_text())
    db_dir = Path(args.db_dir) if args.db_dir else Path(tempfile.mkdtemp(prefix="ask_eval_"))
    db_dir.mkdir(parents=True, exist_ok=True)
    settings = load_settings()
    totals = []
    dump: dict[str, list] = {}
    for corpus, rel in spec["corpora"].items():
        if args.corpus and corpus not in args.corpus:
            continue
        path = (ROOT / rel).resolve()
        qs = [q for q in spec["questions"] if q["corpus"] == corpus]
        if not path.exists():
            print(f"{corpus}: {path} not found, skipped")
            continue
        db = db_dir / f"{corpus}.db"
        build(corpus, path, db, args.rebuild)
        conn = sqlite3.connect(db)
        conn.row_factory = sqlite3.Row
        at1 = at3 = n_ans = empty = n_un = 0
        lat = []
        for q in qs:
            t0 = time.perf_counter()
            res = answer(conn, q["q"], settings, top=3)
            lat.append(time.perf_counter() - t0)
            got = res["answers"]
            dump.setdefault(corpus, []).append({"q": q["q"], "answers": got})
            if q["accept"]:
                n_ans += 1
                ok = [correct(a, q["accept"]) for a in got[:3]]
                at1 += bool(ok[:1] and ok[0])
                at3 += any(ok)
                mark = "ok " if ok[:1] and ok[0] else ("@3 " if any(ok) else "XX ")
            else:
                n_un += 1
                empty += not got
                mark = "ok " if not got else "XX "
            if args.verbose or mark == "XX ":
                shown = " | ".join(a["text"][:60] for a in got[:3]) or "[]"
                print(f"  {mark}{corpus:9} {q['q']}  ->  {shown}")
        conn.close()
        cold = []
        for q in qs[: args.cold]:
            t0 = time.perf_counter()
            subprocess.run([KRONIKA, "ask", q["q"], "--db", str(db), "--format", "json"], check=True,
                           capture_output=True)
            cold.append(time.perf_counter() - t0)
        row = {"corpus": corpus, "answerable": n_ans, "acc@1": at1 / max(1, n_ans), "acc@3": at3 / max(1, n_ans),
               "unanswerable": n_un, "empty_rate": empty / max(1, n_un),
               "median_ms": 1000 * statistics.median(lat), "cold_median_ms": 1000 * statistics.median(cold)
               if cold else None}
        totals.append(row)
        print(f"{corpus:9} answerable {n_ans:3}  acc@1 {row['acc@1']:.2f}  acc@3 {row['acc@3']:.2f}  "
              f"unanswerable {n_un:2} empty {row['empty_rate']:.2f}  median {row['median_ms']:.0f} ms  "
              f"cold (process) {row['cold_median_ms'] or 0:.0f} ms")
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


TEMPLATES = ["Where was {p} born?", "When was {p} born?", "When did {p} die?", "Where did {p} die?",
             "Who did {p} marry?", "What did {p} write?", "Where did {p} study?", "Who did {p} work with?",
             "Why was {p} arrested?", "Where did {p} live in 1920?"]


def latency(db: str, people: int) -> int:
    """Warm latency of template questions about the most-mentioned people of ``db``."""
    settings = load_settings()
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    n_docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    names = [r[0] for r in conn.execute("SELECT name FROM entities WHERE type = 'PERSON' ORDER BY mentions DESC LIMIT ?",
                                        (people,))]
    qs = [t.format(p=n) for n in names for t in TEMPLATES] + ["What happened in 1920?", "What happened in 1937?"]
    t0 = time.perf_counter()
    for q in qs[:3]:
        answer(conn, q, settings)        # the first question reads the name index
    first = time.perf_counter() - t0
    warm, answered = [], 0
    for q in qs:
        answer(conn, q, settings)
        t1 = time.perf_counter()
        res = answer(conn, q, settings)
        warm.append(time.perf_counter() - t1)
        answered += bool(res["answers"])
    warm.sort()
    p95 = warm[min(len(warm) - 1, int(0.95 * len(warm)))]
    print(f"{db}: {n_docs} documents, {len(qs)} questions ({answered} answered); first three {1000 * first:.0f} ms; "
          f"warm median {1000 * statistics.median(warm):.0f} ms, p95 {1000 * p95:.0f} ms, max {1000 * warm[-1]:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
