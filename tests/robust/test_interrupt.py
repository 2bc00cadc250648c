"""A build with worker processes stops at once on Ctrl-C or SIGTERM, and leaves no worker behind, even after kill -9.

Each test runs a real `kronika build --processes 2` of 200 small documents in
its own process group, waits until its two workers are running, signals it,
and checks how it ended and that no worker process is left.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc to see worker processes")

KRONIKA = [sys.executable, "-m", "kronika.cli.main"]
PEOPLE = ["Ada Morel", "Jonas Weber", "Lena Novak", "Paul Girard", "Mira Costa", "Ivan Petrov"]
PLACES = ["Lyon", "Vienna", "Prague", "Lisbon", "Oslo", "Geneva", "Turin"]


def write_corpus(folder, n: int = 200) -> None:
    rnd = random.Random(3)
    folder.mkdir()
    for i in range(n):
        p, q = rnd.sample(PEOPLE, 2)
        a, b = rnd.sample(PLACES, 2)
        y = rnd.randint(1850, 1950)
        text = (f"{p} was born in {a} in {y}. In {y + 20} {p.split()[0]} moved to {b}, where she met {q}. "
                f"Later she was imprisoned in {a} for two years. After her release she taught in {b}. "
                f"She wrote a memoir in {y + 50} and died in {b} in {y + 60}.\n")
        (folder / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")


def children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is ``pid``, from /proc."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry))
    return found


def alive(pids: set[int]) -> set[int]:
    left = set()
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] != "Z":
                    left.add(p)
        except OSError:
            pass
    return left


def start_build(tmp_path, *extra: str):
    corpus = tmp_path / "c"
    write_corpus(corpus)
    db = str(tmp_path / "k.db")
    argv = KRONIKA + ["build", str(corpus), "--db", db, "--processes", "2", "--no-progress", *extra]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env=dict(os.environ, KRONIKA_BATCH_SIZE="8"))
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers = children(proc.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    if len(workers) < 2:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"the build never ran two workers (exit {proc.returncode}): {err[-500:]}")
    return proc, workers, argv


def wait_gone(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive(pids)


def test_ctrl_c_stops_a_parallel_build_at_once_and_it_resumes(tmp_path):
    proc, workers, argv = start_build(tmp_path)
    t = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
    try:
        out, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the build did not stop within 15 s of Ctrl-C")
    took = time.monotonic() - t
    print(f"\nCtrl-C: exit {proc.returncode} after {took:.2f} s")
    assert proc.returncode == 130, err
    assert "run the same command again to resume" in err and "Traceback" not in err and "Warning" not in err
    assert wait_gone(workers, 5) == set()
    again = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "0 failed" in again.stdout


def test_sigterm_stops_a_parallel_build_like_ctrl_c(tmp_path):
    proc, workers, _ = start_build(tmp_path)
    proc.terminate()
    try:
        out, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the build did not stop within 15 s of SIGTERM")
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "run the same command again to resume" in err and "Traceback" not in err
    assert wait_gone(workers, 5) == set()


def test_kill_9_leaves_no_worker_behind(tmp_path):
    proc, workers, _ = start_build(tmp_path)
    proc.kill()
    proc.communicate(timeout=15)
    left = wait_gone(workers, 5)
    for p in left:  # do not leave them running even when the test fails
        os.kill(p, signal.SIGKILL)
    print(f"\nkill -9: {len(left)} of {len(workers)} workers left running")
    assert left == set()


def descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        kids = children(todo.pop())
        todo += list(kids - found)
        found |= kids
    return found


def test_ctrl_c_stops_a_dask_build_without_tracebacks(tmp_path):
    pytest.importorskip("dask.distributed")
    proc, _, argv = start_build(tmp_path, "--engine", "dask")
    db = argv[argv.index("--db") + 1]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:  # the cluster runs once documents are written
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
                if c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.1)
    workers = descendants(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the Dask build did not stop within 30 s of Ctrl-C")
    assert proc.returncode == 130, err
    assert "run the same command again to resume" in err and "Traceback" not in err, err[-2000:]
    assert wait_gone(workers, 10) == set()
