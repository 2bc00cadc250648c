"""The entity layers on sentences written for these tests (none from the seed texts)."""
from __future__ import annotations

import pytest

from kronika.extract.entities import extract_mentions


def mentions(nlp, text):
    ms = extract_mentions(nlp(text))
    for m in ms:
        assert text[m.start:m.end] == m.text
    return ms


def keyed(nlp, text):
    return {(m.key, m.type) for m in mentions(nlp, text)}


def test_pipeline_has_our_components(nlp):
    names = nlp.pipe_names
    assert names.index("kronika_gazetteer") > names.index("ner")
    assert names.index("kronika_entities") > names.index("kronika_gazetteer")


@pytest.mark.parametrize("text,key,typ", [
    ("In 1921 she moved to Petrograd with her sister.", "Saint Petersburg", "PLACE"),
    ("The family left Königsberg before the war.", "Kaliningrad", "PLACE"),
    ("He was posted to Constantinople as a consul.", "Istanbul", "PLACE"),
    ("The siege of Tsaritsyn made his name.", "Volgograd", "PLACE"),
    ("They travelled from Léopoldville to the coast.", "Kinshasa", "PLACE"),
    ("The sailors of Kronstadt demanded free soviets.", "Kronstadt", "PLACE"),
    ("She was arrested by the OGPU in 1929.", "OGPU", "ORG"),
    ("He joined the Comintern apparatus as a translator.", "Comintern", "ORG"),
    ("Orwell fought with the POUM militia on the Aragon front.", "POUM", "ORG"),
    ("The KPD and the SPD refused to cooperate.", "KPD", "ORG"),
    ("Several members of the Gestapo were tried after the war.", "Gestapo", "ORG"),
    ("He served in the Red Army until 1923.", "Red Army", "ORG"),
    ("She wrote regularly for Pravda in those years.", "Pravda", "ORG"),
    ("He studied at the Sorbonne before the war.", "Sorbonne", "ORG"),
    ("He was wounded during the Great War near Verdun.", "First World War", "EVENT"),
    ("Her brother disappeared in the Great Terror.", "Great Purge", "EVENT"),
    ("The Moscow Trials destroyed the old guard.", "Moscow Trials", "EVENT"),
    ("After the Kronstadt uprising she left the country.", "Kronstadt rebellion", "EVENT"),
    ("She reported on the Spanish civil war for a London paper.", "Spanish Civil War", "EVENT"),
    ("The Rivonia Trial ended in 1964.", "Rivonia Trial", "EVENT"),
])
def test_gazetteer_entities_get_canonical_keys_and_types(nlp, text, key, typ):
    assert (key, typ) in keyed(nlp, text)


def test_the_gazetteer_overrides_the_models_label(nlp):
    # the stock model calls names like these places or organisations; the gazetteer knows better
    ks = keyed(nlp, "Kronstadt and Orenburg were far apart; the Bonnot gang robbed a bank.")
    assert ("Kronstadt", "PLACE") in ks and ("Orenburg", "PLACE") in ks and ("Bonnot gang", "ORG") in ks


def test_left_opposition_in_lower_case(nlp):
    assert ("Left Opposition", "ORG") in keyed(nlp, "He had joined the left opposition in 1923.")


@pytest.mark.parametrize("text", [
    "Trotskyism was condemned at the plenum.",
    "He drifted from anarchism to Bolshevism within a year.",
    "Stalinism and its apologists had many faces.",
    "The Stalinist press attacked the Trotskyist groups.",
])
def test_ideologies_are_not_entities(nlp, text):
    assert not [m for m in mentions(nlp, text) if m.text.endswith(("ism", "ist", "ists"))]


def test_adjectives_are_not_entities(nlp):
    ms = mentions(nlp, "The Russian émigrés and the early Bolshevik leaders met in a Soviet office.")
    assert not [m for m in ms if m.text in ("Russian", "Bolshevik", "Soviet")]


@pytest.mark.parametrize("text,name", [
    ("In her last years Ludmila Petrova lived with Anna Karpova in Paris.", "Anna Karpova"),
    ("Her closest friend was Natalia Volkova, who also wrote.", "Natalia Volkova"),
    ("They were received by General Ludendorff at the station.", "Ludendorff"),
    ("The decree was signed by Tsar Alexander II in 1861.", "Alexander II"),
])
def test_person_patterns(nlp, text, name):
    ms = mentions(nlp, text)
    assert any(m.type == "PERSON" and m.text == name for m in ms), ms


def test_firstname_run_is_not_a_person_when_followed_by_a_place_head(nlp):
    ms = mentions(nlp, "They met near Victoria Station and walked to Elizabeth Street.")
    assert not [m for m in ms if m.type == "PERSON"]


def test_longer_proper_name_around_a_gazetteer_name_keeps_its_span(nlp):
    ms = mentions(nlp, "He retired to New Mexico and later to South Australia.")
    texts = {m.text for m in ms if m.type == "PLACE"}
    assert "New Mexico" in texts and "Mexico" not in texts


def test_no_person_ending_in_an_institution_word(nlp):
    ms = mentions(nlp, "He played in the Ranji Trophy and later in the Duleep Trophy.")
    assert not [m for m in ms if m.type == "PERSON"]


def test_surname_propagation_fills_missed_mentions(nlp):
    text = "Ottilie Bramwell founded the school. Bramwell taught there for decades, and Bramwell's pupils adored her."
    ms = [m for m in mentions(nlp, text) if m.type == "PERSON"]
    assert sum(m.text == "Bramwell" for m in ms) == 2
    assert {m.key for m in ms} == {"Ottilie Bramwell"}


def test_known_city_after_a_preposition_is_a_place(nlp):
    ms = mentions(nlp, "After the war the engineer settled in Kharagpur and died at Aurangabad in 1961.")
    places = {m.text for m in ms if m.type == "PLACE"}
    assert {"Kharagpur", "Aurangabad"} <= places


def test_birth_name_alias_from_the_gazetteer(nlp):
    ms = mentions(nlp, "Victor Kibalchich was born in Brussels in 1890.")
    assert ("Victor Serge", "PERSON") in {(m.key, m.type) for m in ms}


@pytest.mark.parametrize("text,name", [
    ("He was in China during the Boxer Rebellion.", "Boxer Rebellion"),
    ("The fleet was destroyed at the Battle of Tsushima.", "Battle of Tsushima"),
    ("The Treaty of Rapallo was signed in 1922.", "Treaty of Rapallo"),
    ("The Fifth Congress of the Comintern met in 1924.", "Fifth Congress of the Comintern"),
    ("She supported the 1926 General Strike.", "1926 General Strike"),
    ("The Winter War began in 1939.", "Winter War"),
])
def test_event_name_patterns(nlp, text, name):
    assert (name, "EVENT") in {(m.text, m.type) for m in mentions(nlp, text)}


@pytest.mark.parametrize("text", [
    "The Civil War ended and the Party lost.",
    "Germany's War Ministry issued the order.",
    "The Indian National Congress met in Lahore.",
])
def test_no_event_from_generic_or_organisation_names(nlp, text):
    assert not [m for m in mentions(nlp, text) if m.type == "EVENT"]


def test_geographic_heads_make_places(nlp):
    ms = mentions(nlp, "The ranch lay between Big Muddy Creek and the Fort Peck Indian Reservation.")
    types = {m.text: m.type for m in ms}
    assert types.get("Big Muddy Creek") == "PLACE"
    assert types.get("Fort Peck Indian Reservation") == "PLACE"


def test_demonyms_are_not_places(nlp):
    ms = mentions(nlp, "The Ukrainian and Finnish delegates met the Japanese envoy in Vienna.")
    assert {m.text for m in ms} == {"Vienna"}


def test_more_given_names_make_people(nlp):
    ms = mentions(nlp, "He married Aleksandra Sokolovskaya in prison.")
    assert ("Aleksandra Sokolovskaya", "PERSON") in {(m.text, m.type) for m in ms}


def test_adherent_adjectives_are_trimmed_or_dropped(nlp):
    ms = mentions(nlp, "The anti-Bolshevik press hated the Bolshevik Yakov Sverdlov. Anti-Bolshevik leaders fled.")
    assert not [m for m in ms if "Bolshevik" in m.text]
    assert ("Yakov Sverdlov", "PERSON") in {(m.text, m.type) for m in ms}


@pytest.mark.parametrize("text,key,typ", [
    ("Everyone in the cell had read Darkness at Noon by then.", "Darkness at Noon", "WORK"),
    ("She translated The State and Revolution into Yiddish.", "The State and Revolution", "WORK"),
    ("He was in Petrograd during the Bolshevik Revolution.", "October Revolution", "EVENT"),
    ("The Mau Mau Uprising shook the colony.", "Mau Mau Uprising", "EVENT"),
    ("She later led the MPLA delegation.", "MPLA", "ORG"),
    ("The Kuomintang retreated to Formosa.", "Taiwan", "PLACE"),
    ("The family fled from Rangoon to Calcutta.", "Kolkata", "PLACE"),
])
def test_more_gazetteer_families(nlp, text, key, typ):
    assert (key, typ) in keyed(nlp, text)


def test_city_names_the_model_calls_people(nlp):
    ms = mentions(nlp, "After the war she taught for ten years in Dunedin and Belmopan.")
    assert {("Dunedin", "PLACE"), ("Belmopan", "PLACE")} <= {(m.text, m.type) for m in ms}
    ms = mentions(nlp, "Jackson said the bank was a monster. Lincoln replied in kind.")
    assert ("Jackson", "PERSON") in {(m.text, m.type) for m in ms}
