"""Life dates from a lead, the narrative's reference time, ages, sections and year-like numbers that are not years.

Every sentence here is invented (people, places and dates of no real life)."""
from __future__ import annotations

import spacy
import pytest

from kronika.extract.time import extract_timexes
from kronika.extract.time.lifespan import lead_life_dates
from kronika.extract.time.narrative import NarrativeTime, lifespan_paren, sections


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def life(text):
    b, d = lead_life_dates(text)
    return (b.earliest, b.latest) if b else None, (d.earliest, d.latest) if d else None


@pytest.mark.parametrize("lead, birth, death", [
    ("Ada Kowal (3 May 1850 – 1 June 1920) was a poet.", ("1850-05-03",) * 2, ("1920-06-01",) * 2),
    ("Ada Kowal (3 May 18501 June 1920) was a poet.", ("1850-05-03",) * 2, ("1920-06-01",) * 2),
    ("ADA KOWAL (; ; June 26, 1819January 26, 1893) was a poet.", ("1819-06-26",) * 2, ("1893-01-26",) * 2),
    ("Ada Kowal ( – 21 August 1940) was a poet.", None, ("1940-08-21",) * 2),
    ("Ada Kowal ([1] – 21 August 1940) was a poet.", None, ("1940-08-21",) * 2),
    ("Ada Kowal (1802–1871) was a poet.", ("1802", "1802"), ("1871", "1871")),
    ("Ada Kowal (born 1869) is a poet.", ("1869", "1869"), None),
    ("Ada Kowal (c. 1820 – 1881) was a poet.", ("1818", "1822"), ("1881", "1881")),
    ("Ada Kowal (; 25 February 1304 – 1368 or 1369) was a traveller.", ("1304-02-25",) * 2, ("1368", "1369")),
    ("PIOTR ZAWADA (; ;{{#tag:ref|a note (1234)|group= n}}[1] 12 April [O.S. 31 March] 1870 – 5 March 1931) was",
     ("1870-04-12",) * 2, ("1931-03-05",) * 2),
    ("ADA KOWAL, BARONESS OF NOWHERE, (5 April 182710 February 1912),[1] was a surgeon.",
     ("1827-04-05",) * 2, ("1912-02-10",) * 2),
    ("Captain ADA KOWAL (7 November 1728[1]14 February 1779) was a sailor.", ("1728-11-07",) * 2, ("1779-02-14",) * 2),
    ("SIR ADA KOWAL [1] (6 August 1881 – 11 March 1955) was a doctor.", ("1881-08-06",) * 2, ("1955-03-11",) * 2),
    ("ADA KOWAL (; ; fully ; Arabic: ) (February 25, 13041368 or 1369) was a traveller.", ("1304-02-25",) * 2,
     ("1368", "1369")),
    ("Lieutenant-General ADA KOWAL (; 10 November 1919\xa0– 23 December 2013) was", ("1919-11-10",) * 2,
     ("2013-12-23",) * 2),
])
def test_lead_life_dates_also_when_garbled(lead, birth, death):
    assert life(lead) == (birth, death)


@pytest.mark.parametrize("text", [
    "Part two of the trilogy (which is what the first book dealt with - see my review) came out in 1917.",
    "Ada Kowal (VON) Schmidt was born in 1888.",
    "Ada Brill married Tomas Veld (1876–1954) in Paris in 1900.",
    "",
])
def test_no_life_dates_without_a_lead_parenthesis(text):
    assert life(text) == (None, None)


def test_lifespan_parentheses_date_a_person_not_the_story():
    t = "He married Olga Brandt (1921–1977). She was born to Vera Brandt (née Holm) (1864–1934) in Kiel."
    i = t.find("1921")
    assert lifespan_paren(t, i, i + 4)
    i = t.find("1864")
    assert lifespan_paren(t, i, i + 4)
    t = "He went to Lisbon (1921–1923) and wrote."
    i = t.find("1921")
    assert not lifespan_paren(t, i, i + 4)


@pytest.mark.parametrize("sentence, kept", [
    ("They lived at 1522 Vyse Avenue in the Bronx.", False),
    ("The family had a flat at 1200 rue de Lille.", False),
    ("She catalogued it as Op. 1850 in her notes.", False),
    ("The quotation is on page 1850 of the edition.", False),
    ("In 1750 Newton married his sweetheart.", True),
    ("In 1917 North Street was renamed.", True),
    ("He shipped 1750 tons of grain.", False),
])
def test_year_like_numbers_that_are_not_years(blank, sentence, kept):
    years = [t.value for t in extract_timexes(blank(sentence)) if t.value[:1].isdigit() and len(t.value) == 4]
    assert bool(years) == kept


def test_month_before_a_range_takes_the_range_year(blank):
    got = [(t.text, t.value) for t in extract_timexes(blank(
        "In August 1865 she began. The articles ran from March through July 1867."))]
    assert ("March", "1867-03") in got


BIO = """TOMASZ WIRT (12 March 1850 – 3 June 1921) was a Silesian engraver.

He is best known for his maps.

Early life

Wirt was born in Opole. As a child he drew boats on the river. In 1868 he moved to Breslau. He met the printer Anna Lenz there. At the age of 22 he opened a workshop. In 1875 he married Anna Lenz.

Exile (1880–1890)

He lived in Prague. His workshop burned down.

Later years

He returned to Opole in 1891. He died in his workshop.

Legacy

A street in Opole bears his name. He trained many engravers.
"""


@pytest.fixture(scope="module")
def nt(blank):
    return NarrativeTime(BIO, extract_timexes(blank(BIO)))


def at(nt, phrase, ages=True):
    i = BIO.index(phrase)
    r = nt.reading(i, i + len(phrase), ages=ages)
    return r.lo, r.hi


def test_sections_lead_theme_and_ranges():
    got = [(s.title, s.kind, s.lo, s.hi) for s in sections(BIO)]
    assert got == [("", "lead", None, None), ("Early life", "", None, None), ("Exile (1880–1890)", "", "1880", "1890"),
                   ("Later years", "", None, None), ("Legacy", "theme", None, None)]


def test_reference_time_is_carried_and_bounded_by_the_next_date(nt):
    assert at(nt, "He met the printer") == ("1868", "1875")


def test_age_and_childhood_against_the_birth_year(nt):
    assert at(nt, "he opened a workshop") == ("1872", "1873")
    assert at(nt, "he drew boats") == ("1850", "1863")
    # someone else's age says nothing about the subject's birth year
    assert at(nt, "he opened a workshop", ages=False) == ("1868", "1875")


def test_section_range_bounds_its_events(nt):
    assert at(nt, "His workshop burned") == ("1880", "1890")


def test_lead_and_thematic_sections_carry_no_narrative_time(nt):
    assert at(nt, "best known for his maps") == (None, None)
    assert at(nt, "He trained many engravers") == (None, None)


def test_no_carry_into_a_new_section_without_a_date(nt):
    assert at(nt, "Wirt was born in Opole") == (None, "1868")
    assert at(nt, "He died in his workshop") == ("1891", None)


def test_never_raises_on_odd_text(blank):
    for text in ["", "(", "((1850", "X (–) was", "\n\n\n", "A (1850–1820) was"]:
        NarrativeTime(text, extract_timexes(blank(text))).reading(0, len(text))
        lead_life_dates(text)


def test_a_year_inside_a_name_is_no_reference_time(blank):
    text = ("ADA KOWAL (3 May 1850 – 1 June 1920) was a chemist.\n\nEarly life\n\nShe studied at Graz. "
            "She won an 1851 Research Fellowship in 1874.\n")
    nt = NarrativeTime(text, extract_timexes(blank(text)))
    i = text.index("She studied")
    assert nt.reading(i, i + 11, ages=False).hi == "1874"
