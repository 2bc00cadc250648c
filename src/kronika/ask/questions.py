"""A question in plain English in, a parsed ``Question`` out (rules only, no model).

The parse says what kind of answer is wanted (``wh``: where, when, who, what,
which, how), which entity the question is about (``subject``: the surface name,
resolved against the store later), what relation is asked (``relation``: a key
of ``RELATIONS``), an optional year (``year``), an optional anchor event for
"after"/"before" questions (``anchor``), and the content words left over
(``focus``) that a supporting passage must contain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicons

WH = ("where", "when", "who", "whom", "whose", "what", "which", "how", "why")

STOP = lexicons.words("ask", "stop_words")

# relation key -> trigger words (lower case; matched on a light stem), fact attributes by wh-word,
# event types, relation names, and the answer type when the wh-word does not say ("type", optional).
RELATIONS: dict[str, dict] = lexicons.mapping("ask", "relations")

# a few multi-word cues checked before single triggers
_PHRASES = [
    (r"\bwork(?:ed|s)? (?:with|alongside|for)\b", "work_with"),
    (r"\bcollaborat\w* with\b", "work_with"),
    (r"\bpen name\b|\breal name\b|\bbirth name\b", "pseudonym"),
    (r"\bwhat happened\b", None),
]

WH_TYPE = {"where": "PLACE", "when": "DATE", "who": "PERSON", "whom": "PERSON", "whose": "PERSON"}
_TYPE_WORDS = lexicons.mapping("ask", "answer_type_words")   # "which city": the answer is a PLACE


# kin words that must be matched as asked (a son is not a daughter); wife/husband also match "married"
KIN_WORDS = {k: frozenset(v) for k, v in lexicons.mapping("ask", "kin_words").items()}


_IRREGULAR = lexicons.mapping("ask", "irregular_verbs")   # "went" -> "go", for the light stemmer


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    """A light suffix stripper used on both sides of every comparison (question and passage)."""
    w = w.lower().replace("’", "'")
    w = _IRREGULAR.get(w, w)
    if w.endswith("'s"):
        w = w[:-2]
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "edly", "ed", "es", "s"):
        if len(w) - len(suf) >= 3 and w.endswith(suf):
            w = w[: -len(suf)]
            if suf in ("ies", "ied"):
                w += "y"
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] != "s":
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


TRIGGER_STEMS = {k: {stem(t) for t in v["triggers"]} for k, v in RELATIONS.items()}
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass
class Question:
    text: str
    wh: str = "what"
    subject: str | None = None            # surface name of the subject, as written
    others: list[str] = field(default_factory=list)   # other names in the question (objects, anchors)
    relation: str | None = None
    answer_type: str | None = None        # PLACE, DATE, PERSON, ORG, WORK, or None (a clause)
    year: int | None = None
    anchor: str | None = None             # "after X" / "before X": the words of X
    direction: str | None = None          # "after" or "before"
    focus: list[str] = field(default_factory=list)    # content words (not names, not triggers)
    how_many: bool = False
    trigger: str | None = None            # the relation word as asked ("daughter", "wife")
    prep: str | None = None               # a final preposition ("jailed for?", "work with?")


def _names(q: str) -> list[str]:
    """Capitalised word sequences (with 'of', 'de', 'von' inside), the question word skipped."""
    out = []
    toks = list(re.finditer(r"[^\W\d_][\w.\-]*(?:['’][^\W\d_]+)?", q))
    cur: list[re.Match] = []

    def flush():
        while cur and cur[-1].group().lower() in ("of", "de", "von", "van", "la", "le", "del", "da", "a", "an", "the"):
            cur.pop()
        if cur:
            name = q[cur[0].start():cur[-1].end()]
            name = re.sub(r"['’]s$", "", name)
            out.append(name)
        cur.clear()

    for i, t in enumerate(toks):
        w = t.group()
        cap = w[0].isupper()
        if i == 0 and w.lower() in WH + ("did", "was", "were", "is", "does", "in", "on", "after", "before", "name",
                                         "tell", "list", "give"):
            cap = False
        if cap:
            if cur and q[cur[-1].end():t.start()].strip() not in ("",):
                flush()
            cur.append(t)
        elif cur and (w.lower() in ("of", "de", "von", "van", "la", "le", "del", "da") or
                      (w.lower() in ("a", "an", "the") and cur[-1].group().lower() in ("of", "in", "for"))) and \
                q[cur[-1].end():t.start()] == " ":
            cur.append(t)
        else:
            flush()
    flush()
    return [n for n in out if n.lower() not in WH and n.lower() not in STOP]


def parse(text: str) -> Question:
    """The parts of a question: what is asked (wh, answer type), about whom, which relation, year, anchor, focus."""
    q = Question(text=text)
    t = " ".join(text.strip().split())
    low = t.lower()
    words = [w.lower() for w in WORD.findall(t)]
    for w in words:
        if w in WH:
            q.wh = {"whom": "who", "whose": "who"}.get(w, w)
            break
    m = re.search(r"\b(1[0-9]{3}|20[0-9]{2})s?\b", t)
    if m:
        q.year = int(m.group(1))
    m = re.search(r"\b(after|before|following)\b\s+(.+?)[?.!]*$", t, flags=re.I)
    if m:
        q.direction = "before" if m.group(1).lower() == "before" else "after"
        q.anchor = m.group(2)
    mp = re.search(r"\b(for|with|to|by|from|in|at|of|against)\s*[?.!]*$", t, flags=re.I)
    if mp:
        q.prep = mp.group(1).lower()
    q.how_many = bool(re.search(r"\bhow (many|much|long)\b", low))

    names = _names(t)
    if q.anchor:
        anchor_low = q.anchor.lower()
        subj = [n for n in names if n.lower() not in anchor_low]
        q.subject = subj[0] if subj else (names[0] if names else None)
    elif names:
        q.subject = names[0]
    q.others = [n for n in names if n != q.subject]
    _relation(q, t, low, names)
    q.answer_type = _answer_type(q, low)
    q.focus = _focus(q, words, names, low)
    return q


_WHICH = re.compile(r"\s*(?:(?:in|at|from|to|for|with|by|of)\s+)?(?:what|which)\s+(\w+)")   # "in which city"


def _relation(q: Question, t: str, low: str, names: list[str]) -> None:
    """The asked relation (phrases first, then the first trigger word outside the anchor), the trigger word as
    asked, and a preposition right after it ("flee to in 1940?")."""
    main = t[: m.start()] if (m := re.search(r"\b(after|before|following)\b", t, flags=re.I)) and q.anchor else t
    main_low = main.lower()
    for pat, rel in _PHRASES:
        if re.search(pat, main_low):
            q.relation = rel
            break
    mt0 = _WHICH.match(low)
    asked_kind = mt0.group(1) if mt0 and mt0.group(1) in _TYPE_WORDS else None
    if q.relation is None:
        name_words = {w.lower() for n in names for w in WORD.findall(n)}
        for w in WORD.findall(main_low):
            if w in name_words or w == asked_kind:
                continue          # "which movement": the kind of answer, not a relation ("move")
            s = stem(w)
            hit = [k for k, st in TRIGGER_STEMS.items() if s in st and k != "work_with"]
            if hit:
                q.relation = hit[0]
                q.trigger = w
                break
    if q.trigger and not q.prep:
        mp2 = re.search(rf"\b{re.escape(q.trigger)}\s+(to|for|with|from|by|into|under|against)"
                        rf"\s*(?:$|[?.!]|in \d{{4}}|in the \d{{4}}s|after\b|before\b|during\b)", low)
        if mp2:
            q.prep = mp2.group(1)     # "flee to in 1940?"


def _answer_type(q: Question, low: str) -> str | None:
    """PLACE, DATE, PERSON, ORG, WORK, NUMBER, or None (the answer is a clause)."""
    answer_type = WH_TYPE.get(q.wh)
    if q.wh in ("what", "which"):
        m2 = _WHICH.match(low)
        if m2 and m2.group(1) in _TYPE_WORDS:
            answer_type = _TYPE_WORDS[m2.group(1)]
        elif m2 and m2.group(1) == "year":
            answer_type = "DATE"
        elif q.relation and RELATIONS[q.relation].get("type") and not q.year and not q.anchor:
            answer_type = RELATIONS[q.relation]["type"]
    if q.wh == "who" and q.relation == "member":
        answer_type = "PERSON"
    if q.wh == "how":
        answer_type = "NUMBER" if q.how_many else None
    if q.wh == "in" or re.match(r"\s*in what year\b", low):
        answer_type = "DATE"
    if q.wh == "what" and q.year and not q.relation:
        answer_type = None
    return answer_type


def _focus(q: Question, words: list[str], names: list[str], low: str) -> list[str]:
    """Content words that are neither names, triggers, nor question words."""
    name_words = {w.lower() for n in names for w in WORD.findall(n)}
    trig = TRIGGER_STEMS.get(q.relation, set())
    mt = _WHICH.match(low)
    type_word = mt.group(1) if mt else None
    anchor_words = {w.lower() for w in WORD.findall(q.anchor or "")}
    focus = []
    for w in words:
        w = re.sub(r"['’]s$", "", w)
        if w in STOP or w in name_words or w in WH or w.isdigit() or w in anchor_words:
            continue
        if re.fullmatch(r"1[0-9]{3}s?|20[0-9]{2}s?", w):
            continue
        if stem(w) in trig or w == type_word or w in ("happen", "happened", "happens", "do", "doing", "get"):
            continue
        focus.append(w)
    return focus
