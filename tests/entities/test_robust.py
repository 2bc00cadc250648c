"""Untrusted input: the entity layers never crash and offsets stay exact."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from kronika.extract.entities import extract_mentions

WORDS = ["Serge", "'", "‘", "’", "\"", "(", ")", "1951", "novel", "The", "of", "and", "Petrograd", "Comrade",
         "General", "his", "Review", ":", "–", "by", "Anna", "Marek's", "Marek", "in", "Oslo", "(FTW)", "\n", ".",
         "Federation", "Workers", "Trotskyism", "Battle", "War", "Congress", "Fifth", "[12]", "Saint", " "]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.text(max_size=30))
def test_never_crashes_and_offsets_are_exact(nlp, words, noise):
    text = " ".join(words) + noise
    for m in extract_mentions(nlp(text)):
        assert text[m.start:m.end] == m.text
        assert m.text.strip() == m.text and m.text
        assert m.type in ("PERSON", "PLACE", "ORG", "WORK", "EVENT")


def test_empty_and_blank_documents(nlp):
    assert extract_mentions(nlp("")) == []
    assert extract_mentions(nlp("   \n\n   ")) == []
