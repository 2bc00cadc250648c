"""The command line: help that teaches, one-sentence errors, the SPEC's exit codes, JSON for programs."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kronika.cli.main import main, make_parser

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ["build", "remove", "docs", "entities", "timeline", "show", "conflicts", "claims", "ask", "correct",
            "annotate", "export", "serve"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_has_help_and_is_in_the_readme(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for cmd in COMMANDS:
        with pytest.raises(SystemExit) as exc:
            main([cmd, "--help"])
        assert exc.value.code == 0
        out = capsys.readouterr().out
        assert "usage: kronika " + cmd in out
        assert re.search(rf"kronika {cmd}\b", readme), f"README does not document `kronika {cmd}`"


def test_usage_error_exits_2_with_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["entities", "--type", "ALIEN"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "kronika:" in err


def test_missing_database_exits_1_with_advice(capsys, tmp_path):
    code, out, err = run(capsys, "timeline", "--db", str(tmp_path / "none.db"))
    assert code == 1
    assert "kronika build" in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_not_a_database_exits_1(capsys, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    code, out, err = run(capsys, "docs", "--db", str(bad))
    assert code == 1 and "Traceback" not in err


def test_build_then_read_everything_as_json(capsys, corpus, tmp_path):
    db = str(tmp_path / "k.db")
    code, out, err = run(capsys, "build", str(corpus), "--db", db, "--format", "json")
    assert code == 0
    summary = json.loads(out)
    assert summary["added"] == 3 and summary["failed"] == 0
    code, out, _ = run(capsys, "docs", "--db", db, "--format", "json")
    assert {d["doc"] for d in json.loads(out)} == {"goldman.txt", "berkman.md", "review.txt"}
    code, out, _ = run(capsys, "entities", "--db", db, "--format", "json", "--type", "PERSON")
    ents = json.loads(out)
    assert all(e["type"] == "PERSON" for e in ents)
    code, out, _ = run(capsys, "timeline", "Emma Goldman", "--db", db, "--format", "json")
    tl = json.loads(out)
    assert tl["subject"]["name"] == "Emma Goldman"
    code, out, err = run(capsys, "timeline", "Nobody Atall", "--db", db)
    assert code == 1 and "kronika entities" in err
    code, out, _ = run(capsys, "show", "Emma Goldman", "--db", db, "--format", "json")
    assert set(json.loads(out)) >= {"entity", "facts", "events", "relations", "claims"}
    code, out, _ = run(capsys, "conflicts", "Emma Goldman", "--db", db, "--format", "json")
    assert isinstance(json.loads(out), list)
    code, out, _ = run(capsys, "claims", "--db", db, "--format", "json")
    assert isinstance(json.loads(out), list)
    code, out, _ = run(capsys, "ask", "Where was Emma Goldman born?", "--db", db, "--format", "json")
    assert set(json.loads(out)) >= {"question", "answers"}
    dest = tmp_path / "kb.json"
    code, out, _ = run(capsys, "export", "--to", "json", str(dest), "--db", db)
    assert code == 0 and json.loads(dest.read_text())["documents"]


def test_build_of_nothing_readable_exits_1(capsys, tmp_path):
    d = tmp_path / "junk"
    d.mkdir()
    (d / "a.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "build", str(d), "--db", str(tmp_path / "k.db"))
    assert code == 1 and "nothing readable" in err


def test_build_of_missing_path_exits_1(capsys, tmp_path):
    code, out, err = run(capsys, "build", str(tmp_path / "nope"), "--db", str(tmp_path / "k.db"))
    assert code == 1 and "does not exist" in err


def test_annotate_rejects_a_bad_dct(capsys, corpus):
    code, out, err = run(capsys, "annotate", str(corpus / "goldman.txt"), "--dct", "yesterday")
    assert code == 2 and "ISO date" in err


def test_annotate_json_offsets(capsys, corpus):
    code, out, _ = run(capsys, "annotate", str(corpus / "goldman.txt"), "--dct", "2013-03-22", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["dct"] == "2013-03-22"
    for t in data["timexes"] + data["entities"]:
        assert data["text"][t["start"]:t["end"]] == t["text"]


def test_corrections_survive_a_rebuild(capsys, corpus, tmp_path):
    db = str(tmp_path / "k.db")
    run(capsys, "build", str(corpus), "--db", db)
    code, out, _ = run(capsys, "timeline", "Emma Goldman", "--db", db, "--format", "json")
    events = json.loads(out)["events"]
    if not events:
        pytest.skip("no events extracted for the correction test")
    ev = events[0]["id"]
    assert run(capsys, "correct", "reject-event", ev, "--db", db, "--reason", "test")[0] == 0
    (corpus / "new.txt").write_text("Emma Goldman lectured in London in 1925.\n", encoding="utf-8")
    run(capsys, "build", str(corpus), "--db", db)
    code, out, _ = run(capsys, "timeline", "Emma Goldman", "--db", db, "--format", "json")
    assert ev not in {e["id"] for e in json.loads(out)["events"]}
    code, out, _ = run(capsys, "correct", "list", "--db", db, "--format", "json")
    assert json.loads(out)[0]["reason"] == "test"


def test_parser_lists_every_command():
    sub = next(a for a in make_parser()._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)


@pytest.mark.parametrize("question", ["", "  ", "w" * 501])
def test_ask_refuses_an_empty_or_overlong_question_with_exit_2(capsys, tmp_path, question):
    code, out, err = run(capsys, "ask", question, "--db", str(tmp_path / "none.db"))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert ("at most 500 characters" in err) if question.strip() else ("ask a question" in err)
