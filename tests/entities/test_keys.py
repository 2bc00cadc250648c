"""In-document keys: aliases, possessives, exact offsets, boilerplate."""
from __future__ import annotations

from kronika.annotate.pipeline import spacy_text
from kronika.extract.entities import entity_info, extract_mentions
from kronika.records import Stripped


def run(nlp, text):
    ms = extract_mentions(nlp(text))
    for m in ms:
        assert text[m.start:m.end] == m.text
    return ms


def test_surname_and_possessives_share_the_full_name_key(nlp):
    text = ("Anton Weller was born in Ghent. Weller's first book was about the docks. "
            "Later Weller moved to Paris, where Wellers' friends visited him.")
    ms = [m for m in run(nlp, text) if m.type == "PERSON"]
    assert {m.key for m in ms} == {"Anton Weller"}
    assert not [m for m in ms if m.text.endswith(("'s", "'"))]
    assert len(ms) >= 3


def test_two_people_with_one_surname_keep_a_lone_surname_unkeyed(nlp):
    text = "Maria Lindqvist and Erik Lindqvist ran the press. Lindqvist was arrested in 1933."
    keys = {m.key for m in run(nlp, text) if m.type == "PERSON"}
    assert {"Maria Lindqvist", "Erik Lindqvist"} <= keys
    assert "Lindqvist" in keys


def test_gazetteer_person_short_name_gets_the_canonical_key(nlp):
    ms = run(nlp, "Lenin distrusted the trade unions, and Trotsky argued with him.")
    assert {("Vladimir Lenin", "PERSON"), ("Leon Trotsky", "PERSON")} <= {(m.key, m.type) for m in ms}


def test_place_key_is_canonical_and_mexico_differs_from_mexico_city(nlp):
    ms = run(nlp, "From St.Petersburg she went to Mexico, and later to Mexico City.")
    keys = {(m.key, m.type) for m in ms}
    assert ("Saint Petersburg", "PLACE") in keys
    assert ("Mexico", "PLACE") in keys and ("Mexico City", "PLACE") in keys


def test_blanked_boilerplate_yields_no_mentions(nlp):
    text = "Ada Brenner lived in Vienna.\nShare on Facebook | Posted by Karl Huber in London\n"
    start = text.index("Share")
    stripped = (Stripped(start, len(text) - 1, text[start:-1]),)
    sdoc = nlp(spacy_text(text, stripped))
    ms = extract_mentions(sdoc)
    assert ms and all(m.end <= start for m in ms)
    assert all(text[m.start:m.end] == m.text for m in ms)


def test_entity_info_for_a_key(nlp):
    assert entity_info("Kaliningrad")["type"] == "PLACE"
    assert entity_info("Anton Weller") is None


def test_analyse_fills_entity_types_and_aliases(analyse):
    ex = analyse("Lotte Brandt taught in Leipzig. Brandt later joined the KPD.")
    assert ex.entity_types.get("Lotte Brandt") == "PERSON"
    assert {"Lotte Brandt", "Brandt"} <= ex.aliases["Lotte Brandt"]
    assert ex.entity_types.get("KPD") == "ORG"


def test_defined_acronym_shares_the_long_names_key(nlp):
    text = ("She joined the Federation of Textile Workers (FTW) in 1921. "
            "Two years later the FTW called a strike, and FTW leaders were jailed.")
    ms = [m for m in run(nlp, text) if m.text == "FTW"]
    assert len(ms) == 3
    assert {m.key for m in ms} == {"Federation of Textile Workers"}
    assert {m.type for m in ms} == {"ORG"}


def test_gazetteer_spellings_of_one_person_do_not_make_a_surname_ambiguous(nlp):
    text = "Natalia Sedova wrote to friends. Natalya Sedova later moved. Sedova died in Paris."
    ms = [m for m in run(nlp, text) if m.type == "PERSON"]
    assert {m.key for m in ms} == {"Natalya Sedova"}
