"""A timeline, the facts of its subject and the stored points of places in, the places of the life with coordinates
and its path out.

Shared by the web app's map (``serve``) and the static HTML export, so it sits in the lower layer. The points are
the ones geocoded once at reconciliation (``store.reads.places_geo``): nothing is geocoded here.
"""
from __future__ import annotations

from ..geo import is_country


def places_of(timeline: dict, facts: list[dict], geo: dict[str, dict]) -> dict:
    """The places of a life with coordinates (``geo``: {entity id: {lat, lon, country}}), and its path through
    them in time order."""
    named: dict[str, dict] = {}
    for ev in timeline["events"]:
        for p in ev["places"]:
            named.setdefault(p["id"], {"id": p["id"], "name": p["name"], "events": []})["events"].append(
                {"id": ev["id"], "type": ev["type"], "summary": ev["summary"], "date": ev["date"]})
    for f in facts:
        if f["attribute"] in ("birth_place", "death_place", "residence") and f.get("value_entity"):
            v = f["value_entity"]
            named.setdefault(v["id"], {"id": v["id"], "name": v["name"], "events": []})
    places, unplaced = [], []
    for p in named.values():
        hit = geo.get(p["id"])
        if hit:
            places.append({**p, "lat": hit["lat"], "lon": hit["lon"], "country": hit.get("country"),
                           "kind": "country" if is_country(p["name"]) else "place"})
        else:
            unplaced.append(p)
    coords = {p["id"]: p for p in places}
    path = []
    for ev in timeline["events"]:
        here = [coords[p["id"]] for p in ev["places"] if p["id"] in coords]
        cities = [c for c in here if c["kind"] != "country"]
        # "in Mexico City, Mexico": the city is the stop; a country only when no city of it is named
        here = cities + [c for c in here if c["kind"] == "country" and c["country"] not in {x["country"] for x in cities}]
        for c in here:
            if path and (path[-1]["id"] == c["id"] or (path[-1]["lat"], path[-1]["lon"]) == (c["lat"], c["lon"])):
                continue
            path.append({"id": c["id"], "name": c["name"], "lat": c["lat"], "lon": c["lon"],
                         "event": ev["summary"], "date": ev["date"]})
    return {"subject": timeline["subject"], "places": places, "unplaced": unplaced, "path": path}
