"""Fact mentions of a corpus -> reconciled facts: one fact per (person, attribute, value), with its mentions.

Rows are the stored fact mentions (doc, subject_key, attribute, value, value_iso, value_key, confidence,
start, id, date_start, date_end); ``gid(doc, key)`` gives the entity id a document's key resolved to.

- Confidences of the mentions of one fact combine as independent evidence.
- Single-valued dates: within one document the most confident, then the first statement wins (a biography
  states a birth date once; a second "born on" in it is usually a child's). Across documents every value
  stays: values that disagree are reported by ``conflicts.find_conflicts``, never overwritten.
- A person is not their own spouse, parent, child or sibling (a value that resolves to the subject goes).
- One relative is one kind of relative: when the same person is both the spouse and the child of the
  subject ("his wife Alice's daughter Blanche" misread), the kind with the stronger evidence stays.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..records import fact_id

ONE_VALUE = {"birth_date", "death_date"}
KIN = ("spouse", "parent", "child", "sibling")


def one_value_per_document(rows: list, gid) -> list:
    best: dict[tuple, tuple] = {}
    for r in rows:
        if r["attribute"] not in ONE_VALUE:
            continue
        key = (r["doc"], gid(r["doc"], r["subject_key"]), r["attribute"])
        rank = (-r["confidence"], r["start"])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, r["id"])
    keep = {v[1] for v in best.values()}
    return [r for r in rows if r["attribute"] not in ONE_VALUE or r["id"] in keep]


def _names_subject(value: str, subject_key: str | None) -> bool:
    """The value is the subject's own name (all its words among the subject key's), case aside."""
    v = set(re.split(r"[\s\-]+", value.casefold())) - {""}
    s = set(re.split(r"[\s\-]+", (subject_key or "").casefold())) - {""}
    return bool(v) and v <= s


def merge_facts(rows: list, gid, rejected: set[str] = frozenset()) -> list[dict]:
    """Reconciled facts: dicts with subject_id, attribute, value, value_iso, value_id, date_start, date_end,
    confidence and ids (the mention ids); ``rejected`` holds fact ids the user rejected."""
    facts: dict[tuple, dict] = {}
    for r in one_value_per_document(rows, gid):
        sid = gid(r["doc"], r["subject_key"])
        vid = gid(r["doc"], r["value_key"]) if r["value_key"] else None
        if sid is not None and vid == sid:
            if _names_subject(r["value"], r["subject_key"]):
                continue  # "Hughes and Plath were married" read as Plath's own marriage
            vid = None    # 'Claude Adolphe Monet', the father the names merged with the son: the name stays
        norm = r["value_iso"] or " ".join(r["value"].lower().split())
        f = facts.setdefault((sid, r["attribute"], norm), {
            "subject_id": sid, "attribute": r["attribute"], "value": r["value"], "value_iso": r["value_iso"],
            "value_id": vid, "date_start": r["date_start"], "date_end": r["date_end"], "conf": [], "ids": []})
        f["conf"].append(r["confidence"])
        f["ids"].append(r["id"])
        f["value_id"] = f["value_id"] or vid
    out = []
    for f in facts.values():
        if fact_id(f["subject_id"], f["attribute"], f["value"], f["value_iso"]) in rejected:
            continue                          # rejected by the user (`kronika correct reject-fact`)
        miss = 1.0
        for x in f.pop("conf"):
            miss *= (1 - x)
        f["confidence"] = round(1 - miss, 3)
        out.append(f)
    return _one_kind_per_relative(out)


def _one_kind_per_relative(facts: list[dict]) -> list[dict]:
    kinds: dict[tuple, list[dict]] = defaultdict(list)
    for f in facts:
        if f["attribute"] in KIN and f["value_id"] and f["subject_id"]:
            kinds[(f["subject_id"], f["value_id"])].append(f)
    drop = set()
    for group in kinds.values():
        if len({f["attribute"] for f in group}) < 2:
            continue
        best = max(group, key=lambda f: (f["confidence"], len(f["ids"]), f["attribute"] == "spouse"))
        drop |= {id(f) for f in group if f["attribute"] != best["attribute"]}
    return [f for f in facts if id(f) not in drop]
