"""The store in, a GraphML file out (Gephi, yEd, Cytoscape, networkx.read_graphml).

Nodes are entities (``name``, ``type``, ``mentions``); edges are relations
(``kind`` = ``relation``, ``label`` the relation name, from source to target)
and co-participation in an event (``kind`` = ``event``, ``label`` the event
type, from the person whose life it is to each participant), each with the
number of supporting sources and the documents. Strings are XML-escaped and
characters XML 1.0 forbids are dropped.
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from ..store import reads

_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

NODE_KEYS = [("name", "string"), ("type", "string"), ("mentions", "int")]
EDGE_KEYS = [("kind", "string"), ("label", "string"), ("weight", "int"), ("docs", "string"), ("date", "string")]


def _x(s) -> str:
    return escape(_BAD_XML.sub("", str(s)))


def _a(s) -> str:
    return quoteattr(_BAD_XML.sub("", str(s)))


def graph(conn, subject: str | None = None) -> tuple[list[dict], list[dict]]:
    data = reads.export_all(conn)
    nodes = {e["id"]: {"id": e["id"], "name": e["name"], "type": e["type"], "mentions": e["mentions"]}
             for e in data["entities"]}

    def node(ref):
        nodes.setdefault(ref["id"], {"id": ref["id"], "name": ref["name"], "type": "", "mentions": 0})
        return ref["id"]

    edges = []
    for r in data["relations"]:
        date = "..".join(x or "" for x in (r["date"]["start"], r["date"]["end"])) if any(r["date"].values()) else ""
        edges.append({"source": node(r["source"]), "target": node(r["target"]), "kind": "relation",
                      "label": r["relation"], "weight": max(1, len(r["sources"])),
                      "docs": " | ".join(sorted({s["doc"] for s in r["sources"]})), "date": date})
    for ev in data["events"]:
        for p in ev["participants"]:
            if p and p["id"] != ev["subject"]["id"]:
                edges.append({"source": node(ev["subject"]), "target": node(p), "kind": "event", "label": ev["type"],
                              "weight": max(1, len(ev["sources"])),
                              "docs": " | ".join(sorted({s["doc"] for s in ev["sources"]})),
                              "date": "..".join(x or "" for x in (ev["date"]["start"], ev["date"]["end"]))})
    if subject:
        sid = reads.find_entity(conn, subject, None)["id"]
        edges = [e for e in edges if sid in (e["source"], e["target"])]
        keep = {sid} | {e["source"] for e in edges} | {e["target"] for e in edges}
        nodes = {k: v for k, v in nodes.items() if k in keep}
    return list(nodes.values()), edges


def write(conn, dest: str, subject: str | None = None) -> str:
    nodes, edges = graph(conn, subject)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    for k, t in NODE_KEYS:
        out.append(f'  <key id="n_{k}" for="node" attr.name="{k}" attr.type="{t}"/>')
    for k, t in EDGE_KEYS:
        out.append(f'  <key id="e_{k}" for="edge" attr.name="{k}" attr.type="{t}"/>')
    out.append('  <graph id="kronika" edgedefault="directed">')
    for n in nodes:
        out.append(f"    <node id={_a(n['id'])}>"
                   + "".join(f'<data key="n_{k}">{_x(n[k])}</data>' for k, _ in NODE_KEYS) + "</node>")
    for i, e in enumerate(edges):
        out.append(f"    <edge id=\"e{i}\" source={_a(e['source'])} target={_a(e['target'])}>"
                   + "".join(f'<data key="e_{k}">{_x(e[k])}</data>' for k, _ in EDGE_KEYS) + "</edge>")
    out += ["  </graph>", "</graphml>", ""]
    with open(dest, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))
    return dest
