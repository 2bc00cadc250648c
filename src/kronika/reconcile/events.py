"""Event mentions of many documents -> events: one per real happening, with all its sources.

Two mentions of one person's life are the same event when their types agree
and nothing they say contradicts it: places compatible ("Mexico" and "Mexico
City"), intervals overlapping, and enough shared evidence (place, participant,
date or wording). Birth and death happen once, so all their mentions merge and
disagreements become a ``conflicting`` status instead of two births.
Why our own code: no library merges event mentions with provenance and
conflict reporting; the rules are small, order-independent and tested.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from ..settings import Settings
from .chronology import iso_to_years

ONCE = {"birth", "death"}
GENRE_WEIGHT = {"biography": 1.0, "article": 0.95, "news": 0.95, "memoir": 0.9, "essay": 0.9, "letter": 0.85,
                "review": 0.85, "other": 0.85, "fiction": 0.6}
STOP = set("a an the in of to and his her their its from for with as at by on into was were is be been he she".split())


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (s or "").lower()) if w not in STOP and len(w) > 2}


def _year_lo(v):
    return v[:10] if v else None


def _overlap(a_lo, a_hi, b_lo, b_hi) -> bool:
    """Do two ISO intervals (bounds may be None) overlap? Bounds compare as padded strings."""
    lo_a, hi_a = _pad(a_lo, False), _pad(a_hi, True)
    lo_b, hi_b = _pad(b_lo, False), _pad(b_hi, True)
    return lo_a <= hi_b and lo_b <= hi_a


def _pad(v: str | None, high: bool) -> str:
    if not v:
        return "9999-99-99" if high else "-9999"
    if v.startswith("-"):
        return v
    parts = v.split("-")
    if len(parts) == 1:
        return v + ("-12-31" if high else "-01-01")
    if len(parts) == 2:
        return v + ("-31" if high else "-01")
    return v


def _places_compatible(a: list, b: list, names: dict) -> bool:
    if not a or not b:
        return True
    for x in a:
        for y in b:
            if x == y:
                return True
            nx, ny = names.get(x, x or "").lower(), names.get(y, y or "").lower()
            if nx and ny and (nx in ny or ny in nx):
                return True
    return False


NEAR_CONFLICT = {"exile", "imprisonment", "expulsion", "membership", "marriage", "release", "education", "flight"}


def _gap_years(a_lo, a_hi, b_lo, b_hi) -> float:
    """Years between two disjoint intervals (0 when they touch)."""
    lo_a, hi_a = iso_to_years(a_lo, False), iso_to_years(a_hi, True)
    lo_b, hi_b = iso_to_years(b_lo, False), iso_to_years(b_hi, True)
    return max(0.0, lo_b - hi_a, lo_a - hi_b)


def _width(lo, hi) -> float:
    """Width in years of a date interval (inf when open): point-like dates are at most a year wide."""
    return iso_to_years(hi, True) - iso_to_years(lo, False)


def _similar(m: dict, e: dict, names: dict) -> float:
    if m["type"] != e["type"]:
        return 0.0
    if m["type"] in ONCE:
        return 1.0
    if not _places_compatible(m["place_ids"], e["places"], names):
        return 0.0
    dated = bool(m["date_start"] or m["date_end"]) and bool(e["date_start"] or e["date_end"])
    if dated and not _overlap(m["date_start"], m["date_end"], e["date_start"], e["date_end"]):
        # Sources often disagree by a year on one event ("deported in 1932" / "in 1933"): the same
        # kind of event at the same place or with the same people, each dated to a year or less and a
        # year apart, is one event whose sources conflict, not two events. Periods ("1912-1917" and
        # "1918-1919" in France) stay different events.
        same_where = bool(set(m["place_ids"]) & set(e["places"]) or
                          set(p for p in m["participant_ids"] if p) & set(e["participants"]))
        if m["type"] in NEAR_CONFLICT and same_where and m["doc"] not in e["docs"] and \
                _width(m["date_start"], m["date_end"]) <= 1 and _width(e["date_start"], e["date_end"]) <= 1 and \
                _gap_years(m["date_start"], m["date_end"], e["date_start"], e["date_end"]) <= 1.5:
            return 0.9
        return 0.0
    shared = set(p for p in m["participant_ids"] if p) & set(e["participants"])
    if m["doc"] in e["docs"] and m["type"] in ONE_PER_PARTNER and shared:
        return 0.9          # one document tells one marriage (award, election) twice: "married X" ... "their marriage"
    score = 0.35
    if m["place_ids"] and e["places"]:
        score += 0.3
    if set(p for p in m["participant_ids"] if p) & set(e["participants"]):
        score += 0.25
    if dated:
        score += 0.2
    w1, w2 = _words(m["summary"] + " " + (m["trigger"] or "")), e["words"]
    if w1 and w2:
        score += 0.3 * len(w1 & w2) / len(w1 | w2)
    if m["doc"] in e["docs"]:
        score -= 0.3        # a document rarely repeats an event; two similar mentions in one are often two events
    return score


def _interval(ms: list[dict]) -> tuple[str | None, str | None, str | None, bool, bool]:
    """The tightest interval the mentions agree on; conflicting when direct dates are disjoint."""
    direct = [m for m in ms if (m["date_start"] or m["date_end"]) and not m["date_inferred"]]
    pool = direct or [m for m in ms if m["date_start"] or m["date_end"]]
    if not pool:
        return None, None, None, False, False
    lo = max((_pad(m["date_start"], False), m["date_start"]) for m in pool)
    hi = min((_pad(m["date_end"], True), m["date_end"]) for m in pool)
    text = next((m["date_text"] for m in pool if m["date_text"]), None)
    inferred = not direct
    if lo[0] <= hi[0]:
        return lo[1], hi[1], text, inferred, False
    # Disjoint: keep the widest envelope and report the conflict.
    lo2 = min((_pad(m["date_start"], False), m["date_start"]) for m in pool)
    hi2 = max((_pad(m["date_end"], True), m["date_end"]) for m in pool)
    return lo2[1], hi2[1], text, inferred, True


def event_id(subject_id: str, type_: str, first: dict) -> str:
    h = hashlib.sha1(f"{subject_id}|{type_}|{first['doc']}|{first['start']}".encode()).hexdigest()[:10]
    return f"ev-{h}"


def merge_events(mentions: list[dict], settings: Settings, genres: dict[str, str],
                 names: dict | None = None) -> list[dict]:
    """Group event mentions (rows of ``event_mentions`` with resolved ids) into events."""
    names = names or {}
    by_subject: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        if m.get("subject_id"):
            by_subject[m["subject_id"]].append(m)
    out: list[dict] = []
    for sid in sorted(by_subject):
        ms = sorted(by_subject[sid], key=lambda m: (m["doc"], m["start"], m["type"]))
        clusters: list[dict] = []
        by_type: dict[str, list[dict]] = defaultdict(list)    # only same-type clusters can match
        for m in ms:
            best, best_s = None, settings.event_merge_threshold
            for e in by_type[m["type"]]:
                s = _similar(m, e, names)
                if s >= best_s:
                    best, best_s = e, s
            if best is None:
                best = {"type": m["type"], "members": [], "places": [], "participants": [], "docs": set(),
                        "words": set(), "date_start": None, "date_end": None}
                clusters.append(best)
                by_type[m["type"]].append(best)
            best["members"].append(m)
            best["docs"].add(m["doc"])
            best["words"] |= _words(m["summary"] + " " + (m["trigger"] or ""))
            for p in m["place_ids"]:
                if p and p not in best["places"]:
                    best["places"].append(p)
            for p in m["participant_ids"]:
                if p and p not in best["participants"] and p != sid:
                    best["participants"].append(p)
            lo, hi, _, _, _ = _interval(best["members"])
            best["date_start"], best["date_end"] = lo, hi
        if len({m["doc"] for m in ms}) > 1:
            clusters = _slot_merge(clusters, names, sid)
        clusters = _absorb_minor(clusters, genres)
        for cl in clusters:
            out.append(_finish(sid, cl, settings, genres, names))
    return out


#: A person with more events than this per document has a long chronicle (one long biography rather than
#: many short sources): minor mentions are merged or left out.
LONG_TIMELINE = 25
#: Types of events a life has few of: never minor ("Elected its chairman", "Knighted").
RARE = {"award", "election", "appointment", "marriage", "discovery", "premiere", "competition", "exile", "release",
        "expulsion", "flight", "conversion"}
#: Types whose two mentions in one document with the same partner are one event (one marries a spouse once).
ONE_PER_PARTNER = {"marriage", "award", "election", "appointment", "membership", "premiere"}


def _minor(cl: dict) -> bool:
    """A one-mention event with no date of its own, no place and no one else: "he worked", "his studies"."""
    if len(cl["members"]) != 1 or cl["type"] in ONCE | RARE or cl["places"] or cl["participants"]:
        return False
    m = cl["members"][0]
    return not (m["date_start"] or m["date_end"]) or bool(m["date_inferred"])


#: Types a bare word tells in full ("Released", "Imprisoned", "Exiled"); a bare "Studied" or "Worked" does not.
SELF_TELLING = {"birth", "death", "release", "imprisonment", "exile", "flight", "expulsion", "marriage", "conversion"}
#: Genres in which a bare one-word mention ("his invention", "he worked") is a passing mention, not an event.
PASSING_GENRES = {"biography", "other"}


def _bare(cl: dict, genres: dict) -> bool:
    """A one-mention event of a biography whose label is one word and which has no date of its own, or a
    meeting with no one."""
    if len(cl["members"]) != 1 or cl["type"] in SELF_TELLING or cl["participants"]:
        return False
    m = cl["members"][0]
    if cl["type"] in ("meeting", "collaboration") and genres.get(m["doc"]) in PASSING_GENRES:
        return True                       # "Met in Halle", "Befriended": a meeting with nobody named
    if cl["places"]:
        return False
    return len((m["summary"] or "").split()) < 2 and genres.get(m["doc"]) in PASSING_GENRES and (
        not (m["date_start"] or m["date_end"]) or bool(m["date_inferred"]))


def _absorb_minor(clusters: list[dict], genres: dict | None = None) -> list[dict]:
    """A timeline worth reading: a minor mention joins the event of its type told next to it in the same
    document ("He studied at Nelson College ... his studies" is one event, with both sources); a minor
    mention with no such neighbour says too little to stand as an event of its own and is left out."""
    genres = genres or {}
    docs = {m["doc"] for cl in clusters for m in cl["members"]}
    # a short chronicle, or one of many sources, keeps every minor mention (but not a bare word)
    long = len(clusters) > LONG_TIMELINE * max(1, len(docs))
    weak = [(long and _minor(cl)) or _bare(cl, genres) for cl in clusters]
    if not any(weak):
        return clusters
    near: dict[tuple[str, str], list[tuple[int, dict]]] = defaultdict(list)
    for cl, w in zip(clusters, weak):
        if not w:
            for m in cl["members"]:
                near[(m["doc"], TYPE_FAMILY.get(cl["type"], cl["type"]))].append((m["ord"], cl))
    out = []
    for cl, w in zip(clusters, weak):
        if not w:
            out.append(cl)
            continue
        m = cl["members"][0]
        cands = [(abs(o - m["ord"]), i, o, host) for i, (o, host) in
                 enumerate(near.get((m["doc"], TYPE_FAMILY.get(cl["type"], cl["type"])), [])) if abs(o - m["ord"]) <= 3]
        if cands:
            host = min(cands, key=lambda x: (x[0], x[1]))[3]
            # a source of its host (its quotation), with no say in the host's label, date or order
            host.setdefault("minor", []).append(m)
            host["words"] |= cl["words"]
    return out


#: Types one happening is often told as, in different words: joining a movement is taking part in it
#: ("joined the Left Opposition" / "became involved in the opposition"). Slot merging compares families.
TYPE_FAMILY = {"membership": "joining", "participation": "joining", "conversion": "joining"}


def _slot_merge(clusters: list[dict], names: dict, sid: str) -> list[dict]:
    """Join two one-document mentions of the same type that sit in the same slot of two narratives.

    Two documents often tell one event in words too different to match ("his
    participation in the terrorist activities of the Bonnot gang" / "being
    incarcerated"), but place it next to the same event both state (the same
    release, the same exile). When the only same-type, non-contradicting
    candidates within two places before (or after) a shared event are one
    mention in each document, they are one event. Candidates are grouped by
    their shared neighbour, so this is linear in the number of mentions.
    """
    seq: dict[str, list[int]] = defaultdict(list)
    for ci, cl in enumerate(clusters):
        for m in cl["members"]:
            seq[m["doc"]].append((m["ord"], m["start"], ci))
    chains = {doc: [ci for _, _, ci in sorted(v)] for doc, v in seq.items()}
    multi = {ci for ci, cl in enumerate(clusters) if len(cl["docs"]) >= 2}
    slots: dict[tuple, list[int]] = defaultdict(list)
    for ci, cl in enumerate(clusters):
        if len(cl["docs"]) != 1 or cl["type"] in ONCE:
            continue
        doc = next(iter(cl["docs"]))
        chain = chains[doc]
        idx = chain.index(ci)
        for side, window in (("before", chain[idx + 1: idx + 3]), ("after", chain[max(0, idx - 2): idx])):
            for n in window:
                if n in multi:
                    slots[(n, side, TYPE_FAMILY.get(cl["type"], cl["type"]))].append(ci)
    parent = list(range(len(clusters)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key in sorted(slots):
        cands = slots[key]
        by_doc: dict[str, list[int]] = defaultdict(list)
        for ci in cands:
            by_doc[next(iter(clusters[ci]["docs"]))].append(ci)
        if len(by_doc) != 2 or any(len(v) != 1 for v in by_doc.values()):
            continue                      # ambiguous slot: leave the mentions apart
        a, b = (v[0] for v in by_doc.values())
        A, B = clusters[a], clusters[b]
        if not _places_compatible(A["places"], B["places"], names):
            continue
        if (A["date_start"] or A["date_end"]) and (B["date_start"] or B["date_end"]) and \
                not _overlap(A["date_start"], A["date_end"], B["date_start"], B["date_end"]):
            continue
        parent[find(b)] = find(a)
    groups: dict[int, list[int]] = defaultdict(list)
    for ci in range(len(clusters)):
        groups[find(ci)].append(ci)
    out = []
    for root in sorted(groups):
        members = groups[root]
        if len(members) == 1:
            out.append(clusters[root])
            continue
        cl = {"type": clusters[root]["type"], "members": [], "places": [], "participants": [], "docs": set(),
              "words": set(), "date_start": None, "date_end": None}
        for ci in members:
            c = clusters[ci]
            cl["members"] += c["members"]
            cl["docs"] |= c["docs"]
            cl["words"] |= c["words"]
            cl["places"] += [p for p in c["places"] if p not in cl["places"]]
            cl["participants"] += [p for p in c["participants"] if p not in cl["participants"] and p != sid]
        cl["date_start"], cl["date_end"] = _interval(cl["members"])[:2]
        out.append(cl)
    return out


def _finish(sid: str, cl: dict, settings: Settings, genres: dict, names: dict) -> dict:
    ms = cl["members"]
    lo, hi, text, inferred, date_conflict = _interval(ms)
    docs = sorted(cl["docs"])
    place_conflict = False
    if cl["type"] in ONCE:
        pls = [m["place_ids"] for m in ms if m["place_ids"]]
        place_conflict = any(not _places_compatible(a, b, names) for a in pls for b in pls)
    status = "conflicting" if (date_conflict or place_conflict) else (
        "corroborated" if len(docs) >= 2 else "single-source")
    # Confidence: independent evidence combines; genre, hedging and fiction weigh each mention.
    miss = 1.0
    for m in ms:
        w = GENRE_WEIGHT.get(genres.get(m["doc"], "other"), 0.85)
        c = m["confidence"] * w
        if m["hedged"]:
            c *= settings.hedge_factor
        miss *= (1 - min(c, 0.99))
    conf = 1 - miss
    if status == "conflicting":
        conf *= 0.8
    first = min(ms, key=lambda m: (m["fiction"], m["hedged"], -m["confidence"], m["doc"], m["start"]))
    return {
        "id": event_id(sid, cl["type"], min(ms, key=lambda m: (m["doc"], m["start"]))),
        "subject_id": sid, "type": cl["type"], "summary": first["summary"],
        "date_start": lo, "date_end": hi, "date_text": text, "date_inferred": inferred,
        "places": cl["places"], "participants": cl["participants"],
        "confidence": round(min(conf, 0.99), 3), "status": status,
        "fiction": all(m["fiction"] for m in ms),
        "mention_ids": [m["id"] for m in ms] + [m["id"] for m in cl.get("minor", [])], "members": ms, "rank": 0,
        "date_conflict": date_conflict, "place_conflict": place_conflict,
    }
