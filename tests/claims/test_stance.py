"""The stance lexicon and negation rules, on sentences written for the tests."""
from __future__ import annotations

import pytest

from kronika.extract.claims.stance import find_cues, lexicon, span_stance, words


def stance(nlp, text):
    d = nlp(text)
    return span_stance(d, find_cues(d), 0, len(d))[0]


def test_lexicon_is_documented_and_large():
    lex = lexicon()
    assert lex["_about"]
    assert len(lex["positive"]) + len(lex["negative"]) >= 300
    for tier in ("positive", "negative", "positive_weak", "negative_weak"):
        for entry in lex[tier]:
            word = entry.split("/")[0]
            assert entry == entry.strip() and word.lower() == word, entry
    assert "slander" in words("verbs_negative") and "praise" in words("verbs_positive")


@pytest.mark.parametrize("text,expected", [
    ("It is a remarkable book.", "positive"),
    ("It is not a good novel.", "negative"),
    ("The mayor was never competent and his plan was a disgrace.", "negative"),
    ("She never gave up.", "positive"),
    ("He is not only a poet but a brilliant essayist.", "positive"),
    ("I cannot think of a better biography.", "positive"),
    ("The plot is predictable and the dialogue clumsy.", "negative"),
    ("The train left at noon.", "neutral"),
])
def test_span_stance(nlp, text, expected):
    assert stance(nlp, text) == expected


def test_negation_does_not_cross_to_an_object(nlp):
    d = nlp("He never betrayed that commitment.")
    cues = find_cues(d)
    assert span_stance(d, cues, 0, len(d))[0] == "positive"


def test_idiom_among(nlp):
    assert stance(nlp, "She was a scholar among scholars.") == "positive"


@pytest.mark.parametrize("text", [
    "She is best known for her novels about the Great War.",
    "His great-grandfather was a poor man from Cork.",
    "The book was a best-selling novel in 1932.",
])
def test_neutral_phrases_hide_evaluative_words(nlp, text):
    assert stance(nlp, text) == "neutral"
