"""Entities after a build: a lone surname shared by relatives is the document's protagonist."""
from __future__ import annotations

from kronika.build import build
from kronika.settings import load_settings
from kronika.store import reads
from kronika.store.db import Store

TEXT = ("Clara Weiss was born in Lodz in 1880. Her father, Abraham Weiss, was a tailor. "
        "Weiss moved to Berlin in 1899. Weiss joined the Social Democratic Party in 1901. "
        "In 1910 Weiss was arrested in Berlin. Weiss died in Zurich in 1950.\n")


def test_lone_surname_joins_the_protagonist(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "weiss.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "k.db")
    build([str(tmp_path / "c")], db, load_settings())
    with Store(db, readonly=True) as st:
        people = {e["name"]: e for e in reads.entities(st.conn, "PERSON")}
        tl = reads.timeline(st.conn, None)
    assert tl["subject"]["name"] == "Clara Weiss"
    assert "Weiss" not in people or people["Weiss"]["mentions"] == 0
    assert people["Clara Weiss"]["mentions"] >= 5


def test_one_birth_date_per_document(tmp_path):
    text = ("Marta Kell (born 3 May 1901) was a Czech translator. She was born in Brno. "
            "Her son Pavel Kell was born on 9 June 1930 in Prague. Marta Kell died in 1977.\n")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "kell.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "k.db")
    build([str(tmp_path / "c")], db, load_settings())
    with Store(db, readonly=True) as st:
        facts = reads.show(st.conn, "Marta Kell")["facts"]
    assert [f["value_iso"] for f in facts if f["attribute"] == "birth_date"] == ["1901-05-03"]
