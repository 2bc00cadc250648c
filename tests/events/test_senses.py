"""The sense rules of ``verb_type`` on hand-built parses (no statistical model needed)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kronika.extract.events.senses import NEXT, RULES, Verb, verb_type

VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """rows of (word, head index, dep, POS, tag, lemma)."""
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    return Doc(VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), tags=list(tags),
               lemmas=list(lemmas), sent_starts=[True] + [False] * (len(rows) - 1))


def test_take_part_is_participation():
    doc = parse([("She", 1, "nsubj", "PRON", "PRP", "she"), ("took", 1, "ROOT", "VERB", "VBD", "take"),
                 ("part", 1, "dobj", "NOUN", "NN", "part"), ("in", 1, "prep", "ADP", "IN", "in"),
                 ("strikes", 3, "pobj", "NOUN", "NNS", "strike")])
    assert verb_type(doc[1], set(), set()) == "participation"


def test_sent_into_exile_is_exile():
    doc = parse([("He", 2, "nsubjpass", "PRON", "PRP", "he"), ("was", 2, "auxpass", "AUX", "VBD", "be"),
                 ("sent", 2, "ROOT", "VERB", "VBN", "send"), ("into", 2, "prep", "ADP", "IN", "into"),
                 ("exile", 3, "pobj", "NOUN", "NN", "exile")])
    assert verb_type(doc[2], set(), set()) == "exile"


def _worked(prep: str | None) -> Doc:
    rows = [("He", 1, "nsubj", "PRON", "PRP", "he"), ("worked", 1, "ROOT", "VERB", "VBD", "work")]
    if prep:
        rows += [(prep, 1, "prep", "ADP", "IN", prep), ("Lenin", 2, "pobj", "PROPN", "NNP", "Lenin")]
    return parse(rows)


@pytest.mark.parametrize("prep,expected", [("with", "collaboration"), ("as", "role"), (None, None)])
def test_work_depends_on_its_preposition(prep, expected):
    assert verb_type(_worked(prep)[1], set(), {3}) == expected


def test_passive_only_verbs_need_the_passive_or_a_person_object():
    active = parse([("He", 1, "nsubj", "PRON", "PRP", "he"), ("arrested", 1, "ROOT", "VERB", "VBD", "arrest"),
                    ("it", 1, "dobj", "PRON", "PRP", "it")])
    assert verb_type(active[1], set(), set()) is None
    person = parse([("Police", 1, "nsubj", "NOUN", "NNS", "police"), ("arrested", 1, "ROOT", "VERB", "VBD", "arrest"),
                    ("her", 1, "dobj", "PRON", "PRP", "she")])
    assert verb_type(person[1], set(), set()) == "imprisonment"


def test_spend_years_in_prison_before_residence():
    doc = parse([("He", 1, "nsubj", "PRON", "PRP", "he"), ("spent", 1, "ROOT", "VERB", "VBD", "spend"),
                 ("years", 1, "dobj", "NOUN", "NNS", "year"), ("in", 1, "prep", "ADP", "IN", "in"),
                 ("prison", 3, "pobj", "NOUN", "NN", "prison")])
    assert verb_type(doc[1], set(), set()) == "imprisonment"
    assert verb_type(doc[1], {4}, set()) == "imprisonment"      # the prison rule comes first


def test_motion_verbs_need_a_place():
    doc = parse([("He", 1, "nsubj", "PRON", "PRP", "he"), ("moved", 1, "ROOT", "VERB", "VBD", "move"),
                 ("to", 1, "prep", "ADP", "IN", "to"), ("Paris", 2, "pobj", "PROPN", "NNP", "Paris")])
    assert verb_type(doc[1], {3}, set()) == "travel"
    assert verb_type(doc[1], set(), set()) is None


def test_a_verb_outside_the_lexicon_states_nothing():
    doc = parse([("He", 1, "nsubj", "PRON", "PRP", "he"), ("sang", 1, "ROOT", "VERB", "VBD", "sing")])
    assert verb_type(doc[1], set(), set()) is None


def test_rules_pass_with_next_or_decide():
    doc = _worked(None)
    verb = Verb.read(doc[1], set(), set())
    for lemmas, decide in RULES:
        out = decide(verb)
        assert out is NEXT or out is None or isinstance(out, str)
        assert lemmas is None or isinstance(lemmas, frozenset)
