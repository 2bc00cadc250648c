"""An open knowledge base in, the typed reads ``kronika ask`` needs out: names, sentences, mentions, timexes.

Every SQL statement of the question answerer lives here; ``kronika.ask`` calls
these functions and gets small immutable records (named tuples) back, never database rows.
Full-text lookups take plain words (quoted here, so no word is read as FTS5
syntax); an empty word list finds nothing.
"""
from __future__ import annotations

import os
import sqlite3
from functools import partial
from typing import NamedTuple

from ..records import Timex


class EntityName(NamedTuple):
    """One name of an entity: its canonical name or one of its aliases."""

    id: str
    name: str
    type: str
    mentions: int


class Sentence(NamedTuple):
    """A stored sentence; ``text`` is the document's text from ``start`` to ``end``."""

    doc: str
    start: int
    end: int
    text: str


class RankedSentence(NamedTuple):
    """A sentence found by full-text search; ``rank`` is its BM25 score (lower is better, negative)."""

    doc: str
    start: int
    end: int
    text: str
    rank: float


class EntityMention(NamedTuple):
    """A mention resolved to an entity of the store (``entity_id`` None when it was not)."""

    start: int
    end: int
    text: str
    type: str
    entity_id: str | None


def _records(cls, rows) -> list:
    """Rows as records of ``cls`` (a NamedTuple whose fields are the selected columns, in order), built in C:
    ask reads thousands of mentions and names per question, and a Python-level constructor per row shows."""
    return list(map(partial(tuple.__new__, cls), rows))


def _fts(words, sep: str) -> str:
    return sep.join('"' + w.replace('"', '""') + '"' for w in words)


_NAMES_CACHE: dict[tuple, list] = {}


def _state(conn: sqlite3.Connection) -> tuple:
    """What identifies the database's content as this connection sees it (changes after any write)."""
    path = next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "") or ""
    files = []
    for f in (path, path + "-wal") if path else ():
        try:
            st = os.stat(f)
            files.append((st.st_mtime_ns, st.st_size))
        except OSError:
            files.append(None)
    return (id(conn), path, tuple(files), conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)


def entity_names(conn: sqlite3.Connection) -> list[EntityName]:
    """Every entity's name, then every alias (with its entity's type and mention count); read once per state of
    the database and connection (a warm question does not read the whole table again)."""
    key = _state(conn)
    hit = _NAMES_CACHE.get(key)
    if hit is None:
        if len(_NAMES_CACHE) > 4:
            _NAMES_CACHE.clear()
        hit = _NAMES_CACHE[key] = _entity_names(conn)
    return hit


def _entity_names(conn: sqlite3.Connection) -> list[EntityName]:
    out = _records(EntityName, conn.execute("SELECT id, name, type, mentions FROM entities"))
    out += _records(EntityName, conn.execute(
        "SELECT a.entity_id, a.alias, e.type, e.mentions FROM aliases a JOIN entities e ON e.id = a.entity_id"))
    return out


def located_names(conn: sqlite3.Connection) -> frozenset[str]:
    """The names and aliases (lower case) of the places that have coordinates, read once per database state."""
    key = ("located",) + _state(conn)
    hit = _NAMES_CACHE.get(key)
    if hit is None:
        rows = conn.execute("SELECT lower(name) FROM entities WHERE lat IS NOT NULL UNION "
                            "SELECT lower(a.alias) FROM aliases a JOIN entities e ON e.id = a.entity_id "
                            "WHERE e.lat IS NOT NULL")
        hit = _NAMES_CACHE[key] = frozenset(r[0] for r in rows)
    return hit


def known_names(conn: sqlite3.Connection) -> list[str]:
    """The names of the entities the documents mention, and every alias."""
    return [r[0] for r in conn.execute("SELECT name FROM entities WHERE mentions > 0 UNION SELECT alias FROM aliases")]


def entity_type(conn: sqlite3.Connection, entity_id: str) -> str | None:
    """The type of an entity (PERSON, PLACE, ...), or None when there is no such entity."""
    r = conn.execute("SELECT type FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return None if r is None else r[0]


def has_sentence_with_all(conn: sqlite3.Connection, words: list[str]) -> bool:
    """Whether some sentence contains every word (stemmed, as the full-text index does)."""
    if not words:
        return False
    q = "SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT 1"
    return conn.execute(q, (_fts(words, " "),)).fetchone() is not None


def sentences_with_any(conn: sqlite3.Connection, words: list[str], limit: int) -> list[Sentence]:
    """At most ``limit`` sentences containing one of the words, in the index's order."""
    if not words:
        return []
    q = 'SELECT doc, start, "end", text FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?'
    return [Sentence(r[0], int(r[1]), int(r[2]), r[3]) for r in conn.execute(q, (_fts(words, " OR "), limit))]


def ranked_sentences(conn: sqlite3.Connection, words: list[str], limit: int) -> list[RankedSentence]:
    """The ``limit`` sentences containing one of the words that rank best by BM25, best first."""
    if not words:
        return []
    q = ('SELECT doc, start, "end", text, bm25(sentences_fts) AS r FROM sentences_fts'
         ' WHERE sentences_fts MATCH ? ORDER BY r LIMIT ?')
    return _records(RankedSentence, conn.execute(q, (_fts(words, " OR "), limit)))


def sentence_around(conn: sqlite3.Connection, doc: str, start: int, end: int) -> Sentence | None:
    """The stored sentence holding [start, end) of a document, else the one holding ``start``, else None."""
    r = conn.execute('SELECT start, "end", text FROM sentences WHERE doc = ? AND start <= ? AND "end" >= ?'
                     ' ORDER BY start DESC LIMIT 1', (doc, start, end)).fetchone()
    if r is None:
        r = conn.execute('SELECT start, "end", text FROM sentences WHERE doc = ? AND start <= ? AND "end" > ?'
                         ' ORDER BY start DESC LIMIT 1', (doc, start, start)).fetchone()
    return None if r is None else Sentence(doc, int(r[0]), int(r[1]), r[2])


def sentences_of(conn: sqlite3.Connection, doc: str) -> list[Sentence]:
    """The stored sentences of a document, in reading order."""
    return _records(Sentence, conn.execute(
        'SELECT doc, start, "end", text FROM sentences WHERE doc = ? ORDER BY start', (doc,)))


def mentions_of(conn: sqlite3.Connection, doc: str) -> list[EntityMention]:
    """The entity mentions of a document, in reading order."""
    return _records(EntityMention, conn.execute(
        'SELECT start, "end", text, type, entity_id FROM mentions WHERE doc = ? ORDER BY start', (doc,)))


def timexes_of(conn: sqlite3.Connection, doc: str) -> list[Timex]:
    """The time expressions of a document, in reading order (value, earliest and latest as stored)."""
    return [Timex(start=r[0], end=r[1], text=r[2], type=r[3], value=r[4], earliest=r[5], latest=r[6])
            for r in conn.execute('SELECT start, "end", text, type, value, earliest, latest FROM timexes'
                                  ' WHERE doc = ? ORDER BY start', (doc,))]


def stripped_spans(conn: sqlite3.Connection, doc: str) -> list[tuple[int, int]]:
    """The (start, end) spans of a document marked as boilerplate."""
    return [(r[0], r[1]) for r in conn.execute('SELECT start, "end" FROM stripped WHERE doc = ?', (doc,))]


def document_text(conn: sqlite3.Connection, doc: str) -> str:
    """A document's text ('' when the store has no such document)."""
    r = conn.execute("SELECT text FROM documents WHERE doc = ?", (doc,)).fetchone()
    return r[0] if r else ""


def document_about(conn: sqlite3.Connection, doc: str) -> str | None:
    """The work a document (a review) discusses, or None."""
    r = conn.execute("SELECT about FROM documents WHERE doc = ?", (doc,)).fetchone()
    return r[0] if r else None


def documents_of(conn: sqlite3.Connection, entity_ids, limit: int = 50) -> list[str]:
    """The documents that mention one of the entities (at most ``limit``, by name)."""
    ids = sorted(entity_ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [r[0] for r in conn.execute(
        f"SELECT DISTINCT doc FROM entity_documents WHERE entity_id IN ({marks}) ORDER BY doc LIMIT ?",
        (*ids, limit))]


def document_head(conn: sqlite3.Connection, doc: str, chars: int) -> str:
    """The first ``chars`` characters of a document's text ('' when there is no such document)."""
    r = conn.execute("SELECT substr(text, 1, ?) FROM documents WHERE doc = ?", (chars, doc)).fetchone()
    return r[0] if r and r[0] else ""


# -- the records of one subject (what ``store.reads`` gives, read for that subject only) ------------------------

def _names_of(conn: sqlite3.Connection, ids) -> dict[str, str]:
    ids = sorted({i for i in ids if i})
    out: dict[str, str] = {}
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        out.update(conn.execute(f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(part))})", part))
    return out


def _ref(eid: str | None, names: dict[str, str]) -> dict | None:
    return {"id": eid, "name": names.get(eid, eid)} if eid else None


def _src(r) -> dict:
    return {"doc": r[0], "start": r[1], "end": r[2], "quote": r[3]}


def _among(column: str, values) -> tuple[str, list]:
    """An SQL condition "column IN (...)" and its parameters; no condition for None."""
    if values is None:
        return "", []
    values = sorted(set(values))
    return f" AND {column} IN ({','.join('?' * len(values))})" if values else " AND 0", values


def facts_about(conn: sqlite3.Connection, subject_id: str, attributes=None) -> list[dict]:
    """The facts of one entity (of the given attributes only, when given): {"attribute", "value", "sources",
    "confidence", "value_entity"?}, sources in document order (the shape of ``store.reads.facts_of``, without
    reading every fact's sources)."""
    cond, args = _among("attribute", attributes)
    rows = conn.execute("SELECT id, attribute, value, value_id, confidence FROM facts WHERE subject_id = ?" + cond +
                        " ORDER BY attribute, id", (subject_id, *args)).fetchall()
    if not rows:
        return []
    srcs: dict[int, list[dict]] = {}
    ids = [r[0] for r in rows]
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        for r in conn.execute('SELECT s.fact_id, m.doc, m.start, m."end", m.quote FROM fact_sources s'
                              ' JOIN fact_mentions m ON m.id = s.mention_id'
                              f' WHERE s.fact_id IN ({",".join("?" * len(part))})'
                              ' ORDER BY s.fact_id, m.doc, m.start, m.id', part):
            srcs.setdefault(r[0], []).append(_src(r[1:]))
    names = _names_of(conn, [r[3] for r in rows])
    out = []
    for fid, attribute, value, value_id, confidence in rows:
        f = {"attribute": attribute, "value": value, "sources": srcs.get(fid, []), "confidence": confidence}
        if value_id:
            f["value_entity"] = _ref(value_id, names)
        out.append(f)
    return out


def relations_about(conn: sqlite3.Connection, entity_ids, relations=None) -> list[dict]:
    """The relations (of the given names only, when given) with one of the entities (an id or a collection of
    ids) at either end, in one pass over the table: {"id", "source", "relation", "target", "sources"}."""
    ids = sorted({entity_ids} if isinstance(entity_ids, str) else set(entity_ids))
    if not ids:
        return []
    cond, args = _among("relation", relations)
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, source_id, relation, target_id FROM relations WHERE (source_id IN ({marks})"
                        f" OR target_id IN ({marks}))" + cond + " ORDER BY id", (*ids, *ids, *args)).fetchall()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    srcs: dict[int, list[dict]] = {}
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        for r in conn.execute('SELECT s.relation_id, m.doc, m.start, m."end", m.quote FROM relation_sources s'
                              ' JOIN relation_mentions m ON m.id = s.mention_id'
                              f' WHERE s.relation_id IN ({",".join("?" * len(part))})'
                              ' ORDER BY s.relation_id, m.doc, m.start, m.id', part):
            srcs.setdefault(r[0], []).append(_src(r[1:]))
    names = _names_of(conn, [r[1] for r in rows] + [r[3] for r in rows])
    return [{"id": rid, "source": _ref(s, names), "relation": rel, "target": _ref(t, names),
             "sources": srcs.get(rid, [])} for rid, s, rel, t in rows]


def events_about(conn: sqlite3.Connection, subject_id: str, types=None, year: int | None = None) -> list[dict]:
    """The timeline of one entity in rank order (only events of the given types, or dated in a span that holds
    ``year``, when given): {"type", "summary", "date", "places", "participants", "sources", "confidence",
    "fiction"} (the shape of ``store.reads.events_of``, names read for the entities it cites)."""
    cond, args = _among("type", types)
    if year is not None:
        cond += " AND substr(date_start, 1, 4) <= ? AND substr(date_end, 1, 4) >= ?"
        args += [f"{year:04d}", f"{year:04d}"]
    rows = conn.execute('SELECT id, type, summary, date_start, date_end, date_text, date_inferred, confidence,'
                        ' fiction FROM events WHERE subject_id = ?' + cond + ' ORDER BY rank',
                        (subject_id, *args)).fetchall()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    srcs: dict[str, list[dict]] = {}
    refs: dict[tuple[str, str], list[str]] = {}
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        marks = ",".join("?" * len(part))
        for r in conn.execute('SELECT event_id, doc, start, "end", quote FROM event_mentions'
                              f' WHERE subject_id = ? AND event_id IN ({marks}) ORDER BY doc, start',
                              (subject_id, *part)):
            srcs.setdefault(r[0], []).append(_src(r[1:]))
        for table, key in (("event_places", "places"), ("event_participants", "participants")):
            for r in conn.execute(f'SELECT event_id, entity_id FROM {table} WHERE event_id IN ({marks})'
                                  ' ORDER BY event_id, "order"', part):
                refs.setdefault((r[0], key), []).append(r[1])
    names = _names_of(conn, [i for v in refs.values() for i in v])
    out = []
    for r in rows:
        out.append({"id": r[0], "type": r[1], "summary": r[2],
                    "date": {"start": r[3], "end": r[4], "text": r[5], "inferred": bool(r[6])},
                    "places": [_ref(p, names) for p in refs.get((r[0], "places"), [])],
                    "participants": [_ref(p, names) for p in refs.get((r[0], "participants"), [])],
                    "sources": srcs.get(r[0], []), "confidence": r[7], "fiction": bool(r[8])})
    return out


def mentions_between(conn: sqlite3.Connection, doc: str, start: int, end: int) -> list[EntityMention]:
    """The entity mentions of a document that start in [start, end), in reading order."""
    return _records(EntityMention, conn.execute(
        'SELECT start, "end", text, type, entity_id FROM mentions WHERE doc = ? AND start >= ? AND start < ?'
        ' ORDER BY start', (doc, start, end)))


def dominant_person(conn: sqlite3.Connection, doc: str) -> str | None:
    """The entity id of the person a document mentions most (ties: the first id), or None."""
    r = conn.execute("SELECT entity_id FROM mentions WHERE doc = ? AND type = 'PERSON' AND entity_id IS NOT NULL"
                     " GROUP BY entity_id ORDER BY count(*) DESC, min(start) LIMIT 1", (doc,)).fetchone()
    return r[0] if r else None


def sentence_before(conn: sqlite3.Connection, doc: str, start: int) -> str:
    """The text of the stored sentence of a document that starts last before ``start`` ('' when none)."""
    r = conn.execute('SELECT text FROM sentences WHERE doc = ? AND start < ? ORDER BY start DESC LIMIT 1',
                     (doc, start)).fetchone()
    return r[0] if r else ""


def mentioned_in(conn: sqlite3.Connection, entity_id: str, doc: str) -> bool:
    """Whether the entity is mentioned in the document."""
    return conn.execute("SELECT 1 FROM entity_documents WHERE entity_id = ? AND doc = ?",
                        (entity_id, doc)).fetchone() is not None
