"""Event merging, chronology by constraints and conflict detection on hand-made event mentions."""
from __future__ import annotations

import itertools

from hypothesis import given, settings as hsettings, strategies as st

from kronika.reconcile.chronology import iso_to_years, order_events
from kronika.reconcile.conflicts import find_conflicts
from kronika.reconcile.events import merge_events
from kronika.settings import load_settings

_ids = itertools.count(1)


def m(doc, type_, summary, start=0, places=(), parts=(), ds=None, de=None, inferred=False, ord_=0, cue=None,
      subject="p-x", conf=0.85):
    return {"id": next(_ids), "doc": doc, "type": type_, "summary": summary, "trigger": "", "start": start,
            "end": start + 5, "quote": summary, "subject_id": subject, "place_ids": list(places),
            "participant_ids": list(parts), "date_start": ds, "date_end": de, "date_text": None,
            "date_inferred": inferred, "ord": ord_, "confidence": conf, "hedged": 0, "negated": 0, "fiction": 0,
            "cue": cue}


S = load_settings()


def test_same_event_in_two_documents_merges_and_is_corroborated():
    evs = merge_events([m("a", "exile", "Exiled to Orenburg", places=["l-orenburg"]),
                        m("b", "exile", "Sent into exile in Orenburg", places=["l-orenburg"], ds="1933", de="1936")],
                       S, {})
    assert len(evs) == 1 and evs[0]["status"] == "corroborated"
    assert (evs[0]["date_start"], evs[0]["date_end"]) == ("1933", "1936")


def test_different_places_or_disjoint_dates_stay_apart():
    evs = merge_events([m("a", "imprisonment", "Imprisoned in France", places=["l-france"], ds="1912", de="1917"),
                        m("b", "imprisonment", "Imprisoned in Russia", places=["l-russia"], ds="1933", de="1933"),
                        m("c", "imprisonment", "Interned in a camp in France", places=["l-france"], ds="1918",
                          de="1919")], S, {})
    assert len(evs) == 3


def test_mexico_and_mexico_city_are_compatible_for_death():
    names = {"l-mexico": "Mexico", "l-mexico-city": "Mexico City"}
    evs = merge_events([m("a", "death", "Died in Mexico", places=["l-mexico"]),
                        m("b", "death", "Died in Mexico City", places=["l-mexico-city"], ds="1947", de="1947")],
                       S, {}, names)
    assert len(evs) == 1 and evs[0]["status"] == "corroborated"


def test_birth_in_two_incompatible_places_conflicts():
    evs = merge_events([m("a", "birth", "Born in Brussels", places=["l-brussels"]),
                        m("b", "birth", "Born in Paris", places=["l-paris"])], S, {},
                       {"l-brussels": "Brussels", "l-paris": "Paris"})
    assert len(evs) == 1 and evs[0]["status"] == "conflicting"


def test_undated_events_get_bounds_from_dated_neighbours_and_life():
    ms = [m("a", "birth", "Born", ds="1890", de="1890", ord_=0),
          m("a", "imprisonment", "Jailed", ord_=1),
          m("a", "release", "Released", ord_=2, cue="later"),
          m("a", "travel", "Went to Barcelona", ds="1917", de="1917", ord_=3),
          m("a", "death", "Died", ds="1947", de="1947", ord_=4)]
    evs = merge_events(ms, S, {})
    order_events(evs)
    by = {e["summary"]: e for e in evs}
    assert [e["summary"] for e in sorted(evs, key=lambda e: e["rank"])] == \
        ["Born", "Jailed", "Released", "Went to Barcelona", "Died"]
    assert by["Jailed"]["date_inferred"] and by["Jailed"]["date_start"] == "1890"
    assert by["Released"]["date_end"] == "1917"


def test_a_contradicted_cue_is_reported_not_hidden():
    ms = [m("a", "travel", "Went to Mexico", ds="1941", de="1941", ord_=0),
          m("a", "travel", "Went to Paris", ds="1936", de="1936", ord_=1, cue="later")]
    evs = merge_events(ms, S, {})
    order_events(evs)
    assert [e["summary"] for e in sorted(evs, key=lambda e: e["rank"])] == ["Went to Paris", "Went to Mexico"]
    assert "contradict" in next(e for e in evs if e["summary"] == "Went to Paris").get("note", "")


def test_iso_bounds():
    assert iso_to_years("1917", False) == 1917.0
    assert 1917.9 < iso_to_years("1917", True) < 1918
    assert iso_to_years("1918-11", False) < iso_to_years("1918-11-11", False) < iso_to_years("1918-11", True)
    assert iso_to_years(None, True) == float("inf")


@hsettings(max_examples=40, deadline=None)
@given(st.permutations(list(range(6))))
def test_merging_and_order_do_not_depend_on_input_order(perm):
    base = [m("a", "birth", "Born", ds="1890", de="1890", ord_=0, start=1),
            m("b", "birth", "Born in Brussels", places=["l-b"], start=2),
            m("a", "exile", "Exiled to Orenburg", places=["l-o"], ord_=1, start=3),
            m("b", "exile", "Exile in Orenburg", places=["l-o"], ds="1933", de="1936", start=4),
            m("a", "death", "Died", ds="1947", de="1947", ord_=2, start=5),
            m("b", "death", "Died in Mexico City", places=["l-m"], start=6)]
    shuffled = [base[i] for i in perm]
    a = merge_events(base, S, {})
    b = merge_events(shuffled, S, {})
    order_events(a)
    order_events(b)
    key = lambda evs: sorted((e["rank"], e["id"], e["status"], e["date_start"], e["date_end"]) for e in evs)
    assert key(a) == key(b)


def test_conflicts_report_incompatible_values_only():
    def fact(attr, value, iso=None, doc="a"):
        src = [{"doc": doc, "start": 0, "end": 1, "quote": value}]
        f = {"attribute": attr, "value": value, "sources": src}
        if iso:
            f["value_iso"] = iso
            f["date"] = {"start": iso, "end": iso}
        return f
    facts = [fact("death_place", "Mexico City", doc="a"), fact("death_place", "Mexico", doc="b"),
             fact("birth_place", "Brussels", doc="a"), fact("birth_place", "Paris", doc="b"),
             fact("death_date", "1947", "1947"), fact("death_date", "17 November 1947", "1947-11-17", doc="b")]
    out = find_conflicts(facts, [], [], {})
    assert [c["attribute"] for c in out] == ["birth_place"]


def test_mentions_in_the_same_narrative_slot_merge_but_ambiguous_slots_do_not():
    ms = [m("a", "imprisonment", "Locked up", ord_=0, start=10),
          m("a", "exile", "Banished to Tomsk", places=["l-tomsk"], ord_=1, start=20),
          m("b", "imprisonment", "Spent years in a cell", ord_=0, start=10),
          m("b", "exile", "Sent to Tomsk", places=["l-tomsk"], ord_=1, start=20)]
    evs = merge_events(ms, S, {})
    assert {e["type"]: e["status"] for e in evs} == {"imprisonment": "corroborated", "exile": "corroborated"}
    # two candidates of the same type in one document's slot: no guess
    ms2 = ms + [m("b", "imprisonment", "Held in a fortress", ord_=0, start=5)]
    evs2 = merge_events(ms2, S, {})
    assert sum(1 for e in evs2 if e["type"] == "imprisonment") == 3


def test_the_same_exile_dated_a_year_apart_is_one_conflicting_event():
    evs = merge_events([m("a", "exile", "Deported to Orenburg", places=["l-orenburg"], ds="1933", de="1933"),
                        m("b", "exile", "Banished to Orenburg", places=["l-orenburg"], ds="1932", de="1932")], S, {})
    assert len(evs) == 1 and evs[0]["status"] == "conflicting"
    far = merge_events([m("a", "imprisonment", "Jailed in Paris", places=["l-paris"], ds="1912", de="1912"),
                        m("b", "imprisonment", "Jailed in Paris", places=["l-paris"], ds="1940", de="1940")], S, {})
    assert len(far) == 2


def test_joining_and_taking_part_in_one_slot_are_one_event():
    ms = [m("a", "membership", "Joined the opposition", ord_=0, start=10),
          m("a", "exile", "Exiled to Tomsk", places=["l-tomsk"], ord_=1, start=20),
          m("b", "participation", "Took part in the opposition", ord_=0, start=10),
          m("b", "exile", "Sent to Tomsk", places=["l-tomsk"], ord_=1, start=20)]
    evs = merge_events(ms, S, {})
    assert len(evs) == 2 and all(e["status"] == "corroborated" for e in evs)
