"""Coordinates are geocoded once, at reconciliation, and stored: the entities JSON, the JSON-LD export, the map of
the web app and the static HTML export read that point and geocode nothing again."""
from __future__ import annotations

import json
import sqlite3

import pytest

from kronika import geo

TEXTS = [
    {"id": "halvorsen", "text": "Mira Halvorsen was born in Paris, Texas, in 1901. In 1920 she moved to Dallas, "
                                "and in 1931 she settled in Perth in Western Australia."},
    {"id": "brandt", "text": "Anton Brandt was born in Königsberg in 1888. He studied in Vienna and died in Paris "
                             "in 1950."},
]
SENTINEL = (12.5, -45.25, "ZZ")   # nowhere near any of these places: only a reader of the stored point sees it


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from kronika.build import build
    from kronika.settings import load_settings
    d = tmp_path_factory.mktemp("geo")
    src = d / "lives.jsonl"
    src.write_text("\n".join(json.dumps(t) for t in TEXTS) + "\n", encoding="utf-8")
    db = str(d / "k.db")
    build([str(src)], db, load_settings(n_process=1))
    return db


def _places(db):
    from kronika.store import reads
    from kronika.store.db import Store
    with Store(db, readonly=True) as st:
        return {e["name"]: e for e in reads.entities(st.conn, "PLACE")}


def test_places_are_stored_with_their_country(built):
    places = _places(built)
    assert places["Perth"]["geo"]["country"] == "AU"
    old = places.get("Königsberg") or places.get("Kaliningrad")   # the gazetteer may show today's name
    assert old and old["geo"]["country"] == "RU"
    assert places["Vienna"]["geo"]["country"] == "AT"
    for e in places.values():
        if "geo" in e:
            assert set(e["geo"]) == {"lat", "lon", "country"}


@pytest.fixture()
def moved(built, tmp_path, monkeypatch):
    """A copy of the database whose Perth has been moved to the sentinel point; geocoding is forbidden."""
    import shutil
    db = str(tmp_path / "moved.db")
    shutil.copy(built, db)
    with sqlite3.connect(db) as c:
        c.execute("UPDATE entities SET lat = ?, lon = ?, country = ? WHERE name = 'Perth'", SENTINEL)

    def forbidden(*a, **k):
        raise AssertionError("geocoded again outside reconciliation")
    monkeypatch.setattr(geo, "lookup", forbidden)
    monkeypatch.setattr(geo, "geocode", forbidden)
    return db


def test_jsonld_reads_the_stored_point(moved, tmp_path):
    from kronika.export import export
    from kronika.store.db import Store
    out = tmp_path / "k.jsonld"
    with Store(moved, readonly=True) as st:
        export(st.conn, "jsonld", str(out))
    nodes = [n for n in json.loads(out.read_text())["@graph"] if n.get("@type") == "Place" and n["name"] == "Perth"]
    assert nodes and nodes[0]["geo"]["latitude"] == SENTINEL[0] and nodes[0]["geo"]["longitude"] == SENTINEL[1]
    assert nodes[0]["address"]["addressCountry"] == "ZZ"


def test_entities_json_and_map_read_the_stored_point(moved):
    from starlette.testclient import TestClient

    from kronika.serve.app import create_app
    from kronika.store import reads
    from kronika.store.db import Store
    with Store(moved, readonly=True) as st:
        perth = [e for e in reads.entities(st.conn, "PLACE") if e["name"] == "Perth"][0]
    assert perth["geo"] == {"lat": SENTINEL[0], "lon": SENTINEL[1], "country": "ZZ"}
    with TestClient(create_app(moved), raise_server_exceptions=True) as client:
        m = client.get("/api/places", params={"subject": "Mira Halvorsen"}).json()
    got = {p["name"]: p for p in m["places"]}
    assert (got["Perth"]["lat"], got["Perth"]["lon"], got["Perth"]["country"]) == SENTINEL


def test_the_html_export_reads_the_stored_point(moved, tmp_path):
    from kronika.export.places import places_of
    from kronika.store import reads
    from kronika.store.db import Store
    with Store(moved, readonly=True) as st:
        t = reads.timeline(st.conn, "Mira Halvorsen")
        m = places_of(t, reads.facts_of(st.conn, t["subject"]["id"]), reads.places_geo(st.conn))
    got = {p["name"]: p for p in m["places"]}
    assert (got["Perth"]["lat"], got["Perth"]["lon"]) == SENTINEL[:2]
    assert all(p["kind"] in ("place", "country") for p in m["places"])


def test_the_name_written_after_a_place_qualifies_it(tmp_path):
    """'Birmingham, Alabama' beside 'London' in a life of many English places: the qualifier decides."""
    from kronika.build import build
    from kronika.geo import QUALIFIER_GAP
    from kronika.settings import load_settings
    for gap in (", ", ", in ", " in ", ", on the island of ", " in the ", ", in the "):
        assert QUALIFIER_GAP.match(gap), gap
    for gap in (" to ", " and ", ". ", ", and then to "):
        assert not QUALIFIER_GAP.match(gap), gap
    text = ("Ada Pemberton was born in Leeds in 1920 and grew up in York, Manchester and Liverpool. She studied in "
            "London and Oxford, taught in Bristol and Norwich, and in 1950 moved to Birmingham, in Alabama, where "
            "she taught at a college until 1975.")
    src = tmp_path / "ada.jsonl"
    src.write_text(json.dumps({"id": "ada", "text": text}) + "\n", encoding="utf-8")
    db = str(tmp_path / "k.db")
    build([str(src)], db, load_settings(n_process=1))
    places = _places(db)
    birmingham = places.get("Birmingham") or places["Birmingham, Alabama"]
    assert birmingham["geo"]["country"] == "US"
    assert places["Leeds"]["geo"]["country"] == "GB" and places["Oxford"]["geo"]["country"] == "GB"
