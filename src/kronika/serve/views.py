"""A read-only connection in, the view models of the web pages out (plain dicts, no HTML).

Everything comes from ``kronika.store.reads``: the contract shapes, then the
indexes the pages need (documents' texts and spans, places with coordinates,
the network of people and organisations). The whole-corpus snapshot is cached
per database version (file sizes and modification times of the database and
its WAL), so a build running meanwhile is picked up on the next request.
"""
from __future__ import annotations

import os
import re
import threading
from collections import Counter, defaultdict

from .. import records
from ..errors import NotFoundError
from ..export.places import places_of  # noqa: F401 - the map's data, shared with the HTML export
from ..geo import _fold
from ..store import reads
from .display import is_drawn

#: the type filter offers every type of the contract (one list: records.EVENT_TYPES)
EVENT_TYPES = list(records.EVENT_TYPES)
STATUSES = ["corroborated", "single-source", "conflicting"]

_lock = threading.Lock()
_cache: dict[str, tuple[tuple, dict]] = {}


def db_version(path: str) -> tuple:
    out = []
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
            out += [st.st_ino, st.st_size, st.st_mtime_ns]
        except OSError:
            out += [0, 0, 0]
    return tuple(out)


def snapshot(conn, path: str) -> dict:
    """The whole knowledge base (``reads.export_all``) plus indexes, cached per database version."""
    ver = db_version(path)
    hit = _cache.get(path)
    if hit and hit[0] == ver:
        return hit[1]
    with _lock:
        hit = _cache.get(path)
        if hit and hit[0] == ver:
            return hit[1]
        data = reads.export_all(conn)
        data["doc_index"] = {d["doc"]: d for d in data["documents"]}
        data["entity_index"] = {e["id"]: e for e in data["entities"]}
        by_subject = defaultdict(list)
        for e in data["events"]:
            by_subject[e["subject"]["id"]].append(e)
        data["events_by_subject"] = dict(by_subject)
        _cache.clear()
        _cache[path] = (ver, data)
        return data


def people(snap: dict) -> list[dict]:
    """People who have a timeline, most events first."""
    out = []
    for sid, evs in snap["events_by_subject"].items():
        ent = snap["entity_index"].get(sid)
        out.append({"id": sid, "name": ent["name"] if ent else evs[0]["subject"]["name"], "events": len(evs),
                    "mentions": ent["mentions"] if ent else 0})
    out.sort(key=lambda p: (-p["mentions"], -p["events"], p["name"]))
    return out


def search(conn, q: str, limit: int = 50) -> list[dict]:
    """Entities whose name or an alias contains ``q`` (case- and accent-insensitive), best first."""

    k = _fold(q.strip())
    if not k:
        return []
    hits = []
    for e in reads.entities(conn):
        names = [e["name"], *e["aliases"]]
        folded = [_fold(n) for n in names]
        if any(k in f for f in folded):
            exact = any(f == k for f in folded)
            prefix = any(f.startswith(k) for f in folded)
            hits.append((not exact, not prefix, -e["mentions"], e["name"], e))
    hits.sort(key=lambda h: h[:4])
    return [h[-1] for h in hits[:limit]]


# ---- documents ------------------------------------------------------------------------------------

def _entity_spans(text: str, ents: list[dict]) -> list[dict]:
    """Occurrences of the names and aliases of the entities found in a document (longest first)."""
    forms = []
    for e in ents:
        for n in {e["name"], *e["aliases"]}:
            if n and len(n) >= 2:
                forms.append((n, e))
    forms.sort(key=lambda f: -len(f[0]))
    taken = bytearray(len(text))
    out = []
    for n, e in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text):
            a, b = m.span()
            if any(taken[a:b]):
                continue
            taken[a:b] = b"\x01" * (b - a)
            out.append({"start": a, "end": b, "kind": "entity", "type": e["type"], "id": e["id"],
                        "label": f"{e['type']}: {e['name']}"})
    return out


def document(conn, path: str, name: str) -> dict:
    """One document: metadata, text, stripped boilerplate and every extracted span in it."""
    own = getattr(reads, "document", None)
    if own is not None:  # the store's reader: one document's rows only, no whole-corpus snapshot
        got = own(conn, name)
        for sp in got["spans"]:
            sp.setdefault("label", f"{sp['kind']}: {got['text'][sp['start']:sp['end']]}")
        return got
    snap = snapshot(conn, path)
    d = snap["doc_index"].get(name)
    if d is None:
        raise NotFoundError(f"No document called {name!r}; list them with `kronika docs`.")
    if own is not None:  # a store reader with the stored mentions, when there is one
        try:
            got = own(conn, name)
            if isinstance(got, dict) and {"text", "stripped", "spans"} <= set(got) and all(
                    {"start", "end", "kind"} <= set(sp) for sp in got["spans"]):
                for sp in got["spans"]:
                    sp.setdefault("label", f"{sp['kind']}: {got['text'][sp['start']:sp['end']]}")
                return got
        except Exception:  # noqa: BLE001 - fall back on the derived spans below
            pass
    text = d["text"]
    spans = []

    def add(srcs, kind, label, **extra):
        for s in srcs:
            if s["doc"] == name and 0 <= s["start"] < s["end"] <= len(text):
                spans.append({"start": s["start"], "end": s["end"], "kind": kind, "label": label, **extra})

    for e in snap["events"]:
        add(e["sources"], "event", f"{e['type']}: {e['summary']} ({e['subject']['name']})", type=e["type"],
            id=e["id"], subject=e["subject"]["id"])
    for f in snap["facts"]:
        add(f["sources"], "fact", f"{f['subject']['name']} {f['attribute']}: {f['value']}", type=f["attribute"])
    for r in snap["relations"]:
        add(r["sources"], "relation", f"{r['source']['name']} {r['relation']} {r['target']['name']}",
            type=r["relation"])
    for c in snap["claims"]:
        holder = c["holder"]["name"] if c["holder"] else "the author"
        add(c["sources"], "claim", f"{holder} on {c['about']['name']} ({c['stance']}): {c['text']}",
            type=c["stance"])
    ents = [e for e in snap["entities"] if name in e["docs"]]
    spans += _entity_spans(text, ents)
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    out = {k: v for k, v in d.items() if k != "text"}
    out.update(text=text, spans=spans)
    return out


def segments(text: str, spans: list[dict], stripped: list[dict]) -> list[dict]:
    """The text cut at every span boundary: [{"start", "end", "text", "kinds", "ann": [span indices]}]."""
    marks = [(s["start"], s["end"], i, s["kind"], s.get("type")) for i, s in enumerate(spans)]
    marks += [(s["start"], s["end"], -1, "stripped", None) for s in stripped]
    cuts = {0, len(text)}
    for a, b, *_ in marks:
        cuts.update((max(0, min(a, len(text))), max(0, min(b, len(text)))))
    cuts = sorted(cuts)
    starts = defaultdict(list)
    for m in marks:
        starts[m[0]].append(m)
    active: list = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m[1] > a] + starts.get(a, [])
        kinds = sorted({m[3] for m in active})
        types = sorted({f"{m[3]}-{m[4]}" for m in active if m[4] and m[3] in ("entity", "event")})
        out.append({"start": a, "end": b, "text": text[a:b], "kinds": kinds, "types": types,
                    "ann": [m[2] for m in active if m[2] >= 0]})
    return out


# ---- map ------------------------------------------------------------------------------------------

# ---- network ----------------------------------------------------------------------------------

def graph(snap: dict) -> dict:
    """Every link between drawn people and organisations (relations and shared events), cached per snapshot."""
    if "graph" in snap:
        return snap["graph"]

    ents = snap["entity_index"]
    # a life told, not one stray clause: three events, or a birth or a death ("Duma" had one event)
    timelines = {i for i, evs in snap["events_by_subject"].items()
                 if len(evs) >= 3 or any(e["type"] in ("birth", "death") for e in evs)}
    drawn = {i for i, e in ents.items() if is_drawn(e, i in timelines)}
    edges: Counter = Counter()
    labels: dict[tuple, set] = defaultdict(set)
    kinds: dict[tuple, set] = defaultdict(set)

    def link(a, b, label, kind):
        if not a or not b or a == b or a not in drawn or b not in drawn:
            return
        k = tuple(sorted((a, b)))
        edges[k] += 1
        labels[k].add(label)
        kinds[k].add(kind)

    for r in snap["relations"]:
        link(r["source"]["id"], r["target"]["id"], r["relation"], "relation")
    for ev in snap["events"]:
        ids = [ev["subject"]["id"]] + [p["id"] for p in ev["participants"] if p]
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                link(a, b, ev["type"], "event")
    degree: Counter = Counter()
    adj: dict[str, set] = defaultdict(set)
    for (a, b), n in edges.items():
        degree[a] += n
        degree[b] += n
        adj[a].add(b)
        adj[b].add(a)
    snap["graph"] = {"drawn": drawn, "edges": edges, "labels": labels, "kinds": kinds, "degree": degree, "adj": adj}
    return snap["graph"]


def _node(ents, g, i, subject=None):
    e = ents[i]
    return {"id": i, "name": e["name"], "type": e["type"], "mentions": e["mentions"], "degree": g["degree"].get(i, 0),
            **({"subject": True} if i == subject else {})}


def network(snap: dict, subject: str | None = None, limit: int = 50, whole: bool = False) -> dict:
    """People and organisations linked by relations and by taking part in the same events.

    By default one person's circle: ``subject`` (an entity id; default the most-linked person with a
    timeline), the people and organisations linked to them (strongest links first) up to ``limit`` nodes,
    and the links among those. ``whole=True``: the ``limit`` most-linked nodes of the whole graph.
    """
    ents = snap["entity_index"]
    g = graph(snap)
    deg = g["degree"]
    rank = lambda i: (-deg.get(i, 0), -ents[i]["mentions"], ents[i]["name"])  # noqa: E731
    limit = max(2, int(limit))
    if whole:
        chosen = sorted((i for i in g["drawn"] if deg.get(i)), key=rank)[:limit]
        centre = None
    else:
        if subject is None or subject not in ents:
            with_links = [i for i in snap["events_by_subject"] if i in g["drawn"] and deg.get(i)]
            subject = min(with_links, key=rank) if with_links else None
        centre = subject
        if centre is None:
            chosen = []
        else:
            near = sorted(g["adj"].get(centre, ()), key=lambda j: (-g["edges"][tuple(sorted((centre, j)))], *rank(j)))
            chosen = [centre] + near[:limit - 1]
    chosen_set = set(chosen)
    nodes = [_node(ents, g, i, centre) for i in chosen]
    links = [{"source": a, "target": b, "weight": n, "labels": sorted(g["labels"][(a, b)]),
              "kinds": sorted(g["kinds"][(a, b)]), "source_name": ents[a]["name"], "target_name": ents[b]["name"]}
             for (a, b), n in sorted(g["edges"].items(), key=lambda kv: (-kv[1], kv[0]))
             if a in chosen_set and b in chosen_set]
    total = sum(1 for i in g["drawn"] if deg.get(i))
    return {"subject": ({"id": centre, "name": ents[centre]["name"]} if centre else None), "whole": whole,
            "limit": limit, "nodes": nodes, "edges": links, "total_nodes": total, "total_edges": len(g["edges"]),
            "labels": sorted({lab for e in links for lab in e["labels"]}),
            "types": sorted({n["type"] for n in nodes})}


def network_people(snap: dict) -> list[dict]:
    """The people whose circle can be shown: a timeline and at least one link, most-linked first."""
    ents = snap["entity_index"]
    g = graph(snap)
    ids = [i for i in snap["events_by_subject"] if i in g["drawn"] and g["degree"].get(i)]
    ids.sort(key=lambda i: ents[i]["name"].casefold())
    return [{"id": i, "name": ents[i]["name"], "degree": g["degree"][i]} for i in ids]
