"""The display layer of the web app: dates at the evidence's precision, the window a timeline opens on,
conflicts in words, which entities are drawn, full-text passages, one person's circle."""
from __future__ import annotations

import pytest

from kronika.serve import display


@pytest.mark.parametrize("start,end,want", [
    ("1885", "1885", "1885"),
    ("1885", "1887", "1885–1887"),
    ("1890", "1890-12-31", "1890"),            # never "1890–1890-12-31"
    ("1890-01-01", "1890-12-31", "1890"),
    ("1917-03", "1917-05", "March–May 1917"),
    ("1917-03-01", "1917-03-31", "March 1917"),
    ("1890-12-30", "1890-12-30", "30 December 1890"),
    ("1890-12-30", "1890-12-31", "30–31 December 1890"),
    ("1890-12-30", "1891-01-02", "30 December 1890 – 2 January 1891"),
    ("1919", None, "after 1919"),
    (None, "1843", "before 1843"),
    (None, None, "undated"),
    ("-0044-03-15", "-0044-03-15", "15 March 44 BC"),
    ("1900-02-29", "1900-02-29", "1900"),      # no such day: read as the year, not a crash
])
def test_labels_at_the_evidence_precision(start, end, want):
    got = display.label(start, end)
    if start == "1900-02-29":
        assert "29" not in got
    else:
        assert got == want


def _ev(type_, start, end=None, inferred=False):
    return {"type": type_, "date": {"start": start, "end": end or start, "inferred": inferred}}


def test_window_is_the_life_not_the_outliers():
    evs = [_ev("residence", "1522"), _ev("birth", "1879"), _ev("education", "1897"), _ev("death", "1940"),
           _ev("other", "2015")]
    w = display.life_window(evs)
    assert "1870" <= w["start"] < "1879" and "1940" < w["end"] <= "1945"


def test_window_without_birth_or_death_is_the_dense_span():
    evs = [_ev("residence", "1522")] + [_ev("travel", str(y)) for y in (1901, 1905, 1910, 1921, 1933)] + \
          [_ev("other", "1850", "1990")]  # a vague range is not a well-dated event
    w = display.life_window(evs)
    assert "1895" <= w["start"] <= "1901" and "1933" < w["end"] <= "1940-12-31"


def test_inferred_birth_does_not_set_the_window():
    evs = [_ev("birth", None, "1843", inferred=True), _ev("death", "1913")] + [_ev("travel", str(y)) for y in (1848, 1862)]
    w = display.life_window(evs, [{"attribute": "birth_date", "value_iso": "1823", "date": {"start": "1823"}}])
    assert w["start"] <= "1823-01-01"


def test_coarser_date_containing_the_finer_one_agrees():
    raw = [{"attribute": "birth_date", "claims": [
        {"value": "30 December 1890", "value_iso": "1890-12-30", "sources": [{"doc": "a", "start": 0, "end": 1, "quote": "x"}]},
        {"value": "1890", "value_iso": "1890", "sources": [{"doc": "b", "start": 0, "end": 1, "quote": "y"}]}]}]
    assert display.conflicts_in_words(raw) == []


def test_conflict_in_words_side_by_side():
    s = lambda d: [{"doc": d, "start": 0, "end": 1, "quote": d}]  # noqa: E731
    raw = [{"attribute": "event:birth", "event": "ev-1", "summary": "Born in Brussels", "claims": [
        {"value": "1890-12-30", "sources": s("a")}, {"value": "1890-12-31", "sources": s("b")},
        {"value": "1890", "sources": s("c")}]},
        {"attribute": "event:exile", "event": "ev-2", "summary": "Exiled", "claims": [
            {"value": "1933..1934", "sources": s("a")}, {"value": "1936", "sources": s("b")}]}]
    out = display.conflicts_in_words(raw)
    assert [x["words"] for x in out[0]["sides"]] == ["born 30 December 1890", "born 31 December 1890"]
    assert {x["doc"] for x in out[0]["sides"][0]["sources"]} == {"a", "c"}  # the year joins a side
    assert out[1]["title"] == "Exiled" and [x["words"] for x in out[1]["sides"]] == ["exiled 1933–1934", "exiled 1936"]
    assert all(":" not in c["title"] for c in out)  # never a raw key such as event:exile


def test_settled_status_when_the_only_conflict_was_an_agreement():
    events = [{"id": "ev-1", "status": "conflicting", "sources": [{"doc": "a"}, {"doc": "b"}]},
              {"id": "ev-2", "status": "conflicting", "sources": [{"doc": "a"}]}]
    raw = [{"event": "ev-1"}, {"event": "ev-2"}]
    display.settle_statuses(events, raw, [{"event": "ev-2"}])
    assert [e["status"] for e in events] == ["corroborated", "conflicting"]


@pytest.mark.parametrize("name,type_,timeline,drawn", [
    ("Victor Serge", "PERSON", True, True), ("Leon Trotsky", "PERSON", False, True),
    ("German", "PERSON", False, False), ("Germans", "PERSON", False, False), ("Duma", "PERSON", False, False),
    ("Mireille Dufour,[61", "PERSON", False, False), ("Alexander Fleming Building", "PERSON", False, False),
    ("Bolsheviks", "ORG", False, True), ("ARTHUR ASHER MILLER", "ORG", False, False), ("Paris", "PERSON", False, False),
    ("Brussels", "ORG", False, False), ("Cheka", "ORG", False, True), ("Orenburg", "PLACE", False, False),
])
def test_only_plausible_people_and_organisations_are_drawn(name, type_, timeline, drawn):
    assert display.is_drawn({"name": name, "type": type_}, timeline) is drawn


# ---- on a store ---------------------------------------------------------------------------------

def test_full_text_passages_link_to_their_place(chronicle_db):
    from kronika.store.db import Store
    from kronika.store.web_reads import search_passages

    with Store(chronicle_db, readonly=True) as st:
        hits = search_passages(st.conn, "russian exile")  # stemmed: "exiles" in the text
        text = st.conn.execute("SELECT text FROM documents WHERE doc = ?", (hits[0]["doc"],)).fetchone()[0]
        assert hits and hits[0]["doc"] == "a_serge_life.txt"
        h = hits[0]
        assert text[h["start"]:h["end"]] == h["text"]  # the sentence at its offsets
        assert [p for p, hit in h["parts"] if hit] == ["Russian", "exiles"]
        assert search_passages(st.conn, 'NEAR( "x" OR * ^') == []  # FTS syntax in a query is just words
        assert search_passages(st.conn, "   ") == []


def test_network_opens_on_one_circle(unicode_db):
    from kronika.serve import views
    from kronika.store.db import Store

    with Store(unicode_db, readonly=True) as st:
        snap = views.snapshot(st.conn, unicode_db)
        n = views.network(snap)
        assert n["subject"]["name"] == "Maria Sousa"
        assert {x["name"] for x in n["nodes"]} == {"Maria Sousa", "João Pinto"}  # not "German"
        assert n["edges"][0]["labels"] == ["meeting", "met", "worked_with"]
        assert len(views.network(snap, limit=1)["nodes"]) == 2  # the subject and at least one other


def test_window_trusts_the_facts_over_a_vague_death_event():
    # seen on Lincoln's page: a death event read as 1786..1865-04 and a stray 1777, facts 1809 and 1865
    evs = [_ev("death", "1786", "1865-04"), _ev("birth", "1777"), _ev("travel", "1861", "1865", inferred=True),
           _ev("role", None, "1979"), _ev("release", "2009")]
    facts = [{"attribute": "birth_date", "value_iso": "1809-02-12", "date": {"start": "1809-02-12"}},
             {"attribute": "death_date", "value_iso": "1865-04-15", "date": {"start": "1865-04-15"}}]
    w = display.life_window(evs, facts)
    assert "1805" <= w["start"] <= "1809" and "1865" <= w["end"] <= "1869-12-31"


def test_one_stray_event_does_not_make_a_word_a_person():
    from kronika.serve import views

    ents = {"p-duma": {"id": "p-duma", "name": "Duma", "type": "PERSON", "mentions": 6},
            "p-kerensky": {"id": "p-kerensky", "name": "Kerensky", "type": "PERSON", "mentions": 50}}
    ev = lambda sid, t: {"subject": {"id": sid}, "type": t, "participants": []}  # noqa: E731
    snap = {"entity_index": ents, "relations": [], "events": [],
            "events_by_subject": {"p-duma": [ev("p-duma", "other")],
                                  "p-kerensky": [ev("p-kerensky", "birth")]}}
    drawn = views.graph(snap)["drawn"]
    assert drawn == {"p-kerensky"}


def test_a_place_and_a_date_are_not_two_sides_of_a_conflict():
    s = lambda d: [{"doc": d, "start": 0, "end": 1, "quote": d}]  # noqa: E731
    raw = [{"attribute": "event:death", "event": "ev-1", "summary": "Assassinated in Mexico", "claims": [
        {"value": "Mexico City", "sources": s("a")}, {"value": "1940-08-20", "sources": s("b")},
        {"value": "1940-08-21", "sources": s("c")}]},
        {"attribute": "event:birth", "event": "ev-2", "summary": "Born", "claims": [
            {"value": "Mexico", "sources": s("a")}, {"value": "Mexico City", "sources": s("b")},
            {"value": "1879", "sources": s("c")}]}]
    out = display.conflicts_in_words(raw)
    assert len(out) == 1
    assert [x["words"] for x in out[0]["sides"]] == ["died 20 August 1940", "died 21 August 1940"]
