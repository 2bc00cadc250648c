"""A build killed with SIGKILL at any moment leaves a valid database; the next build resumes."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

KRONIKA = [sys.executable, "-m", "kronika.cli.main"]
PEOPLE = ["Ada Morel", "Jonas Weber", "Lena Novak", "Paul Girard", "Mira Costa", "Ivan Petrov", "Rosa Klein"]
PLACES = ["Lyon", "Vienna", "Prague", "Lisbon", "Oslo", "Geneva", "Turin", "Krakow"]


def write_corpus(folder, n: int) -> None:
    rnd = random.Random(7)
    for i in range(n):
        p, q = rnd.choice(PEOPLE), rnd.choice(PEOPLE)
        a, b = rnd.sample(PLACES, 2)
        y = rnd.randint(1850, 1950)
        text = (f"{p} was born in {a} in {y}. In {y + 20} {p.split()[0]} moved to {b}, where she met {q}. "
                f"Later she was imprisoned in {a} for two years. She died in {b} in {y + 60}.\n")
        (folder / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_sigkill_at_random_points_then_resume(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    n = 120
    write_corpus(corpus, n)
    db = str(tmp_path / "k.db")
    env = dict(os.environ, KRONIKA_N_PROCESS="1", KRONIKA_COMMIT_EVERY="5", KRONIKA_BATCH_SIZE="8")
    rnd = random.Random(11)
    for delay in sorted(rnd.uniform(1.0, 6.0) for _ in range(3)):
        proc = subprocess.Popen(KRONIKA + ["build", str(corpus), "--db", db, "--no-progress"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if os.path.exists(db):
            with sqlite3.connect(db) as c:
                assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for _ in range(2):
        out = subprocess.run(KRONIKA + ["build", str(corpus), "--db", db, "--no-progress"], env=env,
                             capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr
    with sqlite3.connect(db) as c:
        docs = [r[0] for r in c.execute("SELECT doc FROM documents")]
        assert len(docs) == n and len(set(docs)) == n
        assert c.execute("SELECT COUNT(*) FROM entities").fetchone()[0] > 0
        # every per-document row belongs to a stored document, exactly once per document
        assert c.execute("SELECT COUNT(DISTINCT doc) FROM sentences").fetchone()[0] == n
        assert c.execute("SELECT COUNT(*) FROM runs WHERE status != 'done'").fetchone()[0] == 0
