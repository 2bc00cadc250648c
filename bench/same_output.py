"""Did an optimisation change any output? Build the same corpora with two source trees and diff the results.

usage: .venv/bin/python bench/same_output.py --base REV [--paths PATH ...] [CORPUS ...]
       .venv/bin/python bench/same_output.py --base-src DIR [CORPUS ...]

The *current* tree is a copy of the working tree's src/ taken at the start. The *base* tree is either a
directory holding a ``kronika`` package (``--base-src``) or a copy of the
working tree's src/ in which ``--paths`` (files or folders, relative to the
repository; default: the paths the speed work touches) are put back as they
were at git revision ``--base``. Changing only those paths keeps other people's
uncommitted edits out of the comparison.

For each corpus (default: ../shared/seeds and
../shared/eval/wikipedia_revolutionaries_2019/pages) both trees run
``kronika build`` into a fresh database, then ``kronika export --to json`` and a
dump of every per-document table (sentences, mentions, timexes, event, fact,
relation and claim mentions; ids included, run bookkeeping excluded). The
two dumps must be byte-identical; differences are printed as a unified diff.
Exit status 0 when everything is identical, 1 otherwise. Both builds run with
PYTHONHASHSEED=0, since a few stages break ties by set order (a build is not
yet reproducible across hash seeds).
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = [str(ROOT.parent / "shared/seeds"), str(ROOT.parent / "shared/eval/wikipedia_revolutionaries_2019/pages")]
DEFAULT_PATHS = ["src/kronika/annotate/arrays.py", "src/kronika/analyse.py", "src/kronika/build.py", "src/kronika/store",
                 "src/kronika/reconcile", "src/kronika/extract/entities",
                 "src/kronika/ingest"]
#: Both trees run with the same string hash seed: some stages still order ties by set iteration
#: (e.g. fact_context._canon_persons), which would otherwise differ from run to run.
HASHSEED = "0"
TABLES = {
    "sentences": 'doc, start, "end", text',
    "mentions": 'rowid AS rid, doc, start, "end", text, type, key, source, entity_id',
    "timexes": "*",
    "event_mentions": "*",
    "fact_mentions": "*",
    "relation_mentions": "*",
    "claim_mentions": "*",
}


def snapshot(dest: Path) -> Path:
    """A copy of the working tree's src/ (others may edit it while the builds run)."""
    src = dest / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    return src


def make_base(rev: str, paths: list[str], dest: Path) -> Path:
    """A copy of the working tree's src/ with ``paths`` as they were at ``rev``."""
    src = snapshot(dest)
    for p in paths:
        target = dest / p
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        listed = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "--", p], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout.split()
        for f in listed:
            blob = subprocess.run(["git", "show", f"{rev}:{f}"], cwd=ROOT, capture_output=True, check=True).stdout
            (dest / f).parent.mkdir(parents=True, exist_ok=True)
            (dest / f).write_bytes(blob)
    return src


def run_tree(src: Path, corpus: str, workdir: Path) -> str:
    """Build ``corpus`` with the kronika package under ``src``; returns the dump as text."""
    db = workdir / "k.db"
    out = workdir / "export.json"
    env = dict(os.environ, PYTHONPATH=str(src), KRONIKA_N_PROCESS="1", PYTHONHASHSEED=HASHSEED)
    env.pop("KRONIKA_DB", None)
    code = ("import sys, kronika; from kronika.cli.main import main; "
            "assert kronika.__file__.startswith(sys.argv[1]), kronika.__file__; "
            "rc = main(['build', sys.argv[2], '--db', sys.argv[3], '--no-progress']); "
            "rc = rc or main(['export', '--to', 'json', sys.argv[4], '--db', sys.argv[3]]); sys.exit(rc)")
    r = subprocess.run([sys.executable, "-c", code, str(src), corpus, str(db), str(out)], env=env,
                       capture_output=True, text=True, cwd=workdir)
    if r.returncode != 0:
        raise SystemExit(f"build with {src} failed:\n{r.stderr[-3000:]}")
    data = {"export": json.loads(out.read_text(encoding="utf-8"))}
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    for table, cols in TABLES.items():
        rows = [dict(r) for r in conn.execute(f"SELECT {cols} FROM {table} ORDER BY doc, start, \"end\", rowid")]
        data[table] = rows
    conn.close()
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", default=DEFAULT_CORPORA)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--base", help="git revision of the base tree")
    g.add_argument("--base-src", help="directory holding the base kronika package")
    ap.add_argument("--paths", nargs="+", default=DEFAULT_PATHS, help="paths taken from --base (default: %(default)s)")
    ap.add_argument("--keep", help="also write both dumps into this folder")
    a = ap.parse_args()

    same = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        current_src = snapshot(tmp / "current")
        base_src = Path(a.base_src).resolve() if a.base_src else make_base(a.base, a.paths, tmp / "base")
        for i, corpus in enumerate(a.corpus):
            dumps = []
            for name, src in (("base", base_src), ("current", current_src)):
                wd = tmp / f"{name}{i}"
                wd.mkdir()
                dumps.append(run_tree(src, corpus, wd))
                if a.keep:
                    Path(a.keep).mkdir(parents=True, exist_ok=True)
                    Path(a.keep, f"{name}{i}.json").write_text(dumps[-1], encoding="utf-8")
            if dumps[0] == dumps[1]:
                n = len(json.loads(dumps[1])["mentions"])
                print(f"identical: {corpus} ({len(dumps[1]):,} chars of output, {n} mentions)")
            else:
                same = False
                diff = list(difflib.unified_diff(dumps[0].splitlines(), dumps[1].splitlines(), "base", "current",
                                                 lineterm="", n=2))
                print(f"DIFFERENT: {corpus} ({len(diff)} diff lines)")
                print("\n".join(diff[:200]))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
