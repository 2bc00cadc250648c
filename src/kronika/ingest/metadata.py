"""Text, its lines and boilerplate -> document metadata: title, author, published, genre, about.

Given metadata (from HTML, JSONL or WARC headers) wins; the text fills the
gaps: a heading line for the title, a byline or a letter's signature for the
author, a byline, a dated header line or a news dateline for the date, rules
in :mod:`genre` for the genre, and for a review the reviewed work's title
("Review: X – by Y", "X, by Y", "my review of 'X'").
"""
from __future__ import annotations

import re

from .. import lexicons
from ..records import GENRES, Stripped
from . import genre as genres
from .boilerplate import Byline
from .dates import find_date, normalise_iso
from .lines import Line, body_range

_I = re.IGNORECASE
#: Genre names that sources use for our genres (JSONL "genre" fields, front matter "type"; data/ingest.json).
GENRE_SYNONYMS = lexicons.mapping("ingest", "genre_synonyms")
_MD_HEADING = re.compile(r"#{1,6}\s+(?P<t>.+?)\s*#*")
_MARKUP = re.compile(r"^[*_`]+|[*_`]+$")
_BAD_TITLE_END = re.compile(r"[,;:]$")
_BEFORE_DATE = re.compile(r"(?:[A-Z][\w .'’-]{1,40},\s*)?(?:(?:on|dated?)\s+)?")
_REVIEW_TITLE = (
    re.compile(r"(?P<t>.+?),?\s+by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?i:review)\b.*"),
    re.compile(r"(?:book\s+|film\s+)?review(?:ed)?\s*[:\-–—|]\s*(?P<t>.+?)(?:\s*[,:\-–—|]?\s+by\s+\S.*)?", _I),
    re.compile(r"(?:a\s+)?review\s+of\s+(?P<t>.+?)(?:\s*[,:\-–—|]?\s+by\s+\S.*)?", _I),
    re.compile(r"(?P<t>.+?)\s*[:\-–—|(]\s*(?:a\s+(?:reader'?s?\s+)?)?(?:book\s+)?review\)?(?:\s.*)?", _I),
    re.compile(r"(?P<t>.+?)\s*(?:,|\s[-–—])?\s+by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\.?", 0),
)
_QUOTED = r"['‘\"“*_]{1,2}(?P<q>[^'’\"”*_\n]{2,100}?)['’\"”*_]{1,2}(?!\w)"
_TITLECASE = r"(?P<c>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|(?:of|the|a|an|in|and|on|for|to|at|from|with)\b)){0,9})"
_REVIEW_OF = re.compile(rf"\b(?:review(?:ed)?[ \t]+(?:of|for)|reviewing)[ \t]+(?:{_QUOTED}|{_TITLECASE})")
_I_READ = re.compile(
    rf"\bI[ \t]+(?:have[ \t]+|had[ \t]+)?(?:just[ \t]+|finally[ \t]+|recently[ \t]+)?(?:read|finished|re-?read)[ \t]+"
    rf"(?:[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){{0,3}}['’]s[ \t]+)?(?:{_QUOTED}|{_TITLECASE})")
_REVIEW_WORD = re.compile(r"\breview", _I)
_TRAILING_SMALL = re.compile(r"(?:\s+(?:of|the|a|an|in|and|on|for|to|at|from|with))+$")


_FRONT = re.compile(  # one unambiguous way to split lines, so no backtracking blow-up on stray "\r"
    r"(?:---|\+\+\+)[ \t]*(?:\r\n|\n)(?P<body>(?:[^\r\n]*(?:\r\n|\n)){0,60}?)(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|$)")
_FRONT_FIELD = re.compile(r"(?P<k>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<v>.*?)\s*")
_FRONT_KEYS = {"title": "title", "author": "author", "authors": "author", "by": "author", "date": "published",
               "published": "published", "genre": "genre", "type": "genre", "url": "url", "link": "url",
               "source": "url", "about": "about"}


def front_matter(text: str) -> tuple[dict, Stripped | None]:
    """Metadata and the passage of a YAML/TOML front-matter block opening the text ("---\ntitle: X\n---")."""
    m = _FRONT.match(text, 0, 8000)
    if not m:
        return {}, None
    found = {}
    for line in m.group("body").splitlines():
        f = _FRONT_FIELD.fullmatch(line)
        if f and f.group("k").lower() in _FRONT_KEYS:
            v = f.group("v").strip().strip("\"'")
            if v and not v.startswith(("[", "{")):
                found.setdefault(_FRONT_KEYS[f.group("k").lower()], v)
    if not found:
        return {}, None  # a horizontal rule pair, not front matter
    end = m.end()
    while end > 0 and text[end - 1] in "\r\n":
        end -= 1
    return found, Stripped(0, end, text[:end], "front matter")


def text_title(lines: list[Line], skip: set[int], fmt: str) -> tuple[str | None, int | None]:
    """(title, line index) from the first heading-like line before the prose, or (None, None)."""
    first_body, _ = body_range(lines)
    if fmt == "md":
        for ln in lines[: max(first_body, 1) + 20]:
            m = _MD_HEADING.fullmatch(ln.s) if ln.index not in skip else None
            if m:
                return _clean_title(m.group("t")), ln.index
    for ln in lines:
        if ln.blank or ln.index in skip:
            continue
        if ln.index >= first_body or ln.words > 20 or ln.words == 0 or _BAD_TITLE_END.search(ln.s):
            return None, None
        if (genres.LETTER_OPEN.fullmatch(ln.s) and not ln.s.lower().startswith("to the editor")) \
                or ln.s.lower().startswith("dear "):
            return None, None
        if ln.sentence and ln.words > 12:
            return None, None
        if _is_date_line(ln.s):
            continue  # "Amsterdam, 3 February 2024" above a letter is its date, not its title
        return _clean_title(ln.s), ln.index
    return None, None


def _clean_title(s: str) -> str:
    return _MARKUP.sub("", s.strip().lstrip("#").strip()).strip()


def _is_date_line(s: str) -> str | None:
    """The ISO date when the line ``s`` is only a date, optionally after a place or "dated"."""
    if len(s) > 80:
        return None
    found = find_date(s)
    if found and (found[2] - found[1]) >= len(s) * 0.5 and _BEFORE_DATE.fullmatch(s[: found[1]]) \
            and len(s[found[2]:].strip(" .,")) <= 12:
        return found[0]
    return None


def header_date(lines: list[Line], skip: set[int]) -> str | None:
    """The date of a header line that is only a date, optionally after a place ("Amsterdam, 3 February 2024")."""
    first_body, _ = body_range(lines)
    for ln in lines[: min(first_body, 12)]:
        if ln.blank or ln.index in skip or ln.words > 8:
            continue
        found = _is_date_line(ln.s)
        if found:
            return found
    return None


def signature(lines: list[Line], skip: set[int]) -> str | None:
    """The name signed under a letter's closing ("Yours truly,\\nArthur Penrose")."""
    live = [ln for ln in lines if not ln.blank and ln.index not in skip]
    for i in range(len(live) - 1, max(-1, len(live) - 6), -1):
        if genres.closing(live[i].s):
            for nxt in live[i + 1:i + 3]:
                if 1 <= nxt.words <= 5 and not nxt.sentence and re.match(r"[A-Z]", nxt.s):
                    return nxt.s.strip(" ,.")
            return None
    return None


def review_about(title: str | None, text: str) -> str | None:
    """The title of the reviewed work when the title ("Review: X – by Y", "X, by Y") or the text ("my review of 'X'") names it."""
    if title:
        t = _clean_title(title[:300])
        t = re.split(r"\s+[|•]\s+", t)[0]  # site name after a bar
        for rx in _REVIEW_TITLE:
            m = rx.fullmatch(t)
            if m:
                cand = m.group("t").strip(" .,:;-–—'\"‘’“”*_")
                if cand and cand.lower() not in ("book", "a", "the") and len(cand.split()) <= 15:
                    return cand
    m = _REVIEW_OF.search(text[:20000]) or _I_READ.search(text[:3000])
    if m:
        found = (m.group("q") or m.group("c") or "").strip()
        found = _TRAILING_SMALL.sub("", re.split(r"['’]s\s+", found)[-1])  # "Victor Serge's Memoirs" -> "Memoirs"
        if found and not found.endswith(("'s", "’s")) and len(found.split()) <= 12:
            return found.strip(" .,")
    if title and len(title) <= 300:  # a bare work title as the heading, named again in the review ("The Salt Road ... The Salt Road is")
        t = _clean_title(title)
        if 1 <= len(t.split()) <= 8 and t[:1].isupper() and not re.search(r"[:|!?]", t) \
                and text.count(t) >= 2 and not _REVIEW_WORD.search(t):
            return t
    return None


def describe(text: str, lines: list[Line], stripped: list[Stripped], byline: Byline | None,
             fmt: str, given: dict | None = None) -> dict:
    """Metadata of a document: ``given`` values (non-empty) win, the text fills the rest."""
    given = {k: v for k, v in (given or {}).items() if isinstance(v, str) and v.strip()}
    skip = _stripped_lines(lines, stripped)
    title = given.get("title")
    if title is None:
        title, _ = text_title(lines, skip, fmt)
    body = [ln for ln in lines if ln.index not in skip]
    genre = given.get("genre", "").strip().lower()
    genre = GENRE_SYNONYMS.get(genre, genre)
    if genre not in GENRES:
        genre = genres.classify(title, text, body)
    author = given.get("author") or (byline.author if byline else None)
    if author is None and genre == "letter":
        author = signature(lines, skip)
    published = normalise_iso(given.get("published") or given.get("date")) or (byline.published if byline else None)
    if published is None:
        published = header_date(lines, skip)
    if published is None:
        dl = genres.dateline(body)
        if dl is not None and dl.group("date"):
            found = find_date(dl.group("date"))
            published = found[0] if found else None
    about = given.get("about")
    if about is None and genre == "review":
        about = review_about(title, "\n".join(ln.s for ln in body))
    return {"title": title, "author": author, "published": published, "genre": genre,
            "about": about, "url": given.get("url")}


def dateline_passage(lines: list[Line], stripped: list[Stripped], text: str) -> Stripped | None:
    """The news dateline opening the first prose line ("LISBON, 4 June 1998 (Reuters) -"), as a passage to mark."""
    skip = _stripped_lines(lines, stripped)
    body = [ln for ln in lines if ln.index not in skip]
    first = next((ln for ln in body if ln.body), None)
    m = genres.dateline(body)
    if first is None or m is None:
        return None
    end = first.start + m.end() - 1  # the match ends on the first character of the story
    while end > first.start and text[end - 1].isspace():
        end -= 1
    return Stripped(first.start, end, text[first.start:end], "dateline")


def _stripped_lines(lines: list[Line], stripped: list[Stripped]) -> set[int]:
    spans = sorted((s.start, s.end) for s in stripped)
    out: set[int] = set()
    j = 0
    for ln in lines:
        while j < len(spans) and spans[j][1] < ln.start:
            j += 1
        if not ln.blank and j < len(spans) and spans[j][0] <= ln.start and ln.end <= spans[j][1]:
            out.add(ln.index)
    return out
