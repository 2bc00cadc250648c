"""Title and body text -> a genre (review, essay, article, biography, memoir, letter, news, fiction, other).

Rules, in order: a letter opens "Dear ..." (and usually closes "Yours ...");
news opens with a dateline ("LISBON, 4 June 1998 (Reuters) -"); otherwise cue
counts are scored per genre and the best score above its floor wins (review:
"my review", "this book", "I read", stars; biography: a dated list, "born",
"died", "biography"/"chronology" in the title; memoir: "I was born", "my
father", "I remember", dated diary entries; essay: first person plural and
argument; fiction: dialogue; news: reporting verbs, agencies), else "article"
for titled prose and "other" for the rest.
"""
from __future__ import annotations

import re
from collections import Counter

from .. import lexicons
from .dates import find_date
from .lines import Line

_I = re.IGNORECASE
LETTER_OPEN = re.compile(r"(?:(?:my\s+)?(?:dear(?:est)?|to whom it may concern|hello|hi)\b[^.!?\n]{0,60}"
                         r"|(?:sir|sirs|madam|gentlemen|dear sir or madam)\s*(?:[,:!]|[,.]?\s*[—–-]+)"
                         r"|to the editor(?: of [^.!?\n]{1,60})?)[,:!.]?", _I)
LETTER_CLOSE = re.compile(
    r"(?:yours(?:\s+(?:truly|sincerely|faithfully|ever|affectionately|fraternally|always))?|(?:very\s+)?sincerely(?:\s+yours)?"
    r"|(?:with\s+)?(?:best|kind|warm|warmest|kindest)(?:\s+(?:wishes|regards))|best|regards|love|with love|affectionately"
    r"|cordially|fraternally|your\s+(?:friend|colleague|servant)[^,]{0,30}|ever yours|as ever|cheers|all best)[,.!]?",
    _I,
)
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"\s*(?:,\s*(?P<date>[^()—–\n]{3,40}?))?\s*(?:\((?:Reuters|AP|AFP|UPI|dpa|[A-Z]{2,6})\)\s*)?[—–-]{1,2}\s+\S"
)
_REVIEW_TITLE = re.compile(r"\breview(?:ed|s)?\b", _I)
_BIO_TITLE = re.compile(r"\b(?:biography|biographical|chronology|timeline|the life of|life and (?:work|times)|obituary)\b"
                        r"|\(\s*(?:c\.\s*)?\d{3,4}\s*[–—-]\s*\d{2,4}\s*\)", _I)
# "Name (born ...; 30 December 1890 – 17 November 1947) was a ...": the opening of a reference biography.
_BIO_LEAD = re.compile(r"[^.\n(]{1,200}\((?P<life>[^()\n]{4,200})\)\s+(?:was|is)\b")
_LIFE_SPAN = re.compile(r"\b\d{3,4}\b[^–—-]*[–—-][^–—-]*\b\d{3,4}\s*$")
_DATED_ITEM = re.compile(r"^(?:[-*•]\s*|\d+\.\s+)?(?:\*\*|__)?(?:c\.\s*|circa\s+|\d{1,2}\s+\w+\s+)?\d{3,4}s?\b")
_DIALOGUE = re.compile(r"[\"“][^\"”\n]{1,200}[,!?][\"”]\s+(?:he|she|they|I|[A-Z][a-z]+)\s+(?:said|asked|replied|cried|whispered|shouted)")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_RATING = re.compile(r"★|\b\d(?:\.\d)? ?/ ?(?:5|10)\b")

#: Cue phrases per signal (data/ingest.json), matched on lower-case word tokens in one pass (no per-cue regex scans).
CUES = {sig: tuple(phrases) for sig, phrases in lexicons.mapping("ingest", "genre_cues").items()}
_SINGLE = {sig: tuple(p for p in ph if " " not in p) for sig, ph in CUES.items()}
_MULTI = {sig: tuple(f" {p} " for p in ph if " " in p) for sig, ph in CUES.items()}


def count_cues(text: str) -> tuple[dict[str, int], int]:
    """Occurrences of each signal's cue phrases in ``text`` (case-insensitive, whole words), and its word count."""
    tokens = _TOKEN.findall(text.lower())
    freq = Counter(tokens)
    joined = " " + " ".join(tokens) + " "
    counts = {sig: sum(freq[w] for w in _SINGLE[sig]) + sum(joined.count(p) for p in _MULTI[sig]) for sig in CUES}
    return counts, len(tokens)


def _is_date_only(s: str) -> bool:
    found = find_date(s)
    return found is not None and found[2] - found[1] >= len(s.rstrip(" .:")) * 0.8


def is_letter(body: list[Line]) -> bool:
    """Opens "Dear ..." within its first lines (and closes with a valediction, or is short)."""
    head = [ln for ln in body if not ln.blank][:4]
    if not any(LETTER_OPEN.fullmatch(ln.s) or (ln.s.lower().startswith(("dear ", "my dear ")) and ln.words <= 40)
               for ln in head):
        return False
    tail = [ln for ln in body if not ln.blank][-4:]
    return any(closing(ln.s) for ln in tail) or len(body) < 12


def closing(s: str) -> bool:
    return bool(LETTER_CLOSE.fullmatch(s.strip()))


def dateline(body: list[Line]) -> re.Match | None:
    """The news dateline opening the first prose line ("LISBON, 4 June 1998 (Reuters) - ..."), if any."""
    for ln in body:
        if ln.blank:
            continue
        if ln.body:
            return DATELINE.match(ln.s)
    return None


def classify(title: str | None, text: str, body: list[Line]) -> str:
    """The genre of a document from its title and its non-boilerplate lines."""
    if is_letter(body):
        return "letter"
    if dateline(body) is not None:
        return "news"
    score, words = scores(title, body)
    floors = {"review": 2.0, "biography": 2.5, "memoir": 2.0, "essay": 1.0, "fiction": 2.5, "news": 2.0}
    best = max(score, key=lambda g: score[g] - floors[g])
    if score[best] >= floors[best]:
        return best
    return "article" if title and words >= 80 else "other"


def scores(title: str | None, body: list[Line]) -> tuple[dict[str, float], int]:
    """Cue scores per genre (cues per thousand words, weighted) and the word count."""
    prose = "\n".join(ln.s for ln in body if not ln.blank)[:200_000]
    cues, words = count_cues(prose)
    words = max(1, words)
    per_k = 1000.0 / max(words, 200)  # short texts: a single cue is not a trend
    title = title or ""
    dated_lines = sum(1 for ln in body if ln.words and _DATED_ITEM.match(ln.s))
    entry_heads = sum(1 for ln in body if 2 <= ln.words <= 6 and _is_date_only(ln.s))  # a diary's dated entries
    first_prose = next((ln.s for ln in body if ln.body), "")
    lead = _BIO_LEAD.match(first_prose[:400])
    score = {
        "review": 3.0 * bool(_REVIEW_TITLE.search(title))
        + (cues["review_strong"] + len(_RATING.findall(prose))) * per_k * 1.2 + cues["review_weak"] * per_k * 0.4,
        "biography": 3.0 * bool(_BIO_TITLE.search(title)) + (3.0 if dated_lines >= 4 else 0.0)
        + (3.0 if lead and _LIFE_SPAN.search(lead.group("life")) else 0.0) + min(3.0, cues["bio"] * per_k * 0.6),
        "memoir": cues["memoir"] * per_k * 1.5 + (1.0 if cues["first_sg"] * per_k > 30 else 0.0)
        + (2.5 if entry_heads >= 2 else 0.0),
        "essay": cues["first_pl"] * per_k * 0.15 + (cues["argue"] + prose.count("!")) * per_k * 0.25
        + (1.0 if re.match(r"(?:on|why|against|in defen[cs]e of|the case for|notes on)\b", title, _I) else 0.0),
        "fiction": len(_DIALOGUE.findall(prose)) * per_k * 1.0,
        "news": cues["news"] * per_k * 1.5 + (cues["report"] * per_k * 0.3 if cues["report"] * per_k >= 4 else 0.0),
    }
    if not _REVIEW_TITLE.search(title) and cues["review_strong"] == 0 and not _RATING.search(prose):
        score["review"] = min(score["review"], 1.9)  # talk of novels and chapters alone is not a review
    return score, words
