"""A biography's subject under every name its lead gives, never joined with a relative of the same name."""
from __future__ import annotations

from kronika.extract.entities import extract_mentions
from kronika.extract.entities.subject import find_subject, title_case


def keys(nlp, text):
    out: dict[str, set[str]] = {}
    for m in extract_mentions(nlp(text)):
        if m.type == "PERSON":
            out.setdefault(m.key, set()).add(m.text)
    return out


def subject_key(nlp, text):
    ks = keys(nlp, text)
    return ks, max(ks, key=lambda k: len(ks[k]))


def test_upper_case_lead_with_birth_name_and_surname_alone(nlp):
    text = ("JOHN HALLORAN (born JOHANN HALLER; 3 May 1850 – 1 June 1920) was a German-born engineer. "
            "Halloran studied in Munich. His father, Georg Haller, was a miller. In 1875 Halloran moved to Leeds.")
    ks, k = subject_key(nlp, text)
    assert k == "John Halloran"
    assert {"JOHN HALLORAN", "JOHANN HALLER", "Halloran"} <= ks[k]
    assert "Georg Haller" in ks and "Georg Haller" != k


def test_title_honorific_and_peerage_in_the_lead(nlp):
    text = ("SIR WALTER PRESCOTT-DUNN, 1ST BARON DUNMERE (4 April 1830 – 2 March 1901), was a Scottish chemist. "
            "Prescott-Dunn taught at Glasgow. Lord Dunmere retired in 1890.")
    s = find_subject(nlp(text).text, [])
    assert s is not None and s.key == "Walter Prescott-Dunn"
    assert s.titles == ["1st Baron Dunmere"]
    ks = keys(nlp, text)
    assert "1ST BARON DUNMERE" in ks["Walter Prescott-Dunn"]


def test_father_with_the_same_given_name_and_surname_stays_apart(nlp):
    text = ("PAUL-HENRI VERNIER (12 March 1840 – 5 May 1910) was a French painter. Henri Vernier was the son of "
            "Henri Auguste Vernier, a clerk. Vernier exhibited in Paris. Henri Vernier died in Rouen.")
    ks = keys(nlp, text)
    assert "Henri Vernier" in ks and "Henri Auguste Vernier" in ks
    assert {"Vernier", "PAUL-HENRI VERNIER"} <= ks["Henri Vernier"]


def test_generation_suffix_keeps_father_and_son_apart(nlp):
    text = ("SILAS GRANT JR. (October 16, 1758 – May 28, 1843) was an American printer. His father, Silas Grant Sr., "
            "was a farmer. Grant moved to Boston in 1780.")
    ks = keys(nlp, text)
    subj = next(k for k, v in ks.items() if "SILAS GRANT JR." in v)
    assert "Grant" in ks[subj]
    assert not any("Sr." in t for t in ks[subj])


def test_married_name_and_nickname(nlp):
    text = ('HELENA "LENKA" MARSH (1901 – 1970) was an American journalist. Lenka Marsh wrote for a paper. '
            'In 1925 Helena Marsh Corbett moved to Ohio. Lenka retired in 1960.')
    ks, k = subject_key(nlp, text)
    assert k == "Lenka Marsh"
    assert {"Helena Marsh Corbett", "Lenka"} <= ks[k]


def test_surname_shared_with_a_husband_named_as_often_stays_apart(nlp):
    text = ("ROSA KELLNER (born ROSA BAUM; 1880 – 1950) was an Austrian activist. Her husband, Otto Kellner, "
            "was a poet. Otto Kellner was arrested in 1933. Rosa Kellner campaigned for him. Otto Kellner died "
            "in 1934. Kellner's papers went to Moscow.")
    ks = keys(nlp, text)
    assert "Otto Kellner" in ks and "Rosa Kellner" in ks
    assert "Kellner" not in ks["Rosa Kellner"]


def test_places_named_after_the_subject_are_not_the_subject(nlp):
    text = ("ALBERT NOVAK (1881 – 1955) was a Czech biologist. Novak studied in Prague. "
            "The Albert Novak Building in Brno bears his name.")
    ks = keys(nlp, text)
    assert not any("Building" in t for t in ks.get("Albert Novak", ()))


def test_title_case_lead_and_not_a_dateline(nlp):
    assert find_subject("Mara Olsen (born 1950) was a Danish rower. Olsen won in 1972.", []).key == "Mara Olsen"
    assert find_subject("MOSCOW (Reuters) - Prices rose on Monday, officials said.", []) is None
    assert find_subject("The war ended in 1918. It was a long war.", []) is None


def test_title_case_of_upper_case_names():
    assert title_case("ALBÉNIZ") == "Albéniz"
    assert title_case("OSCAR-CLAUDE") == "Oscar-Claude"
    assert title_case("O'BRIEN") == "O'Brien"
    assert title_case("Y") == "y"
    assert title_case("1ST") == "1st"


def test_full_names_one_document_keeps_apart_are_never_joined():
    from kronika.reconcile.entities import DocEntity, resolve_entities

    def E(doc, key):
        return DocEntity(doc, key, "PERSON", {key}, 1, set())
    ids = resolve_entities([E("a", "Paul Vernier"), E("a", "Paul Auguste Vernier"), E("b", "Paul Vernier"),
                            E("c", "Paul Auguste Vernier"), E("d", "Emma G. Lindt"), E("e", "Emma Lindt")])
    assert ids[("a", "Paul Vernier")] != ids[("a", "Paul Auguste Vernier")]
    assert ids[("a", "Paul Vernier")] == ids[("b", "Paul Vernier")]
    assert ids[("a", "Paul Auguste Vernier")] == ids[("c", "Paul Auguste Vernier")]
    assert ids[("d", "Emma G. Lindt")] == ids[("e", "Emma Lindt")]


def test_the_lead_subject_is_the_main_person_even_when_a_teacher_is_named_more(nlp):
    from kronika.extract.coref.persons import main_person
    text = ("LUCIA VERRI (6 March 1826 – 23 June 1894) was an Italian singer. Verri studied with Tomas Belloni. "
            "Belloni wrote an opera. Belloni taught in Milan. Belloni praised her voice. She sang in Vienna.")
    sdoc = nlp(text)
    assert main_person(sdoc, extract_mentions(sdoc)) == "Lucia Verri"
