"""Verb- and noun-triggered facts: born in, died in, studied at, member of, awards, wars (our own sentences)."""
from __future__ import annotations

from .conftest import has


def test_born_in_and_died_in(facts_of):
    facts, _ = facts_of("Paul Arden was a chemist. Arden was born in Leeds on 2 March 1932. "
                        "He died in Lisbon on 9 October 1990.")
    assert has(facts, "birth_place", "Leeds", "Paul Arden")
    assert has(facts, "birth_date", "2 March 1932", iso="1932-03-02")
    assert has(facts, "death_place", "Lisbon", "Paul Arden")
    assert has(facts, "death_date", "9 October 1990", iso="1990-10-09")


def test_relative_death_is_not_the_subjects(facts_of):
    facts, _ = facts_of("Paul Arden was a chemist. His father died in Madrid in 1950.")
    assert not [f for f in facts if f.attribute in ("death_place", "death_date") and "Arden" in f.subject]


def test_education(facts_of):
    facts, _ = facts_of("Clara Weiss is a physicist. She graduated from the University of Vienna "
                        "and later studied at the Sorbonne.")
    assert has(facts, "educated_at", "University of Vienna", "Clara Weiss")
    assert has(facts, "educated_at", "Sorbonne", "Clara Weiss")


def test_member_of(facts_of):
    facts, _ = facts_of("Jonas Berg was a Danish trade unionist. He was a member of the Social Democratic Party.")
    assert has(facts, "member_of", "Social Democratic Party", "Jonas Berg")


def test_elected_as_party(facts_of):
    facts, _ = facts_of("Samuel Pike was an American lawyer. Pike was elected as a Whig to the state senate.")
    assert has(facts, "member_of", "Whig", "Samuel Pike")


def test_employer(facts_of):
    facts, _ = facts_of("Ruth Adler was a journalist. She worked for the BBC for twenty years.")
    assert has(facts, "employer", "BBC", "Ruth Adler")


def test_military(facts_of):
    facts, _ = facts_of("Arthur Blake was an engineer. He served in the Royal Navy during the Second World War.")
    assert has(facts, "military_branch", "Royal Navy", "Arthur Blake")
    assert has(facts, "conflict", "Second World War", "Arthur Blake")


def test_award(facts_of):
    facts, _ = facts_of("Ines Moreau is a poet. In 1994 she received the Goncourt Prize for her third collection.")
    assert has(facts, "award", "Goncourt Prize", "Ines Moreau")


def test_residence(facts_of):
    facts, _ = facts_of("Ines Moreau is a poet. She lived in Trieste with her cousin.")
    assert has(facts, "residence", "Trieste", "Ines Moreau")


def test_pseudonym(facts_of):
    facts, _ = facts_of("Karel Novak was a Czech writer. He published his satires under the pen name Jan Kolar.")
    assert has(facts, "pseudonym", "Jan Kolar", "Karel Novak")


def test_notable_work(facts_of):
    facts, _ = facts_of("Edith Crane was an English writer. Her best-known novel, The Silent Harbour, appeared in 1958.")
    assert has(facts, "notable_work", "The Silent Harbour", "Edith Crane")


def test_work_by(facts_of):
    facts, _ = facts_of("Northern Lights is an album by Anders Holm. Holm recorded it in Oslo.")
    assert has(facts, "notable_work", "Northern Lights", "Anders Holm")


def test_no_place_for_organisations(facts_of):
    facts, _ = facts_of("The company was founded in Berlin in 1901 and moved to Munich.")
    assert not [f for f in facts if f.attribute.endswith("_place")]


def test_native_of(facts_of):
    facts, _ = facts_of("Pedro Alvarez was a Bolivian lawyer. A native of Tarija, Alvarez studied law in Sucre.")
    assert has(facts, "birth_place", "Tarija", "Pedro Alvarez")


def test_born_in_first_place_of_list(facts_of):
    facts, _ = facts_of("Nora Quinn was an American poet born in the Bronx, New York, United States.")
    assert has(facts, "birth_place", "Bronx", "Nora Quinn")
    assert not has(facts, "birth_place", "United States")


def test_degree_from(facts_of):
    facts, _ = facts_of("Lena Dahl is a Norwegian economist. She obtained her doctorate from the University of Bergen in 1990.")
    assert has(facts, "educated_at", "University of Bergen", "Lena Dahl")


def test_joined_splits_by_organisation(facts_of):
    facts, _ = facts_of("Otto Brandt was a German journalist. In 1952 he joined the Liberal Party. "
                        "Two years later he joined Reuters as a correspondent.")
    assert has(facts, "member_of", "Liberal Party", "Otto Brandt")
    assert has(facts, "employer", "Reuters", "Otto Brandt")


def test_award_named_like_a_place(facts_of):
    facts, _ = facts_of("Claire Morel is a French cyclist. In 1999 she was awarded the Prix de la ville de Lyon by the city.")
    assert has(facts, "award", "Prix de la ville de Lyon", "Claire Morel")


def test_better_known_as(facts_of):
    facts, _ = facts_of("Johanna Maria Kessel, better known as Hanna Kess, was a German cabaret singer.")
    assert has(facts, "pseudonym", "Hanna Kess")


def test_pseudonym_quoted(facts_of):
    facts, _ = facts_of("Igor Vasin was a Russian satirist. He signed his stories with the pseudonym \"Ivan Luch\".")
    assert has(facts, "pseudonym", "Ivan Luch", "Igor Vasin")


def test_war_names(facts_of):
    facts, _ = facts_of("Hugo Brandt was a Dutch surgeon. During World War II he served with the Royal Netherlands Army "
                        "and later fought in the Indonesian War of Independence.")
    assert has(facts, "conflict", "World War II", "Hugo Brandt")
    assert has(facts, "conflict", "Indonesian War of Independence", "Hugo Brandt")
    assert not has(facts, "conflict", "During World War")
    assert has(facts, "military_branch", "Royal Netherlands Army", "Hugo Brandt")


def test_namesake_parenthesis_is_not_the_subjects(facts_of):
    facts, _ = facts_of("Lehmann Adler (3 May 1841 – 9 June 1918) was a German dealer. He was the son of "
                        "Meier Adler (1801 - 1870) and Sarah Kahn.")
    assert has(facts, "death_date", "9 June 1918", iso="1918-06-09")
    assert not [f for f in facts if f.attribute == "death_date" and f.value_iso == "1870" and "Lehmann" in f.subject]


def test_dated_title_list(facts_of):
    facts, _ = facts_of("Reza Tahmasbi is an Iranian director. He is known for directing The Silent Well (1989), "
                        "Night Orchard (1994) and Salt Roads (2001).")
    for title in ("The Silent Well", "Night Orchard", "Salt Roads"):
        assert has(facts, "notable_work", title, "Reza Tahmasbi")


def test_member_of_list(facts_of):
    facts, _ = facts_of("Jane Moss was an American painter. She was a member of the Boston Watercolor Society, "
                        "the National Academy of Design, and the Salmagundi Club.")
    assert has(facts, "member_of", "Boston Watercolor Society", "Jane Moss")
    assert has(facts, "member_of", "National Academy of Design", "Jane Moss")
