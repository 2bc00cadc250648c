"""Events and pronouns belong to the person the clause is about: relatives keep their own (issue 15 item 2)."""
from __future__ import annotations

from kronika.analyse import annotate_file
from kronika.extract.coref.references import resolve_references
from kronika.extract.entities import extract_mentions


def refs(nlp, text):
    sdoc = nlp(text)
    r = resolve_references(sdoc, extract_mentions(sdoc))
    return {f"{sdoc[i].text}@{i}": k for i, k in r.items()}


def events(tmp_path, settings, text):
    p = tmp_path / "life.txt"
    p.write_text(text, encoding="utf-8")
    return [(e["subject"], e["type"]) for e in annotate_file(str(p), settings)["events"]]


def test_possessive_inside_a_noun_phrase_is_the_named_persons(nlp):
    text = ("Born in 1871 near Lyon, Pierre Dufresne was the third child of the farmer Hugo Dufresne from his second "
            "marriage. Hugo Dufresne had four children from his first marriage.")
    r = refs(nlp, text)
    assert [k for t, k in r.items() if t.startswith("his")] == ["Hugo Dufresne", "Hugo Dufresne"]


def test_a_possessive_takes_its_clause_subject(nlp):
    text = "Pierre Dufresne studied in Lyon. His uncle Hugo Dufresne sold his farm in 1890."
    r = refs(nlp, text)
    assert r.get("His@6") == "Pierre Dufresne"
    assert r.get("his@11") == "Hugo Dufresne"


def test_gender_from_a_kin_apposition_and_a_single_first_name(nlp):
    text = ("Marta Kellner taught in Graz. Her brother, Lucas Wirth, studied medicine. He died in 1915. "
            "Her daughter Anna married in 1930. She moved to Chile.")
    r = refs(nlp, text)
    assert [k for t, k in r.items() if t.startswith("He@")] == ["Lucas Wirth"]


def test_relatives_keep_their_events(tmp_path, settings):
    text = ("MARTA KELLNER (born MARTA WIRTH; 3 May 1880 – 1 June 1950) was an Austrian teacher and activist. "
            "Her mother died in 1890. Kellner's father, Josef Wirth, was arrested in 1895. In 1900 she married "
            "Otto Kellner, a printer. He was arrested in 1905. Their son Paul was born in 1902. Otto's brother "
            "emigrated to Chile in 1905. Kellner was elected to the city council in 1919. The activist died in "
            "Vienna in 1950.\n")
    ev = events(tmp_path, settings, text)
    mine = {t for s, t in ev if s == "Marta Kellner"}
    assert {"marriage", "death"} <= mine
    assert ("Josef Wirth", "imprisonment") in ev and ("Otto Kellner", "imprisonment") in ev
    assert "imprisonment" not in mine and "travel" not in mine and "emigration" not in mine
    assert sum(1 for s, t in ev if s == "Marta Kellner" and t == "death") == 1
