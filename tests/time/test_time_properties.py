"""Hypothesis properties: never raises, bounds ordered, offsets round-trip."""
from hypothesis import given, settings, strategies as st

from kronika.extract.time.normalise import find_candidates, normalise
from kronika.extract.time.values import bounds

WORDS = st.sampled_from(["in", "the", "1917", "May", "spring", "of", "two", "years", "later", "ago", "mid", "1930s",
                         "last", "week", "Tuesday", "12:24", "century", "every", "now", "first", "half", "early",
                         "-", ",", "O.S.", "(", ")", "a", "couple", "after", "war", "armistice", "3", "October"])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_normalise_never_raises(s):
    normalise(s)
    normalise(s, "2001-05-06")


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=14).map(" ".join), st.sampled_from([None, "1998-02-06", "2011-09-28T12:24"]))
def test_candidates_have_ordered_bounds_and_exact_offsets(text, dct):
    for c in find_candidates(text, dct):
        assert 0 <= c.start < c.end <= len(text)
        if c.earliest and c.latest:
            assert c.earliest <= c.latest


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-XWQHSUPFAIT", max_size=12), st.sampled_from([None, "START", "MID", "END",
                                                                               "BEFORE", "AFTER", "APPROX"]))
def test_bounds_never_raise_and_are_ordered(value, mod):
    lo, hi = bounds(value, mod)
    if lo and hi:
        assert lo <= hi


@settings(max_examples=50, deadline=None)
@given(st.lists(WORDS, max_size=20).map(" ".join))
def test_extract_offsets_round_trip(text):
    import spacy
    from kronika.extract.time import extract_timexes
    for t in extract_timexes(spacy.blank("en")(text)):
        assert text[t.start:t.end] == t.text
        if t.earliest and t.latest:
            assert t.earliest <= t.latest
