"""A parsed question and its subject in, answers from the reconciled knowledge base out: facts, relations, events.

Also resolves the question's subject to a group of entity ids (a name, its
aliases, and the other spellings the store has not merged yet: "Serge",
"Victor Serge", "Serge's"), used by the passage retriever as well.
Reads only, through ``store.questions`` and ``store.reads``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import NotFoundError
from ..store import questions as stored
from ..store import reads
from ..store.questions import EntityName
from .questions import RELATIONS, TRIGGER_STEMS, Question, stem
from .questions import WORD as QUESTION_WORD

_WORD = re.compile(r"[^\W_]+")


def norm_name(s: str) -> str:
    s = s.replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s.\-]", " ", s)
    return " ".join(s.split()).strip(" .-").lower()


@dataclass
class Subject:
    name: str                                   # as asked
    ids: set[str] = field(default_factory=set)  # entity ids of the group
    surfaces: list[str] = field(default_factory=list)   # strings to look for in sentences, longest first
    born: int | None = None                     # birth year from the opening brackets (tells a namesake apart)
    type: str | None = None


def resolve(conn, name: str | None) -> Subject | None:
    """The entity group a name refers to, or None when the corpus never mentions it."""
    if not name:
        return None
    n = norm_name(name)
    if not n:
        return None
    toks = n.split()
    exact, partial = _named(conn, n)
    group = exact + partial
    if not group:
        try:
            r = reads.find_entity(conn, name, None)
        except NotFoundError:
            r = None
        if r is not None and (norm_name(r["name"]).find(n) >= 0 or n.find(norm_name(r["name"])) >= 0):
            group = [EntityName(r["id"], r["name"], r["type"], r["mentions"])]
    s = Subject(name=name)
    if len(toks) == 1 and partial:
        # a bare surname: the most-discussed full name that carries it, not every relative
        # ("Goldman" is Emma Goldman, not her father Abraham Goldman)
        persons = [g for g in partial if g.type == "PERSON"] or partial
        top = max(persons, key=lambda g: g.mentions)
        exact_n = max((g.mentions for g in exact), default=0)
        keep = {top.id} if top.mentions >= exact_n / 3 or not exact else set()
        group = exact + [g for g in partial if g.id in keep]
    if group:
        persons = [g for g in group if g.type == "PERSON"]
        if persons and len(persons) < len(group):
            # keep PERSON spellings and mistyped ones that equal the asked name
            group = persons + [g for g in group if g.type != "PERSON" and norm_name(g.name) == n]
        group.sort(key=lambda g: (-(norm_name(g.name) == n), -g.mentions))
        s.type = group[0].type
        s.ids = {g.id for g in group}
        s.surfaces = _surfaces(name, group, len(toks) > 1 and s.type == "PERSON")
        return s
    # not an entity: accept it when the text mentions it literally
    if stored.has_sentence_with_all(conn, _WORD.findall(name)):
        s.surfaces = [name.strip()]
        return s
    return None


_INDEX: dict[int, tuple[list, dict[str, list[tuple[str, EntityName, int]]]]] = {}


def name_index(conn) -> dict[str, list[tuple[str, EntityName, int]]]:
    """Every name and alias by each word of its normalised form: word -> [(normalised name, name, position)]; built once per
    state of the database (the list ``store.questions.entity_names`` caches)."""
    names = stored.entity_names(conn)
    hit = _INDEX.get(id(names))
    if hit is None or hit[0] is not names:
        index: dict[str, list[tuple[str, EntityName, int]]] = {}
        for i, e in enumerate(names):
            en = norm_name(e.name)
            for w in set(en.split()):
                index.setdefault(w, []).append((en, e, i))
        if len(_INDEX) > 4:
            _INDEX.clear()
        hit = _INDEX[id(names)] = (names, index)
    return hit[1]


def _named(conn, n: str) -> tuple[list[EntityName], list[EntityName]]:
    """The names and aliases equal to the normalised name ``n``, and those that are part of it or contain it."""
    toks = n.split()
    padded = f" {n} "      # a run of the asked words is a padded substring (linear; every word run was cubic)
    exact, partial = [], []
    index = name_index(conn)
    pool = {}
    for w in set(toks):          # a name equal to, inside or around the asked one shares a word with it
        for en, e, i in index.get(w, ()):
            pool[i] = (en, e)
    for _, (en, e) in sorted(pool.items()):
        etoks = en.split()
        if en == n:
            exact.append(e)
        elif len(toks) > 1 and etoks[-1] == toks[-1] and f" {en} " in padded:
            partial.append(e)      # "Trotsky" for "Leon Trotsky"
        elif len(etoks) > 1 and toks[-1] in etoks and (len(toks) == 1 or n in en):
            partial.append(e)      # "Victor Serge" for "Serge"
    return exact, partial


def _surfaces(name: str, group: list[EntityName], surname: bool) -> list[str]:
    """The strings to look for in sentences, longest first: the name as asked, every name of the group
    (without a possessive), and the asked person's last name (``surname``)."""
    surf = {name.strip(), re.sub(r"['’]s$", "", name.strip())}
    for g in group:
        clean = re.sub(r"['’]s?$", "", " ".join(g.name.split()).strip(" -"))
        if clean and len(clean) > 1:
            surf.add(clean)
    if surname:
        surf.add(name.strip().split()[-1])
    return sorted(surf, key=len, reverse=True)


# ---------------------------------------------------------------------------------------------

INSTITUTIONAL = {"education", "employment", "member"}   # "where" asks a place or an institution
DIRECTED = {"widow_of", "child_of", "parent_of", "succeeded", "influenced"}


def _type_ok(conn, q: Question, ref: dict | None) -> bool:
    """An entity answer of the wrong type ("Bolsheviks" for "who was his wife") is not an answer."""
    if not ref or q.answer_type not in ("PERSON", "PLACE", "ORG", "WORK"):
        return True
    etype = stored.entity_type(conn, ref["id"])
    if etype is None:
        return True
    ok = {"PERSON": {"PERSON"}, "PLACE": {"PLACE"}, "ORG": {"ORG", "EVENT"}, "WORK": {"WORK"}}[q.answer_type]
    if q.answer_type == "PLACE" and q.relation in INSTITUTIONAL:
        ok = {"PLACE", "ORG"}         # "where did she study?": a college is an answer
    return etype in ok


def _ans(text: str, sources: list[dict], score: float, kind: str) -> dict:
    return {"text": text, "sources": sources, "score": score, "via": kind}


def _year_overlap(date: dict | None, year: int) -> bool:
    if not date:
        return False
    lo, hi = date.get("start"), date.get("end")
    try:
        lo_y = int(str(lo)[:4]) if lo else None
        hi_y = int(str(hi)[:4]) if hi else None
    except ValueError:
        return False
    if lo_y is None or hi_y is None:
        return False            # "before 1917" is not "in 1917"
    if lo_y is not None and hi_y is not None and hi_y - lo_y > 3:
        return False            # a wide inferred interval does not say "in 1919"
    return (lo_y or hi_y) <= year <= (hi_y or lo_y)


def _date_text(date: dict) -> str | None:
    if date.get("text"):
        return date["text"]
    lo, hi = date.get("start"), date.get("end")
    if lo and hi and lo == hi:
        return lo
    if lo and hi:
        return f"{lo}–{hi}"
    return lo or hi


def _good_sources(srcs: list[dict]) -> list[dict]:
    return [s for s in srcs if s.get("quote")]


def facts_answers(conn, q: Question, subj: Subject) -> list[dict]:
    if not q.relation:
        return []
    attrs = RELATIONS[q.relation]["facts"].get(q.wh, [])
    if q.answer_type == "DATE" and q.relation in ("birth", "death"):
        attrs = [f"{q.relation}_date"]
    if not attrs:
        return []
    out = []
    for eid in sorted(subj.ids):
        for f in stored.facts_about(conn, eid, attrs):
            if f["attribute"] not in attrs:
                continue
            srcs = _good_sources(f["sources"])
            if not srcs:
                continue
            if q.others and not any(norm_name(o) in norm_name(f["value"]) for o in q.others):
                continue
            if not _type_ok(conn, q, f.get("value_entity")):
                continue
            out.append(_ans(f["value"], srcs, 2.0 + f.get("confidence", 0.5), "fact"))
    return out


def relations_answers(conn, q: Question, subj: Subject) -> list[dict]:
    if not q.relation or q.wh not in ("who", "what", "which"):
        return []
    rels = RELATIONS[q.relation]["relations"]
    if not rels:
        return []
    out = []
    found = stored.relations_about(conn, subj.ids, rels)
    # in the order of the subject's end, then of the record (as reading each id's relations in turn gives)
    found.sort(key=lambda r: (r["source"]["id"] if r["source"]["id"] in subj.ids else r["target"]["id"], r["id"]))
    for r in found:
        if r["relation"] not in rels:
            continue
        srcs = _good_sources(r["sources"])
        if not srcs:
            continue
        # directed kin relations read "relative --rel--> owner" ("Sedova widow_of Trotsky",
        # "Yakov child_of Stalin"): "Who was X's widow/son/father?" asks the source where X is the target
        if r["target"]["id"] in subj.ids and r["source"]["id"] not in subj.ids:
            other = r["source"]
        elif r["source"]["id"] in subj.ids and r["target"]["id"] not in subj.ids:
            if r["relation"] in DIRECTED:
                continue          # X is the widow / child / parent of someone: not what is asked
            other = r["target"]
        else:
            continue
        if not _type_ok(conn, q, other):
            continue
        out.append(_ans(other["name"], srcs, 2.5, "relation"))
    return out


def _event_matches(q: Question, e: dict) -> bool:
    if q.relation and e["type"] in RELATIONS[q.relation]["events"]:
        return True
    return False


def events_answers(conn, q: Question, subj: Subject) -> list[dict]:
    """Answers from the subject's timeline: events of the asked relation or year (or after/before an anchor)."""
    if not subj.ids:
        return []
    after = bool(q.anchor and q.direction)
    if not after and not q.year and not q.relation:
        return []                 # no event is asked for
    # read only what can fit: the asked relation's event types, the asked year (all events for "after X")
    types = RELATIONS[q.relation]["events"] if q.relation and not after else None
    year = q.year if not after else None
    out = []
    for eid in sorted(subj.ids):
        evs = [e for e in stored.events_about(conn, eid, types, year) if not e.get("fiction")]
        if q.anchor and q.direction:
            out += _after(q, evs)
            continue
        for e in evs:
            srcs = _good_sources(e["sources"])
            if srcs and _event_fits(q, e, srcs):
                out += _event_answers(q, subj, e, srcs)
    return out


def _event_fits(q: Question, e: dict, srcs: list[dict]) -> bool:
    """The event is of the asked relation, in the asked year, and names the question's other names."""
    if q.year and not _year_overlap(e["date"], q.year):
        return False
    if q.year and e["date"].get("inferred") and not any(str(q.year) in s["quote"] for s in srcs) and \
            int(str(e["date"]["end"])[:4]) - int(str(e["date"]["start"])[:4]) > 1:
        return False              # a wide date worked out from the order of events does not say "in 1917"
    if not q.year and not _event_matches(q, e):
        return False
    if q.year and q.relation and not _event_matches(q, e):
        return False
    if q.others:
        blob = " ".join([e["summary"]] + [p["name"] for p in e["places"] + e["participants"]] +
                        [s["quote"] for s in srcs]).lower()
        if not all(norm_name(o) in blob for o in q.others):
            return False
    return True


def _event_answers(q: Question, subj: Subject, e: dict, srcs: list[dict]) -> list[dict]:
    """What an event answers: its places, its date, its participants, or its summary (by the answer type)."""
    conf = e.get("confidence", 0.5)
    if q.year and str(e["date"].get("start", ""))[:4] == str(e["date"].get("end", ""))[:4] == str(q.year):
        conf += 0.4           # dated to that very year, not a range that includes it
    if q.answer_type == "PLACE":
        return [_ans(p["name"], srcs, 1.5 + conf, "event") for p in e["places"] if p["id"] not in subj.ids]
    if q.answer_type == "DATE":
        d = _date_text(e["date"])
        if d and not e["date"].get("inferred"):
            return [_ans(d, srcs, 1.5 + conf, "event")]
        if d and any(d in s["quote"] for s in srcs):
            return [_ans(d, srcs, 0.8 + conf, "event")]
        return []
    if q.answer_type in ("PERSON", "ORG", "WORK"):
        return [_ans(p["name"], srcs, 1.4 + conf, "event") for p in e["participants"] if p["id"] not in subj.ids]
    return [_ans(e["summary"], srcs, 1.2 + conf, "event")]


def _anchor_score(e: dict, rel: str | None, content: set[str]) -> float:
    """How well an event is the anchor of "after X": of X's relation (2), plus the share of X's words it has."""
    sc = 0.0
    if rel and e["type"] in RELATIONS[rel]["events"]:
        sc += 2
    blob = " ".join([e["summary"]] + [s["quote"] for s in e["sources"]])
    st = {stem(w) for w in _WORD.findall(blob)}
    return sc + len(content & st) / max(1, len(content))


def _after(q: Question, evs: list[dict]) -> list[dict]:
    """The events right after (or before) the anchor event, in timeline order."""
    words = [w.lower() for w in QUESTION_WORD.findall(q.anchor or "")]
    rel = None
    for w in words:
        hit = [k for k, st in TRIGGER_STEMS.items() if stem(w) in st]
        if hit:
            rel = hit[0]
            break
    content = {stem(w) for w in words if len(w) > 3 and w not in ("from", "with", "their", "his", "her")}
    best, best_score = None, 0.0
    for i, e in enumerate(evs):
        sc = _anchor_score(e, rel, content)
        if sc > best_score:
            best, best_score = i, sc
    if best is None or best_score < 1.0:
        return []
    out = []
    for j in _next_events(q, evs, best):
        e = evs[j]
        srcs = _good_sources(e["sources"])
        if not srcs:
            continue
        if e["type"] == evs[best]["type"] or _anchor_score(e, rel, content) >= 1.0:
            continue              # the anchor told again ("his escape from Siberia"), not what came next
        score = 2.5 - 0.3 * len(out)
        if q.answer_type == "PLACE":
            if e["places"]:
                out.append(_ans(e["places"][0]["name"], srcs, score, "timeline"))
        elif q.answer_type == "DATE":
            d = _date_text(e["date"])
            if d:
                out.append(_ans(d, srcs, score, "timeline"))
        else:
            out.append(_ans(e["summary"], srcs, score, "timeline"))
        if len(out) >= 3:
            break
    return out


def _next_events(q: Question, evs: list[dict], best: int) -> list[int]:
    """Indexes of the events after (or before) the anchor, nearest first; of the asked relation first among
    the next four ("where did he go after ...": the next travel-like events)."""
    rng = list(range(best + 1, len(evs)) if q.direction == "after" else range(best - 1, -1, -1))
    if q.relation:
        want = set(RELATIONS[q.relation]["events"]) | ({"travel", "flight", "exile", "residence"}
                                                        if q.relation == "travel" else set())
        near = rng[:4]
        rng = [j for j in near if evs[j]["type"] in want] + [j for j in rng if j not in near or evs[j]["type"] not in want]
    return rng


def answers(conn, q: Question, subj: Subject | None) -> list[dict]:
    if subj is None or not subj.ids:
        return []
    out = []
    if not q.year and not q.anchor:
        out += facts_answers(conn, q, subj)
        out += relations_answers(conn, q, subj)
    out += events_answers(conn, q, subj)
    return out
