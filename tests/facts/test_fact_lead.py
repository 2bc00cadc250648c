"""Life-date parentheses, nationality, occupation, birth names (our own sentences)."""
from __future__ import annotations

from .conftest import has


def test_born_parenthesis_with_place(facts_of):
    facts, _ = facts_of("Maria Kessler (born 4 June 1950 in Graz) is an Austrian violinist and teacher.")
    assert has(facts, "birth_date", "4 June 1950", "Maria Kessler", iso="1950-06-04")
    assert has(facts, "birth_place", "Graz", "Maria Kessler")
    assert has(facts, "nationality", "Austria", "Maria Kessler")
    assert has(facts, "occupation", "violinist", "Maria Kessler")


def test_life_span_parenthesis(facts_of):
    facts, _ = facts_of("Helen Marsh (12 May 1901 – 3 April 1977) was a British novelist. She lived in Bath.")
    assert has(facts, "birth_date", "12 May 1901", iso="1901-05-12")
    assert has(facts, "death_date", "3 April 1977", iso="1977-04-03")
    assert has(facts, "nationality", "United Kingdom")


def test_approximate_birth_year(facts_of):
    facts, _ = facts_of("Tomas Ferrante (c. 1820 – 1881) was an Italian painter of church frescoes.")
    b = [f for f in facts if f.attribute == "birth_date"]
    assert b and b[0].value_iso == "1820" and b[0].confidence < 0.9
    assert has(facts, "death_date", "1881", iso="1881")


def test_month_first_dates_and_places(facts_of):
    facts, _ = facts_of("Oskar Lind (Uppsala, March 3, 1862 – Stockholm, July 9, 1930) was a Swedish sculptor.")
    assert has(facts, "birth_date", "March 3, 1862", iso="1862-03-03")
    assert has(facts, "birth_place", "Uppsala")
    assert has(facts, "death_place", "Stockholm")


def test_birth_name_and_born_adjective(facts_of):
    facts, _ = facts_of("Mark Tobin (born Marek Tobolski; 3 May 1921 – 1 June 1999) was a Polish-born American actor.")
    assert has(facts, "birth_name", "Marek Tobolski")
    assert has(facts, "birth_place", "Poland")
    assert has(facts, "nationality", "United States")
    assert not has(facts, "nationality", "Poland")


def test_demonym_born_demonym(facts_of):
    facts, _ = facts_of("The memoir was written by Anna Roth, a Dutch born German, in the years after the war.")
    assert has(facts, "nationality", "Germany", "Anna Roth")
    assert has(facts, "birth_place", "Netherlands", "Anna Roth")


def test_no_nationality_from_events(facts_of):
    facts, _ = facts_of("Paul Arden wrote about many things. He was at the heart of the French and Spanish strikes.")
    assert not [f for f in facts if f.attribute == "nationality"]


def test_citizen_of_and_king_of(facts_of):
    facts, _ = facts_of("Omar Haddad was a citizen of Jordan who lived in Cairo.")
    assert has(facts, "nationality", "Jordan", "Omar Haddad")
    facts, _ = facts_of("Ferdinand Aurel (1865 – 1927) was King of Romania from 1914.")
    assert has(facts, "nationality", "Romania")


def test_country_of_birthplace_when_no_nationality_is_stated(facts_of):
    facts, _ = facts_of("Karl Ottmann is a lawyer. Ottmann was born in Munich, Germany, in 1960.")
    assert has(facts, "birth_place", "Munich", "Karl Ottmann")
    assert has(facts, "nationality", "Germany", "Karl Ottmann")
    facts, _ = facts_of("Karl Ottmann is an Austrian lawyer. Ottmann was born in Munich, Germany, in 1960.")
    assert not has(facts, "nationality", "Germany")


def test_places_after_dates_with_hyphen(facts_of):
    facts, _ = facts_of("Pavel Orsk (January 27, 1915, Bely, Tver Oblast - October 3, 1981, Landau, Germany) "
                        "was a Russian monk.")
    assert has(facts, "birth_date", "January 27, 1915", iso="1915-01-27")
    assert has(facts, "death_date", "October 3, 1981", iso="1981-10-03")
    assert has(facts, "death_place", "Landau")
