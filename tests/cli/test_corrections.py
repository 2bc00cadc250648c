"""`correct`, `show` and `annotate` on a database built from examples/serge: what is refused, what is applied,
and that corrections outlive a rebuild."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kronika.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "serge"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """examples/serge built once; each test works on its own copy of the folder and the database."""
    d = tmp_path_factory.mktemp("serge")
    docs = d / "docs"
    shutil.copytree(EXAMPLES, docs)
    db = d / "k.db"
    assert main(["build", str(docs), "--db", str(db), "--no-progress"]) == 0
    return docs, db


@pytest.fixture
def serge(built, tmp_path):
    docs, db = built
    shutil.copytree(docs, tmp_path / "docs")
    shutil.copy(db, tmp_path / "k.db")
    return tmp_path / "docs", str(tmp_path / "k.db")


def j(capsys, *argv):
    code, out, err = run(capsys, *argv, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def rebuild(capsys, docs, db):
    """A rebuild that reconciles: one more document."""
    (docs / "99_new.txt").write_text("Victor Serge lectured in Brussels in 1930.\n", encoding="utf-8")
    code, out, err = run(capsys, "build", str(docs), "--db", db, "--no-progress")
    assert code == 0 and "1 added" in out, (out, err)


def one_sentence(err):
    return err.count("\n") == 1 and err.startswith("kronika: ") and "Traceback" not in err


@pytest.mark.parametrize("argv", [
    ["merge", "p-nobody", "p-victor-serge"],          # renamed Victor Serge before
    ["merge", "p-victor-serge", "p-nobody"],
    ["merge", "p-victor-serge", "p-victor-serge"],
    ["split", "p-victor-serge", "Nobody Else"],
    ["split", "p-nobody", "Serge"],
    ["rename", "p-nobody", "Someone"],
    ["reject-event", "ev-0000000000"],
    ["pin-date", "ev-0000000000", "1919"],
    ["reject-fact", "12"],
    ["reject-fact", "f-0000000000"],
])
def test_a_correction_naming_nothing_known_is_refused(capsys, serge, argv):
    _, db = serge
    before = j(capsys, "entities", "--db", db)
    code, out, err = run(capsys, "correct", *argv, "--db", db)
    assert code == 1 and one_sentence(err), err
    assert j(capsys, "correct", "list", "--db", db) == []
    assert j(capsys, "entities", "--db", db) == before
    assert j(capsys, "timeline", "p-victor-serge", "--db", db)["subject"]["name"] == "Victor Serge"


@pytest.mark.parametrize("value", ["2013-13-45", "1919-03..1919-01", "1920..1919", "1919..later", "1919-02-30"])
def test_pin_date_refuses_a_malformed_or_reversed_range(capsys, serge, value):
    _, db = serge
    ev = j(capsys, "timeline", "--db", db)["events"][0]
    code, out, err = run(capsys, "correct", "pin-date", ev["id"], value, "--db", db)
    assert code == 1 and one_sentence(err), err
    assert j(capsys, "correct", "list", "--db", db) == []


def test_facts_have_ids_in_text_and_json(capsys, serge, tmp_path):
    _, db = serge
    facts = j(capsys, "show", "Victor Serge", "--db", db)["facts"]
    ids = [f["id"] for f in facts]
    assert facts and all(i.startswith("f-") for i in ids) and len(set(ids)) == len(ids)
    code, out, _ = run(capsys, "show", "Victor Serge", "--db", db)
    assert all(i in out for i in ids)
    assert run(capsys, "export", "--to", "json", str(tmp_path / "kb.json"), "--db", db)[0] == 0
    exported = {f["id"] for f in json.loads((tmp_path / "kb.json").read_text())["facts"]}
    assert set(ids) <= exported


def test_reject_fact_removes_it_for_good(capsys, serge):
    docs, db = serge
    facts = j(capsys, "show", "Victor Serge", "--db", db)["facts"]
    bad = next(f for f in facts if f["attribute"] == "spouse")      # "Bolsheviks" as his spouse
    code, out, err = run(capsys, "correct", "reject-fact", bad["id"], "--db", db, "--reason", "not a person")
    assert code == 0, err
    left = j(capsys, "show", "Victor Serge", "--db", db)["facts"]
    assert bad["id"] not in {f["id"] for f in left}
    assert len(left) == len(facts) - 1
    rebuild(capsys, docs, db)
    again = j(capsys, "show", "Victor Serge", "--db", db)["facts"]
    assert bad["id"] not in {f["id"] for f in again}
    assert {f["id"] for f in left} <= {f["id"] for f in again}          # the other ids did not move


def test_split_takes_any_alias_entities_shows(capsys, serge):
    docs, db = serge
    serge_e = next(e for e in j(capsys, "entities", "--db", db) if e["id"] == "p-victor-serge")
    alias = "Victor Kibalchich"
    assert alias in serge_e["aliases"]
    code, out, err = run(capsys, "correct", "split", "p-victor-serge", alias.lower(), "--db", db)
    assert code == 0, err
    for _ in range(2):
        ents = {e["id"]: e for e in j(capsys, "entities", "--db", db)}
        assert alias not in ents["p-victor-serge"]["aliases"]
        new = [e for e in ents.values() if e["name"] == alias]
        assert len(new) == 1 and new[0]["id"].startswith("p-victor-serge--") and new[0]["mentions"] >= 1
        if _ == 0:
            assert ents["p-victor-serge"]["mentions"] == serge_e["mentions"] - new[0]["mentions"]
            rebuild(capsys, docs, db)


def test_merge_of_known_entities_and_pin_date_survive_a_rebuild(capsys, serge):
    docs, db = serge
    ents = {e["name"]: e for e in j(capsys, "entities", "--db", db)}
    vlady = ents["Vlady Kibalchich"]["id"]
    assert run(capsys, "correct", "merge", "p-victor-serge", vlady, "--db", db)[0] == 0
    ev = j(capsys, "timeline", "--db", db)["events"][0]["id"]
    assert run(capsys, "correct", "pin-date", ev, "1912..1917-06", "--db", db)[0] == 0
    for _ in range(2):
        ids = {e["id"] for e in j(capsys, "entities", "--db", db)}
        assert vlady not in ids and "p-victor-serge" in ids
        e = next(e for e in j(capsys, "timeline", "--db", db)["events"] if e["id"] == ev)
        assert (e["date"]["start"], e["date"]["end"], e["date"]["inferred"]) == ("1912", "1917-06", False)
        assert e["date"]["text"] is None and "pinned by the user" in e["note"]     # not the old time expression
        if _ == 0:
            rebuild(capsys, docs, db)


@pytest.mark.parametrize("name", ["%", "L%", "_", "%_%", "", "   "])
def test_show_takes_names_literally(capsys, serge, name):
    _, db = serge
    code, out, err = run(capsys, "show", name, "--db", db)
    assert code == 1 and one_sentence(err) and out == "", (name, out[:80])
    assert "kronika entities" in err
    code2, _, err2 = run(capsys, "timeline", name, "--db", db)          # the same answer as timeline gives
    assert code2 == 1 and one_sentence(err2)


def test_show_still_finds_part_of_a_name(capsys, serge):
    _, db = serge
    assert j(capsys, "show", "Kibalchich", "--db", db)["entity"]["name"]
    assert j(capsys, "show", "victor serge", "--db", db)["entity"]["id"] == "p-victor-serge"


@pytest.mark.parametrize("dct", ["2013-13-45", "2013-02-30", "2013-00", "tomorrow"])
def test_annotate_refuses_a_dct_that_is_no_calendar_date(capsys, dct):
    code, out, err = run(capsys, "annotate", str(EXAMPLES / "01_review_conquered_city.txt"), "--dct", dct)
    assert code == 2 and one_sentence(err) and "ISO date" in err and out == ""
