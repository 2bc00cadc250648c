"""The question answerer's word lists: data, not code, and no name of a particular text among them."""
from __future__ import annotations

import re
import sqlite3

import pytest

from kronika import lexicons, records
from kronika.ask import answer
from kronika.settings import load_settings
from kronika.store.db import connect

TEXT = "Rosa Bell was born in Dover in 1870. Rosa Bell was shot by Serge Marin in York in 1912."


@pytest.fixture
def unmentioned_killer(tmp_path):
    """The killer's name is in no mention (the entity stage missed it): only the capitalised words find it."""
    conn = connect(str(tmp_path / "k.db"), create=True)
    conn.row_factory = sqlite3.Row
    conn.execute("INSERT INTO documents (doc, sha256, chars, text, genre) VALUES ('k.md', 'x', ?, ?, 'biography')",
                 (len(TEXT), TEXT))
    for m in re.finditer(r"[^.]+\.", TEXT):
        a, b = m.start() + len(m.group()) - len(m.group().lstrip()), m.end()
        conn.execute('INSERT INTO sentences (doc, start, "end", text) VALUES (?, ?, ?, ?)', ("k.md", a, b, TEXT[a:b]))
        conn.execute('INSERT INTO sentences_fts (text, doc, start, "end") VALUES (?, ?, ?, ?)', (TEXT[a:b], "k.md", a, b))
    conn.execute("INSERT INTO entities (id, name, type, mentions) VALUES ('p-rosa-bell', 'Rosa Bell', 'PERSON', 2)")
    for m in re.finditer("Rosa Bell", TEXT):
        conn.execute('INSERT INTO mentions (doc, start, "end", text, type, key, entity_id) VALUES (?,?,?,?,?,?,?)',
                     ("k.md", m.start(), m.end(), "Rosa Bell", "PERSON", "Rosa Bell", "p-rosa-bell"))
    conn.commit()
    yield conn
    conn.close()


def test_a_given_name_is_not_a_sentence_opener(unmentioned_killer):
    """A first name of one corpus once sat among the capitalised words that open sentences, so "Serge Marin"
    lost its first name and was no answer; the list holds no name of any text now."""
    assert "Serge" not in lexicons.words("ask", "not_names")
    res = answer(unmentioned_killer, "Who killed Rosa Bell?", load_settings(), top=3)
    assert res["answers"] and res["answers"][0]["text"] == "Serge Marin", res


def test_word_lists_are_data():
    for table in ("stop_words", "relations", "answer_type_words", "kin_words", "irregular_verbs", "not_names",
                  "not_descriptions"):
        assert lexicons.load("ask")[table], table
    assert lexicons.load("ask")["_about"]


def test_relations_name_the_record_vocabulary():
    """The relations a question can ask point at fact attributes and event types the records define."""
    relations = lexicons.mapping("ask", "relations")
    attrs = {a for r in relations.values() for attrs in r["facts"].values() for a in attrs}
    events = {e for r in relations.values() for e in r["events"]}
    assert attrs and attrs <= set(records.FACT_ATTRIBUTES)
    assert events and events <= set(records.EVENT_TYPES)
