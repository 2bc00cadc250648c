"""An event told 'eventually' after an anchoring historical event happened after it, not at it."""
from __future__ import annotations


def _release(analyse, text):
    ex = analyse(text)
    return next(e for e in ex.events if e.type == "release")


def test_eventually_after_an_anchor_opens_the_end(analyse):
    e = _release(analyse, "Otto Lenz served in the First World War. The armistice finally came, and Lenz was "
                          "eventually released from the prisoner camp in Kassel.")
    assert e.date.inferred and e.date.start == "1918-11-11" and e.date.end is None


def test_when_the_anchor_happens_the_event_is_dated_to_it(analyse):
    e = _release(analyse, "Otto Lenz served in the First World War. When the armistice came, Lenz was released "
                          "from the camp in Kassel.")
    assert (e.date.start, e.date.end) == ("1918-11-11", "1918-11-11")


def test_an_event_in_its_own_subclause_is_only_bounded_below(analyse):
    ex = analyse("When Germany invaded Poland, Anna Reiter left Warsaw and found a ship to Lisbon as she became "
                 "a refugee in Brazil.")
    left = next(e for e in ex.events if e.type in ("flight", "travel") and "Warsaw" in e.places)
    assert left.date.start and left.date.start.startswith("1939") and left.date.end
    later = [e for e in ex.events if "Brazil" in e.places]
    assert later and later[0].date.start.startswith("1939") and later[0].date.end is None


def test_two_dates_joined_by_to_are_one_interval(analyse):
    ex = analyse("Karl Brenner was imprisoned in Vienna from 1933 to 1938.")
    e = next(e for e in ex.events if e.type == "imprisonment")
    assert (e.date.start, e.date.end) == ("1933", "1938")


def test_an_assassination_of_someone_else_is_not_the_subjects_death(analyse):
    ex = analyse("Nadia Orlova grew up in Kiev after the assassination of Alexander II and died in Paris in 1950.")
    deaths = [e for e in ex.events if e.type == "death"]
    assert all(e.subject != "Nadia Orlova" or "Paris" in e.places for e in deaths)
