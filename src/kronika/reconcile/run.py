"""Per-document records in the store -> the reconciled knowledge base (entities, events, facts, ...).

Steps: resolve entities across documents (``reconcile.entities``), apply the
user's corrections, merge event mentions into events (``reconcile.events``),
order and date them by constraints (``reconcile.chronology``), group facts,
relations and claims. The reconciled tables are rewritten in one transaction.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from ..extract.entities.gazetteer import entity_info
from ..records import fact_id
from ..settings import Settings
from .chronology import order_events
from .corrections import split_aliases
from .entities import DocEntity, gazetteer_name, name_history_links, resolve_entities
from .events import merge_events


def display_name(names: Counter) -> str:
    """The name an entity is shown by: a full (multi-word) name, the most used one, not the longest."""
    return max(names, key=lambda n: (len(n.split()) > 1, names[n], -len(n.split()), n))


def _resolve(items):
    objs = [DocEntity(doc=i["doc"], key=i["key"], type=i["type"], aliases=i["aliases"], mentions=i["mentions"],
                      context=i["context"]) for i in items]
    return resolve_entities(objs)


def reconcile(store, settings: Settings, full: bool = False) -> None:
    """Rebuild the reconciled tables from the per-document tables and the corrections.

    Entities, facts, relations and claims are cheap and always rebuilt whole;
    events (merging and chronology, the costly part) are redone only for the
    people whose evidence changed since the last reconciliation: those named in
    documents written or removed since (``dirty_*`` tables), and those whose
    mentions now resolve to another entity. ``full`` redoes everyone.
    """
    c = store.conn
    # ---- entities -------------------------------------------------------------------------------
    groups: dict[tuple[str, str], dict] = {}
    types: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in c.execute("SELECT doc, key, type, text FROM mentions"):
        k = (r["doc"], r["key"])
        g = groups.setdefault(k, {"doc": r["doc"], "key": r["key"], "aliases": set(), "mentions": 0, "context": set(),
                                  "texts": Counter()})
        g["aliases"].add(r["text"])
        g["texts"][r["text"]] += 1
        g["mentions"] += 1
        types[k][r["type"]] += 1
    # Keys used by events, facts, claims that no mention covers still need an entity.
    extra = [("event_mentions", "subject_key", "PERSON"), ("fact_mentions", "subject_key", "PERSON"),
             ("relation_mentions", "source_key", "PERSON"), ("relation_mentions", "target_key", "PERSON"),
             ("claim_mentions", "holder_key", "PERSON"), ("claim_mentions", "about_key", "PERSON")]
    for table, col, typ in extra:
        for r in c.execute(f"SELECT DISTINCT doc, {col} AS key FROM {table} WHERE {col} IS NOT NULL"):
            k = (r["doc"], r["key"])
            if k not in groups:
                groups[k] = {"doc": r["doc"], "key": r["key"], "aliases": {r["key"]}, "mentions": 0, "context": set()}
                # A holder such as "critics" or "orthodox Trotskyism" is a group or movement, not a person.
                lowered = not any(ch.isupper() for ch in r["key"][:1])
                types[k]["ORG" if (lowered or r["key"].endswith("ism")) else typ] += 1
    for table, col in (("event_mentions", "places"), ("event_mentions", "participants")):
        for r in c.execute(f"SELECT doc, {col} AS v FROM {table}"):
            for key in json.loads(r["v"]):
                k = (r["doc"], key)
                if k not in groups:
                    groups[k] = {"doc": r["doc"], "key": key, "aliases": {key}, "mentions": 0, "context": set()}
                    types[k]["PLACE" if col == "places" else "PERSON"] += 1
    # A stated birth name or pseudonym ("born Lev Bronstein") is another name of the same person.
    for r in c.execute("SELECT doc, subject_key, value FROM fact_mentions WHERE attribute IN ('birth_name', 'pseudonym')"):
        g = groups.get((r["doc"], r["subject_key"]))
        if g is not None:
            g["aliases"].add(r["value"])
    by_doc: dict[str, list[str]] = defaultdict(list)
    for (doc, key) in groups:
        by_doc[doc].append(key)
    for (doc, key), g in groups.items():
        g["type"] = types[(doc, key)].most_common(1)[0][0]
        if len(by_doc[doc]) <= 200:
            g["context"] = set(by_doc[doc]) - {key}
    folded = _fold_lone_names(c, groups)
    items = sorted(groups.values(), key=lambda g: (g["doc"], g["key"]))
    ids = _resolve(items)
    for (doc, lone), full_name in folded.items():
        if (doc, full_name) in ids:
            ids[(doc, lone)] = ids[(doc, full_name)]
    ids, split_texts = _apply_entity_corrections(store, ids, items)
    split_names = {eid: t for _, _, t, eid in split_texts}          # a split-off alias is that entity's name

    ent: dict[str, dict] = {}
    for g in items:
        eid = ids[(g["doc"], g["key"])]
        e = ent.setdefault(eid, {"names": Counter(), "type": Counter(), "aliases": set(), "mentions": 0, "docs": set()})
        e["names"][g["key"]] += max(1, g["mentions"])
        e["type"][g["type"]] += max(1, g["mentions"])
        e["aliases"] |= g["aliases"] | {g["key"]}
        e["mentions"] += g["mentions"]
        if g["mentions"]:
            e["docs"].add(g["doc"])
    renames = {r["target"]: r["value"] for r in store.corrections() if r["action"] == "rename"}

    with c:
        for t in ("entities", "aliases", "entity_links", "facts", "relations", "claims"):
            c.execute(f"DELETE FROM {t}")
        for eid, e in ent.items():
            typ = e["type"].most_common(1)[0][0]
            name = renames.get(eid) or split_names.get(eid) or gazetteer_name(e["names"], typ) or \
                display_name(e["names"])
            lat = lon = None
            if typ == "PLACE":
                info = entity_info(name)
                if info and info.get("coords"):
                    lat, lon = info["coords"]
            c.execute("INSERT INTO entities(id, name, type, mentions, docs, lat, lon) VALUES (?,?,?,?,?,?,?)",
                      (eid, name, typ, e["mentions"], json.dumps(sorted(e["docs"])), lat, lon))
            c.executemany("INSERT OR IGNORE INTO aliases(entity_id, alias) VALUES (?,?)",
                          [(eid, a) for a in sorted(e["aliases"]) if a != name])
        current = {(r[0], r[1]): r[2] for r in c.execute("SELECT DISTINCT doc, key, entity_id FROM mentions")}
        c.executemany("UPDATE mentions SET entity_id=? WHERE doc=? AND key=?",
                      [(eid, d, k) for (d, k), eid in ids.items() if (d, k) in current and current[(d, k)] != eid])
        c.executemany("UPDATE mentions SET entity_id=? WHERE doc=? AND key=? AND text=?",
                      [(eid, d, k, t) for d, k, t, eid in split_texts])      # aliases split off by the user
        links = [(a, r, b) for a, r, b in name_history_links() if a in ent and b in ent]
        c.executemany("INSERT INTO entity_links(source_id, relation, target_id) VALUES (?,?,?)", links)

        def gid(doc, key):
            return ids.get((doc, key)) if key is not None else None

        # ---- events: only for the subjects whose evidence changed -------------------------------------
        touched = _touched_subjects(c, ids, full)
        rows = [dict(r) for r in c.execute("SELECT * FROM event_mentions WHERE negated = 0")]
        updates = []
        for r in rows:
            sid = gid(r["doc"], r["subject_key"])
            if sid != r["subject_id"]:
                updates.append((sid, r["id"]))
                touched.update(x for x in (sid, r["subject_id"]) if x)
            r["subject_id"] = sid
        c.executemany("UPDATE event_mentions SET subject_id=? WHERE id=?", updates)
        if full:
            c.execute("DELETE FROM events")
        else:
            c.executemany("DELETE FROM events WHERE subject_id = ?", [(t,) for t in touched])
        rows = [r for r in rows if full or r["subject_id"] in touched]
        for r in rows:
            r["place_ids"] = [gid(r["doc"], k) for k in json.loads(r["places"])]
            r["participant_ids"] = [gid(r["doc"], k) for k in json.loads(r["participants"])]
        genres = {r[0]: r[1] for r in c.execute("SELECT doc, genre FROM documents")}
        names = {r[0]: r[1] for r in c.execute("SELECT id, name FROM entities")}
        events = merge_events(rows, settings, genres, names)
        events = _apply_event_corrections(store, events)
        order_events(events)
        for ev in events:
            c.execute(
                "INSERT INTO events(id, subject_id, type, summary, date_start, date_end, date_text, date_inferred,"
                " places, participants, confidence, status, rank, fiction, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (ev["id"], ev["subject_id"], ev["type"], ev["summary"], ev["date_start"], ev["date_end"],
                 ev["date_text"], int(ev["date_inferred"]), json.dumps(ev["places"]), json.dumps(ev["participants"]),
                 ev["confidence"], ev["status"], ev["rank"], int(ev["fiction"]), ev.get("note")))
            c.executemany("UPDATE event_mentions SET event_id=? WHERE id=?", [(ev["id"], m) for m in ev["mention_ids"]])
        c.execute("DELETE FROM dirty_docs")
        c.execute("DELETE FROM dirty_subjects")

        # Resolved ids on the per-document rows, so readers can join without re-resolving.
        for table, pairs in (("fact_mentions", (("subject_key", "subject_id"), ("value_key", "value_id"))),
                             ("relation_mentions", (("source_key", "source_id"), ("target_key", "target_id"))),
                             ("claim_mentions", (("holder_key", "holder_id"), ("about_key", "about_id")))):
            cols = ", ".join(f"{k}, {v}" for k, v in pairs)
            sets = ", ".join(f"{v} = ?" for _, v in pairs)
            todo = []
            for r in c.execute(f"SELECT id, doc, {cols} FROM {table}").fetchall():
                new = tuple(gid(r["doc"], r[k]) for k, _ in pairs)
                if new != tuple(r[v] for _, v in pairs):       # only rows whose resolution changed
                    todo.append(new + (r["id"],))
            c.executemany(f"UPDATE {table} SET {sets} WHERE id = ?", todo)

        # ---- facts, relations, claims ------------------------------------------------------------------------
        facts: dict[tuple, dict] = {}
        rejected = {r["target"] for r in store.corrections() if r["action"] == "reject-fact"}
        for r in _one_value_per_document(c.execute("SELECT * FROM fact_mentions ORDER BY doc, start").fetchall(), gid):
            sid = gid(r["doc"], r["subject_key"])
            vid = gid(r["doc"], r["value_key"]) if r["value_key"] else None
            norm = r["value_iso"] or " ".join(r["value"].lower().split())
            f = facts.setdefault((sid, r["attribute"], norm), {
                "subject_id": sid, "attribute": r["attribute"], "value": r["value"], "value_iso": r["value_iso"],
                "value_id": vid, "date_start": r["date_start"], "date_end": r["date_end"], "conf": [], "ids": []})
            f["conf"].append(r["confidence"])
            f["ids"].append(r["id"])
            f["value_id"] = f["value_id"] or vid
        for f in facts.values():
            if fact_id(f["subject_id"], f["attribute"], f["value"], f["value_iso"]) in rejected:
                continue                          # rejected by the user (`kronika correct reject-fact`)
            conf = 1.0
            for x in f["conf"]:
                conf *= (1 - x)
            c.execute("INSERT INTO facts(subject_id, attribute, value, value_iso, value_id, date_start, date_end,"
                      " confidence, mention_ids) VALUES (?,?,?,?,?,?,?,?,?)",
                      (f["subject_id"], f["attribute"], f["value"], f["value_iso"], f["value_id"], f["date_start"],
                       f["date_end"], round(1 - conf, 3), json.dumps(f["ids"])))
        rels: dict[tuple, dict] = {}
        for r in c.execute("SELECT * FROM relation_mentions ORDER BY doc, start"):
            k = (gid(r["doc"], r["source_key"]), r["relation"], gid(r["doc"], r["target_key"]))
            if k[0] == k[2]:
                continue
            rels.setdefault(k, {"date_start": r["date_start"], "date_end": r["date_end"], "ids": []})["ids"].append(r["id"])
        for (s, rel, t), v in rels.items():
            c.execute("INSERT INTO relations(source_id, relation, target_id, date_start, date_end, mention_ids)"
                      " VALUES (?,?,?,?,?,?)", (s, rel, t, v["date_start"], v["date_end"], json.dumps(v["ids"])))
        claims: dict[tuple, dict] = {}
        for r in c.execute("SELECT * FROM claim_mentions ORDER BY doc, start"):
            k = (gid(r["doc"], r["holder_key"]), gid(r["doc"], r["about_key"]), r["stance"], r["kind"],
                 r["text"].strip().lower())
            claims.setdefault(k, {"text": r["text"], "work": r["work"], "date_start": r["date_start"],
                                  "date_end": r["date_end"], "ids": []})["ids"].append(r["id"])
        for (h, a, st, kind, _), v in claims.items():
            c.execute("INSERT INTO claims(holder_id, about_id, stance, kind, text, work, date_start, date_end,"
                      " mention_ids) VALUES (?,?,?,?,?,?,?,?,?)",
                      (h, a, st, kind, v["text"], v["work"], v["date_start"], v["date_end"], json.dumps(v["ids"])))


def _fold_lone_names(c, groups: dict) -> dict[tuple[str, str], str]:
    """In each document, a lone name ("Goldman") that several full names share ("Emma Goldman",
    "Abraham Goldman") is the document's protagonist when one of them is: the full name whose life
    the document tells (at least twice as many events as any other candidate). Returns the folds made.
    """
    told: dict[tuple[str, str], int] = {}
    for r in c.execute("SELECT doc, subject_key, COUNT(*) AS n FROM event_mentions GROUP BY doc, subject_key"):
        told[(r["doc"], r["subject_key"])] = r["n"]
    persons: dict[str, list[str]] = defaultdict(list)
    for (doc, key), g in groups.items():
        if g.get("type") == "PERSON":
            persons[doc].append(key)
    folds = {}
    for doc, keys in persons.items():
        full = [k for k in keys if len(k.split()) > 1]
        for lone in keys:
            if len(lone.split()) != 1:
                continue
            cands = [f for f in full if lone in f.split()]
            if len(cands) < 2:
                continue          # zero or one candidate: the in-document resolver has already decided
            ranked = sorted(cands, key=lambda f: -told.get((doc, f), 0))
            best, second = told.get((doc, ranked[0]), 0), told.get((doc, ranked[1]), 0)
            if best >= 3 and best >= 2 * second:
                g, f = groups.pop((doc, lone)), groups[(doc, ranked[0])]
                f["aliases"] |= g["aliases"]
                f["mentions"] += g["mentions"]
                folds[(doc, lone)] = ranked[0]
    return folds


#: Dates a person has one of: within one document, the most confident and then the first statement wins
#: (a biography states a birth date once; a second "born on" in it is usually a child's). Across documents
#: different values stay, to be reported by `kronika conflicts`. Places keep every value: "Yanovka" and
#: "Ukraine" may both be right, and on Trotsky's article picking one picked a wrong one.
ONE_VALUE = {"birth_date", "death_date"}


def _one_value_per_document(rows: list, gid) -> list:
    best: dict[tuple, tuple] = {}
    for r in rows:
        if r["attribute"] not in ONE_VALUE:
            continue
        key = (r["doc"], gid(r["doc"], r["subject_key"]), r["attribute"])
        rank = (-r["confidence"], r["start"])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, r["id"])
    keep = {v[1] for v in best.values()}
    return [r for r in rows if r["attribute"] not in ONE_VALUE or r["id"] in keep]


def _touched_subjects(c, ids: dict, full: bool) -> set[str]:
    """People whose events must be redone: dirty ones, and those whose events cite vanished entities."""
    if full:
        return set()
    touched = {r[0] for r in c.execute("SELECT subject_id FROM dirty_subjects")}
    alive = set(ids.values())
    for r in c.execute("SELECT subject_id, places, participants FROM events"):
        refs = json.loads(r[1]) + json.loads(r[2])
        if r[0] not in alive or any(x not in alive for x in refs):
            touched.add(r[0])
    return touched


def _apply_entity_corrections(store, ids: dict, items: list[dict]) -> tuple[dict, list]:
    """Merge and split corrections, in the order given: ``merge A B`` makes B's mentions A's; ``split ID ALIAS``
    takes an alias (a mention group's key or a mention's text) apart as ``ID--ALIAS`` (``corrections.split_aliases``,
    which adds to ``items``). Returns the new ids and the (doc, key, text, id) of mentions split off by text."""
    ids = dict(ids)
    moved = []
    for r in store.corrections():
        if r["action"] == "merge":
            into, other = r["target"], r["value"]
            for k, v in ids.items():
                if v == other:
                    ids[k] = into
        elif r["action"] == "split":
            moved += split_aliases([r], items, ids)
    return ids, moved


def _apply_event_corrections(store, events: list[dict]) -> list[dict]:
    """Reject events and pin dates as the user said; the user's word is marked as such."""
    corr = store.corrections()
    rejected = {r["target"] for r in corr if r["action"] == "reject-event"}
    pins = {r["target"]: (r["value"], r["reason"]) for r in corr if r["action"] == "pin-date"}
    out = []
    for ev in events:
        if ev["id"] in rejected:
            continue
        if ev["id"] in pins:
            value, reason = pins[ev["id"]]
            start, _, end = (value or "").partition("..")
            ev["date_start"], ev["date_end"] = start or None, (end or start) or None
            ev["date_inferred"] = False
            ev["date_text"] = None                # the user's dates, not a time expression of the text
            ev["pinned"] = True
            ev["note"] = "date pinned by the user" + (f": {reason}" if reason else "")
        out.append(ev)
    return out
