"""Quotation spans and attribution, on texts written for the tests."""
from __future__ import annotations

from kronika.extract.claims.quotes import find_quote_spans

from .conftest import find


def test_spans_curly_straight_and_apostrophes():
    t = "Anna’s friend said “it was over” and Tom's note read 'come home' and \"stay\"."
    got = [t[s:e] for s, e in find_quote_spans(t)]
    assert got == ["it was over", "come home", "stay"]


def test_nested_quote_kept_inside_outer():
    t = "He wrote: “My father told me ‘never trust a king’ and I never did.”"
    got = [t[s:e] for s, e in find_quote_spans(t)]
    assert got == ["My father told me ‘never trust a king’ and I never did."]


def test_as_x_notes_with_citation_gives_work(claims_of):
    t = ("Mara Holt spent years in exile. As Holt herself notes ‘I have lived in five countries and owned nothing "
         "but my books, and I regret none of it,’ (Holt – letters from the north).")
    qs = find(claims_of(t, genre="essay"), kind="quotation")
    assert len(qs) == 1
    q = qs[0]
    assert "Holt" in q.holder and q.work == "Letters from the North"
    assert q.source.quote.startswith("I have lived") and q.source.quote.rstrip(",").endswith("none of it")


def test_split_quotation_around_said(claims_of):
    t = '"We lost the vote," said Peter Lang, the union secretary, "but not the argument."'
    qs = find(claims_of(t), kind="quotation", holder="Peter Lang")
    assert {q.source.quote.rstrip(",.") for q in qs} >= {"We lost the vote", "but not the argument"}


def test_scare_quotes_are_not_quotations(claims_of):
    t = ("Jonas Weber was jailed for being a 'politico' in the camp. He still kept his 'hope' and wrote "
         "letters to the 'department'. His 'defeat in victory' trilogy followed.")
    assert find(claims_of(t), kind="quotation") == []


def test_short_quote_with_calling_verb(claims_of):
    t = 'The senator Ruth Ellery called her "the conscience of the movement".'
    q = find(claims_of(t), kind="quotation", holder="Ruth Ellery")
    assert q and q[0].stance == "positive"


def test_inverted_attribution_and_continuation(claims_of):
    t = ('"She had no time for flatterers," recalled the novelist Chidi Eze. '
         '"When she left, the paper lost its nerve," he added.')
    qs = find(claims_of(t), kind="quotation")
    assert len(qs) == 2 and all(q.holder and "Eze" in q.holder for q in qs)


def test_pronoun_speaker_uses_previous_subject(claims_of):
    t = ('Tomas Brandt disliked the new editor. In his diary he wrote that the editor was '
         '"a coward who mistook caution for wisdom".')
    q = find(claims_of(t), kind="quotation")
    assert q and "Brandt" in q[0].holder and q[0].stance == "negative"


def test_branded_label_is_a_quotation(claims_of):
    t = "Jonas Weber was branded 'a wrecker' by the camp guards."
    q = find(claims_of(t), kind="quotation")
    assert q and "guards" in q[0].holder and q[0].stance == "negative"


def test_pronoun_gender_agreement(claims_of):
    t = ("Ilona Varga was a poet. She wrote four collections. The critic Sándor Weöres admired her translations. "
         "In a 1975 interview she said: \"I never wrote a line I would take back.\"")
    q = find(claims_of(t), kind="quotation")
    assert q and "Varga" in q[0].holder and q[0].date is not None and q[0].date.start == "1975"


def test_short_quote_next_to_its_verb(claims_of):
    t = "'He built bridges,' Imrie writes, 'and he built them to last.'"
    assert len(find(claims_of(t), kind="quotation", holder="Imrie")) == 2
    t = "The villagers still call the old bridge 'the widow' and nobody knows why."
    assert find(claims_of(t), kind="quotation") == []


def test_quoted_titles_and_citation_marks(claims_of):
    t = ('In her essay "The Psychology of Political Violence", Rosa Lind argued for patience. '
         'Her critics called her "a menace to public order"[12] and worse.')
    qs = find(claims_of(t), kind="quotation")
    assert [q.source.quote for q in qs] == ["a menace to public order"]
