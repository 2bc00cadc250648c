"""Per-document entities (DocEntity) -> global entity ids across documents, plus canonical names and name histories.

Merging uses the gazetteer (canonical names and aliases), normalised names,
explicit aliases (a stated birth name or pseudonym), person-name structure
(a lone surname joins the unique full name with that surname, or the one whose
context it shares) and co-occurrence context. Everything is indexed by name
token (no all-pairs loops) and every decision is made on sorted data, so the
result does not depend on the order of the input.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..extract.entities.gazetteer import gazetteer, lookup, name_history
from ..records import entity_id, fold_ascii

_HONORIFIC = re.compile(r"^(?:(?:general|tsar|czar|comrade|marshal|admiral|colonel|captain|dr\.?|mr\.?|mrs\.?|ms\.?|"
                        r"madame|monsieur|professor|sir|president|chairman|the)\s+)+", re.I)
_PARTICLES = frozenset("de da di del della van von der den le la du dos das y".split())


@dataclass
class DocEntity:
    """One entity of one document: its key, type, surface forms, mention count and co-occurring keys."""

    doc: str
    key: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 1
    context: set[str] = field(default_factory=set)


@lru_cache(maxsize=500_000)
def norm(name: str) -> str:
    """Comparison form of a name: accents and case folded, possessive and honorifics dropped, spaces squeezed."""
    s = fold_ascii(name) or name
    s = re.sub(r"['’]s?$", "", s.strip())
    s = re.sub(r"[.\s]+", " ", s).strip()
    s = _HONORIFIC.sub("", s)
    return s.casefold()


def gazetteer_name(names: Iterable[str], typ: str | None = None) -> str | None:
    """The gazetteer canonical name any of ``names`` refers to (of type ``typ``), or None."""
    for n in sorted(set(names)):
        g = _gaz_one(n, typ)
        if g is not None:
            return g
    return None


@lru_cache(maxsize=500_000)
def _gaz_one(name: str, typ: str | None) -> str | None:
    rec = lookup(name, typ) or lookup(name, typ, fold_case=True)
    return rec["name"] if rec is not None else None


def canonical_name(names: Iterable[str], typ: str | None = None, counts: dict[str, int] | None = None) -> str:
    """The most complete name among ``names``: the gazetteer's canonical name if it knows one, else the
    name with most words, then most mentions, then alphabetical."""
    names = [n for n in names if n and n.strip()]
    if not names:
        raise ValueError("canonical_name needs at least one name")
    g = gazetteer_name(names, typ)
    if g is not None:
        return g
    counts = counts or {}
    return min(names, key=lambda n: (-len(n.split()), -counts.get(n, 0), -len(n), n))


class _UF:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        p = self.parent.setdefault(x, x)
        while p != self.parent.setdefault(p, p):
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        self.parent[x] = p
        return p

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def _names(e: DocEntity) -> set[str]:
    return {e.key, *e.aliases}


def resolve_entities(items: list[DocEntity]) -> dict[tuple[str, str], str]:
    """Map every (doc, key) to a global id such as "p-victor-serge", the same whatever the input order."""
    items = sorted(_vote_types(items), key=lambda e: (e.type, e.doc, e.key))
    uf = _UF()
    node = {}                                   # (doc, key, type) -> node name
    for e in items:
        node[(e.doc, e.key, e.type)] = (e.type, e.doc, e.key)
        uf.find(node[(e.doc, e.key, e.type)])

    # 1. gazetteer canonical names, 2. identical normalised names and multi-word aliases
    by_name: dict[tuple[str, str], list] = defaultdict(list)
    for e in items:
        n = node[(e.doc, e.key, e.type)]
        g = gazetteer_name(_names(e), e.type)
        if g is not None:
            by_name[(e.type, "gaz:" + g)].append(n)
        if e.type != "PERSON" or len(_tokens(e.key)) > 1 or g is not None:
            by_name[(e.type, norm(e.key))].append(n)  # lone person names wait for step 3
        for a in e.aliases:
            na = norm(a)
            if na and (len(na.split()) > 1 or e.type != "PERSON") and na != norm(e.key):
                by_name[(e.type, na)].append(n)
    for members in by_name.values():
        for m in members[1:]:
            uf.union(members[0], m)

    # 3. persons: full names by (first, last); lone names by surname / first name, with context to break ties
    persons = [e for e in items if e.type == "PERSON"]
    if persons:
        _resolve_persons(persons, node, uf)

    # ids: prefix by type, slug of the canonical name; collisions get a stable numeric suffix
    clusters: dict = defaultdict(list)
    for e in items:
        clusters[uf.find(node[(e.doc, e.key, e.type)])].append(e)
    named = []
    for root, members in clusters.items():
        typ = members[0].type
        counts = Counter()
        for m in members:
            counts[m.key] += m.mentions
        canon = canonical_name({m.key for m in members}, typ, counts)
        named.append((entity_id(typ, canon), sorted((m.doc, m.key) for m in members), members))
    named.sort(key=lambda x: (x[0], x[1]))
    out: dict[tuple[str, str], str] = {}
    used: Counter = Counter()
    for base, _sig, members in named:
        used[base] += 1
        gid = base if used[base] == 1 else f"{base}-{used[base]}"
        for m in members:
            out[(m.doc, m.key)] = gid
    return out


_TYPE_ORDER = {"PLACE": 0, "ORG": 1, "EVENT": 2, "WORK": 3}


def _vote_types(items: list[DocEntity]) -> list[DocEntity]:
    """One name the model typed PLACE in one document and ORG in another is one entity: the type with most
    mentions wins (persons and gazetteer names keep theirs)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for e in items:
        if e.type in _TYPE_ORDER and _gaz_one(e.key, None) is None:
            votes[norm(e.key)][e.type] += max(1, e.mentions)
    best = {}
    for n, c in votes.items():
        if len(c) > 1:
            best[n] = min(c, key=lambda t: (-c[t], _TYPE_ORDER[t]))
    if not best:
        return list(items)
    out = []
    for e in items:
        b = best.get(norm(e.key)) if e.type in _TYPE_ORDER else None
        if b is not None and b != e.type and _gaz_one(e.key, None) is None:
            e = DocEntity(e.doc, e.key, b, set(e.aliases), e.mentions, set(e.context))
        out.append(e)
    return out


@lru_cache(maxsize=500_000)
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in norm(name).split() if t not in _PARTICLES)


class _Apart:
    """Which documents hold a full-name key of each cluster: two full names one document keeps apart
    ("Claude Monet" and his father "Claude Adolphe Monet", "Noah Webster Jr." and "Noah Webster Sr.") are two
    people, so name-shape rules never join their clusters (the gazetteer and stated aliases still may)."""

    def __init__(self, persons: list[DocEntity], node: dict, uf: _UF):
        self.uf = uf
        self.docs: dict = defaultdict(set)
        for e in persons:
            if len(_tokens(e.key)) > 1:
                self.docs[uf.find(node[(e.doc, e.key, e.type)])].add(e.doc)

    def union(self, a, b) -> bool:
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return True
        if self.docs.get(ra, set()) & self.docs.get(rb, set()):
            return False
        self.uf.union(ra, rb)
        root = self.uf.find(ra)
        merged = self.docs.pop(ra, set()) | self.docs.pop(rb, set())
        if merged:
            self.docs[root] = merged
        return True


def _resolve_persons(persons: list[DocEntity], node: dict, uf: _UF) -> None:
    full = [e for e in persons if len(_tokens(e.key)) > 1]
    apart = _Apart(persons, node, uf)
    # (first, last) joins "Emma Goldman" and "Emma G. Goldman", unless one document keeps them apart
    by_first_last: dict[tuple[str, str], list] = defaultdict(list)
    for e in full:
        t = _tokens(e.key)
        by_first_last[(t[0], t[-1])].append(node[(e.doc, e.key, e.type)])
    for members in by_first_last.values():
        for m in members[1:]:
            apart.union(members[0], m)
    # clusters of full names, indexed by surname and first name, with their pooled context
    surname_idx: dict[str, set] = defaultdict(set)
    first_idx: dict[str, set] = defaultdict(set)
    ctx: dict = defaultdict(set)
    for e in persons:
        r = uf.find(node[(e.doc, e.key, e.type)])
        ctx[r].update(norm(c) for c in e.context)
        ctx[r].add("doc:" + e.doc)
        for n in _names(e):
            t = _tokens(n)
            if len(t) > 1:
                surname_idx[t[-1]].add(r)
                first_idx[t[0]].add(r)
    lone = [e for e in persons if len(_tokens(e.key)) == 1]
    decisions = []
    for e in lone:
        t = _tokens(e.key)
        if not t:
            continue
        me = node[(e.doc, e.key, e.type)]
        if any(len(_tokens(a)) > 1 for a in e.aliases):
            continue  # already joined through its full-name alias
        cands = surname_idx.get(t[0]) or first_idx.get(t[0]) or set()
        cands = {c for c in cands if c != uf.find(me)}
        if not cands:
            continue
        if len(cands) == 1:
            target = next(iter(cands))
            # the only candidate, unless the contexts show nothing in common while both have rich context
            decisions.append((me, target))
            continue
        mine = {norm(c) for c in e.context} | {"doc:" + e.doc}
        scored = sorted(((len(mine & ctx[c]), c) for c in cands), key=lambda x: (-x[0], str(x[1])))
        if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            decisions.append((me, scored[0][1]))
    resolved = set()
    for me, target in decisions:
        if apart.union(me, target):
            resolved.add(me)
    # lone names that matched no full name: the same name joins across documents ("Serge" and "Serge")
    rest: dict[str, list] = defaultdict(list)
    for e in lone:
        me = node[(e.doc, e.key, e.type)]
        if me not in resolved and gazetteer_name(_names(e), "PERSON") is None:
            rest[norm(e.key)].append(me)
    for members in rest.values():
        resolved_roots = {uf.find(m) for m in members}
        if len(resolved_roots) <= len(members):
            for m in members[1:]:
                apart.union(members[0], m)


def name_history_links() -> list[tuple[str, str, str]]:
    """(id, "succeeded_by", id) for gazetteer places and organisations whose names or regimes changed
    (Cheka -> GPU -> OGPU -> NKVD -> MVD -> KGB; Russian Empire -> RSFSR -> Soviet Union -> Russia)."""
    g = gazetteer()
    out = []
    for a, rel, b in name_history():
        if a in g and b in g:
            out.append((entity_id(g[a]['type'], a), rel, entity_id(g[b]['type'], b)))
    return sorted(set(out))


def former_names(canonical: str) -> list[dict]:
    """Earlier names of a renamed place ("Saint Petersburg" -> Petrograd 1914-1924, Leningrad 1924-1991)."""
    rec = gazetteer().get(canonical) or {}
    return [dict(f) for f in rec.get("former_names", ())]
