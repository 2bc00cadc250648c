"""Title and body text -> a genre (review, essay, article, biography, memoir, letter, news, fiction, other).

Rules, in order: a letter opens "Dear ..." (and usually closes "Yours ...");
news opens with a dateline ("LISBON, 4 June 1998 (Reuters) -"); otherwise cue
counts are scored per genre and the best score above its floor wins (review:
"my review", "this book", "I read", stars; biography: a dated list, "born",
"died", "biography"/"chronology" in the title; memoir: "I was born", "my
father", "I remember"; essay: first person plural and argument; fiction:
dialogue), else "article" for titled prose and "other" for the rest.
"""
from __future__ import annotations

import re

from .lines import Line

_I = re.IGNORECASE
LETTER_OPEN = re.compile(r"(?:my\s+)?(?:dear(?:est)?|to whom it may concern|hello|hi)\b[^.!?\n]{0,60}[,:!]?", _I)
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
_REVIEW_STRONG = re.compile(
    r"\b(?:my review|this review|review of|I (?:have |had |'ve )?(?:just |recently |finally )?(?:read|finished|re-?read)"
    r"|this (?:book|novel|memoir|collection|volume|biography)|must[- ]read|(?:highly |would )?recommend(?:ed)?"
    r"|\d(?:\.\d)? (?:out of|/) ?(?:5|five|10|ten)|(?:one|two|three|four|five|\d) stars?|page[- ]turner|a good read"
    r"|to read it|the reader)\b|★",
    _I,
)
_REVIEW_WEAK = re.compile(r"\b(?:the (?:book|novel|author|narrative|prose)|novels?|trilogy|chapters?|reading)\b", _I)
_BIO_TITLE = re.compile(r"\b(?:biography|biographical|chronology|timeline|the life of|life and (?:work|times)|obituary)\b"
                        r"|\(\s*(?:c\.\s*)?\d{3,4}\s*[–—-]\s*\d{2,4}\s*\)", _I)
_BIO = re.compile(r"\b(?:was born|born (?:in|on|at|into)|died (?:in|on|at)|(?:he|she) died|married|his death|her death"
                  r"|(?:early|later) life|career)\b", _I)
_DATED_ITEM = re.compile(r"^(?:[-*•]\s*|\d+\.\s+)?(?:\*\*|__)?(?:c\.\s*|circa\s+|\d{1,2}\s+\w+\s+)?\d{3,4}s?\b")
_MEMOIR = re.compile(r"\b(?:I was born|my (?:father|mother|parents|childhood|brother|sister|grandmother|grandfather|family)"
                     r"|I remember|when I was|as a (?:child|boy|girl)|I grew up|years later)\b", _I)
_FIRST_SG = re.compile(r"\b(?:I|me|my|mine)\b")
_FIRST_PL = re.compile(r"\b(?:we|our|us|ourselves)\b", _I)
_ARGUE = re.compile(r"\b(?:I think|I believe|I would argue|in my view|arguably|we must|we should|we need|it is (?:worth|clear|time)"
                    r"|surely|perhaps|should be|must be|the point is|the question is|what matters|deserves?|matters?)\b|!", _I)
_DIALOGUE = re.compile(r"[\"“][^\"”\n]{1,200}[,!?][\"”]\s+(?:he|she|they|I|[A-Z][a-z]+)\s+(?:said|asked|replied|cried|whispered|shouted)")
_NEWS = re.compile(r"\b(?:said on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|officials said|a spokes(?:man|woman|person)"
                   r"|(?:reuters|associated press|agence france-presse)|told reporters|according to (?:police|officials))\b", _I)


def is_letter(body: list[Line]) -> bool:
    """Opens "Dear ..." within its first lines (and closes with a valediction, or is short)."""
    head = [ln for ln in body if not ln.blank][:3]
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
    words = max(1, sum(ln.words for ln in body))
    per_k = 1000.0 / max(words, 200)  # short texts: a single cue is not a trend
    title = title or ""
    dated_lines = sum(1 for ln in body if ln.words and _DATED_ITEM.match(ln.s))
    score = {
        "review": 3.0 * bool(_REVIEW_TITLE.search(title)) + len(_REVIEW_STRONG.findall(prose)) * per_k * 1.2
        + len(_REVIEW_WEAK.findall(prose)) * per_k * 0.4,
        "biography": 3.0 * bool(_BIO_TITLE.search(title)) + (3.0 if dated_lines >= 4 else 0.0)
        + min(3.0, len(_BIO.findall(prose)) * per_k * 0.6),
        "memoir": len(_MEMOIR.findall(prose)) * per_k * 1.5 + (1.0 if len(_FIRST_SG.findall(prose)) * per_k > 30 else 0.0),
        "essay": len(_FIRST_PL.findall(prose)) * per_k * 0.15 + len(_ARGUE.findall(prose)) * per_k * 0.25
        + (1.0 if re.match(r"(?:on|why|against|in defen[cs]e of|the case for|notes on)\b", title, _I) else 0.0),
        "fiction": len(_DIALOGUE.findall(prose)) * per_k * 1.0,
        "news": len(_NEWS.findall(prose)) * per_k * 1.5,
    }
    return score, words
