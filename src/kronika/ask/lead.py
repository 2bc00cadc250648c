"""The opening of a document about the subject in, its life dates out.

An encyclopedic life opens with the name and the dates in brackets: "Ann Vale (3 May 1801 – 9 June 1870) was
...", "Ann Vale (born 3 May 1801)", "Ann Vale (; c. 1801 – 1870)". Those brackets are the most reliable
birth and death dates a text gives (a date further down may be a relative's), so "When was Ann Vale born?"
reads them first. Only a bracket that follows the subject's own name at the very start of a document counts.
"""
from __future__ import annotations

import re

from ..store import questions as stored

HEAD = 700              # characters of a document read for its opening
NAME_WITHIN = 260       # the subject's name must start this close to the beginning

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DATE = re.compile(rf"(?P<dmy>(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s*(?P<y1>\d{{3,4}}))"
                   rf"|(?P<mdy>(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y2>\d{{3,4}}))"
                   rf"|(?P<my>(?P<m3>{_MONTH})\s+(?P<y3>\d{{3,4}}))"
                   rf"|(?P<y>\d{{4}}|(?<!\d)\d{{3}}(?!\d))")
_DASH = re.compile(r"\s*(?:[–—]|-(?!\d{1,2}\b)|\bto\b)\s*")
_BRACKETED = re.compile(r"\[[^\]]{0,80}\]|\{\{.*?\}\}", re.S)


def _norm(m: re.Match) -> str:
    """A date as a reader writes it ("6 July 1415", "December 8, 1765", "1368")."""
    if m.group("dmy"):
        return f"{int(m.group('d1'))} {m.group('m1')} {m.group('y1')}"
    if m.group("mdy"):
        return f"{m.group('m2')} {int(m.group('d2'))}, {m.group('y2')}"
    if m.group("my"):
        return f"{m.group('m3')} {m.group('y3')}"
    return m.group("y")


def _bracket(text: str, i: int) -> str | None:
    """The bracketed text opening at ``i`` (nested brackets kept), or None when it does not close soon."""
    depth = 0
    for j in range(i, min(len(text), i + 400)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return text[i + 1:j]
    return None


def parse_dates(inside: str) -> dict[str, str]:
    """{"birth": ..., "death": ...} from the text of a life's bracket ("; 1 May 1801 – 9 June 1870")."""
    text = _BRACKETED.sub(" ", inside)
    dates = list(_DATE.finditer(text))
    if not dates:
        return {}
    out: dict[str, str] = {}
    dash = None
    for m in _DASH.finditer(text):
        before = [d for d in dates if d.end() <= m.start()]
        # a dash between two dates, or one that opens the death date ("( ; – 6 July 1415)")
        if before or any(d.start() >= m.end() for d in dates):
            dash = m
            break
    if dash is not None:
        before = [d for d in dates if d.end() <= dash.start()]
        after = [d for d in dates if d.start() >= dash.end()]
        if before:
            full = [d for d in before if not d.group("y")]
            out["birth"] = _norm((full or before)[-1])
        if after:
            out["death"] = _norm(after[0])
            rest = text[after[0].end():]
            alt = re.match(r"\s+or\s+(\d{3,4})\b", rest)
            if alt and after[0].group("y"):
                out["death"] += f" or {alt.group(1)}"
        return out
    alts = [d for k, d in enumerate(dates) if k and re.fullmatch(r"\s+or\s+", text[dates[k - 1].end():d.start()])]
    firsts = [d for d in dates if d not in alts]
    if len(firsts) == 2 and not re.search(r"\b(born|died|b\.|d\.)", text[:dates[0].start()]):
        death = _norm(firsts[1]) + "".join(f" or {_norm(a)}" for a in alts if a.start() > firsts[1].start())
        return {"birth": _norm(firsts[0]), "death": death}   # "(8 May 1765June 1825)": a lost dash
    cue = text[:dates[0].start()]
    if re.search(r"\b(born|b\.)\s*", cue) or "born" in text[:dates[0].start()].lower():
        out["birth"] = _norm(dates[0])
    elif re.search(r"\b(died|d\.)\s*$", cue.strip() + " "):
        out["death"] = _norm(dates[0])
    return out


def _name_at_start(head: str, surfaces: list[str]) -> re.Match | None:
    """The subject's name near the beginning of a document (any case: "ANN VALE", "Ann Vale")."""
    best = None
    for s in surfaces:
        if len(s) < 3:
            continue
        pat = r"(?<![^\W_])" + re.escape(s).replace(r"\ ", r"\s+") + r"(?![^\W_])"
        m = re.search(pat, head[:NAME_WITHIN + len(s)], flags=re.I)
        if m and m.start() <= NAME_WITHIN and (best is None or m.start() < best.start()):
            best = m
    return best


def life_dates(conn, subj) -> list[dict]:
    """The birth and death dates the opening brackets of the subject's documents give:
    [{"kind": "birth"|"death", "text", "doc", "start", "end", "quote"}]."""
    if not subj.ids:
        return []
    names = list(subj.surfaces)
    names += [s.split()[-1] for s in subj.surfaces if len(s.split()) > 1]
    out = []
    for doc in stored.documents_of(conn, subj.ids):
        head = stored.document_head(conn, doc, HEAD)
        m = _name_at_start(head, names)
        if m is None:
            continue
        # the bracket right after the name (titles and honours may stand between: "Ann Vale, FRS (")
        gap = re.match(r"(?:[^().!?\n]|\b(?:Jr|Sr|JR|SR|St|Dr|[A-Z])\.){0,90}?\(", head[m.end():])
        if gap is None:
            continue
        i = m.end() + gap.end() - 1
        inside = _bracket(head, i)
        if inside is None:
            continue
        dates = parse_dates(inside)
        if not dates:
            continue
        sent = stored.sentence_around(conn, doc, i, i + 1)
        if sent is None:
            continue
        for kind, text in dates.items():
            out.append({"kind": kind, "text": text, "doc": doc, "start": sent.start, "end": sent.end,
                        "quote": sent.text})
    return out
