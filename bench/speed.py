"""Build throughput and the ratio of a full `kronika build` to spaCy's own `nlp.pipe`, side by side in one run.

usage: .venv/bin/python bench/speed.py [CORPUS ...] [--processes N] [--repeat R]

CORPUS defaults to ../shared/eval/wikipedia_revolutionaries_2019/pages. For
each round it times (a) the stock spaCy pipeline (`en_core_web_sm`, no
kronika components) over the very texts kronika ingests, with the same
`n_process` and batch size, and (b) a full `kronika build` of the same files
into a fresh database (ingest, our entity layers, every extractor,
reconciliation, SQLite writes). Rounds alternate (a)/(b) so both see the same
machine noise; the median ratio is printed, with words/s, documents/s, peak
memory (of the build process) and database size per document.

The ratio is of wall-clock times. On a shared machine other jobs stretch wall
time unevenly, so CPU seconds are printed too (``getrusage``: the stock pipe's
process and workers; the build's whole process, start-up, imports and model
load included, which makes its CPU ratio slightly pessimistic).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def stock_pipe(texts: list[str], n_process: int, batch_size: int) -> tuple[float, float]:
    """Wall and CPU seconds (this process and its workers) of the stock pipeline over ``texts``."""
    from kronika.annotate.pipeline import load_model
    from kronika.settings import load_settings

    nlp = load_model(load_settings().model)
    nlp.max_length = 2_000_000
    t = time.perf_counter()
    c = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return time.perf_counter() - t, _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN) - c


def kronika_build(paths: list[str], db: str, n_process: int, batch_size: int) -> tuple[float, float, int]:
    """Wall seconds (inside the process, from ``main``), CPU seconds (the whole process: start-up, imports,
    model load and the build) and peak memory of a ``kronika build`` in a fresh process."""
    env = dict(os.environ, KRONIKA_N_PROCESS=str(n_process), KRONIKA_BATCH_SIZE=str(batch_size))
    code = ("import resource, sys, time; from kronika.cli.main import main; t = time.perf_counter(); "
            "rc = main(['build', *sys.argv[1:], '--no-progress']); "
            "print('ELAPSED', time.perf_counter() - t); "
            "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    c = _cpu(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", code, *paths, "--db", db], env=env, capture_output=True, text=True)
    cpu = _cpu(resource.RUSAGE_CHILDREN) - c
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    vals = dict(line.split(" ", 1) for line in out.stdout.splitlines() if line.startswith(("ELAPSED", "MAXRSS")))
    return float(vals["ELAPSED"]), cpu, int(vals["MAXRSS"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", default=[str(ROOT.parent / "shared/eval/wikipedia_revolutionaries_2019/pages")])
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()

    from kronika.ingest import iter_documents
    from kronika.records import Failure
    from kronika.settings import load_settings

    docs = [d for d in iter_documents(a.corpus, load_settings()) if not isinstance(d, Failure)]
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(docs)} documents, {words} words, {sum(map(len, texts))} chars; "
          f"processes={a.processes} batch={a.batch_size}")
    ratios, builds, pipes, cpu_ratios = [], [], [], []
    rss = 0
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(a.repeat):
            p, pc = stock_pipe(texts, a.processes, a.batch_size)
            db = os.path.join(tmp, f"k{r}.db")
            b, bc, rss = kronika_build(a.corpus, db, a.processes, a.batch_size)
            size = os.path.getsize(db) + (os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else 0)
            pipes.append(p)
            builds.append(b)
            ratios.append(b / p)
            cpu_ratios.append(bc / pc)
            print(f"round {r + 1}: nlp.pipe {p:7.2f} s   kronika build {b:7.2f} s   ratio {b / p:5.2f}   "
                  f"(CPU: nlp.pipe {pc:.2f} s, build {bc:.2f} s, ratio {bc / pc:.2f})")
    b, p = statistics.median(builds), statistics.median(pipes)
    print(f"median: nlp.pipe {p:.2f} s ({words / p:,.0f} words/s)   build {b:.2f} s ({words / b:,.0f} words/s, "
          f"{len(docs) / b:.2f} docs/s)   ratio {statistics.median(ratios):.2f}   "
          f"CPU ratio {statistics.median(cpu_ratios):.2f}")
    print(f"peak memory of the build: {rss / 1024:.0f} MiB; database: {size / 1024:.0f} KiB "
          f"({size / 1024 / max(1, len(docs)):.1f} KiB per document)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
