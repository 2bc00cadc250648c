"""refine_dates on events: a lead statement that repeats a dated one of the story takes its interval.

Invented people and places."""
from __future__ import annotations

from kronika.extract.events.dates import refine_dates
from kronika.records import Event, EventDate, Source

TEXT = ("TOMASZ WIRT (12 March 1850 – 3 June 1921) was an engraver who travelled to Lisbon.\n\nEarly life\n\n"
        "In 1870 he sailed to Lisbon. He met Anna there.\n")


def ev(type_, phrase, places=(), date=EventDate(), subject="Tomasz Wirt"):
    i = TEXT.index(phrase)
    return Event(type=type_, subject=subject, summary=phrase, source=Source("d", i, i + len(phrase), phrase),
                 places=tuple(places), date=date)


def test_lead_echo_takes_the_story_date_and_narrative_dates_follow():
    evs = [ev("travel", "travelled to Lisbon", ["Lisbon"]),
           ev("travel", "he sailed to Lisbon", ["Lisbon"], EventDate("1870", "1870", "1870")),
           ev("meeting", "He met Anna")]
    got = refine_dates(evs, TEXT, [], "Tomasz Wirt")
    by = {e.summary: e for e in got}
    assert (by["travelled to Lisbon"].date.start, by["travelled to Lisbon"].date.inferred) == ("1870", True)
    assert by["travelled to Lisbon"].cue.startswith("§lead")
    # the lead's dates became the subject's birth and death
    assert [(e.type, e.date.start) for e in got if e.type in ("birth", "death")] == [("birth", "1850-03-12"),
                                                                                     ("death", "1921-06-03")]


def test_a_text_without_life_dates_is_left_as_it_is():
    text = "In 1870 he sailed to Lisbon. He met Anna there."
    e = Event(type="meeting", subject="X", summary="met", source=Source("d", 29, 40, "He met Anna"))
    assert refine_dates([e], text, [], "X") == [e]
