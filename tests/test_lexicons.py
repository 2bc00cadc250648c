"""Word lists as data: the one loader, and tables that must agree with each other do."""
from __future__ import annotations

import ast
import json
from importlib import resources
from pathlib import Path

import pytest

from kronika import geo, lexicons, records
from kronika.extract.coref import references
from kronika.extract.events import lexicon as event_lexicon
from kronika.extract.facts import kin, relations
from kronika.extract.facts.context import country_of, lexicon as facts_lexicon

SRC = Path(__file__).resolve().parent.parent / "src" / "kronika"
DATA_FILES = sorted(p.stem for p in resources.files("kronika.data").iterdir() if p.name.endswith(".json"))


def test_loader_reads_each_file_once_and_gives_read_only_tables():
    assert lexicons.load("events") is lexicons.load("events")
    verbs = lexicons.words("events", "passive_only")
    assert isinstance(verbs, frozenset) and "arrest" in verbs
    m = lexicons.mapping("events", "verb_types")
    m["arrest"] = "changed"                      # a fresh dict: the cached file is untouched
    assert lexicons.mapping("events", "verb_types")["arrest"] == "imprisonment"
    with pytest.raises(KeyError, match="data/events.json has no table 'nope'"):
        lexicons.words("events", "nope")


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_says_what_it_is_for(name):
    data = lexicons.load(name)
    about = data.get("_about") or data.get("about") or data.get("meta")
    assert about, f"data/{name}.json needs an _about line"


def test_one_demonym_table_for_events_and_facts():
    """'Czech-born' (an event's birth place) and 'Czech' (a nationality fact) name the same country."""
    assert event_lexicon.DEMONYMS == facts_lexicon()["demonyms"]
    assert event_lexicon.DEMONYMS["czech"] == country_of("Czech") == "Czech Republic"
    assert event_lexicon.DEMONYMS["czechoslovak"] == "Czechoslovakia"
    assert event_lexicon.DEMONYMS["english"] == country_of("English") == "United Kingdom"


def test_event_types_of_the_lexicon_are_the_record_vocabulary():
    types = (set(event_lexicon.VERB_TYPES.values()) | set(event_lexicon.NOUN_TYPES.values())
             | set(event_lexicon.ROLE_NOUN_TYPES.values()))
    assert types <= set(records.EVENT_TYPES)
    templated = set(event_lexicon.TEMPLATES)
    assert templated <= set(records.EVENT_TYPES)


def test_kinship_attributes_are_fact_attributes():
    attrs = {a for a, _rel in kin.KIN.values() if a is not None}
    assert attrs and attrs <= set(records.FACT_ATTRIBUTES)
    assert all(isinstance(preps, set) for _rel, preps in relations.VERBS.values())


def test_geo_historical_names_do_not_repeat_the_gazetteer():
    """One source per alias: a historical place name is either a PLACE alias of the gazetteer or in data/geo.json."""
    gazetteer_aliases = geo._gazetteer_aliases()
    repeated = sorted(k for k in geo.HISTORICAL if geo.normalise(k) in gazetteer_aliases)
    assert repeated == []
    unreachable = sorted(k for k in geo.HISTORICAL if geo.normalise(k) != k)   # looked up by their normal form
    assert unreachable == []
    assert geo.lookup("Petrograd")["name"] == "Saint Petersburg"   # now only through the gazetteer
    assert geo.lookup("Byzantium")["name"] == "Istanbul"           # only through data/geo.json


def test_person_words_come_from_one_file():
    assert references.FEMALE_PRONOUNS == lexicons.words("persons", "female_pronouns")
    assert "she" in references.FEMALE_PRONOUNS and "he" in references.MALE_PRONOUNS
    assert not references.FEMALE_NAMES & references.MALE_NAMES


def _big_tables(root: Path, n: int = 40) -> list[str]:
    """'path:NAME' of module-level literal tables of ``n`` or more strings ("a b c".split() counts each word)."""
    out = []
    for f in sorted(root.rglob("*.py")):
        for st in ast.parse(f.read_text(encoding="utf-8")).body:
            if not isinstance(st, (ast.Assign, ast.AnnAssign)) or st.value is None:
                continue
            target = st.targets[0] if isinstance(st, ast.Assign) else st.target
            v = st.value.args[0] if isinstance(st.value, ast.Call) and st.value.args else st.value
            if isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "split" \
                    and isinstance(v.func.value, ast.Constant):
                count = len(str(v.func.value.value).split())
            elif isinstance(v, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
                count = sum(1 for x in ast.walk(v) if isinstance(x, ast.Constant) and isinstance(x.value, str))
            else:
                continue
            if count >= n:
                out.append(f"{f.relative_to(SRC).as_posix()}:{getattr(target, 'id', '?')}")
    return out


def test_no_big_word_tables_left_in_extractors_or_geo():
    """Word lists of the extractors and the geocoder live in data/; what is left are two rule tables (regexes or
    verb lemmas paired with the code that decides), which are code, not word lists."""
    found = _big_tables(SRC / "extract") + [t for t in _big_tables(SRC) if t.startswith("geo.py")]
    assert set(found) <= {"extract/time/absolute.py:RULES", "extract/events/senses.py:RULES"}


def test_data_files_are_valid_utf8_json():
    for name in DATA_FILES:
        with resources.files("kronika.data").joinpath(f"{name}.json").open(encoding="utf-8") as fh:
            json.load(fh)


def test_no_corpus_specific_names_in_word_lists():
    """Word lists hold general knowledge: 'Vlady' (the nickname of Victor Serge's son, from the bundled example)
    is not a given name a first-name pattern may rely on."""
    from kronika.extract.entities.gazetteer import name_lists
    assert "Vlady" not in name_lists()["first_names"]
    assert {"Victor", "Natalia", "Emma"} <= name_lists()["first_names"]


def test_the_web_type_filter_offers_every_event_type_of_the_contract():
    from kronika import records
    from kronika.serve import views

    assert views.EVENT_TYPES == list(records.EVENT_TYPES)
    assert {"award", "premiere", "election"} <= set(views.EVENT_TYPES)
