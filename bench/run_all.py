"""Run the benchmarks in bench/ one after another and print a summary table (`make bench`).

usage: .venv/bin/python bench/run_all.py [--quick | --full] [--only NAME ...] [--list] [--timeout S]

--quick (the default) runs each benchmark on a small input: the bundled
examples, a generated corpus of a few hundred documents, the first documents of
an evaluation set. It takes a few minutes on a laptop, about ten on a busy
2-core machine. --full runs them as their own defaults do (the whole
evaluation sets, a 10,000-document scale test): an hour or more.

Benchmarks that read ../shared (the seeds and evaluation sets, absent from a
fresh clone) are skipped with a message when it is absent, as are those that
need Chromium or a HeidelTime venv. Each benchmark runs in its own process;
its whole output is printed as it finishes, then one table lists every
benchmark with its status, wall time and its headline line. These are
figures, never pass/fail thresholds: a benchmark "failed" only when its
process did (a crash or a timeout), and then this script exits 1.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
SHARED = ROOT.parent / "shared"
PY = sys.executable
KRONIKA = str(Path(sys.executable).parent / "kronika")


@dataclass
class Bench:
    name: str
    script: str
    quick: list[str]
    full: list[str]
    needs: list[str] = field(default_factory=list)   # "shared", "chromium", "heideltime", "examples-db", "corpus"
    headline: str | Callable[[str], str] | None = None  # a regex picking the summary line (default: the last
    #                                                   line), or a function making it from the output
    full_only: bool = False
    table: bool = False                              # the headline is a table row: name each value by its column
    why: str = ""


def benches(work: Path) -> list[Bench]:
    corpus, db = str(work / "corpus"), str(work / "examples.db")
    wiki = str(SHARED / "eval/wikipedia_revolutionaries_2019/pages")
    return [
        Bench("chronicle", "chronicle_eval.py", ["--set", "examples"], ["--set", "all"], headline=r"^(examples|all)\b",
              table=True,
              why="event recall, order and dates of the built chronicle against the true chronology"),
        Bench("ask", "ask_eval.py", ["--corpus", "examples", "--cold", "1", "--db-dir", str(work / "ask")],
              ["--db-dir", str(work / "ask")], headline=r"acc|@1",
              why="accuracy of `kronika ask` on bench/ask_questions.json"),
        Bench("claims", "claims_eval.py", [], [], headline=r"^nonseed\b", table=True, why="claim recall and precision against the gold claims"),
        Bench("entities", "entities_eval.py", ["--redocred", "0"], [], headline=_entities, why="entity precision/recall per type"),
        Bench("events", "events_eval.py", ["--wikibio", "0"], [], needs=["shared"], headline=_events,
              why="life-event precision/recall per type"),
        Bench("facts", "facts_eval.py", ["--limit", "30"], [], needs=["shared"], headline=r"^MICRO\b", table=True, why="slot-filling precision/recall"),
        Bench("bios", "bios_eval.py", ["--sample", "4", "--no-questions"], [], needs=["shared"],
              headline=r"^MEAN", why="names, events, dates, order and answers on the development biographies"),
        Bench("places", "places_eval.py", ["--set", "cities50"], [], headline=r"^(all|cities50)\b", table=True,
              why="places on the right spot of the earth (sentences of our own, read from export --to jsonld)"),
        Bench("timex", "timex_eval.py", ["--limit", "20"], [], needs=["shared"], headline=_timex,
              why="TempEval-3 time-expression scores on TBAQ and MEANTIME"),
        Bench("speed", "speed.py", [corpus, "--repeat", "1"], [wiki, "--repeat", "3"], needs=["corpus"],
              headline=r"^median", why="a full build against spaCy's own nlp.pipe, side by side"),
        Bench("speed-2proc", "speed.py", [corpus, "--repeat", "1", "--processes", "2"],
              [wiki, "--repeat", "3", "--processes", "2"], needs=["corpus"], headline=r"^median",
              why="the same with two worker processes"),
        Bench("profile", "profile_stages.py", [corpus], [wiki], needs=["corpus"], headline=r"overhead",
              why="where the time of a build goes, stage by stage"),
        Bench("scale", "scale.py", ["--n", "300", "--dir", str(work / "scale")],
              ["--n", "10000", "--dir", str(work / "scale")], headline=r"docs?/s|documents/s",
              why="a large build, then the cost of adding, changing and removing 10 documents"),
        Bench("memory", "memory.py", ["--sizes", "100K", "--shapes", "prose", "one-word-lines", "--dir",
                                      str(work / "memory")], ["--dir", str(work / "memory")],
              headline=_memory, why="peak memory and time of building one large document, across shapes and sizes"),
        Bench("load", "load_test.py", ["--db", db, "--clients", "20", "--seconds", "5"],
              ["--db", db, "--clients", "200", "--seconds", "30"], needs=["examples-db"], headline=r"req/s",
              why="requests/s and latency of the web app under concurrent clients"),
        Bench("pages", "page_timing.py", ["--db", db, "--runs", "1"], ["--db", db, "--runs", "3"],
              needs=["examples-db", "chromium"], full_only=True, why="page load times in Chromium"),
        Bench("heideltime", "heideltime_eval.py", [], ["--ht-venv", "/tmp/ht-venv", "--compare"],
              needs=["shared", "heideltime"], full_only=True, why="HeidelTime on the same time-expression sets"),
    ]


def _entities(text: str) -> str:
    """micro P/R/F1 of each set (the table has one column group per set)."""
    sets = next((ln.split() for ln in text.splitlines() if ln.startswith("type")), [])[1:]
    row = next((ln for ln in text.splitlines() if ln.startswith("micro")), "")
    groups = re.findall(r"([\d.]+) ([\d.]+) ([\d.]+)", row)
    return "micro P/R/F1 " + ", ".join(f"{name} {'/'.join(g)}" for name, g in zip(sets, groups)) if groups else ""


def _events(text: str) -> str:
    """F1 of each set, from the JSON lines."""
    import json

    f1 = []
    for ln in text.splitlines():
        if ln.startswith("{") and '"set"' in ln:
            d = json.loads(ln.replace("NaN", "null"))
            f1.append(f"{d['set']} {d.get('f1')}")
    return "F1 " + ", ".join(f1) if f1 else ""


def _memory(text: str) -> str:
    """peak MB and wall seconds of each shape and size."""
    rows = re.findall(r"^(\S+)\s+([\d,]+)\s+(\d+)\s+([\d.]+)\s", text, re.MULTILINE)
    return "peak MB / wall s: " + ", ".join(f"{shape} {size} B {mb} / {wall}" for shape, size, mb, wall in rows) \
        if rows else ""


def _timex(text: str) -> str:
    """strict and relaxed F1 and value F1 of each set."""
    lines = text.splitlines()
    header = next((ln.split() for ln in lines if ln.startswith("set")), [])
    out = []
    for ln in lines:
        m = re.match(r"(\S+) \((\d+) docs\)\s+(.*)", ln)
        if m and header:
            values = dict(zip(header[1:], m.group(3).split()))
            out.append(f"{m.group(1)} ({m.group(2)} docs) strictF {values.get('strictF')} relaxF "
                       f"{values.get('relaxF')} valueF1 {values.get('valueF1')}")
    return "; ".join(out)


# Not run by this driver, and why (listed by --list).
NOT_RUN = {
    "same_output.py": "compares two source trees; run it by hand with --base REV",
    "screenshots.py": "writes the README screenshots into docs/; run it by hand",
    "gen_corpus.py": "a helper: generates the corpus the speed, profile and scale benchmarks read",
    "serve_helper.py": "a helper: starts `kronika serve` for the web benchmarks",
    "bios_split.py": "draws the blind/dev split of the biographies once (committed in tests/eval/bios/split.json)",
    "time_split.py": "draws the blind/dev split of TBAQ and MEANTIME once (committed in bench/time_split.json)",
    "facts_split.py": "draws the blind/tune split of the Re-DocRED person documents once (bench/facts_split.json)",
}


def missing(b: Bench) -> str | None:
    """Why ``b`` cannot run here, or None."""
    for need in b.needs:
        if need == "shared" and not (SHARED / "seeds").is_dir():
            return "../shared is absent (the seeds and evaluation sets)"
        if need == "chromium" and not (shutil.which("chromium") or os.path.exists("/usr/bin/chromium")):
            return "Chromium is not installed (apt-get install chromium)"
        if need == "heideltime" and not Path("/tmp/ht-venv").is_dir():
            return "no HeidelTime venv at /tmp/ht-venv (see bench/README_time.md)"
    return None


def prepare(b: Bench, work: Path, full: bool) -> str | None:
    """Make the inputs ``b`` reads (once per run); returns why it cannot run, or None."""
    if "corpus" in b.needs:
        if full:
            if not (SHARED / "eval").is_dir():
                return "../shared is absent (the Wikipedia pages the full speed figures are measured on)"
        elif not (work / "corpus").is_dir():
            run_step([PY, str(BENCH / "gen_corpus.py"), str(work / "corpus"), "--n", "150"], "generate a corpus")
    if "examples-db" in b.needs and not (work / "examples.db").exists():
        run_step([KRONIKA, "build", str(ROOT / "examples" / "serge"), "--db", str(work / "examples.db"),
                  "--no-progress"], "build the examples database")
    return None


def run_step(argv: list[str], what: str) -> None:
    out = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise RuntimeError(f"could not {what}: {out.stderr.strip()[-300:]}")


def headline(text: str, pattern, table: bool = False) -> str:
    """The line of ``text`` that sums a benchmark up (the last one matching ``pattern``, else the last line),
    whitespace collapsed; for a table row, each value named by its column (``recall=0.87``)."""
    if callable(pattern):
        try:
            return pattern(text) or headline(text, None)
        except (ValueError, KeyError, IndexError):
            return headline(text, None)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return ""
    picked = [ln for ln in lines if pattern and re.search(pattern, ln, re.IGNORECASE)] or lines
    line = picked[-1]
    if table:
        values = line.split()
        header = next((ln.split() for ln in lines if len(ln.split()) == len(values) and ln != line
                       and not any(re.fullmatch(r"[\d.,()%-]+", tok) for tok in ln.split())), None)
        if header:
            return " ".join(f"{h}={v}" for h, v in zip(header, values))
    return " ".join(line.split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="small inputs, a few minutes (the default)")
    mode.add_argument("--full", action="store_true", help="every benchmark on its full input (an hour or more)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run only these benchmarks (see --list)")
    ap.add_argument("--list", action="store_true", help="list the benchmarks and what each needs, run nothing")
    ap.add_argument("--timeout", type=float, help="seconds before a benchmark is stopped (default 300 quick, "
                    "3600 full)")
    a = ap.parse_args(argv)
    full = a.full
    timeout = a.timeout or (3600 if full else 300)
    work = Path(tempfile.mkdtemp(prefix="kronika-bench-"))
    try:
        todo = benches(work)
        known = {b.name for b in todo}
        if a.only:
            unknown = sorted(set(a.only) - known)
            if unknown:
                print(f"run_all: no benchmark called {', '.join(unknown)}; choose from {', '.join(sorted(known))}.",
                      file=sys.stderr)
                return 2
            todo = [b for b in todo if b.name in a.only]
        if a.list:
            for b in todo:
                flags = " ".join(b.full if full else b.quick)
                note = missing(b)
                print(f"{b.name:12} bench/{b.script} {flags}".rstrip())
                print(f"{'':12} {b.why}" + (" [full only]" if b.full_only else "") + (f" [skipped: {note}]" if note
                                                                                           else ""))
            for script, why in NOT_RUN.items():
                print(f"{'-':12} bench/{script}: not run ({why})")
            return 0
        rows: list[tuple[str, str, float, str]] = []
        print(f"kronika benchmarks ({'full' if full else 'quick'}; scratch files in {work})\n", flush=True)
        for b in todo:
            if b.full_only and not full:
                rows.append((b.name, "skipped", 0.0, "--full only"))
                continue
            why = missing(b)
            if why is None:
                try:
                    why = prepare(b, work, full)
                except RuntimeError as exc:
                    rows.append((b.name, "failed", 0.0, str(exc)))
                    continue
            if why:
                print(f"== {b.name}: skipped: {why}\n", flush=True)
                rows.append((b.name, "skipped", 0.0, why))
                continue
            argv_b = [PY, str(BENCH / b.script), *(b.full if full else b.quick)]
            print(f"== {b.name}: {' '.join(argv_b[1:])}", flush=True)
            t = time.perf_counter()
            try:
                out = subprocess.run(argv_b, capture_output=True, text=True, cwd=ROOT, timeout=timeout)
                status = "ok" if out.returncode == 0 else f"failed ({out.returncode})"
                text, err = out.stdout, out.stderr
            except subprocess.TimeoutExpired as exc:
                status = f"timeout ({timeout:.0f} s)"
                text = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
                err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else (exc.stderr or "")
            secs = time.perf_counter() - t
            print(text.rstrip())
            if status != "ok" and err.strip():
                print("\n".join(err.rstrip().splitlines()[-15:]))
            print(f"-- {b.name}: {status} in {secs:.1f} s\n", flush=True)
            rows.append((b.name, status, secs, headline(text, b.headline, b.table) if status == "ok" else
                         headline(err, None)))
        print(summary(rows))
        return 1 if any(r[1].startswith(("failed", "timeout")) for r in rows) else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def summary(rows: list[tuple[str, str, float, str]]) -> str:
    width = max([len(r[0]) for r in rows] + [9])
    out = [f"{'benchmark':{width}}  {'status':14} {'seconds':>8}  headline", "-" * (width + 80)]
    for name, status, secs, line in rows:
        line = line if len(line) <= 120 else line[:119] + "…"
        out.append(f"{name:{width}}  {status:14} {secs:8.1f}  {line}")
    total = sum(r[2] for r in rows)
    out.append(f"{'total':{width}}  {'':14} {total:8.1f}")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
