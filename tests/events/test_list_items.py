"""Chronologies written as lists: each item is its own sentence, its date label governs it, and a verb
with no subject tells the life of the document's person."""
from __future__ import annotations

TEXT = """# Chronology of Ilse Brandt

- **1921** – Ilse Brandt is born in Kassel.
- **1939** – She moves to Hamburg and joins a theatre company.
- **Summer 1944** – Arrested by the Gestapo and sent to Ravensbrück.
- **1946** – After the war she returns to Kassel.
"""


def test_list_items_are_dated_by_their_labels(analyse):
    ex = analyse(TEXT, name="brandt.md", format="md")
    assert all(e.subject == "Ilse Brandt" for e in ex.events if e.type != "other")
    move = next(e for e in ex.events if "Hamburg" in e.places)
    assert move.date.start == "1939"
    arrest = next(e for e in ex.events if e.type == "imprisonment")
    assert arrest.date.start.startswith("1944")
    ret = next(e for e in ex.events if "Kassel" in e.places and e.type != "birth")
    assert ret.date.start and "1945" <= ret.date.start[:4] <= "1946"


def test_hard_wrapped_prose_is_not_split_at_every_line(nlp):
    doc = nlp("She left Vienna in 1938 and, after a long\njourney through Italy, reached London.\n")
    assert len(list(doc.sents)) == 1
