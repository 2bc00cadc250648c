"""The web app over the real seed corpus (three web documents about Victor Serge) put through the build."""
from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_client(seeds_dir, tmp_path_factory):
    from starlette.testclient import TestClient
    from kronika.build import build
    from kronika.serve.app import create_app
    from kronika.settings import load_settings

    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    build([str(seeds_dir)], db, load_settings(n_process=1))
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def test_home_is_victor_serges_timeline(seeds_client):
    r = seeds_client.get("/")
    assert r.status_code == 200
    assert "<h1>Victor Serge</h1>" in r.text
    t = seeds_client.get("/api/timeline").json()
    assert t["subject"]["name"] == "Victor Serge"
    assert len(t["events"]) >= 3


def test_every_quote_is_its_documents_text(seeds_client):
    t = seeds_client.get("/api/timeline").json()
    texts = {}
    for e in t["events"]:
        for s in e["sources"]:
            if s["doc"] not in texts:
                texts[s["doc"]] = seeds_client.get("/api/doc?name=" + quote(s["doc"], safe="")).json()["text"]
            assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]


def test_every_page_renders(seeds_client):
    docs = seeds_client.get("/api/docs").json()
    assert len(docs) == 3
    for d in docs:
        r = seeds_client.get("/doc/" + quote(d["doc"], safe=""))
        assert r.status_code == 200 and 'id="doctext"' in r.text
        api = seeds_client.get("/api/doc?name=" + quote(d["doc"], safe="")).json()
        for s in api["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(api["text"])
    for url in ("/map", "/network", "/docs", "/search?q=trotsky", "/ask?q=Where+was+Serge+exiled",
                "/api/places", "/api/network", "/api/conflicts", "/api/claims"):
        assert seeds_client.get(url, follow_redirects=True).status_code == 200, url


def test_places_of_the_life_are_located(seeds_client):
    m = seeds_client.get("/api/places").json()
    names = {p["name"] for p in m["places"]}
    assert names, "some places of the life should be on the map"
    for p in m["places"]:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
