"""A timeline worth reading (issue 15): minor mentions join their neighbour event or are left out."""
from __future__ import annotations

import itertools

from kronika.reconcile.events import LONG_TIMELINE, merge_events
from kronika.settings import load_settings

S = load_settings()
_ids = itertools.count(1)


def m(doc, type_, summary, ord_, places=(), parts=(), ds=None, de=None, inferred=False):
    return {"id": next(_ids), "doc": doc, "type": type_, "summary": summary, "trigger": "", "start": ord_ * 100,
            "end": ord_ * 100 + 5, "quote": summary, "subject_id": "p-x", "place_ids": list(places),
            "participant_ids": list(parts), "date_start": ds, "date_end": de, "date_text": None,
            "date_inferred": inferred, "ord": ord_, "confidence": 0.85, "hedged": 0, "negated": 0, "fiction": 0,
            "cue": None}


def test_a_bare_word_in_a_biography_is_no_event_but_a_self_telling_one_is():
    ms = [m("a", "education", "Studied at Lyon", 0, places=["l-lyon"], ds="1890", de="1890"),
          m("a", "discovery", "Invention", 5), m("a", "release", "Released", 6)]
    got = [e["summary"] for e in merge_events(ms, S, {"a": "biography"})]
    assert got == ["Studied at Lyon", "Released"]
    assert [e["summary"] for e in merge_events(ms, S, {"a": "review"})] == ["Studied at Lyon", "Invention", "Released"]


def test_in_a_long_biography_minor_mentions_join_their_neighbour():
    ms = [m("a", "travel", f"Travelled to place {i}", i * 10, places=[f"l-p{i}"], ds=str(1850 + i), de=str(1850 + i))
          for i in range(LONG_TIMELINE + 2)]
    ms += [m("a", "travel", "Travelled widely", 11), m("a", "role", "Worked in the canteen", 500)]
    evs = merge_events(ms, S, {"a": "biography"})
    assert len(evs) == LONG_TIMELINE + 2
    host = next(e for e in evs if e["summary"] == "Travelled to place 1")
    assert len(host["mention_ids"]) == 2 and len(host["members"]) == 1     # a source, not a say in the order
    short = merge_events(ms[:3] + ms[-2:], S, {"a": "biography"})
    assert len(short) == 5                                                  # a short chronicle keeps them


def test_a_meeting_with_nobody_named_is_no_event():
    ms = [m("a", "meeting", "Met in Halle", 3, places=["l-halle"]), m("a", "meeting", "Met Anna Weil", 4, parts=["p-weil"])]
    assert [e["summary"] for e in merge_events(ms, S, {"a": "biography"})] == ["Met Anna Weil"]
