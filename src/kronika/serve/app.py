"""A database path in, a read-only web app out: timeline, map, network, sources, search, ask and a JSON API.

Pages are rendered on the server by Jinja2 with autoescape (every string from a
document is data, never markup); the JavaScript in ``static/`` reads the page's
data from a ``<script type="application/json">`` block or the JSON API and
inserts text with ``textContent`` only. Every response carries a strict
Content-Security-Policy; only GET and HEAD are served; the only path from a
request to the file system is the ``/static`` mount. Front-end libraries come
from npm (``static/vendor``, filled by ``make web``); without them the pages
fall back to plain lists.
"""
from __future__ import annotations

import json
import os
import re
import socket
import threading
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote

import jinja2
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..ask import answer
from ..errors import KronikaError, NotFoundError, StoreError, UsageError
from ..geo import known_place_name
from ..reconcile.conflicts import find_conflicts
from ..settings import Settings, load_settings
from ..store import reads, web_reads
from ..store.db import Store
from . import display, views

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
MAX_PATH_CHARS = 2048
CLI_HINT = re.compile(r"[;,]?\s*(?:list them|run|build some)[^;.]*`kronika[^`]*`[^.]*\.?")
VENDOR = {"timeline": ("moment.min.js", "vis-data.min.js", "vis-timeline.min.js", "vis-timeline.min.css"),
          "network": ("vis-data.min.js", "vis-network.min.js", "vis-network.min.css"),
          "map": ("leaflet.js", "leaflet.css", "topojson-client.min.js", "countries-110m.json")}


# ---- the guard: methods, sizes, paths, headers ---------------------------------------------------

class Guard:
    """ASGI middleware: GET/HEAD only, bounded path/query/body, no traversal, security headers everywhere."""

    def __init__(self, app, max_query_chars: int, allowed_hosts: set[str] | None = None):
        self.app = app
        self.max_query = max_query_chars
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            return await self.app(scope, receive, send)
        if scope["type"] != "http":  # websockets and anything else: not served
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        problem = self.check(scope)
        if problem:
            status, msg, extra = problem
            body = json.dumps({"error": msg}).encode()
            await send_with_headers({"type": "http.response.start", "status": status, "headers": [
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"), *extra]})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
            return
        await self.app(scope, receive, send_with_headers)

    def check(self, scope):
        method = scope["method"]
        if method not in ("GET", "HEAD"):
            return 405, "this web app is read-only: only GET and HEAD are served", [(b"allow", b"GET, HEAD")]
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if self.allowed_hosts is not None:
            host = headers.get(b"host", b"").decode("latin-1").rsplit(":", 1)[0].strip("[]").lower()
            if host not in self.allowed_hosts:
                return 400, "unexpected Host header (the app answers on the address it is bound to)", []
        try:
            n = int(headers.get(b"content-length", b"0") or 0)
        except ValueError:
            n = 1
        if n > 0 or b"transfer-encoding" in headers:
            return 413, "requests carry no body here", []
        raw_path = scope.get("raw_path") or scope["path"].encode()
        if len(raw_path) > MAX_PATH_CHARS:
            return 414, "the address is too long", []
        path = scope["path"]
        for p in (path, unquote(path), unquote(unquote(path))):
            if "\x00" in p or "\\" in p or any(seg in ("..", ".") for seg in p.split("/")):
                return 400, "bad path", []
        qs = scope.get("query_string", b"")
        if len(qs) > self.max_query * 12:
            return 414, f"the query is too long (at most {self.max_query} characters)", []
        try:
            pairs = parse_qsl(qs.decode("utf-8", "strict"), keep_blank_values=True)
        except UnicodeDecodeError:
            return 400, "the query is not UTF-8", []
        if any(len(v) > self.max_query or len(k) > 64 for k, v in pairs):
            return 414, f"the query is too long (at most {self.max_query} characters)", []
        if len(pairs) > 20:
            return 400, "too many query parameters", []
        return None


# ---- database access ------------------------------------------------------------------------------

class Connections:
    """One read-only connection per worker thread, reopened when the database file is replaced."""

    def __init__(self, path: str):
        self.path = path
        self.local = threading.local()

    def get(self):
        try:
            st = os.stat(self.path)
        except OSError as exc:
            raise StoreError(f"No database at {self.path}; run `kronika build PATH --db {self.path}` first.") from exc
        key = (st.st_ino, st.st_dev)
        cur = getattr(self.local, "store", None)
        if cur is not None and self.local.key == key:
            return cur.conn
        if cur is not None:
            cur.close()
        self.local.store = Store(self.path, readonly=True)
        self.local.key = key
        return self.local.store.conn


# ---- the app --------------------------------------------------------------------------------------

def _qurl(s: str) -> str:
    return quote(str(s), safe="")


def _http_url(u):
    """A document's URL as a link only when it is http(s); anything else (javascript:, data:) is shown as text."""
    return u if isinstance(u, str) and u.lower().startswith(("http://", "https://")) else None


def _json_for_script(obj) -> str:
    """JSON safe inside <script type="application/json">: <, >, & and line separators escaped."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def create_app(db: str, settings: Settings | None = None, *, allowed_hosts: set[str] | None = None):
    """The Starlette application over the database at ``db`` (opened read-only)."""
    settings = settings or load_settings()
    db = os.path.abspath(db)
    conns = Connections(db)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["q"] = _qurl
    env.filters["http_url"] = _http_url
    env.filters["jsonscript"] = lambda obj: Markup(_json_for_script(obj))
    env.filters["datelabel"] = display.label
    env.globals["event_types"] = views.EVENT_TYPES
    env.globals["statuses"] = views.STATUSES

    def vendor(kind: str) -> bool:
        return all((STATIC / "vendor" / f).is_file() for f in VENDOR[kind])

    def page(name: str, status: int = 200, **ctx) -> HTMLResponse:
        ctx.setdefault("q", "")
        ctx.setdefault("page_data", None)
        html = env.get_template(name).render(vendor=vendor, **ctx)
        return HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})

    def api(obj, status: int = 200) -> Response:
        # <, > and & travel as \u003c, \u003e, \u0026: the same JSON, never markup even to a sniffing reader
        return Response(_json_for_script(obj), status_code=status, media_type="application/json",
                         headers={"cache-control": "no-store"})

    def param(request: Request, key: str) -> str | None:
        v = request.query_params.get(key)
        return v.strip() if v and v.strip() else None

    # -- API --
    def api_timeline(request):
        return api(reads.timeline(conns.get(), param(request, "subject")))

    def api_entities(request):
        t = param(request, "type")
        if t and t.upper() not in ("PERSON", "PLACE", "ORG", "WORK", "EVENT"):
            raise UsageError("type is one of PERSON, PLACE, ORG, WORK, EVENT")
        q = param(request, "q")
        if q:
            hits = views.search(conns.get(), q)
            return api([e for e in hits if not t or e["type"] == t.upper()])
        return api(reads.entities(conns.get(), t.upper() if t else None))

    def api_docs(request):
        return api(reads.docs(conns.get()))

    def api_doc(request):
        name = param(request, "name")
        if not name:
            raise UsageError("say which document: /api/doc?name=DOC")
        return api(views.document(conns.get(), db, name))

    def api_show(request):
        name = param(request, "name")
        if not name:
            raise UsageError("say which entity: /api/show?name=NAME")
        return api(reads.show(conns.get(), name))

    def api_conflicts(request):
        return api(find_conflicts(*reads.conflict_evidence(conns.get(), param(request, "subject"))))

    def api_claims(request):
        subject = param(request, "subject")
        conn = conns.get()
        about = reads.find_entity(conn, subject, None)["id"] if subject else None
        return api(reads.claims_of(conn, about))

    def api_ask(request):

        q = param(request, "q")
        if not q:
            raise UsageError("ask a question: /api/ask?q=QUESTION")
        return api(answer(conns.get(), q, settings, top=settings.ask_top_k))

    def api_places(request):
        conn = conns.get()
        t = reads.timeline(conn, param(request, "subject"))
        return api(views.places_of(t, reads.facts_of(conn, t["subject"]["id"]), reads.places_geo(conn)))

    def network_args(request):
        conn = conns.get()
        subject = param(request, "subject")
        sid = reads.find_entity(conn, subject, None)["id"] if subject else None
        if sid is None:  # the most-discussed person, when they are linked to anyone (else the most-linked)
            try:
                sid = reads.find_entity(conn, None)["id"]
            except NotFoundError:
                sid = None
            snap = views.snapshot(conn, db)
            if sid and not views.graph(snap)["degree"].get(sid):
                sid = None
        raw = param(request, "limit")
        try:
            limit = int(raw) if raw else None
        except ValueError:
            raise UsageError("limit is a whole number of nodes, e.g. limit=50") from None
        whole = (param(request, "all") or "") in ("1", "true", "yes")
        limit = max(2, min(limit or (400 if whole else 50), 2000))
        return views.network(views.snapshot(conn, db), sid, limit, whole)

    def api_network(request):
        return api(network_args(request))

    def api_passages(request):
        q = param(request, "q")
        if not q:
            raise UsageError("say what to look for: /api/passages?q=WORDS")
        return api(web_reads.search_passages(conns.get(), q))

    def api_people(request):
        conn = conns.get()
        return api(views.people(views.snapshot(conn, db)))

    # -- pages --
    def nav_people(conn):
        """Everyone with a timeline, by name, for the person pickers."""
        return sorted(views.people(views.snapshot(conn, db)), key=lambda p: p["name"].casefold())

    def timeline_page(request, subject=None):
        conn = conns.get()
        t = reads.timeline(conn, subject)
        try:
            raw = find_conflicts(*reads.conflict_evidence(conn, t["subject"]["id"]))
        except Exception:  # noqa: BLE001 - a page without its conflicts beats no page
            raw = []
        conflicts = display.conflicts_in_words(raw)
        display.settle_statuses(t["events"], raw, conflicts)
        for e in t["events"]:
            e["date"]["label"] = display.label(e["date"]["start"], e["date"]["end"])
        t["window"] = display.life_window(t["events"], reads.facts_of(conn, t["subject"]["id"]))
        claims = reads.claims_of(conn, t["subject"]["id"])
        return page("timeline.html", title=f"{t['subject']['name']}: timeline", t=t, people=nav_people(conn),
                    conflicts=conflicts, claims=claims, page_data=t, active="timeline", subject=t["subject"])

    def home(request):
        try:
            return timeline_page(request, param(request, "subject"))
        except NotFoundError:
            if param(request, "subject"):
                raise
            return page("empty.html", title="kronika", active="timeline", subject=None)

    def person(request):
        return timeline_page(request, request.path_params["id"])

    def map_home(request):
        s = reads.find_entity(conns.get(), param(request, "subject"))
        return RedirectResponse(f"/map/{_qurl(s['id'])}", status_code=302)

    def map_page(request):
        conn = conns.get()
        t = reads.timeline(conn, request.path_params["id"])
        data = views.places_of(t, reads.facts_of(conn, t["subject"]["id"]), reads.places_geo(conn))
        for d in [p["date"] for p in data["path"]] + [e["date"] for p in data["places"] for e in p["events"]]:
            d["label"] = display.label(d.get("start"), d.get("end"))
        return page("map.html", title=f"{t['subject']['name']}: map", m=data, page_data=data,
                    people=nav_people(conn), active="map", subject=t["subject"])

    def network_page(request):
        conn = conns.get()
        data = network_args(request)
        return page("network.html", title="Network" + (f": {data['subject']['name']}" if data["subject"] else ""),
                    n=data, page_data=data, active="network", subject=None,
                    people=views.network_people(views.snapshot(conn, db)))

    def docs_page(request):
        conn = conns.get()
        return page("docs.html", title="Sources", docs=reads.docs(conn), failures=reads.failures(conn),
                    active="sources", subject=None)

    def doc_page(request):
        conn = conns.get()
        d = views.document(conn, db, request.path_params["name"])
        segs = views.segments(d["text"], d["spans"], d["stripped"])
        return page("doc.html", title=d.get("title") or d["doc"], d=d, segs=segs,
                    page_data={"doc": d["doc"], "spans": d["spans"], "chars": len(d["text"])},
                    active="sources", subject=None)

    def entity_page(request):
        data = reads.show(conns.get(), request.path_params["id"])
        grouped: dict[tuple, dict] = {}
        for f in data["facts"]:  # one line per attribute and value, every source under it
            g = grouped.setdefault((f["attribute"], f["value"]), {"attribute": f["attribute"], "value": f["value"],
                                                                  "sources": []})
            g["sources"] += [s for s in f["sources"] if s not in g["sources"]]
        return page("entity.html", title=data["entity"]["name"], s=data, facts=list(grouped.values()), active="",
                    subject=None)

    def search_page(request):
        q = param(request, "q") or ""
        conn = conns.get()
        hits = views.search(conn, q) if q else []
        passages = web_reads.search_passages(conn, q) if q else []
        return page("search.html", title="Search", q=q, hits=hits, passages=passages, active="", subject=None)

    def ask_page(request):

        q = param(request, "q") or ""
        res = answer(conns.get(), q, settings, top=settings.ask_top_k) if q else None
        return page("ask.html", title="Ask", q=q, res=res, active="ask", subject=None)

    # -- errors: one JSON shape for the API, a page for people; never a traceback --
    def error(request, status: int, msg: str):
        if request.url.path.startswith("/api/"):
            return api({"error": msg}, status)
        return page("error.html", status=status, title="Not found" if status == 404 else "Error", message=msg,
                    active="", subject=None)

    async def on_kronika_error(request, exc: KronikaError):
        status = 404 if isinstance(exc, NotFoundError) else 400 if isinstance(exc, UsageError) else 503
        msg = str(exc)
        if status == 404 and not request.url.path.startswith("/api/"):  # readers get the web app's way on,
            msg = CLI_HINT.sub(".", msg) + " Search for it in the box above, or browse the sources."  # not a CLI
        return error(request, status, msg)

    async def on_http(request, exc):
        msg = {404: "Nothing here. Try the timeline, the map, the network or the sources, or search above.",
               405: "Only GET and HEAD are served."}.get(exc.status_code, str(exc.detail))
        return error(request, exc.status_code, msg)

    async def on_crash(request, exc):
        return error(request, 500, "Something went wrong reading the database; the server log says what.")

    routes = [
        Route("/", home), Route("/person/{id:path}", person),
        Route("/map", map_home), Route("/map/{id:path}", map_page),
        Route("/favicon.ico", lambda request: RedirectResponse("/static/favicon.svg", status_code=301)),
        Route("/network", network_page), Route("/docs", docs_page), Route("/doc", docs_page),
        Route("/doc/{name:path}", doc_page), Route("/entity/{id:path}", entity_page),
        Route("/search", search_page), Route("/ask", ask_page),
        Route("/api/timeline", api_timeline), Route("/api/entities", api_entities), Route("/api/docs", api_docs),
        Route("/api/doc", api_doc), Route("/api/show", api_show), Route("/api/conflicts", api_conflicts),
        Route("/api/claims", api_claims), Route("/api/ask", api_ask), Route("/api/places", api_places),
        Route("/api/network", api_network), Route("/api/people", api_people), Route("/api/passages", api_passages),
        Mount("/static", app=StaticFiles(directory=str(STATIC), check_dir=False), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={KronikaError: on_kronika_error, HTTPException: on_http,
                                                        Exception: on_crash})
    app.state.db = db
    return Guard(app, settings.max_query_chars, allowed_hosts)


def warm(db: str) -> None:
    """Load at start-up what the first requests would otherwise wait for: the place-name index (GeoNames, several
    seconds, which the display layer asks whether a name is a place; coordinates are read from the database),
    the whole-corpus snapshot and its network, and the lexicons of the display layer."""
    known_place_name("Paris")
    store = Store(db, readonly=True)
    try:
        snap = views.snapshot(store.conn, os.path.abspath(db))
        views.network(snap)
    except Exception:  # noqa: BLE001 - an empty or odd database still serves; its pages say what is missing
        pass
    finally:
        store.close()


def run(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the web app over ``db`` with uvicorn (read-only; localhost by default)."""
    import uvicorn  # deferred: only `kronika serve` runs a server; every other command skips loading it

    settings = load_settings()
    hosts = {"127.0.0.1", "localhost", "::1", host.lower()}
    if host in ("0.0.0.0", "::"):
        hosts = None  # bound to every interface on purpose: any Host header
    Store(db, readonly=True).close()  # fail now, with the store's message, if it is not a kronika database
    try:  # a taken port is the user's to fix: one sentence, exit 1 (uvicorn alone would log and exit 3)
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as exc:
        raise KronikaError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another with --port.") from exc
    print(f"kronika: serving {db} on http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C stops)")
    app = create_app(db, settings, allowed_hosts=hosts)
    if os.environ.get("KRONIKA_SERVE_WARM", "1") != "0":  # 0: only for measuring what the warm-up saves
        warm(db)
    uvicorn.run(app, host=host, port=port, log_level="warning",
                server_header=False, h11_max_incomplete_event_size=16 * 1024, limit_concurrency=512,
                timeout_keep_alive=5)
