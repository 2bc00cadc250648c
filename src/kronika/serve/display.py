"""How the web pages say things: dates at the evidence's precision, the window a timeline opens on,
conflicts in words, and which entities are drawn as people and organisations.

Display only: the stored chronicle (``reconcile``) is read, never changed.
Dates are the store's partial ISO strings ("1890", "1890-12", "1890-12-30",
negative years before the common era).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .. import lexicons
from ..geo import known_place_name

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _mdays(y: int, m: int) -> int:
    return 29 if m == 2 and _leap(y) else [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def parse(iso: str | None):
    """'1890-12' -> (1890, 12, None); None when it is not a date."""
    if not iso:
        return None
    m = _ISO.match(str(iso).strip())
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        mo = d = None
    if d is not None and not 1 <= d <= _mdays(y, mo):
        d = None
    return y, mo, d


def bounds(iso: str | None):
    """The first and last day a partial date covers: '1890' -> ((1890, 1, 1), (1890, 12, 31))."""
    p = parse(iso)
    if p is None:
        return None
    y, m, d = p
    lo = (y, m or 1, d or 1)
    hi = (y, m or 12, d or _mdays(y, m or 12))
    return lo, hi


def _year(y: int) -> str:
    return f"{-y} BC" if y < 0 else str(y)


def fmt(iso: str | None) -> str:
    """One date at its own precision: '1890', 'December 1890', '30 December 1890'."""
    p = parse(iso)
    if p is None:
        return str(iso or "")
    y, m, d = p
    if m is None:
        return _year(y)
    if d is None:
        return f"{MONTHS[m - 1]} {_year(y)}"
    return f"{d} {MONTHS[m - 1]} {_year(y)}"


def label(start: str | None, end: str | None) -> str:
    """A date or an interval at the evidence's precision: '1885', '1885–1887', 'March–May 1917', 'after 1919'.

    An interval that covers whole years is said in years, whole months in months, else in days, so
    ('1890', '1890-12-31') is '1890', never '1890–1890-12-31'.
    """
    a, b = bounds(start), bounds(end)
    if a is None and b is None:
        return "undated"
    if b is None:
        return "after " + fmt(start)
    if a is None:
        return "before " + fmt(end)
    lo, hi = a[0], b[1]
    if hi < lo:  # reversed by the evidence: say both as they are
        return f"{fmt(start)} – {fmt(end)}"
    (y1, m1, d1), (y2, m2, d2) = lo, hi
    if (m1, d1) == (1, 1) and (m2, d2) == (12, 31):
        return _year(y1) if y1 == y2 else f"{_year(y1)}–{_year(y2)}"
    if d1 == 1 and d2 == _mdays(y2, m2):
        if (y1, m1) == (y2, m2):
            return f"{MONTHS[m1 - 1]} {_year(y1)}"
        if y1 == y2:
            return f"{MONTHS[m1 - 1]}–{MONTHS[m2 - 1]} {_year(y1)}"
        return f"{MONTHS[m1 - 1]} {_year(y1)} – {MONTHS[m2 - 1]} {_year(y2)}"
    if lo == hi:
        return f"{d1} {MONTHS[m1 - 1]} {_year(y1)}"
    if (y1, m1) == (y2, m2):
        return f"{d1}–{d2} {MONTHS[m1 - 1]} {_year(y1)}"
    if y1 == y2:
        return f"{d1} {MONTHS[m1 - 1]} – {d2} {MONTHS[m2 - 1]} {_year(y1)}"
    return f"{d1} {MONTHS[m1 - 1]} {_year(y1)} – {d2} {MONTHS[m2 - 1]} {_year(y2)}"


def _iso_day(t) -> str:
    y, m, d = t
    return (f"-{-y:04d}" if y < 0 else f"{y:04d}") + f"-{m:02d}-{d:02d}"


def _precise(date: dict) -> bool:
    """A well-dated event: not inferred, known to within about a year."""
    a, b = bounds(date.get("start")), bounds(date.get("end"))
    if a is None or b is None or date.get("inferred"):
        return False
    return b[1][0] - a[0][0] <= 1


def life_window(events: list[dict], facts: list[dict] | None = None) -> dict | None:
    """The span a timeline opens on: birth to death when known, else the well-dated events' span,
    without the outliers (a date centuries away from the rest, a legacy or a quoted older event).

    Returns {"start", "end"} as ISO days with a margin, or None when nothing is dated.
    """
    def candidates(kind):
        """Years the sources give for a birth or death: facts first (one value each), then events
        dated to within about a year; never an inferred or a vague date."""
        out = []
        for f in facts or ():
            if f.get("attribute") == kind + "_date":
                b = bounds((f.get("date") or {}).get("start")) or bounds(f.get("value_iso"))
                if b:
                    out.append(b)
        for e in events:
            if e.get("type") == kind and not e.get("fiction") and _precise(e["date"]):
                out.append(bounds(e["date"]["start"]))
        return out

    years = sorted(bounds(e["date"]["start"])[0][0] for e in events
                   if _precise(e["date"]) and not e.get("fiction"))
    births, deaths = candidates("birth"), candidates("death")
    pair = next(((b, d) for b in births for d in deaths if 0 <= d[1][0] - b[0][0] <= 125), None)
    birth = pair[0] if pair else (births[0] if births else None)
    death = pair[1] if pair else (None if births else (deaths[0] if deaths else None))
    if pair:
        lo, hi = birth[0][0], death[1][0]
    elif years or birth or death:
        if birth:
            lo = birth[0][0]
            inside = [y for y in years if lo <= y <= lo + 100]
            hi = max(inside) if inside else lo + 1
        elif death:
            hi = death[1][0]
            inside = [y for y in years if hi - 100 <= y <= hi]
            lo = min(inside) if inside else hi - 1
        else:  # the densest stretch of at most a century holds the life
            best = (0, years[0], years[0])
            j = 0
            for i, y in enumerate(years):
                while years[j] < y - 100:
                    j += 1
                if i - j + 1 > best[0]:
                    best = (i - j + 1, years[j], y)
            lo, hi = best[1], best[2]
    else:
        return None
    pad = max(1, round((hi - lo) * 0.04))
    return {"start": _iso_day((lo - pad, 1, 1)), "end": _iso_day((hi + pad, 12, 31))}


# ---- conflicts in words -----------------------------------------------------------------------

VERBS = lexicons.mapping("presentation", "event_verbs")  # data/presentation.json
FACT_WORDS = {"birth_date": ("Date of birth", "born"), "death_date": ("Date of death", "died"),
              "birth_place": ("Place of birth", "born in"), "death_place": ("Place of death", "died in"),
              "birth_name": ("Name at birth", "born as")}


def _claim_interval(attr: str, claim: dict):
    """The days a claimed value covers, when it is a date."""
    if attr in ("birth_date", "death_date"):
        v = claim.get("value_iso") or claim.get("value")
        if v and ".." in str(v):
            a, b = str(v).split("..", 1)
            x, y = bounds(a), bounds(b)
            return (x[0], y[1]) if x and y else None
        return bounds(v) if parse(v) and re.match(r"^-?\d{3,4}(-\d\d){0,2}$", str(v).strip()) else None
    if attr.startswith("event:"):
        v = str(claim.get("value") or "")
        if re.match(r"^-?\d{1,4}(-\d\d){0,2}(\.\.-?\d{1,4}(-\d\d){0,2})?$", v):
            a, _, b = v.partition("..")
            x, y = bounds(a), bounds(b or a)
            return (x[0], y[1]) if x and y else None
    return None


def _claim_words(attr: str, claim: dict, verb: str) -> str:
    iv = _claim_interval(attr, claim)
    v = str(claim.get("value") or "")
    if iv is not None:
        if attr.startswith("event:"):
            a, _, b = v.partition("..")
            when = label(a, b or a)
        else:
            iso = claim.get("value_iso") or v
            a, _, b = str(iso).partition("..")
            when = label(a, b or a)
        return f"{verb} {when}".strip() if verb else when
    if attr.startswith("event:"):
        return f"{verb} in {v}".strip() if verb else f"in {v}"
    return f"{verb} {v}".strip()


def conflicts_in_words(conflicts: list[dict]) -> list[dict]:
    """The store's conflicts as sentences side by side, agreements taken out.

    A date that contains another ('1890' and '30 December 1890') agrees with it: the coarser claim's
    sources join the finer one. A conflict left with one side is no conflict.
    """
    out = []
    for c in conflicts:
        attr = c.get("attribute") or ""
        if attr.startswith("event:"):
            kind = attr.split(":", 1)[1]
            title = c.get("summary") or kind
            verb = VERBS.get(kind, "")
        else:
            title, verb = FACT_WORDS.get(attr, (attr.replace("_", " ").capitalize(), ""))
        sides = [{"claim": cl, "iv": _claim_interval(attr, cl), "sources": list(cl.get("sources") or []), "n": n}
                 for n, cl in enumerate(c.get("claims") or [])]
        # the finest first: a coarser date that contains a finer one joins it
        kept: list[dict] = []
        for s in sorted(sides, key=lambda s: _width(s["iv"])):
            home = next((k for k in kept if s["iv"] and k["iv"] and s["iv"][0] <= k["iv"][0]
                         and k["iv"][1] <= s["iv"][1]), None)
            if home is not None:
                home["sources"] += [x for x in s["sources"] if x not in home["sources"]]
                home["also"].append(_claim_words(attr, s["claim"], verb))
                continue
            kept.append({**s, "also": []})
        # a date and a place do not contradict each other: a conflict is two dates, or two places
        dates = [k for k in kept if k["iv"] is not None]
        places = [k for k in kept if k["iv"] is None]
        if attr.startswith("event:"):
            places = [k for k in places if not any(_same_place(k, o) for o in places if o is not k)]
            kept = (dates if len(dates) >= 2 else []) + (places if len(places) >= 2 else [])
        if len(kept) < 2:
            continue
        kept.sort(key=lambda k: k["n"])  # in the store's order again
        out.append({"attribute": attr, "title": title, "event": c.get("event"),
                    "sides": [{"words": _claim_words(attr, k["claim"], verb), "also": k["also"],
                               "sources": k["sources"]} for k in kept]})
    return out


def _same_place(a: dict, b: dict) -> bool:
    """'Mexico' and 'Mexico City' name the same stop for a conflict's purpose (one contains the other)."""
    x = re.sub(r"[^\w ]+", " ", str(a["claim"].get("value") or "").casefold()).strip()
    y = re.sub(r"[^\w ]+", " ", str(b["claim"].get("value") or "").casefold()).strip()
    return bool(x and y and (re.search(rf"\b{re.escape(x)}\b", y) or re.search(rf"\b{re.escape(y)}\b", x)))


def settle_statuses(events: list[dict], raw: list[dict], shown: list[dict]) -> None:
    """An event the store marks conflicting only because one source's date contains another's is not
    shown as conflicting: corroborated when two documents tell it, else single-source."""
    merged = {c.get("event") for c in raw if c.get("event")} - {c.get("event") for c in shown if c.get("event")}
    for e in events:
        if e.get("id") in merged and e.get("status") == "conflicting":
            e["status"] = "corroborated" if len({s["doc"] for s in e.get("sources") or []}) >= 2 else "single-source"


def _width(iv) -> int:
    if iv is None:
        return 10 ** 9
    (y1, m1, d1), (y2, m2, d2) = iv
    return (y2 - y1) * 372 + (m2 - m1) * 31 + (d2 - d1)


# ---- which entities are drawn -----------------------------------------------------------------

THING_WORDS = {"building", "cenotaph", "house", "museum", "musée", "salle", "university", "college", "school",
               "hospital", "club", "church", "presents", "graduate", "street", "hall", "institute", "society",
               "company", "films", "press", "party", "army", "prize", "award", "station", "theatre", "theater",
               "library", "gallery", "square", "bridge", "park", "avenue", "road", "cathedral", "palace"}


@lru_cache(maxsize=1)
def _lexicons() -> tuple[set[str], set[str], set[str], dict[str, str]]:
    def load(name):
        try:
            return json.loads(resources.files("kronika.data").joinpath(name).read_text(encoding="utf-8"))
        except (OSError, ValueError, ModuleNotFoundError):
            return {}

    dem = load("demonyms.json")
    nationality = {k.casefold() for k in dem.get("demonyms", {})}
    nationality |= {k + "s" for k in nationality} | {k.casefold() for k in dem.get("country_aliases", {})}
    nationality |= {k.casefold() for k in dem.get("occupations", [])} if isinstance(dem.get("occupations"), list) \
        else {k.casefold() for k in dem.get("occupations", {})}
    places = {n.casefold() for n in load("gazetteer_placenames.json").get("names", [])}
    first = {n.casefold() for n in load("gazetteer_names.json").get("first_names", [])}
    gaz: dict[str, str] = {}
    for e in load("gazetteer.json").get("entities", []):
        for n in [e.get("name"), *(e.get("aliases") or [])]:
            if n:
                gaz.setdefault(n.casefold(), e.get("type"))
    return nationality, places, first, gaz


def is_drawn(entity: dict, has_timeline: bool) -> bool:
    """Whether an entity typed PERSON or ORG looks like one: not a nationality, a place, a building,
    a footnote fragment or an upper-case lead line; a one-word 'person' needs a timeline or a known name."""
    t, name = entity.get("type"), (entity.get("name") or "").strip()
    if t not in ("PERSON", "ORG") or not name:
        return False
    if re.search(r"[\d\[\]{}|<>]", name):
        return False
    nationality, places, first, gaz = _lexicons()
    key = name.casefold()
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", name)
    if not words:
        return False
    if key in nationality or (key in places and not has_timeline):
        return False
    if not name[0].isupper() and not any(w[0].isupper() for w in words[1:]):
        return False
    known = gaz.get(key)
    if known and known != t and known in ("PLACE", "WORK", "EVENT"):
        return False
    if t == "PERSON":
        if words[-1].casefold() in THING_WORDS or words[0].casefold() in THING_WORDS:
            return False
        if len(words) == 1 and not has_timeline and known != "PERSON" and key not in first:
            return False
        return has_timeline or len(words) > 1 or not _is_place(name)
    # ORG: an upper-case line of several words is a lead name ("ARTHUR ASHER MILLER"), a first name is a person
    if len(words) >= 2 and name.isupper():
        return False
    if len(words) == 1 and (key in first or _is_place(name)):
        return False
    return True


def _is_place(name: str) -> bool:
    """A city or country name of the offline gazetteer (GeoNames), exactly."""
    try:
        return known_place_name(name)
    except Exception:  # noqa: BLE001 - without the gazetteer, no name is known to be a place
        return False
