"""WORK title patterns, on sentences written for these tests."""
from __future__ import annotations

import pytest

from kronika.extract.entities import extract_mentions


def works(nlp, text):
    return [m.text for m in extract_mentions(nlp(text)) if m.type == "WORK"]


@pytest.mark.parametrize("text,title", [
    ("Her novel The Winter Garden of Petrovka was banned in 1934.", "The Winter Garden of Petrovka"),
    ("His memoir Years of Iron and Ash appeared posthumously.", "Years of Iron and Ash"),
    ("She wrote a pamphlet, 'Bread and Justice for All', in prison.", "Bread and Justice for All"),
    ("In the poem \"Night Over Odessa\" he mourns his brother.", "Night Over Odessa"),
    ("The book Letters from a Northern Prison sold well.", "Letters from a Northern Prison"),
    ("Review: The Long Road Home – by Anna Kovacs", "The Long Road Home"),
    ("She is remembered for The Silent Harbour (1951), a study of exile.", "The Silent Harbour"),
    ("Critics preferred Karpov's Tales of the Frozen River to his plays.", "Tales of the Frozen River"),
    ("Everyone quoted 'The Hour of the Wolf' that winter.", "The Hour of the Wolf"),
])
def test_title_patterns(nlp, text, title):
    assert title in works(nlp, text)


def test_list_of_titles_after_a_plural_trigger(nlp):
    ws = works(nlp, "Her essays (specifically The Burning Bridge and Songs of the Lower Depths) were reprinted.")
    assert "The Burning Bridge" in ws and "Songs of the Lower Depths" in ws


def test_singular_trigger_keeps_and_inside_a_title(nlp):
    assert "War and Memory" in works(nlp, "His book War and Memory was translated into French.")


@pytest.mark.parametrize("text", [
    "This is one of the most remarkable books I have ever read.",
    "He spoke of 'defeat in victory' and of 'hope' in his letters.",
    "Her novels were banned. The censors disliked them.",
])
def test_no_titles_where_there_are_none(nlp, text):
    assert works(nlp, text) == []
