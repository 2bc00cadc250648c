"""The gazetteer data file: shape, links, old/new names and lookups."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from kronika.extract.entities.gazetteer import alias_index, entity_info, gazetteer, lookup, name_history, ruler_patterns
from kronika.records import ENTITY_TYPES


def test_file_has_documented_source_and_several_hundred_entries():
    raw = json.loads(resources.files("kronika.data").joinpath("gazetteer.json").read_text(encoding="utf-8"))
    assert "source" in raw["meta"] and "schema" in raw["meta"]
    g = gazetteer()
    assert len(g) >= 500
    counts = {t: sum(e["type"] == t for e in g.values()) for t in ENTITY_TYPES}
    assert counts["PLACE"] >= 200 and counts["ORG"] >= 100 and counts["EVENT"] >= 80


def test_every_entry_is_well_formed_and_links_resolve():
    g = gazetteer()
    for name, e in g.items():
        assert e["type"] in ENTITY_TYPES
        assert isinstance(e["aliases"], list)
        for k in ("succeeded_by", "preceded_by", "part_of"):
            if k in e:
                assert e[k] in g, (name, k, e[k])


@pytest.mark.parametrize("old,new", [
    ("Petrograd", "Saint Petersburg"), ("Leningrad", "Saint Petersburg"), ("St.Petersburg", "Saint Petersburg"),
    ("St. Petersburg", "Saint Petersburg"), ("Königsberg", "Kaliningrad"), ("Constantinople", "Istanbul"),
    ("Tsaritsyn", "Volgograd"), ("Stalingrad", "Volgograd"), ("Bombay", "Mumbai"), ("Léopoldville", "Kinshasa"),
    ("Breslau", "Wrocław"), ("Kovno", "Kaunas"), ("Persia", "Iran"), ("Gold Coast", "Ghana"),
])
def test_old_place_names_map_to_the_canonical_place(old, new):
    rec = lookup(old)
    assert rec is not None and rec["name"] == new and rec["type"] == "PLACE"


def test_mexico_and_mexico_city_are_different():
    assert lookup("Mexico")["name"] == "Mexico"
    assert lookup("Mexico City")["name"] == "Mexico City"


def test_secret_police_succession_is_linked_not_merged():
    chain = ["Cheka", "GPU", "OGPU", "NKVD", "MVD", "KGB"]
    for a in chain:
        assert lookup(a)["name"] == a
    hist = set(name_history())
    for a, b in zip(chain, chain[1:]):
        assert (a, "succeeded_by", b) in hist


@pytest.mark.parametrize("alias,name,typ", [
    ("Third International", "Comintern", "ORG"), ("Communist International", "Comintern", "ORG"),
    ("Workers' Party of Marxist Unification", "POUM", "ORG"), ("Gestapo", "Gestapo", "ORG"),
    ("World War I", "First World War", "EVENT"), ("Great Terror", "Great Purge", "EVENT"),
    ("Moscow trials", "Moscow Trials", "EVENT"), ("Bolshevik Revolution", "October Revolution", "EVENT"),
    ("Lev Bronstein", "Leon Trotsky", "PERSON"), ("ANC", "African National Congress", "ORG"),
    ("Harvard University", "Harvard University", "ORG"), ("Red Army", "Red Army", "ORG"),
])
def test_aliases_and_types(alias, name, typ):
    rec = lookup(alias)
    assert rec["name"] == name and rec["type"] == typ


def test_entity_info_returns_a_copy_with_links_and_coordinates():
    info = entity_info("Saint Petersburg")
    assert info["type"] == "PLACE" and "Petrograd" in info["aliases"]
    assert len(info["coords"]) == 2
    assert any(f["name"] == "Leningrad" for f in info["former_names"])
    info["aliases"].clear()
    assert entity_info("Saint Petersburg")["aliases"]
    assert entity_info("GPU")["succeeded_by"] == "OGPU"
    assert entity_info("no such thing") is None


def test_ruler_patterns_cover_aliases_and_lower_case_variants():
    pats = {p["pattern"]: p for p in ruler_patterns()}
    assert pats["Petrograd"]["id"] == "Saint Petersburg"
    assert pats["left opposition"]["id"] == "Left Opposition"
    assert pats["spanish civil war"]["label"] == "EVENT"
    assert "Nice" not in pats  # ambiguous words are not matched by the ruler
    assert all(alias_index()[p] == v["id"] for p, v in pats.items())
