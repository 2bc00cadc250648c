"""Chronology: lead and thematic mentions impose no narrative order; bounds at the evidence's precision.

Invented people and dates."""
from __future__ import annotations

import itertools

from kronika.reconcile.chronology import order_events, tidy_interval
from kronika.reconcile.events import merge_events
from kronika.settings import load_settings

S = load_settings()
_ids = itertools.count(1)


def m(type_, summary, start, ds=None, de=None, cue=None, inferred=False):
    return {"id": next(_ids), "doc": "a", "type": type_, "summary": summary, "trigger": "", "start": start,
            "end": start + 5, "quote": summary, "subject_id": "p-x", "place_ids": [], "participant_ids": [],
            "date_start": ds, "date_end": de, "date_text": None, "date_inferred": inferred, "ord": start,
            "confidence": 0.85, "hedged": False, "fiction": False, "cue": cue}


def ranked(evs):
    return [e["summary"] for e in sorted(evs, key=lambda e: e["rank"])]


def test_lead_and_thematic_mentions_do_not_order_the_story():
    ms = [m("award", "Won the Gold Medal", 0, cue="§lead"),      # the lead sums the life up first
          m("birth", "Born", 10, "1850", "1850"),
          m("residence", "Moved to Breslau", 20, "1868", "1868"),
          m("marriage", "Married Anna Lenz", 30, "1875", "1875"),
          m("death", "Died", 40, "1921", "1921"),
          m("role", "Trained engravers", 50, cue="§theme")]
    evs = merge_events(ms, S, {})
    order_events(evs)
    got = ranked(evs)
    assert got[0] == "Born" and got[-1] == "Died"
    assert got.index("Won the Gold Medal") > got.index("Moved to Breslau")
    # a thematic statement with only the life's bounds sits inside the life, not at its start
    assert got.index("Trained engravers") > got.index("Moved to Breslau")


def test_ties_follow_the_narrative():
    ms = [m("birth", "Born", 0, "1850", "1850"),
          m("residence", "Moved to Lodz", 10, "1870", "1875", inferred=True),
          m("meeting", "Met Jan", 20, "1870", "1875", inferred=True),
          m("death", "Died", 30, "1921", "1921")]
    evs = merge_events(ms, S, {})
    order_events(evs)
    assert ranked(evs) == ["Born", "Moved to Lodz", "Met Jan", "Died"]


def test_tidy_interval_keeps_one_precision():
    assert tidy_interval("1890", "1890-12-31") == ("1890", "1890")
    assert tidy_interval("1890-01-01", "1891") == ("1890", "1891")
    assert tidy_interval("1890-06", "1890-06-30") == ("1890-06", "1890-06")
    assert tidy_interval("1890-03-04", "1890-05-31") == ("1890-03-04", "1890-05-31")
    assert tidy_interval("1890", None) == ("1890", None)
