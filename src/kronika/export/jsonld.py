"""The store in, JSON-LD over schema.org out: people, places, organisations, works, life events, sources.

``{"@context": ["https://schema.org/", {"kronika": "urn:kronika:"}], "@graph": [...]}`` with

- ``Person`` / ``Place`` (with ``geo``: the point stored at reconciliation) / ``Organization`` /
  ``CreativeWork`` / ``Event`` nodes for the entities, facts as schema.org properties
  (``birthDate``, ``birthPlace``, ``memberOf``, ``knows`` ...);
- one ``Event`` per life event: ``name``, ``additionalType`` (the kronika type),
  ``startDate``/``endDate``, ``location``, ``about`` (the person), ``attendee``
  (participants) and ``citation``: each source as a ``Quotation`` whose ``text``
  is the quote and ``isPartOf`` the document;
- one ``CreativeWork`` (``Review``, ``BlogPosting``, ``Article``) per document;
- ``Claim`` nodes for attributed opinions.

With a subject: that person, their events, facts, relations and claims, and what they cite.
"""
from __future__ import annotations

import json

from .. import lexicons
from ..store import reads

CONTEXT = ["https://schema.org/", {"kronika": "urn:kronika:"}]
ENTITY_TYPES = {"PERSON": "Person", "PLACE": "Place", "ORG": "Organization", "WORK": "CreativeWork",
                "EVENT": "Event"}
DOC_TYPES = {"review": "Review", "essay": "Article", "article": "Article", "news": "NewsArticle",
             "biography": "Article", "memoir": "CreativeWork", "letter": "CreativeWork", "fiction": "CreativeWork"}
FACT_PROPS = lexicons.mapping("presentation", "fact_properties")  # data/presentation.json
RELATION_PROPS = {"met": "knows", "worked_with": "colleague", "friend_of": "knows", "spouse_of": "spouse",
                  "member_of": "memberOf", "widow_of": "spouse"}


def eid(x: str) -> str:
    return f"kronika:entity/{x}"


def docid(x: str) -> str:
    return f"kronika:doc/{x}"


def quotation(s: dict) -> dict:
    return {"@type": "Quotation", "text": s["quote"], "isPartOf": {"@id": docid(s["doc"])},
            "kronika:start": s["start"], "kronika:end": s["end"]}


def graph(conn, subject: str | None = None) -> list[dict]:
    data = reads.export_all(conn)
    sid = reads.find_entity(conn, subject, None)["id"] if subject else None
    events = [e for e in data["events"] if not sid or e["subject"]["id"] == sid]
    facts = [f for f in data["facts"] if not sid or f["subject"]["id"] == sid]
    relations = [r for r in data["relations"] if not sid or sid in (r["source"]["id"], r["target"]["id"])]
    claims = [c for c in data["claims"] if not sid or c["about"]["id"] == sid]
    used = set()
    for rec in (*events, *facts, *relations, *claims):
        used.update(s["doc"] for s in rec["sources"])
    wanted = None
    if sid:
        wanted = {sid} | {p["id"] for e in events for p in e["places"] + e["participants"] if p}
        wanted |= {r[k]["id"] for r in relations for k in ("source", "target")}
        wanted |= {f["value_entity"]["id"] for f in facts if f.get("value_entity")}
        wanted |= {c["holder"]["id"] for c in claims if c["holder"]}
    nodes: dict[str, dict] = {}
    for e in data["entities"]:
        if wanted is not None and e["id"] not in wanted:
            continue
        n = {"@id": eid(e["id"]), "@type": ENTITY_TYPES.get(e["type"], "Thing"), "name": e["name"],
             "kronika:mentions": e["mentions"], "subjectOf": [{"@id": docid(d)} for d in e["docs"]]}
        if e["aliases"]:
            n["alternateName"] = list(e["aliases"])
        if e["type"] == "PLACE" and e.get("geo"):
            g = e["geo"]
            n["geo"] = {"@type": "GeoCoordinates", "latitude": g["lat"], "longitude": g["lon"]}
            if g.get("country"):
                n["address"] = {"@type": "PostalAddress", "addressCountry": g["country"]}
        nodes[e["id"]] = n
    for f in facts:
        n = nodes.get(f["subject"]["id"])
        prop = FACT_PROPS.get(f["attribute"], "kronika:" + f["attribute"])
        if n is None:
            continue
        if f.get("value_entity"):
            val = {"@id": eid(f["value_entity"]["id"])}
        elif f["attribute"] in ("birth_date", "death_date"):
            val = f.get("value_iso") or f["value"]
        else:
            val = f["value"]
        n.setdefault(prop, [])
        if isinstance(n[prop], list) and val not in n[prop]:
            n[prop].append(val)
        n.setdefault("kronika:factCitation", []).extend(
            {**quotation(s), "about": prop} for s in f["sources"])
    for r in relations:
        n = nodes.get(r["source"]["id"])
        if n is None:
            continue
        prop = RELATION_PROPS.get(r["relation"], "kronika:" + r["relation"])
        n.setdefault(prop, [])
        ref = {"@id": eid(r["target"]["id"])}
        if ref not in n[prop]:
            n[prop].append(ref)
    out = list(nodes.values())
    for ev in events:
        n = {"@id": f"kronika:event/{ev['id']}", "@type": "Event", "name": ev["summary"],
             "additionalType": f"kronika:{ev['type']}", "about": {"@id": eid(ev["subject"]["id"])},
             "citation": [quotation(s) for s in ev["sources"]],
             "kronika:status": ev["status"], "kronika:confidence": ev["confidence"],
             "kronika:dateInferred": bool(ev["date"]["inferred"])}
        if ev["date"]["start"]:
            n["startDate"] = ev["date"]["start"]
        if ev["date"]["end"]:
            n["endDate"] = ev["date"]["end"]
        if ev["date"]["text"]:
            n["kronika:dateText"] = ev["date"]["text"]
        if ev["places"]:
            n["location"] = [{"@id": eid(p["id"]), "name": p["name"]} for p in ev["places"]]
        if ev["participants"]:
            n["attendee"] = [{"@id": eid(p["id"]), "name": p["name"]} for p in ev["participants"]]
        if ev.get("fiction"):
            n["kronika:fromFiction"] = True
        out.append(n)
    for i, c in enumerate(claims, 1):
        n = {"@id": f"kronika:claim/{i}", "@type": "Claim", "text": c["text"], "about": {"@id": eid(c["about"]["id"])},
             "kronika:stance": c["stance"], "appearance": [quotation(s) for s in c["sources"]]}
        if c.get("kind"):
            n["kronika:kind"] = c["kind"]
        if c["holder"]:
            n["author"] = {"@id": eid(c["holder"]["id"]), "name": c["holder"]["name"]}
        out.append(n)
    for d in data["documents"]:
        if sid and d["doc"] not in used:
            continue
        n = {"@id": docid(d["doc"]), "@type": DOC_TYPES.get(d["genre"], "WebPage" if d.get("url") else "CreativeWork"),
             "name": d.get("title") or d["doc"], "identifier": d["doc"], "kronika:sha256": d["sha256"],
             "genre": d["genre"], "kronika:chars": d["chars"]}
        if d.get("author"):
            n["author"] = {"@type": "Person", "name": d["author"]}
        if d.get("published"):
            n["datePublished"] = d["published"]
        if d.get("url"):
            n["url"] = d["url"]
        if d.get("about"):
            n["itemReviewed" if d["genre"] == "review" else "about"] = {"@type": "CreativeWork", "name": d["about"]}
        out.append(n)
    return out


def document(conn, subject: str | None = None) -> dict:
    return {"@context": CONTEXT, "@graph": graph(conn, subject)}


def write(conn, dest: str, subject: str | None = None) -> str:
    with open(dest, "w", encoding="utf-8") as fh:
        json.dump(document(conn, subject), fh, ensure_ascii=False, indent=1)
    return dest
