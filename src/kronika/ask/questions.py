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

WH = ("where", "when", "who", "whom", "whose", "what", "which", "how", "why")

STOP = set("""a an the of in on at to and or is was were are be been being did does do done who whom whose what when
where which why how s about with for by from as his her their its he she it they them him this that these those
there here into onto upon ever year years after before during following then later did's name named
tell me please any some has have had will would could should can may might not no yes also just very much many
one ones""".split())

# relation key -> trigger words (lower case; matched on a light stem), answer types by wh-word,
# fact attributes, event types, relation names, and the answer type when the wh-word does not say.
RELATIONS: dict[str, dict] = {
    "birth": {"triggers": "born birth birthplace native".split(),
              "facts": {"where": ["birth_place"], "when": ["birth_date"], "what": ["birth_name"]},
              "events": ["birth"], "relations": []},
    "death": {"triggers": "die died dies death dead killed kill assassinated assassination murdered murder "
                          "perished executed shot".split(),
              "facts": {"where": ["death_place"], "when": ["death_date"]},
              "events": ["death"], "relations": ["killed", "murdered"]},
    "exile": {"triggers": "exile exiled deported deportation deport banished banishment".split(),
              "facts": {}, "events": ["exile"], "relations": []},
    "imprisonment": {"triggers": "jailed jail imprisoned imprisonment prison prisons incarcerated incarceration "
                                 "sentenced captivity interned internment penitentiary".split(),
                     "facts": {}, "events": ["imprisonment"], "relations": []},
    "arrest": {"triggers": "arrested arrest detained".split(), "facts": {}, "events": ["imprisonment"],
               "relations": []},
    "release": {"triggers": "release released freed freedom".split(),
                "facts": {}, "events": ["release"], "relations": []},
    "flight": {"triggers": "fled flee flight escaped escape".split(), "facts": {}, "events": ["flight"],
               "relations": []},
    "expulsion": {"triggers": "expelled expulsion expel".split(), "facts": {}, "events": ["expulsion"],
                  "relations": []},
    "work_with": {"triggers": "work worked works working collaborated collaborate collaborator colleague".split(),
                  "facts": {}, "events": ["collaboration"], "relations": ["worked_with", "collaborated_with"],
                  "type": "PERSON"},
    "employment": {"triggers": "work worked works working employed employ employment job".split(),
                   "facts": {"where": ["employer"], "who": ["employer"], "which": ["employer"]},
                   "events": ["role"], "relations": ["employer"]},
    "meet": {"triggers": "meet met meets meeting".split(), "facts": {}, "events": ["meeting"],
             "relations": ["met"], "type": "PERSON"},
    "write": {"triggers": "write wrote writes written writing author authored novel novels pamphlet pamphlets "
                          "publish published".split(),
              "facts": {"what": ["notable_work"], "which": ["notable_work"]},
              "events": ["authorship", "publication"], "relations": ["wrote", "author_of"], "type": "WORK"},
    "spouse": {"triggers": "wife husband married marry marriage spouse".split(),
               "facts": {"who": ["spouse"], "whom": ["spouse"]}, "events": ["marriage"],
               "relations": ["spouse_of", "married"], "type": "PERSON"},
    "widow": {"triggers": "widow widower".split(), "facts": {"who": ["spouse"]}, "events": [],
              "relations": ["widow_of"], "type": "PERSON"},
    "member": {"triggers": "member join joined joins belong belonged membership".split(),
               "facts": {"which": ["member_of"], "what": ["member_of"], "who": ["member_of"]},
               "events": ["membership"], "relations": ["member_of"], "type": "ORG"},
    "live": {"triggers": "live lived lives resided reside residence settled".split(),
             "facts": {"where": ["residence"]}, "events": ["residence"], "relations": []},
    "education": {"triggers": "study studied educated education".split(),
                  "facts": {"where": ["educated_at"]}, "events": ["education"], "relations": []},
    "travel": {"triggers": "go went travel traveled travelled traveling travelling visit visited move moved "
                           "reach reached arrive arrived sailed".split(),
               "facts": {}, "events": ["travel"], "relations": []},
    "parent": {"triggers": "father mother parent parents".split(), "facts": {"who": ["parent"]},
               "events": [], "relations": ["parent_of"], "type": "PERSON"},
    "child": {"triggers": "son daughter child children".split(), "facts": {"who": ["child"]},
              "events": [], "relations": ["child_of"], "type": "PERSON"},
    "sibling": {"triggers": "sister brother sibling siblings".split(), "facts": {"who": ["sibling"]},
                "events": [], "relations": ["sibling_of"], "type": "PERSON"},
    "found": {"triggers": "found founded founding established establish cofounded co-founded".split(),
              "facts": {}, "events": [], "relations": ["founded"], "type": "ORG"},
    "occupation": {"triggers": "occupation profession job".split(), "facts": {"what": ["occupation"]},
                   "events": [], "relations": []},
    "nationality": {"triggers": "nationality citizen citizenship".split(),
                    "facts": {"what": ["nationality"]}, "events": [], "relations": []},
    "pseudonym": {"triggers": "pseudonym pen real".split(),
                  "facts": {"what": ["birth_name", "pseudonym"]}, "events": [], "relations": []},
}

# a few multi-word cues checked before single triggers
_PHRASES = [
    (r"\bwork(?:ed|s)? (?:with|alongside|for)\b", "work_with"),
    (r"\bcollaborat\w* with\b", "work_with"),
    (r"\bpen name\b|\breal name\b|\bbirth name\b", "pseudonym"),
    (r"\bwhat happened\b", None),
]

WH_TYPE = {"where": "PLACE", "when": "DATE", "who": "PERSON", "whom": "PERSON", "whose": "PERSON"}
_TYPE_WORDS = {
    "organisation": "ORG", "organization": "ORG", "party": "ORG", "group": "ORG", "movement": "ORG", "gang": "ORG",
    "city": "PLACE", "country": "PLACE", "town": "PLACE", "place": "PLACE", "camp": "PLACE",
    "year": "DATE", "date": "DATE", "decade": "DATE",
    "book": "WORK", "novel": "WORK", "books": "WORK", "novels": "WORK", "work": "WORK", "works": "WORK",
    "memoir": "WORK", "journal": "WORK", "newspaper": "WORK", "magazine": "WORK", "paper": "WORK",
    "autobiography": "WORK", "essay": "WORK", "pamphlet": "WORK", "play": "WORK", "poem": "WORK",
    "organisation": "ORG", "union": "ORG", "prison": "PLACE", "village": "PLACE", "person": "PERSON", "people": "PERSON", "man": "PERSON", "woman": "PERSON",
}


# kin words that must be matched as asked (a son is not a daughter); wife/husband also match "married"
KIN_WORDS = {"wife": {"wife", "wive", "married", "marry", "marriage", "spouse"},
             "husband": {"husband", "married", "marry", "marriage", "spouse"},
             "daughter": {"daughter"}, "son": {"son"}, "sister": {"sister"}, "brother": {"brother"},
             "mother": {"mother"}, "father": {"father"},
             "parents": {"parent", "parents", "father", "mother"}, "parent": {"parent", "parents", "father", "mother"},
             "children": {"child", "children", "son", "sons", "daughter", "daughters"},
             "child": {"child", "children", "son", "sons", "daughter", "daughters"}}


_IRREGULAR = {"left": "leave", "went": "go", "gone": "go", "met": "meet", "fled": "flee", "wrote": "write",
              "written": "write", "became": "become", "began": "begin", "begun": "begin", "took": "take",
              "taken": "take", "sent": "send", "held": "hold", "gave": "give", "given": "give", "brought": "bring",
              "fought": "fight", "led": "lead", "won": "win", "made": "make", "spent": "spend", "taught": "teach",
              "chose": "choose", "chosen": "choose", "fell": "fall", "ran": "run", "saw": "see", "seen": "see",
              "sold": "sell", "told": "tell", "stood": "stand", "knew": "know", "known": "know", "rose": "rise",
              "arose": "arise", "drove": "drive", "bore": "bear", "hid": "hide", "shot": "shoot", "struck": "strike",
              "sought": "seek", "built": "build", "dealt": "deal", "lost": "lose", "paid": "pay", "said": "say",
              "sat": "sit", "slept": "sleep", "spoke": "speak", "spoken": "speak", "swore": "swear", "threw": "throw",
              "underwent": "undergo", "withdrew": "withdraw", "wed": "marry", "enrol": "enroll"}


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

    # the relation: phrases first, then the first trigger word outside the anchor
    main = t[: m.start()] if (m := re.search(r"\b(after|before|following)\b", t, flags=re.I)) and q.anchor else t
    main_low = main.lower()
    for pat, rel in _PHRASES:
        if re.search(pat, main_low):
            q.relation = rel
            break
    mt0 = re.match(r"\s*(?:(?:in|at|from|to|for|with|by|of)\s+)?(?:what|which)\s+(\w+)", low)
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

    # the answer type
    q.answer_type = WH_TYPE.get(q.wh)
    if q.wh in ("what", "which"):
        m2 = re.match(r"\s*(?:(?:in|at|from|to|for|with|by|of)\s+)?(?:what|which)\s+(\w+)", low)
        if m2 and m2.group(1) in _TYPE_WORDS:
            q.answer_type = _TYPE_WORDS[m2.group(1)]
        elif m2 and m2.group(1) == "year":
            q.answer_type = "DATE"
        elif q.relation and RELATIONS[q.relation].get("type") and not q.year and not q.anchor:
            q.answer_type = RELATIONS[q.relation]["type"]
    if q.wh == "who" and q.relation == "member":
        q.answer_type = "PERSON"
    if q.wh == "how":
        q.answer_type = "NUMBER" if q.how_many else None
    if q.wh == "in" or re.match(r"\s*in what year\b", low):
        q.answer_type = "DATE"
    if q.wh == "what" and q.year and not q.relation:
        q.answer_type = None

    # focus: content words that are neither names, triggers, nor question words
    name_words = {w.lower() for n in names for w in WORD.findall(n)}
    trig = TRIGGER_STEMS.get(q.relation, set())
    mt = re.match(r"\s*(?:(?:in|at|from|to|for|with|by|of)\s+)?(?:what|which)\s+(\w+)", low)
    type_word = mt.group(1) if mt else None
    anchor_words = {w.lower() for w in WORD.findall(q.anchor or "")}
    for w in words:
        w = re.sub(r"['’]s$", "", w)
        if w in STOP or w in name_words or w in WH or w.isdigit() or w in anchor_words:
            continue
        if re.fullmatch(r"1[0-9]{3}s?|20[0-9]{2}s?", w):
            continue
        if stem(w) in trig or w == type_word or w in ("happen", "happened", "happens", "do", "doing", "get"):
            continue
        q.focus.append(w)
    return q
