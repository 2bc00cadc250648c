"""Hostile documents (script tags, event handlers, javascript: links) appear only escaped, everywhere."""
from __future__ import annotations

import json
import re
from urllib.parse import quote

from html.parser import HTMLParser

import pytest

RAW = ["<script>alert", "<img src=x", "<b onmouseover", "</script><script>", 'href="javascript:', "onerror=alert(1)>"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _assert_html_clean(html: str, url: str):
    low = html.lower()
    for bad in RAW:
        assert bad.lower() not in low, (url, bad)
    p = _Tags()
    p.feed(html)
    for tag, attrs in p.tags:
        for k, v in attrs.items():
            assert not k.startswith("on"), (url, tag, k)  # no event handler attribute anywhere
            if k in ("href", "src", "action", "formaction"):
                assert not (v or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")), (url, tag, v)
        if tag == "script":  # every script is one of ours: a static file or a JSON data block
            assert (attrs.get("src") or "").startswith("/static/") or attrs.get("type") == "application/json", (url, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "base", "form") or tag == "form" and \
            attrs.get("action") in ("/search", "/ask", "/", "/map", "/network"), (url, tag, attrs)


def _assert_json_clean(text: str, url: str):
    for ch in "<>":
        assert ch not in text, (url, ch)  # travels as \\u003c / \\u003e
    json.loads(text)


def _crawl(c, extra_pages=()):
    docs = c.get("/api/docs").json()
    ents = c.get("/api/entities").json()
    pages = ["/", "/docs", "/network", "/search?q=script", "/search?q=%3Cscript%3E", "/ask?q=%3Cscript%3Ealert(1)",
             "/map", *extra_pages]
    pages += ["/doc/" + quote(d["doc"], safe="") for d in docs]
    pages += ["/entity/" + quote(e["id"], safe="") for e in ents]
    pages += ["/person/" + quote(e["id"], safe="") for e in ents if e["type"] == "PERSON"]
    pages += ["/map/" + quote(e["id"], safe="") for e in ents if e["type"] == "PERSON"]
    apis = ["/api/docs", "/api/entities", "/api/timeline", "/api/claims", "/api/conflicts", "/api/network",
            "/api/places", "/api/ask?q=alert", "/api/entities?q=%3Cb"]
    apis += ["/api/doc?name=" + quote(d["doc"], safe="") for d in docs]
    apis += ["/api/show?name=" + quote(e["id"], safe="") for e in ents]
    return pages, apis


def test_hand_made_hostile_records_escaped_everywhere(client):
    pages, apis = _crawl(client)
    seen_escaped = False
    for url in pages:
        r = client.get(url, follow_redirects=True)
        assert r.status_code in (200, 404), (url, r.status_code)
        _assert_html_clean(r.text, url)
        seen_escaped |= "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert seen_escaped, "the hostile text should be shown (escaped) on its source page"
    for url in apis:
        r = client.get(url)
        assert r.status_code in (200, 404), (url, r.status_code)
        assert r.headers["content-type"].startswith("application/json")
        _assert_json_clean(r.text, url)
    # the data survives the escaping: the API still returns the exact text
    d = client.get("/api/doc?name=c_hostile.html").json()
    assert "<script>alert(1)</script>" in d["text"]
    for s in d["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(d["text"])


def test_document_url_with_javascript_scheme_is_not_a_link(client):
    html = client.get("/doc/c_hostile.html").text
    assert "javascript:alert(&#39;url&#39;)" in html or "javascript:alert(&#x27;url&#x27;)" in html
    assert not re.search(r'href="javascript:', html, flags=re.I)


def test_built_hostile_files_escaped_everywhere(hostile_built_db):
    from starlette.testclient import TestClient
    from kronika.serve.app import create_app

    with TestClient(create_app(hostile_built_db), raise_server_exceptions=False) as c:
        docs = c.get("/api/docs").json()
        assert {d["doc"] for d in docs} >= {"evil.txt"}
        pages, apis = _crawl(c)
        for url in pages:
            r = c.get(url, follow_redirects=True)
            assert r.status_code in (200, 404), (url, r.status_code, r.text[:200])
            _assert_html_clean(r.text, url)
        for url in apis:
            r = c.get(url)
            assert r.status_code in (200, 404), (url, r.status_code)
            _assert_json_clean(r.text, url)
        txt = c.get("/doc/evil.txt").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in txt
