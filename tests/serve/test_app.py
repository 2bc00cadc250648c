"""The web app: every page and API route, the JSON contract, and the security guard."""
from __future__ import annotations

import asyncio
import json
from urllib.parse import quote

import pytest

PAGES = ["/", "/person/Victor%20Serge", "/map/Victor%20Serge", "/network", "/docs", "/doc/a_serge_life.txt",
         "/doc/reviews%2Fb.jsonl%232", "/doc/reviews/b.jsonl%232", "/doc/c_hostile.html", "/entity/Victor%20Serge", "/entity/Orenburg",
         "/search?q=serge", "/search?q=", "/ask?q=Where+was+Serge+exiled", "/ask"]
APIS = ["/api/timeline", "/api/timeline?subject=Victor+Serge", "/api/entities", "/api/entities?type=PLACE",
        "/api/docs", "/api/doc?name=a_serge_life.txt", "/api/show?name=Trotsky", "/api/conflicts",
        "/api/claims", "/api/claims?subject=Victor+Serge", "/api/ask?q=Orenburg", "/api/places", "/api/network",
        "/api/people", "/api/entities?q=oren", "/api/passages?q=exiles", "/api/network?subject=Trotsky&limit=5",
        "/api/network?all=1"]


def _security_headers(r):
    csp = r.headers["content-security-policy"]
    for part in ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                 "script-src 'self'"):
        assert part in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_csp(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    _security_headers(r)
    html = r.text
    assert "<script>" not in html  # no inline executable script: JS lives in /static
    for tag in html.split("<script")[1:]:
        head = tag.split(">", 1)[0]
        assert 'src="/static/' in head or 'type="application/json"' in head, head


@pytest.mark.parametrize("url", APIS)
def test_api_routes_return_json(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("application/json")
    _security_headers(r)
    json.loads(r.text)


def test_timeline_page_shows_the_most_discussed_person(client):
    html = client.get("/").text
    assert "Victor Serge" in html and "Exiled to Orenburg" in html
    assert "arrested in 1933 and exiled to Orenburg" in html
    assert 'href="/doc/a_serge_life.txt#' in html


def test_api_timeline_contract(client):
    t = client.get("/api/timeline").json()
    assert t["subject"]["name"] == "Victor Serge"
    assert {"Serge"} <= set(t["subject"]["aliases"])
    e = next(e for e in t["events"] if e["type"] == "exile")
    assert set(e) >= {"id", "type", "summary", "date", "places", "participants", "sources", "confidence", "status"}
    assert set(e["date"]) >= {"start", "end", "text", "inferred"}
    assert e["status"] == "corroborated" and len(e["sources"]) == 2
    for s in e["sources"]:
        d = client.get("/api/doc?name=" + quote(s["doc"], safe="")).json()
        assert d["text"][s["start"]:s["end"]] == s["quote"]


def test_api_doc_has_text_stripped_and_spans(client):
    d = client.get("/api/doc?name=a_serge_life.txt").json()
    assert d["stripped"] and d["text"][d["stripped"][0]["start"]:d["stripped"][0]["end"]] == "Leave a Reply"
    kinds = {s["kind"] for s in d["spans"]}
    assert {"event", "entity"} <= kinds
    for s in d["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(d["text"])


def test_api_shapes_match_reads(client, chronicle_db):
    from kronika.reconcile.conflicts import find_conflicts
    from kronika.store import reads
    from kronika.store.db import Store
    with Store(chronicle_db, readonly=True) as st:
        assert client.get("/api/entities").json() == reads.entities(st.conn)
        assert client.get("/api/docs").json() == reads.docs(st.conn)
        assert client.get("/api/show?name=Trotsky").json() == reads.show(st.conn, "Trotsky")
        assert client.get("/api/conflicts").json() == find_conflicts(*reads.conflict_evidence(st.conn, None))
        assert client.get("/api/claims").json() == reads.claims_of(st.conn, None)
    a = client.get("/api/ask?q=Orenburg").json()
    assert set(a) >= {"question", "answers"}


@pytest.mark.parametrize("url", ["/api/timeline?subject=Nobody+Atall", "/api/conflicts?subject=Nobody+Atall",
                                 "/api/claims?subject=Nobody+Atall", "/api/show?name=Nobody+Atall",
                                 "/api/doc?name=missing.txt"])
def test_unknown_subject_is_404_json(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert "error" in r.json()
    _security_headers(r)


@pytest.mark.parametrize("url", ["/person/nobody-atall", "/doc/missing.txt", "/entity/nobody", "/no/such/page"])
def test_unknown_page_is_404_html(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    _security_headers(r)


def test_bad_type_is_400(client):
    r = client.get("/api/entities?type=DRAGON")
    assert r.status_code == 400 and "error" in r.json()


@pytest.mark.parametrize("url", ["/api/ask?q=", "/search?q=", "/api/timeline?"])
def test_long_query_rejected(client, url):
    from kronika.settings import load_settings
    n = load_settings().max_query_chars
    r = client.get(url + "x" * (n + 1))
    assert r.status_code in (400, 414)
    _security_headers(r)
    assert client.get("/api/ask?q=" + "x" * 50).status_code == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_only_get_and_head(client, method):
    r = client.request(method, "/api/docs")
    assert r.status_code == 405
    assert "GET" in r.headers["allow"]
    _security_headers(r)


def test_head_works(client):
    r = client.head("/api/docs")
    assert r.status_code == 200 and r.content == b""


def test_request_body_rejected(client):
    r = client.request("GET", "/api/docs", content=b"x" * 10)
    assert r.status_code == 413


def test_static_files_served_with_headers(client):
    r = client.get("/static/app.js")
    assert r.status_code == 200
    _security_headers(r)


def _raw_get(app, raw_path: bytes, query: bytes = b""):
    """Send a request straight to the ASGI app, path bytes untouched by any client normalisation."""
    from urllib.parse import unquote_to_bytes
    msgs = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(m):
        msgs.append(m)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": unquote_to_bytes(raw_path).decode("latin-1"), "raw_path": raw_path, "query_string": query,
             "root_path": "", "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in msgs if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in msgs if m["type"] == "http.response.body")
    return start["status"], dict(start["headers"]), body


@pytest.mark.parametrize("raw", [b"/static/../../etc/passwd", b"/static/%2e%2e/%2e%2e/etc/passwd",
                                 b"/static/..%2f..%2f..%2fetc%2fpasswd", b"/static/%252e%252e/%252e%252e/etc/passwd",
                                 b"/static/....//....//etc/passwd", b"/static/..\\..\\etc\\passwd",
                                 b"/static/%2e%2e%5c%2e%2e%5cetc%5cpasswd", b"/static//etc/passwd",
                                 b"/static/vendor/../../app.py", b"/static/../app.py", b"/static/%00",
                                 b"/doc/../../../etc/passwd", b"/static/..%c0%af..%c0%afetc/passwd"])
def test_no_path_traversal(app, raw):
    status, headers, body = _raw_get(app, raw)
    assert status in (400, 404), (raw, status)
    assert b"root:" not in body and b"create_app" not in body
    assert headers[b"content-security-policy"].startswith(b"default-src 'self'")


def test_host_header_checked_when_bound(chronicle_db):
    """Bound to loopback, the app answers only to loopback names (no DNS rebinding)."""
    from starlette.testclient import TestClient
    from kronika.serve.app import create_app
    with TestClient(create_app(chronicle_db, allowed_hosts={"127.0.0.1", "localhost"})) as c:
        assert c.get("/api/docs", headers={"host": "127.0.0.1:8000"}).status_code == 200
        assert c.get("/api/docs", headers={"host": "evil.example"}).status_code == 400


def test_degraded_without_vendor_files(chronicle_db, monkeypatch):
    from starlette.testclient import TestClient
    from kronika.serve import app as appmod
    monkeypatch.setattr(appmod, "VENDOR", {k: ("no-such-file.js",) for k in appmod.VENDOR})
    with TestClient(appmod.create_app(chronicle_db)) as c:
        for url in ("/", "/map/Victor%20Serge", "/network"):
            html = c.get(url).text
            assert "/static/vendor/" not in html
        html = c.get("/").text
        assert 'id="event-list"' in html and "Exiled to Orenburg" in html
        assert "Orenburg" in c.get("/map/Victor%20Serge").text


def test_empty_database(tmp_path):
    from starlette.testclient import TestClient
    from kronika.serve.app import create_app
    from kronika.store.db import Store
    db = str(tmp_path / "empty.db")
    Store(db, create=True).close()
    with TestClient(create_app(db)) as c:
        r = c.get("/")
        assert r.status_code == 200 and "Nothing built yet" in r.text
        assert c.get("/api/timeline").status_code == 404
        assert c.get("/api/docs").json() == []
        assert c.get("/network").status_code == 200
        assert c.get("/docs").status_code == 200


def test_timeline_page_lists_claims(client):
    html = client.get("/").text
    assert "What the sources say about Victor Serge" in html
    assert "Serge is a dilettante" in html


def test_sees_writes_made_while_serving(tmp_path):
    """Read-only and WAL: a build or remove that runs meanwhile shows on the next request."""
    from starlette.testclient import TestClient
    from chronicle_db import make_db
    from kronika.build import remove
    from kronika.serve.app import create_app
    from kronika.settings import load_settings

    db = make_db(str(tmp_path / "live.db"))
    with TestClient(create_app(db)) as c:
        assert len(c.get("/api/docs").json()) == 3
        assert c.get("/doc/c_hostile.html").status_code == 200
        assert remove(["c_hostile.html"], db, load_settings()) == 1
        assert len(c.get("/api/docs").json()) == 2
        assert c.get("/doc/c_hostile.html").status_code == 404
        assert c.get("/api/doc?name=c_hostile.html").status_code == 404


def test_kronika_serve_command_binds_loopback(chronicle_db):
    """`kronika serve` (cli -> run -> uvicorn) answers on 127.0.0.1 with the security headers."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = str(Path(sys.executable).parent / "kronika")
    proc = subprocess.Popen([exe, "serve", "--db", chronicle_db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(150):
            try:
                r = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/docs", timeout=2)
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.1)
        else:
            raise AssertionError("kronika serve did not answer")
        assert r.status == 200 and "default-src 'self'" in r.headers["content-security-policy"]
        assert "server" not in {k.lower() for k in r.headers}
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/docs", headers={"Host": "attacker.example"})
        try:
            urllib.request.urlopen(req, timeout=2)
            raise AssertionError("a foreign Host header should be refused")
        except urllib.error.HTTPError as exc:
            assert exc.code == 400
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_kronika_serve_on_a_taken_port_says_so(chronicle_db):
    import socket
    import subprocess
    import sys
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        exe = str(Path(sys.executable).parent / "kronika")
        r = subprocess.run([exe, "serve", "--db", chronicle_db, "--port", str(port)], capture_output=True, text=True,
                           timeout=60)
    assert r.returncode == 1
    assert "--port" in r.stderr and "Traceback" not in r.stderr
