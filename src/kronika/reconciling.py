"""Per-document records in the store -> the reconciled knowledge base (entities, events, facts, ...) in the store.

The database side of reconciliation: it reads the mentions of the people whose evidence changed
(``store.chronicle``), runs the reconcile package's steps over them and writes the result back; it
also checks a user's correction against what the database holds. It sits above ``store`` and
``reconcile`` so that neither of them imports the other.


Steps: resolve entities across documents (``reconcile.entities``), apply the
user's corrections, merge event mentions into events (``reconcile.events``),
order and date them by constraints (``reconcile.chronology``), group facts,
relations and claims. The reconciled tables are rewritten in one transaction.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from .extract.entities.gazetteer import entity_info
from .geo import QUALIFIER_GAP, is_area, lookup
from .errors import KronikaError, UsageError
from .reconcile.chronology import order_events
from .reconcile.corrections import ENTITY_ACTIONS, EVENT_ACTIONS, date_range, split_aliases
from .reconcile.entities import DocEntity, gazetteer_name, name_history_links, resolve_entities
from .reconcile.events import merge_events
from .reconcile.facts import merge_facts
from .records import fact_id
from .settings import Settings
from .store import chronicle


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
    corrections = store.corrections()
    groups = _entity_groups(c)
    folded = _fold_lone_names(c, groups)
    items = sorted(groups.values(), key=lambda g: (g["doc"], g["key"]))
    ids = _resolve(items)
    for (doc, lone), full_name in folded.items():
        if (doc, full_name) in ids:
            ids[(doc, lone)] = ids[(doc, full_name)]
    ids, split_texts = _apply_entity_corrections(corrections, ids, items)

    def gid(doc, key):
        return ids.get((doc, key)) if key is not None else None

    with c:
        chronicle.clear_entities_and_groups(c)
        ent = _write_entities(c, items, ids, split_texts, corrections)
        chronicle.write_mention_ids(c, ids, split_texts)
        chronicle.write_entity_links(c, [(a, r, b) for a, r, b in name_history_links() if a in ent and b in ent])
        _write_events(c, gid, ids, settings, corrections, full)
        chronicle.clear_dirty(c)
        chronicle.write_resolved_ids(c, gid)
        _write_facts(c, gid, corrections)
        _write_relations(c, gid)
        _write_claims(c, gid)


def place_geo(name: str, context: list[str] | tuple = (), qualifiers: list[str] | tuple = ()) -> dict | None:
    """Where a place is, read once here and stored: {lat, lon, country} from the offline GeoNames reading
    (``geo.lookup``: the name with the other places of the documents that name it), else the gazetteer's
    coordinates (country unknown); None if neither. Serve and export read the stored point."""
    hit = lookup(name, list(context), list(qualifiers))
    if hit:
        return {"lat": hit["lat"], "lon": hit["lon"], "country": hit["country"]}
    info = entity_info(name)
    if info and info.get("coords"):
        lat, lon = info["coords"]
        return {"lat": lat, "lon": lon, "country": None}
    return None


def _entity_groups(c) -> dict[tuple[str, str], dict]:
    """One group per (document, key): its aliases, mention count, type and co-occurring keys."""
    groups: dict[tuple[str, str], dict] = {}
    types: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in chronicle.entity_mentions(c):
        k = (r["doc"], r["key"])
        g = groups.setdefault(k, {"doc": r["doc"], "key": r["key"], "aliases": set(), "mentions": 0, "context": set(),
                                  "texts": Counter()})
        g["aliases"].add(r["text"])
        g["texts"][r["text"]] += 1
        g["mentions"] += 1
        types[k][r["type"]] += 1
    # Keys used by events, facts, claims that no mention covers still need an entity.
    for table, col, typ in chronicle.KEY_COLUMNS:
        for r in chronicle.keys_used(c, table, col):
            k = (r["doc"], r["key"])
            if k not in groups:
                groups[k] = {"doc": r["doc"], "key": r["key"], "aliases": {r["key"]}, "mentions": 0, "context": set()}
                # A holder such as "critics" or "orthodox Trotskyism" is a group or movement, not a person.
                lowered = not any(ch.isupper() for ch in r["key"][:1])
                types[k]["ORG" if (lowered or r["key"].endswith("ism")) else typ] += 1
    for doc, col, keys in chronicle.event_place_and_participant_keys(c):
        for key in keys:
            k = (doc, key)
            if k not in groups:
                groups[k] = {"doc": doc, "key": key, "aliases": {key}, "mentions": 0, "context": set()}
                types[k]["PLACE" if col == "places" else "PERSON"] += 1
    # A stated birth name or pseudonym ("born Lev Bronstein") is another name of the same person.
    for r in chronicle.other_names(c):
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
    return groups


def _write_entities(c, items: list[dict], ids: dict, split_texts: list, corrections: list) -> dict[str, dict]:
    """Gather the groups by resolved id into entities (name, type, aliases, places geocoded) and write them."""
    split_names = {eid: t for _, _, t, eid in split_texts}          # a split-off alias is that entity's name
    ent: dict[str, dict] = {}
    for g in items:
        eid = ids[(g["doc"], g["key"])]
        e = ent.setdefault(eid, {"names": Counter(), "type": Counter(), "aliases": set(), "mentions": 0, "docs": set()})
        e["names"][g["key"]] += max(1, g["mentions"])
        e["type"][g["type"]] += max(1, g["mentions"])
        e["aliases"] |= g["aliases"] | {g["key"]}
        e["mentions"] += g["mentions"]
        e.setdefault("texts", Counter()).update(g.get("texts") or {g["key"]: 1})
        if g["mentions"]:
            e["docs"].add(g["doc"])
    renames = {r["target"]: r["value"] for r in corrections if r["action"] == "rename"}
    neighbours = [r for r in chronicle.place_neighbours(c)
                  if r["gap"] is not None and r["next_text"] and QUALIFIER_GAP.match(r["gap"])]
    qualifiers = _place_qualifiers(neighbours, ids, ent)
    context = _place_context(items, ids)
    for eid, e in ent.items():
        typ = e["type"].most_common(1)[0][0]
        name = renames.get(eid) or split_names.get(eid) or gazetteer_name(e["names"], typ) or \
            display_name(e["names"])
        chronicle.write_entity(c, eid, name, typ, e["mentions"], sorted(e["docs"]),
                               _entity_geo(name, e["texts"], context.get(eid, ()), qualifiers.get(eid, ()))
                               if typ == "PLACE" else None,
                               [a for a in sorted(e["aliases"]) if a != name])
    return ent


def _entity_geo(name: str, written: Counter, context, qualifiers) -> dict | None:
    """The point of a place entity: its name as the documents most often write it, read with its context
    ("Newcastle" beside "New South Wales" is not the gazetteer's Newcastle upon Tyne, "Salisbury" beside
    "Wiltshire" not Harare), else its display name."""
    most = written.most_common(1)[0][0] if written else name
    return (place_geo(most, context, qualifiers) if most != name else None) or place_geo(name, context, qualifiers)


def _place_qualifiers(neighbours: list, ids: dict, ent: dict) -> dict[str, list[str]]:
    """{place entity id: the names written right after it ("Paris" ", " "Texas")} when they follow most of
    its mentions: a "Paris, Texas" among fifty Parises does not move them all."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for r in neighbours:
        eid = ids.get((r["doc"], r["key"]))
        if eid:
            seen[eid][r["next_text"]] += 1
    out = {}
    for eid, quals in seen.items():
        total = max(1, ent.get(eid, {}).get("mentions", 0))
        kept = [q for q, n in quals.items() if 2 * n > total]
        if kept:
            out[eid] = kept
    return out


def _place_context(items: list[dict], ids: dict, limit: int = 300) -> dict[str, list[str]]:
    """{place entity id: the other place names of the documents that name it} (what a name is read with:
    "Paris" beside "Texas", "Perth" beside "Western Australia"), with the countries and regions a tagger typed
    otherwise ("Yorkshire" as a person); at most ``limit`` names, the most shared first."""
    places_by_doc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for g in items:
        if g["type"] == "PLACE":
            places_by_doc[g["doc"]].append((ids[(g["doc"], g["key"])], g["key"]))
    for g in items:
        if g["type"] != "PLACE" and g["doc"] in places_by_doc and is_area(g["key"]):
            places_by_doc[g["doc"]].append((None, g["key"]))
    out: dict[str, list[str]] = {}
    counts: dict[str, Counter] = defaultdict(Counter)
    for pairs in places_by_doc.values():
        for eid, _ in pairs:
            if eid is not None:
                counts[eid].update(key for other, key in pairs if other != eid)
    for eid, names in counts.items():
        out[eid] = [n for n, _ in names.most_common(limit)]
    return out


def _write_events(c, gid, ids: dict, settings: Settings, corrections: list, full: bool) -> None:
    """Merge, correct and order the events of the subjects whose evidence changed (everyone's when ``full``)."""
    touched = _touched_subjects(c, ids, full)
    rows = chronicle.event_mention_rows(c)
    updates = []
    for r in rows:
        sid = gid(r["doc"], r["subject_key"])
        if sid != r["subject_id"]:
            updates.append((sid, r["id"]))
            touched.update(x for x in (sid, r["subject_id"]) if x)
        r["subject_id"] = sid
    chronicle.write_event_mention_subjects(c, updates)
    chronicle.delete_events(c, None if full else touched)
    rows = [r for r in rows if full or r["subject_id"] in touched]
    for r in rows:
        r["place_ids"] = [gid(r["doc"], k) for k in json.loads(r["places"])]
        r["participant_ids"] = [gid(r["doc"], k) for k in json.loads(r["participants"])]
    events = merge_events(rows, settings, chronicle.genres(c), chronicle.entity_names(c))
    events = _apply_event_corrections(corrections, events)
    order_events(events)
    for ev in events:
        chronicle.write_event(c, ev)


def _write_facts(c, gid, corrections: list) -> None:
    """Facts: the mentions of one (subject, attribute, normalised value), merged by ``reconcile.facts``."""
    rejected = {r["target"] for r in corrections if r["action"] == "reject-fact"}
    for f in merge_facts(chronicle.fact_mention_rows(c), gid, rejected):
        chronicle.write_fact(c, f, f["confidence"])


def _write_relations(c, gid) -> None:
    rels: dict[tuple, dict] = {}
    for r in chronicle.relation_mention_rows(c):
        k = (gid(r["doc"], r["source_key"]), r["relation"], gid(r["doc"], r["target_key"]))
        if k[0] == k[2]:
            continue
        rels.setdefault(k, {"date_start": r["date_start"], "date_end": r["date_end"], "ids": []})["ids"].append(r["id"])
    for (s, rel, t), v in rels.items():
        chronicle.write_relation(c, s, rel, t, v)


def _write_claims(c, gid) -> None:
    claims: dict[tuple, dict] = {}
    for r in chronicle.claim_mention_rows(c):
        k = (gid(r["doc"], r["holder_key"]), gid(r["doc"], r["about_key"]), r["stance"], r["kind"],
             r["text"].strip().lower())
        claims.setdefault(k, {"text": r["text"], "work": r["work"], "date_start": r["date_start"],
                              "date_end": r["date_end"], "ids": []})["ids"].append(r["id"])
    for (h, a, st, kind, _), v in claims.items():
        chronicle.write_claim(c, h, a, st, kind, v)


def _fold_lone_names(c, groups: dict) -> dict[tuple[str, str], str]:
    """In each document, a lone name ("Goldman") that several full names share ("Emma Goldman",
    "Abraham Goldman") is the document's protagonist when one of them is: the full name whose life
    the document tells (at least twice as many events as any other candidate). Returns the folds made.
    """
    told = chronicle.events_told(c)
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


def _touched_subjects(c, ids: dict, full: bool) -> set[str]:
    """People whose events must be redone: dirty ones, and those whose events cite vanished entities."""
    if full:
        return set()
    touched = chronicle.dirty_subjects(c)
    alive = set(ids.values())
    for subject, refs in chronicle.event_refs(c):
        if subject not in alive or any(x not in alive for x in refs):
            touched.add(subject)
    return touched


def _apply_entity_corrections(corrections: list, ids: dict, items: list[dict]) -> tuple[dict, list]:
    """Merge and split corrections, in the order given: ``merge A B`` makes B's mentions A's; ``split ID ALIAS``
    takes an alias (a mention group's key or a mention's text) apart as ``ID--ALIAS`` (``corrections.split_aliases``,
    which adds to ``items``). Returns the new ids and the (doc, key, text, id) of mentions split off by text."""
    ids = dict(ids)
    moved = []
    for r in corrections:
        if r["action"] == "merge":
            into, other = r["target"], r["value"]
            for k, v in ids.items():
                if v == other:
                    ids[k] = into
        elif r["action"] == "split":
            moved += split_aliases([r], items, ids)
    return ids, moved


def _apply_event_corrections(corr: list, events: list[dict]) -> list[dict]:
    """Reject events and pin dates as the user said; the user's word is marked as such."""
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


# The user's corrections, checked against what the database holds before anything is stored.

def _entity(conn, ref: str) -> tuple[str, str]:
    """(id, name) of an entity given by id, or by a name or alias that only one entity has."""
    r = chronicle.entity_by_id(conn, ref)
    if r:
        return r
    rows = chronicle.entities_named(conn, ref)
    if len(rows) == 1:
        return rows[0][0], rows[0][1]
    if rows:
        ids = ", ".join(sorted(r[0] for r in rows)[:4])
        raise KronikaError(f"{ref!r} names several entities ({ids}); give the id instead.")
    raise KronikaError(f"No entity {ref!r}; `kronika show NAME` and `kronika entities` show the names and ids.")


def check(conn, action: str, target: str | None, value: str | None) -> tuple[str, str | None]:
    """What the user typed in, the correction to store out (ids resolved); KronikaError when it names nothing."""
    target = (target or "").strip()
    value = value.strip() if value is not None else None
    if not target:
        raise UsageError("say what to correct: an entity, event or fact id (see `kronika correct --help`).")
    if action in ("merge", "split", "pin-date", "rename") and not value:
        raise UsageError(f"`correct {action}` needs a second value (see `kronika correct --help`).")
    if action in ENTITY_ACTIONS:
        eid, name = _entity(conn, target)
        if action == "merge":
            other, _ = _entity(conn, value)
            if other == eid:
                raise KronikaError(f"{target!r} and {value!r} are already one entity ({eid}).")
            return eid, other
        if action == "split":
            aliases = chronicle.aliases_of(conn, eid)
            hit = next((a for a in aliases if a.casefold() == value.casefold()), None)
            if hit is None:
                shown = ", ".join(aliases[:6]) or "none"
                what = "is the name of" if value.casefold() == name.casefold() else "is not an alias of"
                raise KronikaError(f"{value!r} {what} {name} ({eid}); split off one of its aliases: {shown}.")
            return eid, hit
        return eid, value                                     # rename
    if action in EVENT_ACTIONS:
        if not chronicle.event_exists(conn, target):
            raise KronikaError(f"No event {target!r}; `kronika timeline SUBJECT --format json` shows the event ids.")
        if action == "pin-date":
            start, end = date_range(value)
            return target, start if start == end else f"{start}..{end}"
        return target, value
    if action == "reject-fact":
        for r in chronicle.fact_values(conn):
            if fact_id(*r) == target:
                return target, value
        raise KronikaError(f"No fact {target!r}; `kronika show NAME` lists each fact with its id (f-…).")
    raise UsageError(f"unknown correction {action!r}; see `kronika correct --help`.")
