"""Facts and events of one person -> the points where sources disagree, side by side.

A single-valued attribute (birth date and place, death date and place, birth
name) conflicts when two values are incompatible: places that neither contain
nor name each other ("Mexico" and "Mexico City" are compatible; so are "Leningrad"
and "Saint Petersburg", and a city and its country, as the gazetteer reads them), dates whose
intervals do not overlap ("1947" and "1947-11-17" are compatible). An event
conflicts when its mentions give disjoint dates or, for birth and death,
incompatible places.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict

from ..geo import lookup
from ..records import SINGLE_VALUED
from .events import _overlap

DATE_ATTRS = {"birth_date", "death_date"}


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", " ", (s or "").lower()).strip()


def _compatible(attr: str, a: dict, b: dict) -> bool:
    if attr in DATE_ATTRS:
        if a.get("date") and b.get("date"):
            return _overlap(a["date"]["start"], a["date"]["end"], b["date"]["start"], b["date"]["end"])
        return (a.get("value_iso") or a["value"]) == (b.get("value_iso") or b["value"])
    if a.get("value_entity") and b.get("value_entity") and a["value_entity"]["id"] == b["value_entity"]["id"]:
        return True
    x, y = _norm(a["value"]), _norm(b["value"])
    if x == y or (x and y and (re.search(rf"\b{re.escape(x)}\b", y) or re.search(rf"\b{re.escape(y)}\b", x))):
        return True
    return attr in PLACE_ATTRS and _same_place(a["value"], b["value"])


PLACE_ATTRS = {"birth_place", "death_place"}


def _same_place(a: str, b: str) -> bool:
    """Two names of one place ('Leningrad', 'Saint Petersburg'), or a place and its country ('Kharkiv',
    'Ukraine'), as the offline gazetteer reads them; names it cannot read are not judged the same."""
    try:
        ga, gb = lookup(a), lookup(b)
    except Exception:  # the gazetteer is optional: without it only the names are compared
        return False
    if not ga or not gb or not ga.get("country") or ga.get("country") != gb.get("country"):
        return False
    if "country" in (ga.get("kind"), gb.get("kind")):
        return True
    return ga.get("name") == gb.get("name") or _km(ga["lat"], ga["lon"], gb["lat"], gb["lon"]) < 30


def _km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    from math import asin, cos, radians, sin, sqrt
    h = sin(radians(b_lat - a_lat) / 2) ** 2 + cos(radians(a_lat)) * cos(radians(b_lat)) * sin(radians(b_lon - a_lon) / 2) ** 2
    return 12742 * asin(sqrt(h))


def find_conflicts(facts: list[dict], events: list[dict], members: list[dict], names: dict) -> list[dict]:
    out = []
    by_attr = defaultdict(list)
    for f in facts:
        if f["attribute"] in SINGLE_VALUED:
            by_attr[f["attribute"]].append(f)
    for attr in SINGLE_VALUED:
        fs = by_attr.get(attr, [])
        if len(fs) < 2:
            continue
        clash = any(not _compatible(attr, a, b) for i, a in enumerate(fs) for b in fs[i + 1:])
        if clash:
            out.append({"attribute": attr, "claims": [
                {"value": f["value"], **({"value_iso": f["value_iso"]} if f.get("value_iso") else {}),
                 "sources": f["sources"]} for f in fs]})
    by_event = defaultdict(list)
    for m in members:
        if m["event_id"]:
            by_event[m["event_id"]].append(m)
    for ev in events:
        if ev["status"] != "conflicting":
            continue
        groups: dict[str, list[dict]] = defaultdict(list)
        for m in by_event.get(ev["id"], []):
            if m["date_start"] or m["date_end"]:
                val = m["date_start"] if m["date_start"] == m["date_end"] else f"{m['date_start']}..{m['date_end']}"
            else:
                pl = json.loads(m["places"])
                val = ", ".join(pl) if pl else None
            if val is None:
                continue
            groups[val].append({"doc": m["doc"], "start": m["start"], "end": m["end"], "quote": m["quote"]})
        if len(groups) >= 2:
            out.append({"attribute": f"event:{ev['type']}", "event": ev["id"], "summary": ev["summary"],
                        "claims": [{"value": v, "sources": s} for v, s in groups.items()]})
    return out
