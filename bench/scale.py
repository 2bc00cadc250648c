"""A 10,000-document build on this machine, then the incremental cost of adding, changing and removing 10.

usage: .venv/bin/python bench/scale.py [--n 10000] [--dir /tmp/kronika-scale] [--processes 0]

Prints wall time, documents/s and words/s of the full build, peak memory of
the build process tree, the database size per document, and the time of each
incremental step, each step a separate `kronika build`/`remove` process.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], env: dict) -> tuple[float, int, str]:
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = subprocess.run([sys.executable, "-m", "kronika.cli.main", *args], env=env, capture_output=True, text=True)
    el = time.perf_counter() - t
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    return el, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss), out.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--dir", default="/tmp/kronika-scale")
    ap.add_argument("--processes", type=int, default=0)
    a = ap.parse_args()
    base = Path(a.dir)
    corpus, db = base / "corpus", str(base / "scale.db")
    if base.exists():
        shutil.rmtree(base)
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(corpus), "--n", str(a.n)], check=True)
    words = sum(len(p.read_text().split()) for p in corpus.rglob("*.txt"))
    env = dict(os.environ, KRONIKA_N_PROCESS=str(a.processes))
    el, rss, out = run(["build", str(corpus), "--db", db, "--no-progress"], env)
    size = os.path.getsize(db)
    print(f"full build of {a.n} documents ({words:,} words): {el:.1f} s, {a.n / el:.1f} docs/s, {words / el:,.0f} words/s")
    print(f"  {out}")
    print(f"  peak memory (largest process): {rss / 1024:.0f} MiB; database {size / 2**20:.1f} MiB "
          f"({size / 1024 / a.n:.1f} KiB per document)")

    extra = base / "extra"
    subprocess.run([sys.executable, str(ROOT / "bench" / "gen_corpus.py"), str(extra), "--n", "10", "--seed", "99"],
                   check=True, capture_output=True)
    new = corpus / "new"
    shutil.copytree(extra / "00", new)
    el, _, out = run(["build", str(corpus), "--db", db, "--no-progress"], env)
    print(f"add 10 documents: {el:.1f} s  ({out})")
    changed = sorted((corpus / "00").glob("*.txt"))[:10]
    for p in changed:
        p.write_text(p.read_text() + "\nA later note: the archive was reorganised in 1999.\n")
    el, _, out = run(["build", str(corpus), "--db", db, "--no-progress"], env)
    print(f"change 10 documents: {el:.1f} s  ({out})")
    names = [f"new/{p.name}" for p in sorted(new.glob("*.txt"))]
    el, _, out = run(["remove", *names, "--db", db], env)
    print(f"remove 10 documents: {el:.1f} s  ({out})")
    shutil.rmtree(new)
    el, _, out = run(["build", str(corpus), "--db", db, "--no-progress"], env)
    print(f"rebuild with nothing changed: {el:.1f} s  ({out})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
