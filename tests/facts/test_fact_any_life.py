"""Facts for any life (issue 17): the person a fact is about, and values that cannot be right (our own sentences)."""
from __future__ import annotations

from .conftest import has


def _of(facts, subject):
    return [f for f in facts if f.subject == subject]


def test_capitalised_opening_name_is_the_text_name(facts_of):
    text = ("MARTA KOVALENKO (; 3 May 1901 – 9 June 1968) was a Ukrainian painter. Marta Kovalenko studied in Kyiv. "
            "Her father, Petro Kovalenko (1870–1930), was a teacher. Petro Kovalenko died on 2 March 1930. "
            "Kovalenko married the sculptor Ivan Bondar in 1925.")
    facts, _ = facts_of(text)
    mine = _of(facts, "Marta Kovalenko")
    assert has(mine, "birth_date", "3 May 1901", iso="1901-05-03")
    assert has(mine, "death_date", "9 June 1968", iso="1968-06-09")
    assert has(mine, "parent", "Petro Kovalenko")
    assert has(mine, "spouse", "Ivan Bondar")
    assert not any(f.attribute == "death_date" and f.value_iso == "1930-03-02" for f in mine)  # the father's
    assert has(facts, "death_date", "2 March 1930", subject="Petro Kovalenko")


def test_a_lone_dash_gives_the_death_date_only(facts_of):
    facts, _ = facts_of("ANTON BRESLER ( ; ;  – 4 April 1911[2]) was a chemist. He taught in Graz.")
    assert has(facts, "death_date", "4 April 1911", iso="1911-04-04")
    assert not any(f.attribute == "birth_date" for f in facts)


def test_born_and_died_in_one_sentence_keep_their_own_dates(facts_of):
    facts, _ = facts_of("Lotte Krause was a German physicist. She was born in Kassel in 1888 and died in Bonn "
                        "on 7 July 1950.")
    assert has(facts, "birth_date", "1888", iso="1888")
    assert not any(f.attribute == "birth_date" and f.value_iso == "1950-07-07" for f in facts)
    assert has(facts, "death_date", "7 July 1950", iso="1950-07-07")


def test_nobody_is_their_own_spouse(facts_of):
    facts, _ = facts_of("Ruth Abel was an American poet. She married the critic Tom Hale in 1950. "
                        "Hale and Abel were married until her death.")
    assert has(facts, "spouse", "Tom Hale", "Ruth Abel")
    assert not any(f.attribute == "spouse" and "Abel" in f.value and f.subject.endswith("Abel") for f in facts)


def test_a_son_named_after_his_father_is_a_son(facts_of):
    facts, _ = facts_of("Jean Marc Fontaine (1820 – 1881) was a French lawyer. His son Jean-Marc became a priest.")
    assert has(facts, "child", "Jean-Marc", "Jean Marc Fontaine")


def test_a_nationality_is_not_a_parent(facts_of):
    facts, _ = facts_of("Nora Field was a writer. Her mother, Edith Field (1880–1950), was a second-generation "
                        "American of Irish descent.")
    assert has(facts, "parent", "Edith Field", "Nora Field")
    assert not any(f.attribute == "parent" and "American" in f.value for f in facts)


def test_markup_and_footnotes_are_not_values(facts_of):
    facts, _ = facts_of("Henri Lacoste was a painter. He joined the Society of Mural Painters[12] in 1880. "
                        "His son Pierre - Portrait.jpg|_Woman was born in 1881.")
    assert has(facts, "member_of", "Society of Mural Painters")
    assert not any("|" in f.value or ".jpg" in f.value or "[" in f.value for f in facts)


def test_lists_of_schools_societies_and_honours(facts_of):
    facts, _ = facts_of("Ines Moreau is a Belgian economist. She was educated at Lindenhof College in Basel, "
                        "Switzerland, Merton University in Leeds, and at the Hollis Institute in Lyon, France. "
                        "She is a member of the Statistical Society of Ghent, the Brabant Academy of Letters, "
                        "and the Order of Tax Advisers. She has been inducted into the Liege Sports Hall of Fame "
                        "and the Walloon Business Hall of Fame.")
    for school in ("Lindenhof College", "Merton University", "Hollis Institute"):
        assert has(facts, "educated_at", school, "Ines Moreau"), school
    assert not has(facts, "educated_at", "Basel") and not has(facts, "educated_at", "Switzerland")
    for group in ("Statistical Society of Ghent", "Brabant Academy of Letters", "Order of Tax Advisers"):
        assert has(facts, "member_of", group, "Ines Moreau"), group
    for award in ("Liege Sports Hall of Fame", "Walloon Business Hall of Fame"):
        assert has(facts, "award", award, "Ines Moreau"), award


def test_an_honorary_degree_is_not_an_education(facts_of):
    facts, _ = facts_of("Tomas Berg was a Swedish chemist. He studied at Lund University. In 1990 he received "
                        "an honorary doctorate from the University of Tartu.")
    assert has(facts, "educated_at", "Lund University")
    assert not has(facts, "educated_at", "University of Tartu")


def test_the_opening_description_gives_the_nationality(facts_of):
    facts, _ = facts_of("Pedro Alcaraz ( 1 May 1921 – 3 June 1990 ) was a footballer from Uruguay who played "
                        "for Nacional.")
    assert has(facts, "nationality", "Uruguay", "Pedro Alcaraz")
    facts, _ = facts_of("Aurelien Masson ( 5 April 1815 in Lyon - 2 March 1870 , Lyon ) was a French organist "
                        "and composer for choir .")
    assert has(facts, "nationality", "France", "Aurelien Masson")


def test_one_relative_under_several_names(facts_of):
    facts, _ = facts_of("Nora Field was a writer. Her mother, Edith Field, was a teacher. "
                        "Her mother Edith Mary Field died in 1950.")
    parents = [f.value for f in facts if f.attribute == "parent" and f.subject == "Nora Field"]
    assert parents == ["Edith Mary Field"]


def test_a_relatives_marriage_stays_with_the_relative(facts_of):
    facts, _ = facts_of("Paul Girard was a French painter. His wife, Alice Girard, died in 1911, and his son "
                        "Jean Girard, who had married Marie Roux, died in 1914. Girard died on 5 December 1926.")
    assert has(facts, "death_date", "5 December 1926", "Paul Girard", iso="1926-12-05")
    assert not any(f.subject == "Paul Girard" and f.attribute == "death_date" and f.value_iso in ("1911", "1914")
                   for f in facts)
    assert not any(f.subject == "Paul Girard" and f.attribute == "spouse" and "Roux" in f.value for f in facts)
    assert not any(f.subject == "Paul Girard" and f.attribute == "child" and "Alice" in f.value for f in facts)


def test_a_parse_that_makes_a_lead_place_the_subject(facts_of):
    facts, _ = facts_of("Gustav Rehm ( March 3 , 1901 , Kettwig – May 4 , 1980 , Ratzeburg ) was a German "
                        "geologist .")
    assert has(facts, "birth_place", "Kettwig", "Gustav Rehm")
    assert has(facts, "death_place", "Ratzeburg", "Gustav Rehm")
    assert has(facts, "nationality", "Germany", "Gustav Rehm")


def test_of_two_subjects_the_one_beside_the_verb(facts_of):
    facts, _ = facts_of("Amira Salah (born 1950) is an Egyptian writer. The daughter of the lawyer Karim Nassar, "
                        "she was born in Alexandria and went on to teach history at the University of Cairo.")
    assert has(facts, "birth_place", "Alexandria", "Amira Salah")
    assert has(facts, "employer", "University of Cairo", "Amira Salah")
    assert not has(facts, "birth_place", "Alexandria", "Karim Nassar")


def test_where_he_graduated(facts_of):
    facts, _ = facts_of("Owen Pratt was a bishop. He attended Hill School, then went to Dorset College, "
                        "where he graduated in 1868.")
    assert has(facts, "educated_at", "Dorset College", "Owen Pratt")


def test_a_nationality_before_a_relatives_name_is_not_the_name(facts_of):
    facts, _ = facts_of("Margaret Lind was an anthropologist. Her first husband (1923–28) was the American "
                        "Luther Cressman.")
    assert not any(f.attribute == "spouse" and f.value.startswith("American") for f in facts)


def test_positions_give_employers_and_memberships(facts_of):
    facts, _ = facts_of("Samuel Brightwater was a journalist. After the war he took a position with the "
                        "Northern Press Agency. He was the first president of Ashford University. "
                        "He was vice president of the Free Speech Society.")
    assert has(facts, "employer", "Northern Press Agency", "Samuel Brightwater")
    assert has(facts, "employer", "Ashford University", "Samuel Brightwater")
    assert has(facts, "member_of", "Free Speech Society", "Samuel Brightwater")
    assert not has(facts, "employer", "Free Speech Society")


def test_memberships_named_by_the_sentence(facts_of):
    facts, _ = facts_of("Greta Lindqvist is a lawyer. Lindqvist is a member of the Nordic Academy of Law "
                        "( since 2008 ) and of the Baltic Academy of Letters ( since 2016 ). In 2013 she was "
                        "elected to the Riksdag representing the KORVA party.")
    assert has(facts, "member_of", "Nordic Academy of Law", "Greta Lindqvist")
    assert has(facts, "member_of", "Baltic Academy of Letters", "Greta Lindqvist")
    assert has(facts, "member_of", "KORVA", "Greta Lindqvist")
    assert not has(facts, "member_of", "Riksdag")


def test_children_named_after_had(facts_of):
    facts, _ = facts_of("Luis Ferro was a Chilean architect. He married Ana Vidal in 1920. They had three "
                        "children: Rosa, Mateo and Ines.")
    for child in ("Rosa", "Mateo", "Ines"):
        assert has(facts, "child", child, "Luis Ferro"), child
    facts, _ = facts_of("Karl Baum was a German chemist. He had two sons, Otto and Felix.")
    assert has(facts, "child", "Otto", "Karl Baum") and has(facts, "child", "Felix", "Karl Baum")
    facts, _ = facts_of("Karl Baum was a German chemist. His parents lived in Kiel. They had three children: "
                        "Karl, Ida and Max.")
    assert not any(f.attribute == "child" and f.subject == "Karl Baum" for f in facts)  # his parents' children


def test_representing_a_country_gives_the_nationality(facts_of):
    for text, country in (("Marco Teles is a swimmer. He represented Brazil at the 1996 Summer Olympics.", "Brazil"),
                          ("Anna Weber is a skier. She competed for Austria.", "Austria"),
                          ("Juan Ruiz was a footballer. He played for the Argentine national team.", "Argentina")):
        facts, _ = facts_of(text)
        assert any(f.attribute == "nationality" and f.value == country for f in facts), text
    facts, _ = facts_of("Jon Hale is a writer. He represented Leeds in Parliament.")
    assert not any(f.attribute == "nationality" for f in facts)


def test_a_dated_parenthesis_after_a_work_is_no_birth(facts_of):
    facts, _ = facts_of("Sergei Volkov (27 April 1891 – 5 March 1953) was a Russian composer. Volkov wrote his "
                        "Piano Sonata (No. 6: 8 April 1940) in Moscow.")
    assert not any(f.attribute == "birth_date" and f.value_iso == "1940-04-08" for f in facts)
    assert not any(f.attribute == "birth_place" and f.value == "No" for f in facts)


def test_posthumous_honours_are_not_memberships(facts_of):
    facts, _ = facts_of("Rosa Lindt was an Austrian physicist. She was a member of the Vienna Physical Society. "
                        "In 1990 she was posthumously made a member of the Tyrol Academy of Sciences.")
    assert has(facts, "member_of", "Vienna Physical Society", "Rosa Lindt")
    assert not has(facts, "member_of", "Tyrol Academy of Sciences")


def test_nee_gives_the_birth_name(facts_of):
    facts, _ = facts_of("Jane Hale (née Dorn) was an English potter.")
    assert has(facts, "birth_name", "Dorn", "Jane Hale")


def test_opening_names_with_titles_notes_and_footnotes(facts_of):
    cases = [("ILSE MARTENS (;[1] ; 25 October 1811 – 31 May 1852) was a German mathematician.", "1811-10-25"),
             ("SIR HAMISH GRANT [1] (6 August 1881 – 11 March 1955) was a Scottish biologist.", "1881-08-06"),
             ("HUGO BRENNER, FRS FRCPE[1] (17 May 1749 – 26 January 1823) was an English physician.", "1749-05-17"),
             ("EDMUND PRICE HALE (November 20, 1889 – September 28, 1953)[1] was an American astronomer.",
              "1889-11-20"),
             ("Major-General PAVEL ILYICH SOROKIN (; 10 November 1919 – 23 December 2013) was a Russian general.",
              "1919-11-10"),
             ("Brenner-portrait-200px.jpg MARTA BRENNER (2 August 1846 - 11 January 1897) was a German reformer.",
              "1846-08-02")]
    for text, iso in cases:
        facts, _ = facts_of(text)
        assert any(f.attribute == "birth_date" and f.value_iso == iso for f in facts), text


def test_born_in_the_village_of(facts_of):
    facts, _ = facts_of("Tom Hardwick was a navigator. He was born on 7 November 1728 in the village of Marton "
                        "in Yorkshire.")
    assert has(facts, "birth_place", "Marton", "Tom Hardwick")


def test_a_parents_marriage_is_the_parents(facts_of):
    facts, _ = facts_of("Alec Fraser was a Scottish biologist. His father, Hugh Fraser, had four children after "
                        "his second marriage to Grace Morton. Fraser married Sarah Kerr in 1915.")
    assert has(facts, "spouse", "Sarah Kerr", "Alec Fraser")
    assert not any(f.subject == "Alec Fraser" and f.attribute == "spouse" and "Morton" in f.value for f in facts)
    facts, _ = facts_of("Jane Hollis was a singer. Her mother, Dorothy Hollis, was a registrar. Dorothy and her "
                        "husband, Seth Hollis, had three children.")
    assert not any(f.subject == "Jane Hollis" and f.attribute == "spouse" for f in facts)


def test_titles_and_dates_are_not_relatives(facts_of):
    facts, _ = facts_of("Ruth Kane was a writer. She joined the Daughters of Canaan in 1920. "
                        "Her son, Josephie (December 25, 1921 – 1990), was a photographer.")
    assert not any(f.attribute in ("parent", "child") and ("Canaan" in f.value or "December" in f.value)
                   for f in facts)
