"""Every export format: it parses, it has the documented shape, and hostile text stays data."""
from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser

import pytest

from kronika.export import export


def test_jsonld_has_context_and_schema_org_nodes(conn, tmp_path):
    path = export(conn, "jsonld", str(tmp_path / "out.jsonld"))
    doc = json.load(open(path, encoding="utf-8"))
    assert "@context" in doc and "https://schema.org/" in json.dumps(doc["@context"])
    nodes = doc["@graph"]
    types = {n["@type"] for n in nodes}
    assert {"Person", "Place", "Organization", "Event"} <= types
    assert all("@id" in n for n in nodes)
    ids = {n["@id"] for n in nodes}
    serge = next(n for n in nodes if n.get("name") == "Victor Serge" and n["@type"] == "Person")
    assert "Serge" in serge["alternateName"]
    exile = next(n for n in nodes if n["@type"] == "Event" and n.get("name") == "Exiled to Orenburg")
    assert exile["startDate"] == "1933" and exile["endDate"] == "1933"
    assert exile["location"][0]["name"] == "Orenburg" and exile["location"][0]["@id"] in ids
    assert len(exile["citation"]) == 2
    texts = {d["doc"]: d["text"] for d in json.load(open(export(conn, "json", str(tmp_path / "all.json"))))["documents"]}
    for q in exile["citation"]:
        assert q["@type"] == "Quotation" and q["isPartOf"]["@id"] in ids
        doc_name = q["isPartOf"]["@id"].split("/", 1)[1]
        assert texts[doc_name][q["kronika:start"]:q["kronika:end"]] == q["text"]
    orenburg = next(n for n in nodes if n["@type"] == "Place" and n["name"] == "Orenburg")
    assert abs(orenburg["geo"]["latitude"] - 51.77) < 0.5
    kron = next(n for n in nodes if n["@type"] == "Place" and n["name"] == "Kronstadt")
    assert kron["address"]["addressCountry"] == "RU"  # near Petersburg, not Brasov
    assert any(n["@type"] == "Claim" for n in nodes)
    assert {n["@type"] for n in nodes if n["@id"].startswith("kronika:doc/")} <= {"Review", "Article", "CreativeWork",
                                                                                  "WebPage", "NewsArticle"}


def test_jsonld_for_one_subject(conn, tmp_path):
    doc = json.load(open(export(conn, "jsonld", str(tmp_path / "t.jsonld"), subject="Trotsky")))
    names = {n.get("name") for n in doc["@graph"]}
    assert ({"Trotsky", "Leon Trotsky"} & names) and "Orenburg" not in names


def test_csv_tables_have_headers(conn, tmp_path):
    from kronika.export.csv_tables import TABLES
    dest = export(conn, "csv", str(tmp_path / "tables"))
    for name, header in TABLES.items():
        with open(f"{dest}/{name}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == header, name
    assert set(TABLES) == {"documents", "entities", "aliases", "events", "event_sources", "facts", "relations",
                           "claims"}
    with open(f"{dest}/event_sources.csv", encoding="utf-8", newline="") as fh:
        srcs = list(csv.DictReader(fh))
    with open(f"{dest}/documents.csv", encoding="utf-8", newline="") as fh:
        texts = {d["doc"]: d["text"] for d in csv.DictReader(fh)}
    assert srcs
    for s in srcs:
        assert texts[s["doc"]][int(s["start"]):int(s["end"])] == s["quote"]
    with open(f"{dest}/events.csv", encoding="utf-8", newline="") as fh:
        ev = list(csv.DictReader(fh))
    assert any(e["type"] == "exile" and e["status"] == "corroborated" for e in ev)


def test_graphml_loads_in_networkx(conn, tmp_path):
    nx = pytest.importorskip("networkx")
    g = nx.read_graphml(export(conn, "graphml", str(tmp_path / "g.graphml")))
    by_name = {d["name"]: n for n, d in g.nodes(data=True)}
    serge, trotsky = by_name["Victor Serge"], by_name.get("Trotsky") or by_name["Leon Trotsky"]
    assert g.nodes[serge]["type"] == "PERSON"
    kinds = {d["kind"] for _, _, d in g.edges(data=True)}
    assert kinds == {"relation", "event"}
    assert g.has_edge(serge, trotsky)
    evil = next(n for n, d in g.nodes(data=True) if "Evil" in d["name"])
    assert g.nodes[evil]["name"] == "<b onmouseover=alert(3)>Evil</b>"  # escaped in XML, intact once read


def test_timelinejs_shape(conn, tmp_path):
    t = json.load(open(export(conn, "timelinejs", str(tmp_path / "t.json"))))
    assert t["title"]["text"]["headline"] == "Victor Serge"
    assert len(t["events"]) >= 9
    for e in t["events"]:
        assert isinstance(e["start_date"]["year"], int)
        assert set(e["text"]) == {"headline", "text"}
        assert e["group"]
        for k in ("end_date",):
            if k in e:
                assert isinstance(e[k]["year"], int)
        assert "<script" not in e["text"]["headline"] + e["text"]["text"]  # TimelineJS renders HTML
        assert "<img" not in e["text"]["text"] and "<b " not in e["text"]["text"]
    years = [e["start_date"]["year"] for e in t["events"]]
    assert years == sorted(years)
    member = next(e for e in t["events"] if e["group"] == "membership")
    assert member["end_date"]["year"] == 1920 and "inferred" in member["display_date"]


def test_csl_json_shape(conn, tmp_path):
    items = json.load(open(export(conn, "csl", str(tmp_path / "b.json"))))
    assert {i["id"] for i in items} == {"a_serge_life.txt", "reviews/b.jsonl#2", "c_hostile.html"}
    for i in items:
        assert i["type"] in ("post-weblog", "article", "webpage")
        assert isinstance(i["title"], str)
        for a in i.get("author", []):
            assert set(a) == {"literal"}
        if "issued" in i:
            assert all(isinstance(x, int) for x in i["issued"]["date-parts"][0])
        if "URL" in i:
            assert i["URL"].startswith(("http://", "https://"))
    a = next(i for i in items if i["id"] == "a_serge_life.txt")
    assert a["issued"] == {"date-parts": [[2011, 9, 28]]} and a["URL"] == "https://example.org/serge"
    assert a["author"] == [{"literal": "A. Historian"}] and a["type"] == "article"
    assert next(i for i in items if i["id"] == "reviews/b.jsonl#2")["type"] == "post-weblog"
    assert "URL" not in next(i for i in items if i["id"] == "c_hostile.html")  # javascript: is not a URL


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained_and_escaped(conn, tmp_path):
    html = open(export(conn, "html", str(tmp_path / "p.html")), encoding="utf-8").read()
    p = _Tags()
    p.feed(html)
    for tag, attrs in p.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base"), tag
        if tag == "script":
            assert "src" not in attrs
        for k, v in attrs.items():
            assert not k.startswith("on")
            assert not re.match(r"\s*(https?:)?//", v or ""), (tag, k, v)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, flags=re.I)
    assert "url(" not in html.lower() and "@import" not in html.lower()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    blocks = re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, flags=re.S)
    assert blocks and blocks[0][0] == "kronika-data"
    for _, body in blocks:
        assert "<" not in body and ">" not in body
        json.loads(body)
    data = json.loads(blocks[0][1])
    assert data["timeline"]["subject"]["name"] == "Victor Serge"
    assert "<script>alert(1)</script>" in data["texts"]["c_hostile.html"]  # the data survives, escaped
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp
    assert "Exiled to Orenburg" in html  # the plain list, readable without scripts


def test_unknown_format_and_folder(conn, tmp_path):
    from kronika.errors import UsageError
    with pytest.raises(UsageError):
        export(conn, "pdf", str(tmp_path / "x"))
    with pytest.raises(UsageError):
        export(conn, "csl", str(tmp_path / "missing" / "x.json"))


def test_html_without_vendor_outlines_still_draws(conn, tmp_path, monkeypatch):
    from kronika.export import html_page
    monkeypatch.setattr(html_page, "VENDOR", tmp_path / "no-vendor")
    html = open(export(conn, "html", str(tmp_path / "p.html")), encoding="utf-8").read()
    assert 'id="kronika-world"' not in html and 'id="kronika-data"' in html


def test_exports_for_one_subject(conn, tmp_path):
    t = json.load(open(export(conn, "timelinejs", str(tmp_path / "t.json"), subject="Victor Serge")))
    assert t["title"]["text"]["headline"] == "Victor Serge"
    items = json.load(open(export(conn, "csl", str(tmp_path / "b.json"), subject="Trotsky")))
    assert {i["id"] for i in items} == {"a_serge_life.txt", "reviews/b.jsonl#2"}
    dest = export(conn, "csv", str(tmp_path / "sub"), subject="Trotsky")
    with open(f"{dest}/relations.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    trotsky = {"Trotsky", "Leon Trotsky"}   # the gazetteer knows his full name
    assert rows and all(trotsky & {r["source"], r["target"]} for r in rows)
    nx = pytest.importorskip("networkx")
    g = nx.read_graphml(export(conn, "graphml", str(tmp_path / "s.graphml"), subject="Trotsky"))
    assert {d["name"] for _, d in g.nodes(data=True)} - trotsky == {"Victor Serge"}


def test_html_is_rendered_from_the_web_apps_templates(conn, tmp_path, monkeypatch):
    from pathlib import Path

    from kronika.export import html_page
    assert html_page.TEMPLATES == Path(html_page.__file__).resolve().parent.parent / "serve" / "templates"
    own = tmp_path / "templates"
    own.mkdir()
    (own / "export.html").write_text("<p>{{ t.subject.name }} {{ t.events|length }}</p>", encoding="utf-8")
    monkeypatch.setattr(html_page, "TEMPLATES", own)
    html_page._env.cache_clear()
    try:
        html = open(export(conn, "html", str(tmp_path / "p.html")), encoding="utf-8").read()
    finally:
        html_page._env.cache_clear()
    assert re.fullmatch(r"<p>Victor Serge \d+</p>", html)
