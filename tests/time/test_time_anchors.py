"""Historical-event table, salient events and event-anchored time expressions (sentences written for these tests)."""
import json
from importlib import resources

from kronika.extract.time import anchors


def _anchored(text):
    from kronika.extract.time import extract_timexes
    import spacy
    return [t for t in extract_timexes(spacy.blank("en")(text)) if t.inferred]


def test_table_is_large_and_well_formed():
    data = json.loads(resources.files("kronika.data").joinpath("historical_events.json").read_text())
    events = data["events"]
    assert len(events) >= 300 and data["meta"]["source"] and data["meta"]["method"]
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids))
    for e in events:
        assert e["start"][:1].isdigit() and (e["end"] is None or e["end"] >= e["start"][: len(e["end"])])
    kinds = {e["kind"] for e in events}
    assert {"war", "revolution", "treaty", "armistice", "uprising", "purge", "congress", "invasion", "famine",
            "election", "trial"} <= kinds


def test_find_event():
    assert anchors.find_event("the Kronstadt rebellion")["start"] == "1921-03-01"
    assert anchors.find_event("World War II")["id"] == "world-war-ii"
    assert anchors.find_event("the Great War")["name"] == "World War I"
    assert anchors.find_event("the moon pie festival") is None
    assert anchors.find_event("") is None


def test_salient_event():
    assert anchors.salient_event("war", [1915, 1916], [])["name"] == "World War I"
    assert anchors.salient_event("war", [1941, 1943], [])["name"] == "World War II"
    assert anchors.salient_event("war", [1941], ["the Korean War"])["name"] == "Korean War"
    assert anchors.salient_event("armistice", [1916, 1917], [])["start"] == "1918-11-11"
    assert anchors.salient_event("revolution", [1917], [])["start"].startswith("1917")
    assert anchors.salient_event("war", [], []) is None


def test_anchored_expressions():
    t = _anchored("In 1916 the poet was interned in a camp. The eventual armistice arrives and he is freed.")
    assert t[0].text == "The eventual armistice" and t[0].value == "1918-11-11" and t[0].anchor
    t = _anchored("She left Paris in 1940 just as Nazi Germany invaded France.")
    assert t[0].earliest.startswith("1940-05") and t[0].latest.startswith("1940-06")
    t = _anchored("He was drafted in 1942. A couple of years after the cessation of hostilities he emigrated.")
    assert (t[0].value, t[0].mod, t[0].earliest, t[0].latest) == ("1947", "APPROX", "1946", "1948")
    t = _anchored("After the Russian Revolution the family fled; during the Spanish Civil War he fought.")
    by = {x.anchor: x for x in t}
    assert by["Russian Revolution"].mod == "AFTER" and by["Russian Revolution"].latest is None
    assert by["Spanish Civil War"].earliest == "1936-07-17"
    t = _anchored("He was born in 1890. At the outbreak of the war he volunteered.")
    assert t[0].value == "1914-07-28"


def test_ambiguous_anchor_follows_named_event():
    t = _anchored("He wrote about the Korean War. After the war he taught in 1955.")
    assert t[-1].anchor == "Korean War"


def test_unanchored_generic_mentions_are_left_alone():
    assert _anchored("The war poet read aloud.") == []


def test_shared_names_resolve_by_salience():
    t = _anchored("The Bolsheviks held Moscow in 1918, and during the Civil War the city starved.")
    assert t and t[0].anchor == "Russian Civil War"
    t = _anchored("In 1863 the Union army advanced; as the Civil War dragged on, prices rose.")
    assert t and t[0].anchor == "American Civil War"


def test_armistice_of_the_named_war():
    t = _anchored("He wrote a memoir of the Korean War. Then the armistice came and he went home.")
    assert t[-1].anchor == "Korean Armistice Agreement"


def test_invasions_by_clause():
    t = _anchored("Her brother was called up when Hitler invaded the Soviet Union.")
    assert t and t[0].anchor == "Operation Barbarossa" and t[0].earliest == "1941-06-22"
    t = _anchored("Prices rose after Iraq invaded Kuwait.")
    assert t[0].mod == "AFTER" and t[0].earliest.startswith("1990-08")
    assert _anchored("They wanted to end the war in Bosnia.") == []


def test_invasion_with_words_between_agent_and_verb_is_anchored():
    from kronika.extract.time.anchors import anchored_timexes
    text = "As Germany massed its armies and invaded Poland, the family left Lodz."
    got = [t for t in anchored_timexes(text) if "invaded" in t.text]
    assert got and got[0].earliest.startswith("1939")


def test_cessation_of_hostilities_means_the_war_of_the_latest_named_episode():
    from kronika.extract.time.anchors import anchored_timexes
    text = ("She wrote about the Spanish Civil War for years. When Germany invaded Poland she was in Warsaw. "
            "She came home a year after the cessation of hostilities.")
    got = [t for t in anchored_timexes(text) if "hostilities" in t.text]
    assert got and got[0].anchor == "World War II" and got[0].earliest.startswith("194")
