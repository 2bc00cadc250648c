"""Damaged, foreign, full or misplaced databases: one sentence and a way out, never a traceback."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from kronika.build import build
from kronika.cli.main import main
from kronika.settings import load_settings
from kronika.store import db as store_db
from kronika.store.schema import MIGRATIONS

READS = [["docs"], ["docs", "--failures"], ["entities"], ["timeline"], ["show", "Goldman"], ["conflicts"],
         ["claims"], ["ask", "Where did Goldman die?"], ["export", "--to", "json", "OUT"],
         ["serve", "--port", "0"]]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from tests.conftest import CORPUS

    root = tmp_path_factory.mktemp("built")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in CORPUS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = root / "k.db"
    build([str(corpus)], str(db), load_settings())
    return corpus, db


@pytest.fixture
def copy(built, tmp_path):
    def _copy(name="k.db"):
        dest = tmp_path / name
        shutil.copy(built[1], dest)
        return dest
    return _copy


def _drop(db, *tables):
    with sqlite3.connect(db) as c:
        for t in tables:
            c.execute(f"DROP TABLE {t}")
    c.close()


def _run(argv, capsys, tmp_path):
    argv = [str(tmp_path / "out.json") if a == "OUT" else a for a in argv]
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].startswith("kronika: ")
    return lines[0]


@pytest.mark.parametrize("table", ["events", "fact_mentions", "sentences_fts_data"])
def test_every_read_of_a_database_missing_a_table_says_so_in_one_sentence(table, copy, capsys, tmp_path):
    db = copy()
    _drop(db, table)
    owner = "sentences_fts" if table.startswith("sentences_fts") else table
    for argv in READS:
        code, out, err = _run(argv + ["--db", str(db)], capsys, tmp_path)
        line = _one_sentence(err)
        assert code == 1, (argv, err)
        assert f"the {owner} table is missing" in line and "kronika build" in line, (argv, line)


@pytest.mark.parametrize("tables", [("events",), ("fact_mentions",), ("documents",), ("entities", "runs"),
                                    ("sentences_fts_data",), ("corrections", "dirty_docs")])
def test_build_repairs_a_missing_table_and_the_result_is_complete(tables, built, copy, snapshot):
    corpus, original = built
    db = copy()
    _drop(db, *tables)
    rep = build([str(corpus)], str(db), load_settings())
    assert rep.failed == 0
    assert snapshot(str(db)) == snapshot(str(original))
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'Toronto'").fetchone()[0] == 1
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_repair_rereads_documents_of_other_builds_from_their_stored_text(built, copy, snapshot, tmp_path):
    corpus, original = built
    db = copy()
    _drop(db, "fact_mentions")
    only = tmp_path / "only"
    only.mkdir()
    shutil.copy(corpus / "review.txt", only / "review.txt")
    rep = build([str(only)], str(db), load_settings())
    # review.txt from the paths, goldman.txt and berkman.md from the database's own text
    assert (rep.added, rep.replaced, rep.unchanged) == (0, 3, 0)
    assert snapshot(str(db)) == snapshot(str(original))
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*) FROM documents WHERE sha256 LIKE 'stale:%'").fetchone()[0] == 0
        assert c.execute("SELECT COUNT(*) FROM fact_mentions WHERE doc = 'goldman.txt'").fetchone()[0] > 0


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(built, tmp_path, capsys):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"these are my notes, not a database\n" * 200)
    before = bogus.read_bytes()
    for argv in (["build", str(built[0])], *READS):
        code, out, err = _run(argv + ["--db", str(bogus)], capsys, tmp_path)
        assert code == 1 and "is not a SQLite database" in _one_sentence(err), (argv, err)
    assert bogus.read_bytes() == before


def test_a_database_of_another_program_is_refused_and_left_alone(built, tmp_path, capsys):
    other = tmp_path / "shop.db"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        c.execute("CREATE TABLE documents (invoice TEXT)")
    c.close()
    before = other.read_bytes()
    for argv in (["build", str(built[0])], *READS):
        code, out, err = _run(argv + ["--db", str(other)], capsys, tmp_path)
        line = _one_sentence(err)
        assert code == 1 and "not a kronika database" in line and "customers" in line, (argv, err)
    assert other.read_bytes() == before


def test_a_database_in_a_missing_folder_is_reported_as_such(built, tmp_path, capsys):
    db = tmp_path / "nowhere" / "k.db"
    for argv in (["build", str(built[0])], *READS):
        code, out, err = _run(argv + ["--db", str(db)], capsys, tmp_path)
        line = _one_sentence(err)
        assert code == 1 and f"folder {tmp_path / 'nowhere'} does not exist" in line, (argv, err)
    assert not (tmp_path / "nowhere").exists()


def _limit_pages(monkeypatch, extra: int):
    """Make every writing connection's database 'full' a few pages after its current size."""
    real = store_db.connect

    def connect(path, **kw):
        conn = real(path, **kw)
        if not kw.get("readonly"):
            n = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {n + extra}")
        return conn

    monkeypatch.setattr(store_db, "connect", connect)


def test_a_full_disk_is_one_sentence_and_the_next_read_says_the_build_did_not_finish(built, tmp_path, capsys,
                                                                                     monkeypatch):
    db = tmp_path / "k.db"
    corpus = tmp_path / "corpus"
    shutil.copytree(built[0], corpus)
    (corpus / "kropotkin.txt").write_text("Peter Kropotkin was born in Moscow in 1842. " * 400, encoding="utf-8")
    _limit_pages(monkeypatch, 2)
    code, out, err = _run(["build", str(corpus), "--db", str(db)], capsys, tmp_path)
    assert code == 1 and "is full" in _one_sentence(err), err
    monkeypatch.undo()
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.close()
    for argv in (["timeline"], ["entities"], ["docs"]):
        code, out, err = _run(argv + ["--db", str(db)], capsys, tmp_path)
        line = _one_sentence(err)
        assert code == 1 and "did not finish" in line and "no person" not in line, (argv, err)
    code, out, err = _run(["build", str(corpus), "--db", str(db)], capsys, tmp_path)
    assert code == 0, err
    code, out, err = _run(["timeline", "Emma Goldman", "--db", str(db)], capsys, tmp_path)
    assert code == 0 and "Toronto" in out and err == ""


def test_a_full_disk_during_an_update_keeps_the_old_knowledge_and_notes_the_unfinished_build(built, copy, tmp_path,
                                                                                           capsys, monkeypatch):
    db = copy()
    corpus = tmp_path / "more"
    corpus.mkdir()
    (corpus / "kropotkin.txt").write_text("Peter Kropotkin was born in Moscow in 1842. " * 400, encoding="utf-8")
    _limit_pages(monkeypatch, 1)
    code, out, err = _run(["build", str(corpus), "--db", str(db)], capsys, tmp_path)
    assert code == 1 and "is full" in _one_sentence(err), err
    monkeypatch.undo()
    store_db._NOTED.clear()
    code, out, err = _run(["timeline", "Goldman", "--db", str(db)], capsys, tmp_path)
    assert code == 0 and "Goldman" in out
    assert "kronika: note: the last build" in err and "did not finish" in err


def test_a_sqlite_error_nobody_foresaw_is_one_sentence_at_the_cli(copy, capsys, tmp_path, monkeypatch):
    db = copy()
    from kronika.store import reads

    def broken(*a, **k):
        raise sqlite3.OperationalError("database disk image is malformed")

    monkeypatch.setattr(reads, "entities", broken)
    code, out, err = _run(["entities", "--db", str(db)], capsys, tmp_path)
    assert code == 1 and "is damaged" in _one_sentence(err)


OPEN_AT = """
import sys, time
from kronika.store.db import Store
from kronika.store import schema
if sys.argv[3] == "old":  # the schema creation this test guards against: version read outside the write lock
    def migrate(conn, path="db"):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for i, sql in enumerate(schema.MIGRATIONS[version:], start=version + 1):
            time.sleep(0.2)
            with conn:
                conn.executescript("BEGIN;" + sql + f";PRAGMA user_version = {i};COMMIT;")
        return []
    import kronika.store.db as d
    d.migrate = migrate
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
with Store(sys.argv[1], create=True) as st:
    st.finish_run(st.start_run("race"), {})
print("ok")
"""


def _race(db, variant: str) -> list:
    import os
    import subprocess
    import sys
    import time

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    at = str(time.time() + 1.5)
    procs = [subprocess.Popen([sys.executable, "-c", OPEN_AT, str(db), at, variant], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    return [(p.wait(timeout=120), *p.communicate()) for p in procs]


def test_two_processes_creating_the_same_new_database_at_once_both_succeed(tmp_path):
    db = tmp_path / "new.db"
    results = _race(db, "new")
    assert [r[0] for r in results] == [0, 0], results
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*) FROM runs WHERE status = 'done'").fetchone()[0] == 2
        assert c.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_the_race_is_real_without_the_write_lock(tmp_path):
    """The old schema creation fails in one of the two processes: the test above can fail."""
    results = _race(tmp_path / "new.db", "old")
    assert sorted(r[0] for r in results) == [0, 1], results
    assert "already exists" in "".join(r[2] for r in results)
