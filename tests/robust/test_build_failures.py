"""What the build summary lists as failed is exactly what `kronika docs --failures` lists; odd names never crash it."""
from __future__ import annotations

import json
import os

from kronika.cli.main import main

PROSE = "Ada Morel was born in Lyon in {y} and moved to Oslo in 1912, where she taught until 1950.\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _corpus(tmp_path):
    c = tmp_path / "c"
    c.mkdir()
    (c / "good.txt").write_text(PROSE.format(y=1890))
    with open(os.path.join(os.fsencode(c), b"bad\xff name.txt"), "wb") as fh:
        fh.write(PROSE.format(y=1891).encode())
    (c / "empty.txt").write_bytes(b"")
    for sub in ("x", "y", "z"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(PROSE.format(y=1900) + sub)
    return [str(c)] + [str(tmp_path / s / "same.txt") for s in ("x", "y", "z")]


def test_summary_failures_are_all_listed_by_docs_failures(capsys, tmp_path):
    db = str(tmp_path / "k.db")
    paths = _corpus(tmp_path)
    code, out, err = run(capsys, "build", *paths, "--db", db, "--no-progress", "--format", "json")
    assert code == 0, err
    rep = json.loads(out)
    assert rep["added"] == 3 and rep["failed"] == 3
    printed = {f["doc"] for f in rep["failures"]}
    assert printed == {"empty.txt", "same.txt (2)", "same.txt (3)"}
    code, out, _ = run(capsys, "docs", "--failures", "--db", db, "--format", "json")
    assert code == 0 and {f["doc"] for f in json.loads(out)} == printed
    code, out, _ = run(capsys, "docs", "--db", db, "--format", "json")
    assert sorted(d["doc"] for d in json.loads(out)) == ["bad\\xff name.txt", "good.txt", "same.txt"]
    # the text summary too, and a rebuild changes nothing and keeps the failures listed
    code, out, err = run(capsys, "build", *paths, "--db", db, "--no-progress")
    assert code == 0 and "3 unchanged, 3 failed" in out and "Traceback" not in err
    shown = {line.split(":", 1)[0].replace("failed", "", 1).strip() for line in out.splitlines()
             if line.startswith("  failed")}
    assert shown == printed
    code, out, _ = run(capsys, "docs", "--failures", "--db", db)
    assert all(name in out for name in printed)


def test_a_document_the_store_refuses_is_a_failure_and_the_others_are_kept(capsys, tmp_path, monkeypatch):
    from kronika.store.db import Store

    c = tmp_path / "c"
    c.mkdir()
    for i in range(4):
        (c / f"d{i}.txt").write_text(PROSE.format(y=1880 + i))
    real = Store.write_extractions

    def refuse_d2(self, batch, run_id):
        if any(ex.doc.doc == "d2.txt" for ex in batch):
            raise ValueError("a value SQLite cannot bind")
        return real(self, batch, run_id)

    monkeypatch.setattr(Store, "write_extractions", refuse_d2)
    db = str(tmp_path / "k.db")
    code, out, err = run(capsys, "build", str(c), "--db", db, "--no-progress", "--format", "json")
    assert code == 0, err
    rep = json.loads(out)
    assert rep["added"] == 3 and [(f["doc"], f["stage"]) for f in rep["failures"]] == [("d2.txt", "store")]
    code, out, _ = run(capsys, "docs", "--db", db, "--format", "json")
    assert sorted(d["doc"] for d in json.loads(out)) == ["d0.txt", "d1.txt", "d3.txt"]
    code, out, _ = run(capsys, "docs", "--failures", "--db", db, "--format", "json")
    assert [f["doc"] for f in json.loads(out)] == ["d2.txt"]


def test_missing_build_path_exits_1_with_one_sentence(capsys, tmp_path):
    code, out, err = run(capsys, "build", str(tmp_path / "nope"), "--db", str(tmp_path / "k.db"))
    assert code == 1 and err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err
    assert not os.path.exists(tmp_path / "k.db")


def test_negative_processes_is_a_usage_error(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(PROSE.format(y=1890))
    code, out, err = run(capsys, "build", str(tmp_path / "a.txt"), "--processes", "-2", "--db", str(tmp_path / "k.db"))
    assert code == 2 and err.count("\n") == 1 and "--processes -2" in err


def test_bad_environment_setting_exits_1_naming_the_variable(capsys, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(PROSE.format(y=1890))
    monkeypatch.setenv("KRONIKA_MAX_BYTES", "abc")
    code, out, err = run(capsys, "build", str(tmp_path / "a.txt"), "--db", str(tmp_path / "k.db"))
    assert code == 1 and err.count("\n") == 1
    assert "KRONIKA_MAX_BYTES" in err and "whole number" in err and "Traceback" not in err


def test_a_document_longer_than_max_chars_is_reported_as_partly_read(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("KRONIKA_MAX_CHARS", "2000")
    (tmp_path / "long.txt").write_text(PROSE.format(y=1890) * 60)  # about 5,400 characters
    (tmp_path / "short.txt").write_text(PROSE.format(y=1891))
    db = str(tmp_path / "k.db")
    code, out, err = run(capsys, "build", str(tmp_path / "long.txt"), str(tmp_path / "short.txt"), "--db", db,
                         "--no-progress", "--format", "json")
    assert code == 0, err
    rep = json.loads(out)
    assert rep["added"] == 2 and rep["failed"] == 0
    assert rep["partial"] == [{"doc": "long.txt", "chars": len(PROSE.format(y=1890)) * 60, "read": 2000}]
    code, out, err = run(capsys, "build", str(tmp_path / "long.txt"), "--db", str(tmp_path / "k2.db"), "--no-progress")
    assert code == 0, err
    assert "partly read  long.txt: only the first 2,000 of its" in out and "KRONIKA_MAX_CHARS" in out
    # the whole text is stored, whatever was annotated
    code, out, _ = run(capsys, "docs", "--db", db, "--format", "json")
    assert code == 0
