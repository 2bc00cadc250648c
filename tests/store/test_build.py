"""Build, rebuild, change, remove: the database follows the files and nothing is done twice."""
from __future__ import annotations

import json
import sqlite3

from kronika.build import build, remove
from kronika.settings import load_settings
from kronika.store import reads
from kronika.store.db import Store


def test_build_stores_every_document_and_quotes_round_trip(corpus, tmp_path, snapshot):
    db = str(tmp_path / "k.db")
    rep = build([str(corpus)], db, load_settings())
    assert (rep.added, rep.failed) == (3, 0)
    kb = snapshot(db)
    texts = {d["doc"]: d["text"] for d in kb["documents"]}
    assert set(texts) == {"goldman.txt", "berkman.md", "review.txt"}
    for ev in kb["events"]:
        for s in ev["sources"]:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]
    for d in kb["documents"]:
        for s in d["stripped"]:
            assert texts[d["doc"]][s["start"]:s["end"]] == s["text"]


def test_rebuilding_the_same_files_changes_nothing(corpus, tmp_path, snapshot):
    db = str(tmp_path / "k.db")
    build([str(corpus)], db, load_settings())
    first = snapshot(db)
    rep = build([str(corpus)], db, load_settings())
    assert (rep.added, rep.replaced, rep.unchanged) == (0, 0, 3)
    assert snapshot(db) == first


def test_a_changed_file_replaces_its_old_version(corpus, tmp_path, snapshot):
    db = str(tmp_path / "k.db")
    build([str(corpus)], db, load_settings())
    (corpus / "berkman.md").write_text("Alexander Berkman died in Nice in 1936.\n", encoding="utf-8")
    rep = build([str(corpus)], db, load_settings())
    assert (rep.replaced, rep.unchanged) == (1, 2)
    kb = snapshot(db)
    text = next(d["text"] for d in kb["documents"] if d["doc"] == "berkman.md")
    assert "Pennsylvania" not in text
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 3
        assert c.execute("SELECT COUNT(*) FROM mentions WHERE doc='berkman.md' AND text='Pennsylvania'").fetchone()[0] == 0


def test_remove_takes_out_everything_only_that_document_supported(corpus, tmp_path, snapshot):
    db = str(tmp_path / "k.db")
    build([str(corpus)], db, load_settings())
    assert remove(["berkman.md"], db, load_settings()) == 1
    kb = snapshot(db)
    assert "berkman.md" not in {d["doc"] for d in kb["documents"]}
    for key in ("events", "facts", "relations", "claims"):
        for item in kb[key]:
            assert all(s["doc"] != "berkman.md" for s in item["sources"])
    assert all("berkman.md" not in e["docs"] for e in kb["entities"])


def test_build_order_does_not_change_the_knowledge_base(corpus, tmp_path, snapshot):
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    build([str(corpus)], a, load_settings())
    files = sorted(corpus.iterdir(), reverse=True)
    for f in files:
        build([str(f)], b, load_settings())
    ka, kb = snapshot(a), snapshot(b)
    for k in ("documents", "entities", "events", "facts", "relations", "claims"):
        assert ka[k] == kb[k], k


def test_failures_are_recorded_and_the_build_goes_on(corpus, tmp_path, snapshot):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 20)
    db = str(tmp_path / "k.db")
    rep = build([str(corpus)], db, load_settings())
    assert rep.added == 3 and rep.failed == 2
    with Store(db, readonly=True) as st:
        fails = {f["doc"]: f["reason"] for f in reads.failures(st.conn)}
    assert set(fails) == {"empty.txt", "binary.txt"}
    assert all(r and "\n" not in r for r in fails.values())


def test_reconciling_with_nothing_changed_redoes_no_events(corpus, tmp_path, monkeypatch):
    import kronika.reconciling as ev_mod
    from kronika.reconciling import reconcile

    db = str(tmp_path / "k.db")
    build([str(corpus)], db, load_settings())
    seen = []
    orig = ev_mod.merge_events
    monkeypatch.setattr(ev_mod, "merge_events", lambda rows, *a, **k: seen.append(len(rows)) or orig(rows, *a, **k))
    with Store(db) as st:
        reconcile(st, load_settings())
    assert seen == [0]


def test_places_are_geocoded_once_and_read_back(corpus, tmp_path):
    from kronika.reconciling import place_geo
    assert place_geo("Mexico City") == {"lat": place_geo("Mexico City")["lat"], "lon": place_geo("Mexico City")["lon"],
                                        "country": "MX"}
    assert place_geo("Nowhere-in-particular") is None
    db = str(tmp_path / "k.db")
    build([str(corpus)], db, load_settings())
    with Store(db, readonly=True) as st:
        geo = reads.places_geo(st.conn)
        ents = reads.entities(st.conn)
    places = [e for e in ents if e["type"] == "PLACE"]
    assert any("geo" in e for e in places) and not any("geo" in e for e in ents if e["type"] != "PLACE")
    for e in places:
        if "geo" in e:
            assert geo[e["id"]] == e["geo"] and e["geo"]["country"]


def test_a_database_of_the_previous_schema_is_upgraded_and_refilled(corpus, tmp_path):
    """A database of schema 3 (JSON provenance columns, no country) is upgraded on open: its provenance moves
    into the link tables, the JSON columns go, and the next build fills in the countries."""
    from kronika.store.schema import MIGRATIONS, _statements
    db = str(tmp_path / "k.db")
    conn = sqlite3.connect(db)
    for sql in MIGRATIONS[:3]:
        for stmt in _statements(sql):
            conn.execute(stmt)
    with conn:
        conn.execute("PRAGMA user_version = 3")
        conn.execute("INSERT INTO documents(doc, sha256, text, chars) VALUES ('a.txt', 'x', 'Ann was born in Paris.', 22)")
        conn.execute("INSERT INTO fact_mentions(id, doc, subject_key, attribute, value, confidence, start, \"end\", quote)"
                     " VALUES (7, 'a.txt', 'Ann', 'birth_place', 'Paris', 0.9, 0, 22, 'Ann was born in Paris.')")
        conn.execute("INSERT INTO facts(id, subject_id, attribute, value, confidence, mention_ids)"
                     " VALUES (1, 'p-ann', 'birth_place', 'Paris', 0.9, '[7, 99]')")
        conn.execute("INSERT INTO events(id, subject_id, type, summary, confidence, status, places, participants)"
                     " VALUES ('e1', 'p-ann', 'birth', 'born', 0.9, 'single', '[\"l-paris\", \"l-france\"]', '[]')")
        conn.execute("INSERT INTO entities(id, name, type, mentions, docs) VALUES ('p-ann', 'Ann', 'PERSON', 1,"
                     " '[\"a.txt\", \"gone.txt\"]')")
    conn.close()
    with Store(db) as st:
        c = st.conn

        def rows(q):
            return [tuple(r) for r in c.execute(q)]
        assert c.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert rows("SELECT fact_id, mention_id FROM fact_sources") == [(1, 7)]   # 99: no such row
        assert rows('SELECT entity_id FROM event_places ORDER BY "order"') == [("l-paris",), ("l-france",)]
        assert rows("SELECT entity_id, doc FROM entity_documents") == [("p-ann", "a.txt")]
        cols = {t: {r[1] for r in c.execute(f"PRAGMA table_info({t})")} for t in ("facts", "events", "entities")}
        assert "mention_ids" not in cols["facts"] and "places" not in cols["events"] and "docs" not in cols["entities"]
        assert "country" in cols["entities"]
        assert rows("SELECT doc FROM dirty_docs") == [("a.txt",)]
        assert reads.facts_of(c, "p-ann")[0]["sources"] == [{"doc": "a.txt", "start": 0, "end": 22,
                                                              "quote": "Ann was born in Paris."}]


def test_a_rebuilt_database_keeps_provenance_in_link_tables(corpus, tmp_path):
    db = str(tmp_path / "k.db")
    build([str(corpus)], db, load_settings())
    with Store(db, readonly=True) as st:
        c = st.conn
        for table, link in (("facts", "fact_sources"), ("relations", "relation_sources"), ("claims", "claim_sources")):
            n = c.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            linked = c.execute(f"SELECT COUNT(DISTINCT {table[:-1]}_id) FROM {link}").fetchone()[0]
            assert n == linked
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        assert c.execute("SELECT COUNT(*) FROM entity_documents").fetchone()[0] > 0
        assert c.execute("SELECT COUNT(*) FROM event_places").fetchone()[0] > 0


def test_a_recreated_events_or_entities_table_leaves_no_stale_links(corpus, tmp_path):
    """A repaired database (a reconciled table lost and recreated empty) keeps link rows of the lost table's
    records; the next reconciliation clears them instead of failing on their keys."""
    from kronika.reconciling import reconcile
    db = str(tmp_path / "k.db")
    build([str(corpus)], db, load_settings())
    with Store(db) as st:
        before = reads.export_all(st.conn)
        st.conn.execute("PRAGMA foreign_keys = OFF")
        with st.conn:
            st.conn.execute("DELETE FROM events")         # what DROP + CREATE of a lost table leaves behind
            st.conn.execute("DELETE FROM entities")
        st.conn.execute("PRAGMA foreign_keys = ON")
        reconcile(st, load_settings(), full=True)
        assert reads.export_all(st.conn) == before


def test_a_read_of_an_older_schema_says_to_build_once(tmp_path):
    """A read-only command cannot upgrade the file: it says how to (exit 1, one sentence), instead of
    failing later on a table the older schema lacks."""
    import pytest

    from kronika.errors import StoreError
    from kronika.store.schema import MIGRATIONS, _statements
    db = str(tmp_path / "k.db")
    conn = sqlite3.connect(db)
    for sql in MIGRATIONS[:3]:
        for stmt in _statements(sql):
            conn.execute(stmt)
    with conn:
        conn.execute("PRAGMA user_version = 3")
    conn.close()
    with pytest.raises(StoreError, match="older kronika.*kronika build PATH --db"):
        Store(db, readonly=True)
    with Store(db):                       # a writing open upgrades it
        pass
    with Store(db, readonly=True) as st:
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
