"""The document's own voice and review reception, on texts written for the tests."""
from __future__ import annotations

import pytest

from .conftest import find


def test_document_voice_about_a_person(claims_of):
    c = claims_of("Margaret Hale lived an exemplary life. She was a tireless and generous organiser.")
    got = find(c, holder=None, stance="positive", about="Hale")
    assert got and all(x.holder is None for x in got)


def test_voice_negative_with_possessive(claims_of):
    c = claims_of("Mayor Daniel Reyes promised a new city. His housing plan is a disgrace.")
    assert find(c, holder=None, stance="negative", about="Reyes")


def test_characterising_noun_before_a_name(claims_of):
    c = claims_of("The story was told by the turncoat Ernst Vogel at the congress.")
    got = find(c, holder=None, stance="negative", about="Vogel")
    assert got and got[0].source.quote.endswith("Ernst Vogel")


def test_never_gave_up(claims_of):
    c = claims_of("Whatever the cost, Rosa Lind never gave up hope.")
    assert find(c, holder=None, stance="positive", about="Lind")


def test_descriptive_narration_has_no_claims(claims_of):
    c = claims_of("The war devastated the city. Thousands starved and the factories closed in 1919.")
    assert c == []


def test_review_reception(claims_of):
    text = ("Review: The Salt Road – by Mina Ortiz\n\nThis is one of the most remarkable books I have read this year. "
            "The prose is vivid and the characters are unforgettable. I love this book; it is a must read.")
    c = claims_of(text, title="Review: The Salt Road – by Mina Ortiz", genre="review", about="The Salt Road")
    rec = find(c, kind="reception")
    assert len(rec) == 1 and rec[0].holder is None and rec[0].stance == "positive" and rec[0].about == "The Salt Road"
    assert find(c, holder=None, stance="positive", quote="I love this book")


def test_hostile_review(claims_of):
    text = "Oliver Brandt's new novel is a tedious disappointment. It is not a good book. Avoid it."
    c = claims_of(text, genre="review", about="The Tide Clock")
    rec = find(c, kind="reception")
    assert rec and rec[0].stance == "negative"
    assert not find(c, stance="positive")


def test_empty_document(claims_of):
    assert claims_of("") == []
    assert claims_of("   \n") == []


def test_verbless_review_verdicts(claims_of):
    text = "Mina Ortiz has written a strong debut.\nOverall, a superb first novel. Highly recommended!"
    c = claims_of(text, genre="review", about="The Salt Road")
    assert find(c, holder=None, stance="positive", quote="superb first novel", about="The Salt Road")
    assert find(c, holder=None, stance="positive", quote="Highly recommended", about="The Salt Road")


def test_reputation_rises_in_the_documents_voice(claims_of):
    c = claims_of("Maeve Brennan died in 1971. Brennan's reputation has risen steadily since then.")
    assert find(c, holder=None, stance="positive", about="Brennan")


def test_critics_reception_of_a_work(claims_of):
    text = ("Her first novel, The Glass Year, was published in 1951 to critical acclaim. "
            "Her second book was poorly received. The Glass Year later received scathing reviews in Moscow.")
    c = claims_of(text, genre="biography")
    rec = find(c, kind="reception")
    assert [(r.holder, r.stance) for r in rec] == [("critics", "positive"), ("critics", "negative")]
    assert all(r.about == "The Glass Year" for r in rec)


@pytest.mark.parametrize("verdict,stance", [("Four stars out of five.", "positive"), ("Rating: 3/10", "negative"),
                                            ("Two and a half stars out of five.", None)])
def test_review_rating_is_the_verdict(claims_of, verdict, stance):
    text = "The novel follows a glassblower through the winter of 1936.\n" + verdict
    rec = find(claims_of(text, genre="review", about="The Glass Harbour"), kind="reception")
    if stance is None:
        assert not rec
    else:
        assert rec and rec[0].stance == stance and rec[0].about == "The Glass Harbour"
