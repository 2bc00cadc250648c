"""store.questions: the typed reads of `kronika ask` on a small hand-filled database."""
from __future__ import annotations

import pytest

from kronika.records import Timex
from kronika.store import questions as q
from kronika.store.db import connect

TEXT = "Intro.\n\nAnna Weber was born in Lyon in 1881. She wrote \"Winter\" in 1921."


@pytest.fixture
def conn(tmp_path):
    c = connect(str(tmp_path / "q.db"), create=True)
    c.execute("INSERT INTO documents (doc, sha256, chars, text, about) VALUES ('a.txt', 'x', ?, ?, 'Winter')",
              (len(TEXT), TEXT))
    for s in ("Anna Weber was born in Lyon in 1881.", 'She wrote "Winter" in 1921.'):
        a = TEXT.index(s)
        c.execute('INSERT INTO sentences (doc, start, "end", text) VALUES (?, ?, ?, ?)', ("a.txt", a, a + len(s), s))
        c.execute('INSERT INTO sentences_fts (text, doc, start, "end") VALUES (?, ?, ?, ?)', (s, "a.txt", a, a + len(s)))
    c.execute("INSERT INTO entities (id, name, type, mentions) VALUES ('p-anna-weber', 'Anna Weber', 'PERSON', 1),"
              " ('l-lyon', 'Lyon', 'PLACE', 0)")
    c.execute("INSERT INTO aliases VALUES ('p-anna-weber', 'Weber')")
    a = TEXT.index("Anna Weber")
    c.execute('INSERT INTO mentions (doc, start, "end", text, type, key, entity_id) VALUES (?,?,?,?,?,?,?)',
              ("a.txt", a, a + 10, "Anna Weber", "PERSON", "Anna Weber", "p-anna-weber"))
    a = TEXT.index("1881")
    c.execute('INSERT INTO timexes (doc, start, "end", text, type, value, earliest, latest)'
              " VALUES ('a.txt', ?, ?, '1881', 'DATE', '1881', '1881-01-01', '1881-12-31')", (a, a + 4))
    c.execute("INSERT INTO stripped (doc, start, \"end\", text, reason) VALUES ('a.txt', 0, 6, 'Intro.', 'boilerplate')")
    c.commit()
    yield c
    c.close()


def test_names_and_types(conn):
    names = q.entity_names(conn)
    assert q.EntityName("p-anna-weber", "Weber", "PERSON", 1) in names
    assert {n.name for n in names} == {"Anna Weber", "Lyon", "Weber"}
    assert sorted(q.known_names(conn)) == ["Anna Weber", "Weber"]      # Lyon is never mentioned
    assert q.entity_type(conn, "l-lyon") == "PLACE" and q.entity_type(conn, "nobody") is None


def test_full_text_reads_take_plain_words(conn):
    assert q.has_sentence_with_all(conn, ["Weber", "Lyon"])
    assert not q.has_sentence_with_all(conn, ["Weber", "Geneva"])
    assert not q.has_sentence_with_all(conn, [])
    assert q.sentences_with_any(conn, [], 10) == [] and q.ranked_sentences(conn, [], 10) == []
    assert q.ranked_sentences(conn, ['say "AND" OR', "NEAR("], 10) == []     # no word is read as FTS5 syntax
    hits = q.ranked_sentences(conn, ["wrote", "Geneva"], 10)
    assert [h.text for h in hits] == ['She wrote "Winter" in 1921.']
    assert hits[0].rank < 0 and TEXT[hits[0].start:hits[0].end] == hits[0].text
    assert len(q.sentences_with_any(conn, ["born", "wrote"], 10)) == 2


def test_sentences_and_documents(conn):
    a = TEXT.index("Lyon")
    s = q.sentence_around(conn, "a.txt", a, a + 4)
    assert s == q.Sentence("a.txt", TEXT.index("Anna"), TEXT.index("Anna") + 36, "Anna Weber was born in Lyon in 1881.")
    assert q.sentence_around(conn, "a.txt", 0, 3) is None
    assert [x.text[:3] for x in q.sentences_of(conn, "a.txt")] == ["Ann", "She"]
    assert q.document_text(conn, "a.txt") == TEXT and q.document_text(conn, "b.txt") == ""
    assert q.document_about(conn, "a.txt") == "Winter" and q.document_about(conn, "b.txt") is None
    assert q.stripped_spans(conn, "a.txt") == [(0, 6)]


def test_mentions_and_timexes_are_records(conn):
    (m,) = q.mentions_of(conn, "a.txt")
    assert m == q.EntityMention(m.start, m.start + 10, "Anna Weber", "PERSON", "p-anna-weber")
    (t,) = q.timexes_of(conn, "a.txt")
    assert isinstance(t, Timex) and (t.text, t.value, t.earliest, t.latest) == ("1881", "1881", "1881-01-01",
                                                                                "1881-12-31")
    with pytest.raises(AttributeError):
        m.text = "x"
