"""Fixtures of the web app tests: a hand-made chronicle database, a real build of hostile files, clients."""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))


def pytest_configure(config):
    # starlette's TestClient still runs on httpx (a planned test dependency); its nudge towards httpx2 is noise here
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")

HOSTILE_HTML = """<!doctype html><html><head><title>&lt;script&gt;alert('t')&lt;/script&gt; Victor Serge page</title>
<script>alert('head')</script></head><body>
<article><h1>Victor Serge <img src=x onerror=alert(1)></h1>
<p>Victor Serge was born in Brussels in 1890. &lt;script&gt;alert(1)&lt;/script&gt; He was exiled to Orenburg in 1933.</p>
<p>Serge met Trotsky in Moscow in 1923. &lt;img src=x onerror=alert(1)&gt; <a href="javascript:alert(1)">read more</a></p>
<p>He died in Mexico City in 1947, wrote &lt;b onmouseover=alert(3)&gt;Evil&lt;/b&gt; critics.</p>
</article></body></html>
"""
HOSTILE_TXT = ("Victor Serge <script>alert(1)</script> was arrested in Leningrad in 1933.\n"
               "<img src=x onerror=alert(1)> He reached Mexico in 1941. <a href=\"javascript:alert(1)\">x</a>\n"
               "</script><script>alert(2)</script> Serge died in Mexico City in 1947.\n")


@pytest.fixture(scope="session")
def chronicle_db(tmp_path_factory) -> str:
    from chronicle_db import make_db
    return make_db(str(tmp_path_factory.mktemp("chronicle") / "chronicle.db"))


@pytest.fixture(scope="session")
def hostile_built_db(tmp_path_factory) -> str:
    """The hostile files put through the real build (ingest, NLP, store)."""
    from kronika.build import build
    from kronika.settings import load_settings

    d = tmp_path_factory.mktemp("hostile")
    (d / "docs").mkdir()
    (d / "docs" / "evil.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (d / "docs" / "evil.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    db = str(d / "hostile.db")
    build([str(d / "docs")], db, load_settings(n_process=1))
    return db


@pytest.fixture(scope="session")
def app(chronicle_db):
    from kronika.serve.app import create_app
    return create_app(chronicle_db)


@pytest.fixture()
def client(app):
    from starlette.testclient import TestClient
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
