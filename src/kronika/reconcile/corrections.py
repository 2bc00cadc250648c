"""A user's corrections: the actions, their date ranges and alias splits (no database here).

``reconciling.check`` turns what the user typed into a correction that names things
that exist (entity, event and fact ids; an alias of the entity; a valid date range),
or raises one sentence saying what is wrong. ``reconciling.reconcile`` applies the
stored corrections on every rebuild: ``merge``/``split`` on entity resolution,
``rename`` on entity names, ``reject-event``/``pin-date`` on events,
``reject-fact`` on facts.

Fact ids are stable across rebuilds: ``f-`` and a hash of the subject id, the
attribute and the normalised value, the key facts are grouped by.
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import date

from ..errors import KronikaError
from ..records import slug

ENTITY_ACTIONS = ("merge", "split", "rename")
EVENT_ACTIONS = ("reject-event", "pin-date")

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?")


def iso_bounds(text: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO 8601 date (``1919``, ``1919-03``, ``1919-03-05``, ``…T12:30``) covers, or None
    when it is not one (``2013-13-45``, ``yesterday``)."""
    m = _ISO.fullmatch((text or "").strip())
    if not m:
        return None
    y, mo, d, hh, mi, ss = m.groups()
    try:
        if d:
            lo = hi = date(int(y), int(mo), int(d))
            if hh is not None and not (int(hh) < 24 and int(mi) < 60 and int(ss or 0) < 60):
                return None
        elif mo:
            lo = date(int(y), int(mo), 1)
            hi = date(int(y), int(mo), calendar.monthrange(int(y), int(mo))[1])
        else:
            lo, hi = date(int(y), 1, 1), date(int(y), 12, 31)
    except ValueError:
        return None
    return lo, hi


def date_range(value: str) -> tuple[str, str]:
    """``START..END`` (or one date) checked: both ISO dates, START not after END. KronikaError otherwise."""
    start, sep, end = (value or "").strip().partition("..")
    start, end = start.strip(), end.strip() if sep else start.strip()
    for part in (start, end):
        if iso_bounds(part) is None:
            raise KronikaError(f"{part or value!r} is not a date; write START..END as ISO dates, "
                               "e.g. 1919-01..1919-03.")
    if iso_bounds(start)[0] > iso_bounds(end)[1]:
        raise KronikaError(f"{value!r} ends before it starts; write the earlier date first, e.g. {end}..{start}.")
    return start, end


def split_aliases(corrections, items: list[dict], ids: dict) -> list[tuple[str, str, str, str]]:
    """Take split-off aliases out of their entities (after merges): a mention group whose key is the alias goes
    whole; otherwise the alias's mentions leave their group for a group of their own. Both get the id
    ``ENTITY--ALIAS``. ``items`` and ``ids`` are changed in place; returns (doc, key, text, new id) of each
    carved-out mention text, for the ``mentions`` table."""
    splits = [(r["target"], r["value"] or "") for r in corrections if r["action"] == "split"]
    moved = []
    for eid, alias in splits:
        if not alias:
            continue
        new_id = f"{eid}--{slug(alias)}"
        fold = alias.casefold()
        for g in list(items):
            k = (g["doc"], g["key"])
            if ids.get(k) != eid:
                continue
            if g["key"].casefold() == fold:
                ids[k] = new_id
                continue
            texts: Counter = g.get("texts") or Counter()
            hits = [t for t in texts if t.casefold() == fold]
            in_aliases = [a for a in g["aliases"] if a.casefold() == fold]
            if not hits and not in_aliases:
                continue
            n = sum(texts[t] for t in hits)
            part = {"doc": g["doc"], "key": (hits or in_aliases)[0], "aliases": set(hits) | set(in_aliases),
                    "mentions": n, "context": g.get("context", set()), "type": g["type"],
                    "texts": Counter({t: texts[t] for t in hits})}
            g["aliases"] -= part["aliases"]
            g["mentions"] -= n
            pk = (g["doc"], part["key"])
            same = next((x for x in items if (x["doc"], x["key"]) == pk), None)
            if same is not None:                  # a group of that name exists already: the mentions join it
                same["aliases"] |= part["aliases"]
                same["mentions"] += n
            else:
                items.append(part)
                ids[pk] = new_id
            for t in hits:
                del texts[t]
                moved.append((g["doc"], g["key"], t, ids[pk]))
    return moved


