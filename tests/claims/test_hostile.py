"""Claims never crash or stall on hostile or odd input, and ignore boilerplate; block quotations."""
from __future__ import annotations

import time

import pytest

from kronika.records import Mention, Stripped

from .conftest import find


@pytest.mark.parametrize("text", [
    '"' * 3000,
    "‘‘‘’’ ’’’ ‘ ' ' \" “ ” « »" * 200,
    "very " * 3000 + "good.",
    "He said “" + "word " * 2000,
    "Ça va? 这是一本好书。 هذا كتاب رائع. 🙂 “Brilliant,” said X.",
    ":\n\n    " + "indented line " * 50,
    "\n\n\n",
])
def test_hostile_text_is_handled_quickly(claims_of, text):
    t0 = time.perf_counter()
    claims_of(text)
    assert time.perf_counter() - t0 < 10


def test_bad_mentions_do_not_crash(nlp, make_doc):
    from kronika.extract.claims import extract_claims
    text = "Anna Holt praised the book. She called it “a brilliant and humane study of exile”."
    d = make_doc(text)
    bad = [Mention(500, 520, "ghost", "PERSON", "Ghost"), Mention(-3, 2, "An", "ORG", "An"),
           Mention(0, 9, "Anna Holt", "PERSON", "Anna Holt")]
    for c in extract_claims(nlp(text), d, bad):
        assert c.source.quote == text[c.source.start:c.source.end]


def test_boilerplate_is_ignored(claims_of):
    text = "Tom Barker led the strike.\nLeave a Reply: “This site is the best thing ever,” said Admin Person.\n"
    start = text.index("Leave")
    c = claims_of(text, stripped=(Stripped(start, len(text) - 1, text[start:-1]),))
    assert c == []


def test_block_quotation(claims_of):
    text = ("Rosa Lind left the party in 1921. In her diary she wrote:\n\n"
            "    I have given the movement twenty years and it has given me nothing but suspicion and exile.\n\n"
            "She never went back.")
    q = find(claims_of(text), kind="quotation")
    assert q and "Lind" in q[0].holder and q[0].source.quote.startswith("I have given")
