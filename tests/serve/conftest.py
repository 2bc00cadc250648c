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


# ---- browser tests: Debian's Chromium through Playwright, a live server per database ---------------

CHROMIUM = os.environ.get("KRONIKA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def need_browser(reason: str):
    """Browser tests are mandatory when CI=true: fail there, skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests are mandatory in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    import shutil
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need_browser("the playwright package is not installed (pip install playwright; no browser download needed)")
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        need_browser(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def live(db: str):
    """A running web app over ``db`` on a free loopback port: a context manager yielding its base URL."""
    import contextlib
    import socket
    import threading
    import time

    @contextlib.contextmanager
    def run():
        import uvicorn
        from kronika.serve.app import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(db, allowed_hosts={"127.0.0.1", "localhost"}),
                                               host="127.0.0.1", port=port, log_level="warning"))
        t = threading.Thread(target=server.run, daemon=True)
        t.start()
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)
        assert server.started, "the web app did not start"
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            t.join(timeout=10)
    return run()


@pytest.fixture(scope="session")
def unicode_db(tmp_path_factory) -> str:
    from unicode_db import make_unicode_db
    return make_unicode_db(str(tmp_path_factory.mktemp("unicode") / "unicode.db"))
