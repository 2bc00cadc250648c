"""The store in, one self-contained HTML page out: a person's timeline and map, readable offline.

The page is rendered from the web app's Jinja2 templates (``serve/templates/export.html``, read as
package data) with autoescape; its CSS and JavaScript (``serve/static/export.css`` and ``export.js``,
a hand-drawn SVG timeline and map, no library) are inlined,
the data sits in ``<script type="application/json">`` blocks with ``<``, ``>`` and
``&`` escaped as ``\\u003c``, ``\\u003e``, ``\\u0026``, and a Content-Security-Policy
meta tag allows only those inline blocks (by hash): the page makes no request at
all. The country outlines come from the npm ``world-atlas`` package when
``make web`` has copied it into ``serve/static/vendor``; without it the map
draws the places on a graticule. The events are also written as a plain HTML
list (escaped), so the page is readable with scripts off.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..store import reads
from .places import places_of

SERVE = Path(__file__).resolve().parent.parent / "serve"
TEMPLATES = SERVE / "templates"  # the web app's templates, read as package data (export does not import serve)
STATIC = SERVE / "static"
VENDOR = STATIC / "vendor"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             keep_trailing_newline=True)
    env.filters["exportdate"] = _date
    return env


def _asset(name: str) -> str:
    return "\n" + (STATIC / name).read_text(encoding="utf-8")


def _json_script(obj) -> str:
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _sha(s: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"


def _world() -> dict | None:
    for name in ("countries-110m.json",):
        p = VENDOR / name
        if p.is_file():
            try:
                return json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
    return None


def _date(d: dict) -> str:
    s, e = d.get("start"), d.get("end")
    t = s if s and s == e else f"{s}–{e}" if s and e else f"after {s}" if s else f"before {e}" if e else "undated"
    return t + (" (inferred)" if d.get("inferred") else "")


def page(conn, subject: str | None = None) -> str:

    t = reads.timeline(conn, subject)
    m = places_of(t, reads.facts_of(conn, t["subject"]["id"]), reads.places_geo(conn))
    used = {s["doc"] for e in t["events"] for s in e["sources"]}
    texts = {d["doc"]: d["text"] for d in reads.export_all(conn)["documents"] if d["doc"] in used}
    data = {"timeline": t, "map": m, "texts": texts}
    world = _world()
    css, js = _asset("export.css"), _asset("export.js")
    csp = (f"default-src 'none'; script-src {_sha(js)}; style-src {_sha(css)}; img-src data:; "
           "base-uri 'none'; form-action 'none'; object-src 'none'")
    # Markup only for our own files and for JSON already escaped for a script block; every document string
    # (names, summaries, quotations, document names) goes through the template's autoescape
    return _env().get_template("export.html").render(
        t=t, m=m, used=sorted(used), csp=Markup(html.escape(csp, quote=False)), css=Markup(css), js=Markup(js),
        data_json=Markup(_json_script(data)), world_json=Markup(_json_script(world)) if world else None)


def write(conn, dest: str, subject: str | None = None) -> str:
    with open(dest, "w", encoding="utf-8") as fh:
        fh.write(page(conn, subject))
    return dest
