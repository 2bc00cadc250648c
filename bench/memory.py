"""Peak memory and time of `kronika build` on one document, across shapes and sizes up to the size limit.

usage: .venv/bin/python bench/memory.py [--sizes 100K 500K 1M] [--shapes NAME ...] [--src DIR]
                                         [--dir /tmp/kronika-memory] [--env KEY=VALUE ...]

For each shape and size a text file of exactly that many bytes is written and
built by one `kronika build FILE --db NEW.db --no-progress` process (one
document, so one process: no spaCy workers). Printed per run: the peak resident
memory of that process (``ru_maxrss`` from ``os.wait4``, the kernel's own high-water
mark), wall and CPU seconds, and the sentences and mentions stored (so a shape the
boilerplate detector blanks out, which spaCy then barely reads, is visible).

Shapes:
  prose            the three seed essays (or a bundled example) repeated, paragraphs as written
  one-word-lines   "word\\n" repeated: 100,000 one-word lines in 500 KB, no sentence break anywhere
  one-word-sents   "Word.\\n" repeated: a sentence per line
  tiny-paragraphs  "Yes.\\n\\n" repeated: a paragraph every 6 characters
  no-spaces        one line of letters with no whitespace at all
  number-table     rows of eight numbers separated by " | "

Sizes take K and M suffixes (1000-based: 500K is 500,000 bytes). Above
``max_chars`` (1,000,000 by default) only the first max_chars characters are
annotated, so larger files measure ingest and the store, not spaCy; 20M is
``max_bytes``, the largest file a build accepts (slow: a minute or more per run).
``--src`` runs another source tree (e.g. an older revision extracted with
``git archive REV src | tar -x -C DIR``, then ``--src DIR/src``) for a side-by-side
table. The tree is copied first, so edits made while it runs do not mix in. Environment settings (``--env KRONIKA_MAX_PIECE_CHARS=10000``) are passed to
the build.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "serge"


def _prose_unit() -> str:
    folder = SEEDS if SEEDS.is_dir() else EXAMPLES
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*")) if p.suffix in (".txt", ".md")]
    return "\n\n".join(t.strip() for t in texts) + "\n\n"


def _table_unit(rows: int = 2000) -> str:
    return "".join(" | ".join(str(1000 + 37 * r + 7 * c) for c in range(8)) + "\n" for r in range(rows))


SHAPES = {
    "prose": _prose_unit,
    "one-word-lines": lambda: "word\n",
    "one-word-sents": lambda: "Word.\n",
    "tiny-paragraphs": lambda: "Yes.\n\n",
    "no-spaces": lambda: "abcdefghij",
    "number-table": _table_unit,
}


def make_text(shape: str, size: int) -> str:
    """``size`` bytes of ``shape`` (ASCII only outside prose; prose is cut back to ``size`` UTF-8 bytes)."""
    unit = SHAPES[shape]()
    text = unit * (size // max(1, len(unit.encode("utf-8"))) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def parse_size(s: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KM]?)", s.upper())
    if not m:
        raise argparse.ArgumentTypeError(f"{s!r} is not a size; write 500K or 1M")
    return int(float(m.group(1)) * {"": 1, "K": 1000, "M": 1_000_000}[m.group(2)])


def run_build(path: Path, db: Path, src: Path, extra_env: dict) -> tuple[float, float, float, str]:
    """(peak MB, wall s, CPU s, stdout) of one `kronika build` process."""
    env = dict(os.environ, PYTHONPATH=str(src), KRONIKA_N_PROCESS="1", **extra_env)
    env.pop("KRONIKA_DB", None)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "kronika.cli.main", "build", str(path), "--db", str(db),
                                 "--no-progress"], env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)   # this child's own rusage, peak RSS included
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise SystemExit(f"build of {path} failed (exit {proc.returncode}):\n{err.read()[-2000:]}")
        return usage.ru_maxrss / 1024, wall, usage.ru_utime + usage.ru_stime, out.read().strip()


def stored(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0])
    finally:
        conn.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs="+", type=parse_size, default=[parse_size(s) for s in ("100K", "500K", "1M")])
    ap.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    ap.add_argument("--src", type=Path, default=ROOT / "src",
                    help="the source tree holding the kronika package (copied at the start: others may edit it)")
    ap.add_argument("--dir", type=Path, default=None, help="where the files and databases go (default: a temp dir)")
    ap.add_argument("--env", nargs="*", default=[], metavar="KEY=VALUE", help="settings passed to the builds")
    a = ap.parse_args()
    extra = dict(kv.split("=", 1) for kv in a.env)
    work = a.dir or Path(tempfile.mkdtemp(prefix="kronika-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    src = work / "src"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(a.src, src, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    print(f"kronika from {a.src.resolve()}; one `kronika build` process per row{'; ' + ' '.join(a.env) if a.env else ''}")
    print(f"{'shape':<16} {'bytes':>10} {'peak_MB':>8} {'wall_s':>7} {'cpu_s':>7} {'sentences':>9} {'mentions':>8}")
    for shape in a.shapes:
        for size in a.sizes:
            path = work / f"{shape}-{size}.txt"
            path.write_text(make_text(shape, size), encoding="utf-8")
            db = work / f"{shape}-{size}.db"
            for f in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
                f.unlink(missing_ok=True)
            peak, wall, cpu, _ = run_build(path, db, src, extra)
            sents, ments = stored(db)
            print(f"{shape:<16} {path.stat().st_size:>10,} {peak:>8.0f} {wall:>7.1f} {cpu:>7.1f} {sents:>9,} {ments:>8,}",
                  flush=True)
            path.unlink()
            db.unlink(missing_ok=True)
    shutil.rmtree(src, ignore_errors=True)
    if a.dir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
