"""A Store in, the JSON contract's shapes out: docs, entities, timeline, show, conflicts, claims, export.

Every reader of the knowledge base (CLI, web app, exports, ask) goes through
these functions, so the shapes are defined once.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..errors import NotFoundError
from ..lexicons import words
from ..records import fact_id, fold_ascii


def _src(row) -> dict:
    return {"doc": row["doc"], "start": row["start"], "end": row["end"], "quote": row["quote"]}


def docs(conn: sqlite3.Connection) -> list[dict]:
    strip = defaultdict(list)
    for r in conn.execute('SELECT doc, start, "end", text, reason FROM stripped ORDER BY doc, start'):
        strip[r["doc"]].append({"start": r["start"], "end": r["end"], "text": r["text"], "reason": r["reason"]})
    out = []
    for r in conn.execute("SELECT doc, sha256, title, author, published, genre, about, url, chars, format"
                          " FROM documents ORDER BY doc"):
        d = {k: r[k] for k in ("doc", "sha256", "title", "author", "published", "genre", "about", "chars")}
        d["url"], d["format"], d["stripped"] = r["url"], r["format"], strip.get(r["doc"], [])
        out.append(d)
    return out


def failures(conn) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT doc, path, stage, reason FROM failures ORDER BY doc")]


def _aliases(conn) -> dict[str, list[str]]:
    al = defaultdict(list)
    for r in conn.execute("SELECT entity_id, alias FROM aliases ORDER BY alias"):
        al[r["entity_id"]].append(r["alias"])
    return al


def _entity_docs(conn, entity_id: str | None = None) -> dict[str, list[str]]:
    """{entity id: the documents that mention it, sorted} (of one entity when ``entity_id`` is given)."""
    out: dict[str, list[str]] = defaultdict(list)
    q = "SELECT entity_id, doc FROM entity_documents" + (" WHERE entity_id = ?" if entity_id else "") + \
        " ORDER BY entity_id, doc"
    for r in conn.execute(q, (entity_id,) if entity_id else ()):
        out[r[0]].append(r[1])
    return out


def entity_row(r, aliases, docs: dict[str, list[str]]) -> dict:
    out = {"id": r["id"], "name": r["name"], "type": r["type"], "aliases": aliases.get(r["id"], []),
           "mentions": r["mentions"], "docs": docs.get(r["id"], [])}
    if r["lat"] is not None:
        out["geo"] = {"lat": r["lat"], "lon": r["lon"], "country": r["country"]}
    return out


def places_geo(conn) -> dict[str, dict]:
    """{entity id: {lat, lon, country}} of every place geocoded at reconciliation (for maps and exports)."""
    return {r[0]: {"lat": r[1], "lon": r[2], "country": r[3]}
            for r in conn.execute("SELECT id, lat, lon, country FROM entities WHERE lat IS NOT NULL")}


def entities(conn, type_: str | None = None) -> list[dict]:
    al = _aliases(conn)
    q = "SELECT * FROM entities WHERE mentions > 0" + (" AND type = ?" if type_ else "") + \
        " ORDER BY mentions DESC, name"
    docs = _entity_docs(conn)
    return [entity_row(r, al, docs) for r in conn.execute(q, (type_,) if type_ else ())]


def find_entity(conn, name: str | None, type_: str | None = "PERSON") -> sqlite3.Row:
    """An entity by id, name or alias (case-insensitive); no name (None): the most-discussed person."""
    if name is None:
        # The most-discussed person: the one whose life the documents tell most (event mentions), then mentions.
        r = conn.execute("SELECT e.*, (SELECT COUNT(*) FROM event_mentions v WHERE v.subject_id = e.id) AS told"
                         " FROM entities e WHERE type='PERSON' ORDER BY told DESC, mentions DESC, name LIMIT 1"
                         ).fetchone()
        if r is not None and not r["told"]:
            r = None
        r = r or conn.execute("SELECT * FROM entities WHERE type='PERSON' ORDER BY mentions DESC LIMIT 1").fetchone()
        if r is None:
            raise NotFoundError("The database holds no person yet; build some documents first.")
        return r
    n = name.strip()
    if not n:
        raise NotFoundError("Give a name, alias or id (an empty name names nobody); list them with `kronika entities`.")
    # a part of a name matches too ("Serge"), its characters taken literally: % and _ are no wildcards
    like = "%" + n.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    r = conn.execute("SELECT * FROM entities WHERE id = ?", (n,)).fetchone()
    if r is not None:
        return r
    # every way of reading the name for the wanted type first ("Newton" the person before Newton the town)
    for want in ([type_, None] if type_ else [None]):
        # its name or one of its aliases, the most mentioned first ("Newton": the man told 70 times before the
        # village named once)
        rows = _typed(conn.execute(
            "SELECT * FROM entities WHERE id IN (SELECT id FROM entities WHERE name = ? COLLATE NOCASE UNION"
            " SELECT entity_id FROM aliases WHERE alias = ? COLLATE NOCASE) ORDER BY mentions DESC, id",
            (n, n)).fetchall(), want, strict=True)
        if rows:
            return rows[0]
        hit = _folded_match(conn, n, want)
        if hit is not None:
            return hit
        rows = _typed(conn.execute("SELECT * FROM entities WHERE name LIKE ? ESCAPE '\\' ORDER BY mentions DESC",
                                   (like,)).fetchall(), want, strict=True) if len(like) <= 1000 else []
        if rows:
            return rows[0]
    raise NotFoundError(f"No entity called {name!r}; list them with `kronika entities`.")


def _typed(rows: list, type_: str | None, strict: bool = False) -> list:
    if type_:
        typed = [r for r in rows if r["type"] == type_]
        return typed if strict else (typed or rows)
    return rows


#: Words a user may type before a name that the texts may not use there ("Sir Alexander Fleming", "Lord Lister",
#: "Captain Cook", "Rev. John Newton").
_TITLES = frozenset(w.rstrip(".") for w in words("names", "honorifics"))


#: Punctuation that names carry ("O'Brien", "Jean-Paul", "Robert J. Flaherty", "Lister, Joseph").
_NAME_PUNCT = frozenset(".'’-‐–,()\"")


def _fold(s: str) -> str:
    """Typed or stored name in comparison form: ASCII, case-folded, punctuation as spaces ("Gödel" -> "godel")."""
    out = "".join(c if c.isalnum() else " " for c in fold_ascii(s).casefold())
    return " ".join(out.split())


def _initials_fit(typed: list[str], name: list[str]) -> bool:
    """'robert j flaherty' reads 'robert joseph flaherty': typed words in order, an initial standing for a word;
    first and last words must match."""
    if not name or typed[0] != name[0] or typed[-1] != name[-1]:
        return False
    it = iter(name)
    return all(any(w == x or (len(w) == 1 and x.startswith(w)) for x in it) for w in typed)


def _folded_match(conn, typed: str, type_: str | None):
    """An entity whose name or alias reads as ``typed`` once accents, case and punctuation are folded; then the
    same without the titles a user may put first; then a name or alias containing the typed words in order
    ("Baron Rutherford of Nelson" in "1st Baron Rutherford of Nelson")."""
    if any(not (c.isalnum() or c.isspace() or c in _NAME_PUNCT) for c in typed):
        return None  # '%', '_', '*' and the like are taken literally: a name with them is matched as typed only
    want = _fold(typed)
    if len(want) < 2:
        return None
    words = want.split()
    bare = words
    while len(bare) > 1 and bare[0] in _TITLES:
        bare = bare[1:]
    bare_s = " ".join(bare)
    rows = {r["id"]: r for r in conn.execute("SELECT * FROM entities WHERE mentions > 0 OR type = 'PERSON'")}
    names: dict[str, set[str]] = defaultdict(set)
    for eid, r in rows.items():
        names[eid].add(_fold(r["name"]))
    for a in conn.execute("SELECT entity_id, alias FROM aliases"):
        if a[0] in rows:
            names[a[0]].add(_fold(a[1]))
    tiers: list[list] = [[], [], [], []]
    for eid, ns in names.items():
        if type_ and rows[eid]["type"] != type_:
            continue
        if want in ns:
            tiers[0].append(rows[eid])
        elif bare_s != want and bare_s in ns:
            tiers[1].append(rows[eid])
        elif len(bare) > 1 and any(_initials_fit(bare, x.split()) for x in ns):
            tiers[2].append(rows[eid])
        elif any(f" {bare_s} " in f" {x} " for x in ns):
            tiers[3].append(rows[eid])
    for tier in tiers:
        ranked = sorted(tier, key=lambda r: (-(r["mentions"] or 0), r["id"]))
        if ranked:
            return ranked[0]
    return None


def _names(conn) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, name FROM entities")}


def _ref(eid, names) -> dict | None:
    return {"id": eid, "name": names.get(eid, eid)} if eid else None


#: Each reconciled table's provenance: its link table, the link's column naming the record, the mentions table.
_SOURCES = {"facts": ("fact_sources", "fact_id", "fact_mentions"),
            "relations": ("relation_sources", "relation_id", "relation_mentions"),
            "claims": ("claim_sources", "claim_id", "claim_mentions")}


def _sources(conn, table: str) -> dict[int, list[dict]]:
    """{record id: its mentions' sources in document order} for ``facts``, ``relations`` or ``claims``."""
    link, col, mentions = _SOURCES[table]
    out: dict[int, list[dict]] = defaultdict(list)
    for r in conn.execute(f'SELECT s.{col} AS rid, m.doc, m.start, m."end", m.quote FROM {link} s'
                          f' JOIN {mentions} m ON m.id = s.mention_id ORDER BY s.{col}, m.doc, m.start, m.id'):
        out[r["rid"]].append(_src(r))
    return out


def _event_refs(conn, subject_id: str) -> dict[tuple[str, str], list]:
    """{(event id, "places" or "participants"): entity ids in order} of one subject's events."""
    out: dict[tuple[str, str], list] = defaultdict(list)
    for table, key in (("event_places", "places"), ("event_participants", "participants")):
        for r in conn.execute(f'SELECT p.event_id, p.entity_id FROM {table} p JOIN events e ON e.id = p.event_id'
                              f' WHERE e.subject_id = ? ORDER BY p.event_id, p."order"', (subject_id,)):
            out[(r[0], key)].append(r[1])
    return out


def events_of(conn, subject_id: str, names=None, *, with_subject: bool = False) -> list[dict]:
    names = names or _names(conn)
    srcs = defaultdict(list)
    for r in conn.execute('SELECT event_id, doc, start, "end", quote FROM event_mentions'
                          ' WHERE subject_id = ? AND event_id IS NOT NULL ORDER BY doc, start', (subject_id,)):
        srcs[r["event_id"]].append(_src(r))
    refs = _event_refs(conn, subject_id)
    out = []
    for r in conn.execute("SELECT * FROM events WHERE subject_id = ? ORDER BY rank", (subject_id,)):
        e = {
            "id": r["id"], "type": r["type"], "summary": r["summary"],
            "date": {"start": r["date_start"], "end": r["date_end"], "text": r["date_text"],
                     "inferred": bool(r["date_inferred"])},
            "places": [_ref(p, names) for p in refs.get((r["id"], "places"), [])],
            "participants": [_ref(p, names) for p in refs.get((r["id"], "participants"), [])],
            "sources": srcs.get(r["id"], []), "confidence": r["confidence"], "status": r["status"],
            "fiction": bool(r["fiction"]),
        }
        if r["note"]:
            e["note"] = r["note"]
        if with_subject:
            e["subject"] = _ref(subject_id, names)
        out.append(e)
    return out


def timeline(conn, subject: str | None) -> dict:
    s = find_entity(conn, subject)
    al = _aliases(conn)
    return {"subject": {"id": s["id"], "name": s["name"], "aliases": al.get(s["id"], [])},
            "events": events_of(conn, s["id"])}


def facts_of(conn, subject_id: str | None, names=None) -> list[dict]:
    names = names or _names(conn)
    sources = _sources(conn, "facts")
    q = "SELECT * FROM facts" + (" WHERE subject_id = ?" if subject_id else "") + " ORDER BY subject_id, attribute, id"
    out = []
    for r in conn.execute(q, (subject_id,) if subject_id else ()):
        f = {"id": fact_id(r["subject_id"], r["attribute"], r["value"], r["value_iso"]),
             "subject": _ref(r["subject_id"], names), "attribute": r["attribute"], "value": r["value"],
             "sources": sources.get(r["id"], []),
             "confidence": r["confidence"]}
        if r["value_id"]:
            f["value_entity"] = _ref(r["value_id"], names)
        if r["value_iso"] or r["date_start"] or r["date_end"]:
            f["value_iso"] = r["value_iso"]
            f["date"] = {"start": r["date_start"], "end": r["date_end"]}
        out.append(f)
    return out


def relations_of(conn, entity_id: str | None, names=None) -> list[dict]:
    names = names or _names(conn)
    sources = _sources(conn, "relations")
    q = "SELECT * FROM relations" + (" WHERE source_id = ? OR target_id = ?" if entity_id else "") + " ORDER BY id"
    return [{"source": _ref(r["source_id"], names), "relation": r["relation"], "target": _ref(r["target_id"], names),
             "date": {"start": r["date_start"], "end": r["date_end"]},
             "sources": sources.get(r["id"], [])}
            for r in conn.execute(q, (entity_id, entity_id) if entity_id else ())]


def claims_of(conn, about_id: str | None, names=None) -> list[dict]:
    names = names or _names(conn)
    authors = {r[0]: r[1] for r in conn.execute("SELECT doc, author FROM documents")}
    all_sources = _sources(conn, "claims")
    q = "SELECT * FROM claims" + (" WHERE about_id = ?" if about_id else "") + " ORDER BY id"
    out = []
    for r in conn.execute(q, (about_id,) if about_id else ()):
        sources = [dict(s) for s in all_sources.get(r["id"], [])]
        for s in sources:
            s["author"] = authors.get(s["doc"])
        c = {"holder": _ref(r["holder_id"], names), "about": _ref(r["about_id"], names), "stance": r["stance"],
             "kind": r["kind"], "text": r["text"], "sources": sources}
        if r["work"]:
            c["work"] = r["work"]
        if r["date_start"] or r["date_end"]:
            c["date"] = {"start": r["date_start"], "end": r["date_end"]}
        out.append(c)
    return out


def show(conn, name: str) -> dict:
    e = find_entity(conn, name, None)
    names = _names(conn)
    al = _aliases(conn)
    return {"entity": entity_row(e, al, _entity_docs(conn, e["id"])), "facts": facts_of(conn, e["id"], names),
            "events": events_of(conn, e["id"], names), "relations": relations_of(conn, e["id"], names),
            "claims": claims_of(conn, e["id"], names)}


def conflict_evidence(conn, subject: str | None) -> tuple[list[dict], list[dict], list[dict], dict]:
    """What ``reconcile.conflicts.find_conflicts`` compares for one person: facts, events, event mentions, names."""
    s = find_entity(conn, subject)
    return facts_of(conn, s["id"]), events_of(conn, s["id"]), _member_rows(conn, s["id"]), _names(conn)


def _member_rows(conn, subject_id: str) -> list[dict]:
    return [dict(r) for r in conn.execute(
        'SELECT id, event_id, doc, start, "end", quote, date_start, date_end, date_inferred, places, type'
        ' FROM event_mentions WHERE subject_id = ?', (subject_id,))]


def export_all(conn) -> dict:
    names = _names(conn)
    texts = {r[0]: r[1] for r in conn.execute("SELECT doc, text FROM documents")}
    documents = []
    for d in docs(conn):
        d["text"] = texts[d["doc"]]
        documents.append(d)
    events = []
    for r in conn.execute("SELECT DISTINCT subject_id FROM events ORDER BY subject_id"):
        events += events_of(conn, r[0], names, with_subject=True)
    return {"documents": documents, "entities": entities(conn), "events": events,
            "facts": facts_of(conn, None, names), "relations": relations_of(conn, None, names),
            "claims": claims_of(conn, None, names), "failures": failures(conn)}


def document(conn, name: str) -> dict:
    """One document with its text, stripped boilerplate and every span extracted from it (for viewers)."""
    row = conn.execute("SELECT * FROM documents WHERE doc = ?", (name,)).fetchone()
    if row is None:
        raise NotFoundError(f"No document called {name!r}; list them with `kronika docs`.")
    names = _names(conn)
    out = {k: row[k] for k in ("doc", "sha256", "title", "author", "published", "genre", "about", "url", "chars",
                               "text")}
    out["stripped"] = [{"start": r["start"], "end": r["end"], "text": r["text"], "reason": r["reason"]}
                       for r in conn.execute('SELECT start, "end", text, reason FROM stripped WHERE doc = ?'
                                             ' ORDER BY start', (name,))]
    spans = []
    for r in conn.execute('SELECT start, "end", type, entity_id, text FROM mentions WHERE doc = ?', (name,)):
        spans.append({"start": r["start"], "end": r["end"], "kind": "entity", "type": r["type"],
                      "id": r["entity_id"], "label": f"{r['type']}: {names.get(r['entity_id'], r['text'])}"})
    for r in conn.execute('SELECT start, "end", type, value, text FROM timexes WHERE doc = ?', (name,)):
        spans.append({"start": r["start"], "end": r["end"], "kind": "timex", "type": r["type"],
                      "label": f"{r['type']}: {r['value']}"})
    for r in conn.execute('SELECT start, "end", type, summary, subject_id, event_id FROM event_mentions'
                          ' WHERE doc = ? AND event_id IS NOT NULL', (name,)):
        spans.append({"start": r["start"], "end": r["end"], "kind": "event", "type": r["type"], "id": r["event_id"],
                      "subject": r["subject_id"],
                      "label": f"{r['type']}: {r['summary']} ({names.get(r['subject_id'], r['subject_id'])})"})
    for r in conn.execute('SELECT start, "end", attribute, value, subject_id FROM fact_mentions WHERE doc = ?',
                          (name,)):
        spans.append({"start": r["start"], "end": r["end"], "kind": "fact", "type": r["attribute"],
                      "label": f"{names.get(r['subject_id'], r['subject_id'])} {r['attribute']}: {r['value']}"})
    for r in conn.execute('SELECT start, "end", relation, source_id, target_id FROM relation_mentions WHERE doc = ?',
                          (name,)):
        spans.append({"start": r["start"], "end": r["end"], "kind": "relation", "type": r["relation"],
                      "label": f"{names.get(r['source_id'], r['source_id'])} {r['relation']} "
                               f"{names.get(r['target_id'], r['target_id'])}"})
    for r in conn.execute('SELECT start, "end", stance, holder_id, about_id, text FROM claim_mentions WHERE doc = ?',
                          (name,)):
        holder = names.get(r["holder_id"], "the author") if r["holder_id"] else "the author"
        spans.append({"start": r["start"], "end": r["end"], "kind": "claim", "type": r["stance"],
                      "label": f"{holder} on {names.get(r['about_id'], r['about_id'])} ({r['stance']}): {r['text']}"})
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    out["spans"] = spans
    return out
