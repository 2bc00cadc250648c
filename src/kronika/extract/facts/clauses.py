"""FactContext -> facts stated by a verb or noun and its arguments in the dependency parse.

born in / died in (place, date), studied at / graduated from (educated_at), worked for /
professor at (employer), member of / joined / elected as a Whig (member_of), received /
was awarded (award), served in the Royal Navy (military_branch), fought in the Second
World War (conflict), lived in (residence), known as / pen name (pseudonym).
"""
from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.tokens import Token

from ...lexicons import words
from .context import FactContext, add_fact, country_of, lexicon, name_at
from .kin import _persons_in
from .lead import _described_person
from .military import BRANCH, military_facts
from .works import _owner as work_owner, _title_after as title_after, work_facts

EDU = re.compile(r"\b(Universit\w*|College|School|Academy|Institut\w*|Conservato\w*|Polytechnic\w*|Seminary|Lyc[eé]\w*|"
                 r"Gymnasium|Sorbonne|Hochschule|INSEAD|MIT|Harvard|Yale|Oxford|Cambridge|Princeton|Stanford|"
                 r"Columbia|Eton|Juilliard)\b")
AWARD = re.compile(r"\b(Awards?|Prizes?|Medal|Order|Cross|Star|Trophy|Honou?r|Legion|Grammy|Emmy|Oscar|Decoration|"
                   r"Laureate|Prix|Preis|Premio|Fellowship|Knighthood|Hall of Fame)\b")
ORG_MEMBER = re.compile(r"\b(Party|Society|Academy|Association|Union|League|Club|Movement|Front|Order|Brotherhood|"
                        r"Federation|Guild|Alliance|International|Comintern|Band|Group|Orchestra|Ensemble|Circle|"
                        r"Congress|Council|Committee|Legion|Institute|Lodge|Organi[sz]ation)\b")
SOCIETY = re.compile(r"\b(Society|Association|Club|League|Union|Federation|Guild|Alliance|Movement|Brotherhood|"
                     r"Academy of|Lodge|Fraternity|Sorority|Order of)\b")
LEGISLATURE = re.compile(r"\b(Parliament|Congress|Riksdag|Senate|House|Assembly|Bundestag|Duma|Storting|Diet|Knesset|"
                         r"Cortes|Sejm|Reichstag|Legislature|Cabinet|Court|Legislative Council|Commission|Board)\b")
PARTY_HEADS = {"member", "nomination", "candidate", "politician", "senator", "representative", "congressman", "leader",
               "ticket", "primary", "caucus", "nominee", "governor", "mp", "deputy", "mayor", "legislator", "activist",
               "congresswoman", "councillor", "councilor", "president", "minister", "delegate"}
GROUP_NOUNS = {"band", "group", "ensemble", "orchestra", "quartet", "trio", "duo", "choir", "troupe", "collective"}


def is_legislature(name: str) -> bool:
    """'the Riksdag', 'the Legislative Council of Ceylon' (an office, not a membership); not 'African National Congress'."""
    return bool(LEGISLATURE.search(name)) and not re.search(r"\b(Party|National Congress|Movement|Front)\b", name)
PARTY_WORDS = {"Independent", "Democrat", "Republican", "Whig", "Tory", "Federalist", "Conservative", "Liberal", "Labour", "Socialist",
               "Communist", "Bolshevik", "Menshevik", "Democratic", "Populist", "Progressive", "Unionist", "Nationalist"}
JOB_NOUNS = words("facts", "job_nouns")
EDU_VERBS = {"graduate", "attend", "study", "educate", "enrol", "enroll", "matriculate", "train"}
EDU_NOUNS = words("facts", "education_nouns")


def _args(tok: Token, preps: set[str] | None, direct: bool = True) -> list[tuple[str, Token]]:
    """(preposition or '', object token) pairs of a verb or noun, conjuncts included."""
    out = []
    for c in tok.children:
        if direct and c.dep_ in ("dobj", "attr", "oprd"):
            out.append(("", c))
        elif c.dep_ in ("prep", "agent") and (preps is None or c.lower_ in preps):
            for o in c.children:
                if o.dep_ == "pobj":
                    out.append((c.lower_, o))
    more = []
    for p, o in out:
        for cj in o.conjuncts:
            if cj.i > o.i:
                more.append((p, cj))
    return out + more


def _stmt(a: Token, b: tuple[int, int, str, str | None]) -> tuple[int, int]:
    return min(a.idx, b[0]), max(a.idx + len(a.text), b[1])


def _is_date(ctx: FactContext, t: Token) -> bool:
    return ctx.date_at(t.idx, t.idx + len(t.text)) is not None


SETTLEMENTS = {"village", "town", "city", "hamlet", "parish", "county", "province", "region", "district", "suburb",
               "port", "capital", "colony", "township", "municipality", "commune", "island", "state"}


def _place(ctx: FactContext, t: Token, subject: str | None = None):
    """The place a preposition's object names; the first of 'the Bronx, New York, United States';
    'the village of Marton' -> Marton."""
    if t.text in SETTLEMENTS:  # lower case: "Kalasin Province" is a name
        named = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                 if o.dep_ == "pobj" and o.text[:1].isupper()]
        if not named:
            return None
        t = named[0]
    first = next((x for x in t.subtree if x.text[:1].isupper() and x.lower_ != "the" and x.i <= t.i), t)
    if first.i < t.i and all(x.text in (",", "-") or x.text[:1].isupper() or x.lower_ == "the"
                             for x in t.doc[first.i:t.i]):
        t = first
    if not t.text[:1].isupper() or _is_date(ctx, t):
        return None
    e = ctx.ent_of(t)
    if e is not None and (e.type in ("WORK", "NORP") or e.type == "PERSON" and (subject is None or
                                                                            ctx.person_of(t) == subject)):
        return None  # after "born in", a name NER took for a person is a place ("born in Hol")
    return name_at(ctx, t)


def _life_event(ctx: FactContext, t: Token, kind: str) -> None:
    subject = ctx.clause_subject(t)
    if subject is None:
        return
    place_done = date_done = False
    if kind == "birth":
        for prep, o in _args(t, {"to"}, direct=False):  # "born in Windham to A and B"
            for key, v in _persons_in(ctx, o, exclude=subject):
                add_fact(ctx, subject, "parent", v, _stmt(t, v), 0.75)
    for prep, o in _args(t, {"in", "at", "near", "on", "of"}, direct=False):
        d = ctx.date_at(o.idx, o.idx + len(o.text))
        if d is not None and not date_done:
            add_fact(ctx, subject, f"{kind}_date", (d.start, d.end, d.text, None), (t.idx, d.end), 0.85, date=d)
            date_done = True
        elif prep in ("in", "at", "near") and not place_done:
            v = _place(ctx, o, subject)
            if v is not None:
                add_fact(ctx, subject, f"{kind}_place", v, _stmt(t, v), 0.85)
                place_done = True
    if not place_done:
        # "died on February 1, 2012, in Bonita Springs", "died of cancer in Manhattan": a place deeper in the clause
        for x in _clause_tokens(t):
            if x.dep_ == "pobj" and x.head.lower_ in ("in", "at", "near") and x.i > t.i:
                e = ctx.ent_of(x)
                if e is not None and e.type == "PLACE" and x.text[:1].isupper():
                    v = name_at(ctx, x)
                    add_fact(ctx, subject, f"{kind}_place", v, _stmt(t, v), 0.75)
                    break
    if not date_done:
        # "died on February 1, 2012": dates the parser hung elsewhere in the clause
        sub = _clause_tokens(t)  # not a coordinated clause: "was born in 1845 and died on 6 January 1918"
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        ds = [d for d in ctx.dates_between(t.idx, hi) if d.start - (t.idx + len(t.text)) < 40] if lo <= t.idx else []
        if ds:
            d = ds[0]
            add_fact(ctx, subject, f"{kind}_date", (d.start, d.end, d.text, None), (t.idx, d.end), 0.75, date=d)


def _clause_tokens(t: Token) -> list[Token]:
    """The tokens of t's own clause: its subtree without nested clauses."""
    out = []
    stack = [t]
    while stack:
        x = stack.pop()
        out.append(x)
        stack += [c for c in x.children if c.dep_ not in ("relcl", "advcl", "ccomp", "conj", "acl", "xcomp", "parataxis")]
    return sorted(out, key=lambda x: x.i)


def _value(ctx: FactContext, o: Token, rx: re.Pattern | None = None, types=("ORG", "PLACE", "WORK", "EVENT")):
    if not o.text[:1].isupper():
        # "the University of X": the head may be capitalised while a determiner is not
        return None
    e = ctx.ent_of(o)
    if e is not None and e.type == "PERSON" and not (rx and rx.search(e.text)):
        return None
    v = name_at(ctx, o)
    if rx is not None and not rx.search(v[2]):
        return None
    if rx is None and (e is None or e.type not in types):
        return None
    return v


def clause_facts(ctx: FactContext) -> None:
    """Every verb/noun-triggered fact in the document."""
    for t in ctx.sdoc:
        low, lem = t.lower_, t.lemma_.lower()
        if low == "born" or (lem == "bear" and any(c.dep_ == "auxpass" for c in t.children)):
            _life_event(ctx, t, "birth")
        elif lem == "die" and t.pos_ == "VERB":
            _life_event(ctx, t, "death")
        elif lem == "death" and t.pos_ == "NOUN" and any(c.dep_ == "poss" for c in t.children):
            poss = next(c for c in t.children if c.dep_ == "poss")
            if ctx.person_of(poss):
                for prep, o in _args(t, {"in", "at", "on"}, direct=False):
                    d = ctx.date_at(o.idx, o.idx + len(o.text))
                    if d is not None:
                        add_fact(ctx, ctx.person_of(poss), "death_date", (d.start, d.end, d.text, None),
                                 (poss.idx, d.end), 0.7, date=d)
        elif lem in EDU_VERBS and t.pos_ == "VERB":
            _edu(ctx, t, t, {"from", "at", "in"} if lem != "attend" else None)
        elif lem in EDU_NOUNS and t.pos_ in ("NOUN", "PROPN"):
            _edu(ctx, t, t, {"from", "of", "at"}, direct=False)
        elif lem in ("work", "teach", "lecture") and t.pos_ == "VERB":
            _employer(ctx, t, {"for", "at"} if lem == "work" else {"at"})
        elif lem in ("employ", "hire") and t.pos_ == "VERB":
            _employer(ctx, t, {"by"})
        elif lem in JOB_NOUNS and t.pos_ in ("NOUN", "PROPN"):
            _job_noun(ctx, t)
        elif lem == "member" and t.pos_ == "NOUN":
            _member(ctx, t, {"of"}, direct=False)
        elif lem in ("join", "rejoin") and t.pos_ == "VERB":
            _join(ctx, t)
            _team(ctx, t)
        elif lem in TEAM_VERBS and t.pos_ == "VERB" or lem in TEAM_NOUNS and t.pos_ == "NOUN":
            _team(ctx, t)
        elif lem in ("found", "co-found", "cofound") and t.pos_ == "VERB":
            _member(ctx, t, None, direct=True, rx=ORG_MEMBER)
        elif lem in ("elect", "run", "serve", "re-elect", "reelect", "nominate", "stand", "represent"):
            _party_as(ctx, t)
            if lem == "represent":
                _member(ctx, t, None, direct=True, rx=re.compile(r"\bPart(y|ies)\b"), types=("ORG",))
        elif lem in ("receive", "win", "award", "earn", "grant", "honour", "honor", "give", "recipient", "winner",
                     "laureate", "bestow", "confer", "present", "recognize", "recognise", "induct"):
            _award(ctx, t)
        elif lem in RULER_NOUNS and t.pos_ in ("NOUN", "PROPN"):
            _ruler_of(ctx, t)
        elif low == "native" and t.pos_ == "NOUN":
            subject = _noun_subject(ctx, t) if t.dep_ not in ("attr", "appos", "nsubj") else None
            if t.dep_ == "nsubj":  # "A native of Tarija, Alvarez studied ..."
                others = [c for c in t.head.children if c.dep_ in ("nsubj", "appos") and c is not t and ctx.person_of(c)]
                subject = ctx.person_of(others[0]) if others else None
            if t.dep_ in ("attr", "appos"):
                subject = _described_person(ctx, t)
            for prep, o in _args(t, {"of"}, direct=False):  # "a native of Syracuse"
                v = _place(ctx, o, subject)
                if v is not None and subject:
                    add_fact(ctx, subject, "birth_place", v, _stmt(t, v), 0.65)
        elif lem in ("live", "reside", "settle") and t.pos_ == "VERB":
            subject = ctx.clause_subject(t)
            for prep, o in _args(t, {"in", "at"}, direct=False):
                v = _place(ctx, o)
                if v is not None and subject:
                    add_fact(ctx, subject, "residence", v, _stmt(t, v), 0.7)
        elif lem in ("politician", "candidate", "representative", "leader", "activist", "deputy", "mp", "senator"):
            _member(ctx, t, {"for", "of"}, direct=False,
                    rx=re.compile(r"\b(Part(y|ies)|Movement|Front|Alliance|League|National Congress|Union)\b"))
        if t.text in PARTY_WORDS and t.dep_ in ("amod", "compound") and t.head.lemma_.lower() in PARTY_HEADS:
            subject = ctx.clause_subject(t.head) if t.head.dep_ not in ("attr", "appos") else None
            if t.head.dep_ in ("attr", "appos"):
                subject = _described_person(ctx, t.head)
            if subject:
                add_fact(ctx, subject, "member_of", (t.idx, t.idx + len(t.text), t.text, None),
                         (t.idx, t.head.idx + len(t.head.text)), 0.65)
        if lem in GROUP_NOUNS and t.pos_ == "NOUN":
            _group(ctx, t)
        if lem in ("represent", "compete", "play", "race", "swim", "box") and t.pos_ == "VERB":
            _represented(ctx, t)
    pseudonym_facts(ctx)
    military_facts(ctx)
    work_facts(ctx)


RULER_NOUNS = {"citizen", "national", "king", "queen", "president", "marshal", "emperor", "empress", "chancellor",
               "premier", "tsar", "czar", "sultan", "shah", "monarch", "subject"}


def _ruler_of(ctx: FactContext, n: Token) -> None:
    """'a citizen of Yemen', 'King of Romania', 'President of Panama' -> nationality."""
    subject = _described_person(ctx, n) if n.dep_ in ("attr", "appos", "conj") else None
    if subject is None and n.dep_ in ("pobj", "dobj", "oprd", "npadvmod"):
        subject = ctx.clause_subject(n)
    if subject is None:
        return
    for prep, o in _args(n, {"of"}, direct=False):
        country = country_of(o.text) if o.text[:1].isupper() else None
        if country is not None and o.text.lower() not in lexicon()["demonyms"]:
            add_fact(ctx, subject, "nationality", (o.idx, o.idx + len(o.text), country, None),
                     (n.idx, o.idx + len(o.text)), 0.7)


def _edu(ctx, t, anchor, preps, direct=True):
    subject = ctx.clause_subject(t) if t.pos_ == "VERB" else _noun_subject(ctx, t)
    if subject is None:
        return
    if _honorary(t):
        return  # an honorary or posthumous degree is an honour, not an education
    objs = _args(t, preps, direct=direct)
    if t.dep_ == "relcl" and any(c.lower_ == "where" for c in t.children) and t.head.text[:1].isupper():
        objs.append(("at", t.head))  # "went to Yale College, where he graduated in 1868"
    # "did a Ph.D. in business administration at Uppsala University": an institution deeper in the clause;
    # "holds a BFA ... from X, a Bachelor of Arts ... from Y": a degree in a list hangs on the first one
    h = t
    while h.dep_ == "conj" and h.head.pos_ in ("NOUN", "PROPN"):
        h = h.head
    scope = h.head if t.pos_ != "VERB" and h.dep_ in ("dobj", "attr") and h.head.pos_ in ("VERB", "AUX") else t
    objs += [(x.head.lower_, x) for x in _clause_tokens(scope) + (_clause_tokens(t) if scope is not t else [])
             if x.dep_ == "pobj" and x.head.lower_ in ("at", "from") and x.i > t.i and x.i - t.i < 12
             and not _another_degree(t, x)]
    seen = set()
    for prep, o in objs:
        for x in [o] + [c for c in o.children if c.dep_ == "appos"]:
            v = _value(ctx, x, EDU)
            if v is None or v[0] in seen:
                continue
            for k, w in enumerate([v] + list_after(ctx, v[1], EDU)):
                if w[0] in seen:
                    continue
                seen.add(w[0])
                w = _institution(ctx, w)
                add_fact(ctx, subject, "educated_at", w, _stmt(t, w), 0.8 if k == 0 else 0.7)


HONORARY = {"honorary", "honoris", "posthumous", "posthumously", "honour", "honor"}


def _honorary(t: Token) -> bool:
    """'an honorary doctorate', 'was posthumously awarded a degree', 'a degree honoris causa'."""
    near = list(t.children) + [t.head] + list(t.head.children)
    return t.lower_ in HONORARY or any(x.lower_ in HONORARY for x in near)


def _posthumous(t: Token) -> bool:
    """'was posthumously made a member of ...', 'a posthumous member': not something the person did."""
    near = [t, t.head] + list(t.children) + list(t.head.children)
    return any(x.lower_ in ("posthumous", "posthumously") for x in near)


def _another_degree(t: Token, x: Token) -> bool:
    """Between the trigger and the institution stands another degree noun (which is read on its own)."""
    return any(y.lemma_.lower() in EDU_NOUNS and y.pos_ in ("NOUN", "PROPN") for y in t.doc[t.i + 1:x.i]
               if y.dep_ == "conj")


def list_after(ctx: FactContext, end: int, rx: re.Pattern | None) -> list[tuple[int, int, str, str | None]]:
    """Names of the same kind listed after a value that ends at character ``end``:
    'at A in Lakefield, Ontario, B in Montreal, and at C', 'A (1999-2003) and B (2003-2015)'."""
    doc = ctx.sdoc
    j = next((t.i for t in doc[doc.char_span(end - 1, end, alignment_mode="expand").end - 1:] if t.idx >= end), None) \
        if doc.char_span(end - 1, end, alignment_mode="expand") is not None else None
    out: list[tuple[int, int, str, str | None]] = []
    if j is None:
        return out
    sent_end = doc[j].sent.end if j < len(doc) else len(doc)

    def cap(k: int) -> bool:
        return k < sent_end and doc[k].text[:1].isupper() and not _is_date(ctx, doc[k])

    def after(v) -> int:
        span = doc.char_span(v[0], v[1], alignment_mode="expand")
        return span.end if span is not None else sent_end

    while j < sent_end and len(out) < 8:
        while j < sent_end:  # modifiers of the last item: "in Montreal , Quebec", "( 1999 - 2003 )"
            if doc[j].text == "(":
                close = next((k for k in range(j, min(sent_end, j + 12)) if doc[k].text == ")"), None)
                if close is None:
                    return out
                j = close + 1
            elif doc[j].lower_ in ("in", "at") and cap(j + 1) and not (rx or EDU).search(name_at(ctx, doc[j + 1])[2]) \
                    and (rx is not None or getattr(ctx.ent_of(doc[j + 1]), "type", None) == "PLACE"):
                j = after(name_at(ctx, doc[j + 1]))
                while j + 1 < sent_end and doc[j].text == "," and cap(j + 1) \
                        and not (rx or EDU).search(name_at(ctx, doc[j + 1])[2]):
                    j = after(name_at(ctx, doc[j + 1]))
            else:
                break
        sep = False
        if j < sent_end and doc[j].text == ",":
            j, sep = j + 1, True
        if j < sent_end and doc[j].lower_ in ("and", "or"):
            j, sep = j + 1, True
        if not sep:
            break
        while j < sent_end and doc[j].lower_ in ("at", "from", "of", "the", "also"):
            j += 1
        if not cap(j):
            break
        v = name_at(ctx, doc[j])
        e = ctx.ent_of(doc[j])
        if rx is not None:
            if not rx.search(v[2]) or e is not None and e.type == "PERSON" and not rx.search(e.text):
                break
        elif e is not None and e.type in ("PERSON", "PLACE", "NORP") or e is None and (
                doc[j].pos_ != "PROPN" or len(v[2].split()) < 2 and not ORG_MEMBER.search(v[2])):
            break
        out.append(v)
        j = after(v)
    return out


def _institution(ctx: FactContext, v):
    """"London 's St. Martin 's College" -> "St. Martin 's College"; "X School of the Arts ' Film" -> "X School of the Arts"."""
    s, e, text, key = v
    m = re.match(r"^(?:[A-Z][\w.]*\s?)+(?:'s|’s)\s+(?=[A-Z])", text)
    if m and (country_of(text[:m.end()].split("'")[0].split("’")[0].strip()) or
              len(text[:m.end()].split()) <= 2 and EDU.search(text[m.end():])):
        s, text = s + m.end(), text[m.end():]
        key = None
    m = re.search(r"\s+['’]\s+[A-Z].*$", text)
    if m and EDU.search(text[:m.start()]):
        text = text[:m.start()]
    return s, s + len(text), text, key


def _noun_subject(ctx: FactContext, n: Token) -> str | None:
    """Who a noun is about: its possessor, the subject of the clause it is predicated in, or the clause's subject."""
    for c in n.children:
        if c.dep_ == "poss":
            return ctx.person_of(c)
    return ctx.clause_subject(n)


def _employer(ctx, t, preps):
    subject = ctx.clause_subject(t)
    if subject is None:
        return
    for prep, o in _args(t, preps, direct=False):
        v = _value(ctx, o, None, types=("ORG",))
        if v is None and o.text[:1].isupper() and EDU.search(name_at(ctx, o)[2]) and prep == "at":
            v = name_at(ctx, o)
        if v is not None:
            add_fact(ctx, subject, "employer", v, _stmt(t, v), 0.75)


def _job_noun(ctx, n):
    if n.dep_ not in ("attr", "appos", "conj", "pobj", "ROOT", "dobj") and not (n.dep_ == "compound" and n.head.pos_ == "PROPN"):
        return
    if n.dep_ == "dobj" and n.head.lemma_.lower() not in ("take", "accept", "hold", "get", "obtain", "secure", "land"):
        return  # "took a position with X", "held the chair at Y"; not "he criticised the president of X"
    subject = _noun_subject(ctx, n)
    if subject is None:
        return
    stack = [n]
    seen = 0
    while stack and seen < 6:
        cur = stack.pop()
        seen += 1
        for prep, o in _args(cur, {"at", "for", "of", "with", "in"}, direct=False):
            v = _value(ctx, o, None, types=("ORG",))
            if v is None and prep in ("at", "of") and o.text[:1].isupper() and EDU.search(name_at(ctx, o)[2]):
                v = name_at(ctx, o)
            if v is not None:
                m = re.match(r"^(?:[A-Z]\w+\s+){0,2}(?:Director|Professor|Editor|Fellow|Lecturer|Chair)\s+(?:of|at)\s+", v[2])
                if m:  # "Managing Director of Idealab" -> "Idealab"
                    v = (v[0] + m.end(), v[1], v[2][m.end():], None)
            if v is not None and not is_legislature(v[2]) and not re.search(r"\bPart(y|ies)\b", v[2]):
                # "vice president of the X Society", "chairman of Y Club": an office in a body of members
                add_fact(ctx, subject, "member_of" if SOCIETY.search(v[2]) else "employer", v, _stmt(n, v), 0.65)
            elif o.pos_ in ("NOUN", "PROPN") and not o.text[:1].isupper():
                stack.append(o)


def _member(ctx, t, preps, direct, rx=None, types=("ORG",)):
    subject = ctx.clause_subject(t) if t.pos_ == "VERB" else _noun_subject(ctx, t)
    if subject is None or _posthumous(t):
        return
    objs = _args(t, preps, direct=direct)
    objs += [(p, c) for p, o in objs for c in o.children if c.dep_ == "appos"]
    if objs and t.lemma_ == "member":
        # "a member of the X Society, the Y Academy and ...": the parser hangs the list on 'member'
        objs += [("of", c) for c in t.conjuncts if c.pos_ == "PROPN" and c.text[:1].isupper() and c.i > t.i]
    for prep, o in objs:
        named_party = None
        if o.lower_ in ("party", "parties") and any(c.dep_ == "compound" and c.text[:1].isupper() for c in o.children):
            o = next(c for c in o.children if c.dep_ == "compound" and c.text[:1].isupper())  # "the MAPAR party"
            named_party = name_at(ctx, o)
        v = _value(ctx, o, rx, types=types) or named_party
        if v is not None and t.lemma_ in ("join", "rejoin") and EDU.search(v[2]):
            continue  # joining a university is a job, not a membership
        if v is None and rx is None and o.text[:1].isupper() and ORG_MEMBER.search(name_at(ctx, o)[2]):
            v = name_at(ctx, o)
        if v is None and t.lemma_ == "member" and o.pos_ == "PROPN" and o.text[:1].isupper() \
                and getattr(ctx.ent_of(o), "type", None) in (None, "ORG", "WORK") and not _is_date(ctx, o):
            v = name_at(ctx, o)  # "a member of Nightrage": whatever a person is a member of is a body
        if v is not None and not is_legislature(v[2]):
            add_fact(ctx, subject, "member_of", v, _stmt(t, v), 0.75)
            if t.lemma_ == "member":  # "a member of A, the B, and the C"
                for w in list_after(ctx, v[1], None):
                    if not is_legislature(w[2]):
                        add_fact(ctx, subject, "member_of", w, _stmt(t, w), 0.65)


SPORT = {"team", "club", "season", "league", "draft", "sign", "loan", "transfer", "play", "coach", "match"}
#: words that make a sentence about playing in a team ("signed for X", "a season with Y")
SPORT_CUES = SPORT | {"game", "goal", "player", "footballer", "striker", "midfielder", "defender", "forward",
                      "goalkeeper", "winger", "cup", "championship", "playoff", "squad", "debut", "career", "spell"}
TEAM_VERBS = {"play", "sign", "transfer", "loan", "captain", "debut", "rejoin", "move", "return"}
TEAM_NOUNS = {"spell", "spells", "loan", "stint", "season", "seasons", "career", "debut", "contract", "deal"}


def _represented(ctx, t):
    """'represented Brazil at the 1996 Olympics', 'competed for France', 'played for the Argentine national
    team' -> nationality (a country, or a national team named by its country's adjective)."""
    subject = ctx.clause_subject(t)
    if subject is None:
        return
    objs = _args(t, {"for"}, direct=t.lemma_.lower() == "represent")
    objs += [("for", o) for c in t.children if c.dep_ == "dative" and c.lower_ == "for"
             for o in c.children if o.dep_ == "pobj"]  # "competed for Austria": the parser's dative
    for prep, o in objs:
        country = None
        if o.text[:1].isupper() and getattr(ctx.ent_of(o), "type", None) in ("PLACE", None):
            country = country_of(o.text) if o.text.lower() not in lexicon()["demonyms"] else None
        elif o.lower_ in ("team", "side", "squad") and any(c.lower_ == "national" for c in o.children):
            nat = [c for c in o.children if c.dep_ in ("amod", "compound") and country_of(c.text)]
            country = country_of(nat[0].text) if nat else None
            o = nat[0] if nat else o
        if country:
            add_fact(ctx, subject, "nationality", (o.idx, o.idx + len(o.text), country, None), _stmt(t, (o.idx, o.idx + len(o.text), "", None)), 0.6)


def _team(ctx, t):
    """'played for X', 'signed for X', 'joined X', 'loan spells with X and Y', 'began his career with X' in a
    sentence about sport -> member_of the team (a club, a national team, a band is read elsewhere)."""
    lemmas = {x.lemma_.lower() for x in t.sent}
    if not lemmas & SPORT_CUES or len(lemmas & SPORT_CUES) < 2 and t.lemma_.lower() not in ("play", "sign"):
        return
    subject = ctx.clause_subject(t) if t.pos_ == "VERB" else _noun_subject(ctx, t)
    if subject is None:
        return
    lem = t.lemma_.lower()
    preps = {"for", "with"} | ({"to"} if lem in ("transfer", "loan", "move") else set()) \
        | ({"at"} if t.pos_ == "NOUN" else set())
    objs = _args(t, preps, direct=lem in ("join", "rejoin", "captain"))
    for prep, o in objs:
        if o.lower_ in ("team", "club", "side", "squad") and o.dep_ in ("dobj", "pobj"):
            named = [c for c in o.children if c.dep_ in ("appos", "compound") and c.text[:1].isupper()]
            nat = [c for c in o.children if c.dep_ == "amod" and country_of(c.text)]
            if nat and any(c.lower_ == "national" for c in o.children):  # "the Ghanaian national team"
                s0 = o.left_edge.idx if o.left_edge.lower_ not in ("the", "a") else o.left_edge.nbor().idx
                add_fact(ctx, subject, "member_of", (s0, o.idx + len(o.text), ctx.document.text[s0:o.idx + len(o.text)],
                                                     None), _stmt(t, (s0, o.idx + len(o.text), "", None)), 0.6)
                continue
            if not named:
                continue
            o = named[-1]
        if not o.text[:1].isupper() or _is_date(ctx, o):
            continue
        e = ctx.ent_of(o)
        if e is not None and (e.type in ("PERSON", "NORP", "EVENT", "WORK") or e.type == "PLACE" and prep == "to"):
            continue  # "moved to Germany", "played with Pelé"
        v = name_at(ctx, o)
        if re.search(r"\b(League|Liga|Ligue|Serie|Division|Championships?|Cup|Premiership|Conference|Series|Games|Olympics)\b", v[2]):
            continue  # a competition, not a team
        add_fact(ctx, subject, "member_of", v, _stmt(t, v), 0.65)


def _join(ctx, t):
    """'joined the Communist Party' (member_of), 'joined the BBC' (employer), 'joined the Royal Navy' (branch)."""
    subject = ctx.clause_subject(t)
    if subject is None:
        return
    for prep, o in _args(t, None, direct=True):
        if o.lower_ == "party" and any(c.dep_ == "compound" for c in o.children):
            o = next(c for c in o.children if c.dep_ == "compound")
        v = _value(ctx, o, None, types=("ORG",))
        if v is None and o.text[:1].isupper() and ORG_MEMBER.search(name_at(ctx, o)[2]):
            v = name_at(ctx, o)
        if v is None or EDU.search(v[2]) or is_legislature(v[2]):
            continue
        if BRANCH.fullmatch(v[2]):
            add_fact(ctx, subject, "military_branch", v, _stmt(t, v), 0.75)
        elif ORG_MEMBER.search(v[2]) or any(w in v[2] for w in PARTY_WORDS):
            add_fact(ctx, subject, "member_of", v, _stmt(t, v), 0.75)
        elif not {x.lemma_.lower() for x in t.sent} & SPORT:
            add_fact(ctx, subject, "employer", v, _stmt(t, v), 0.6)


def _group(ctx, n):
    """'one of the songwriters of the metal band Amaranthe' -> member_of Amaranthe."""
    owner = work_owner(ctx, n)
    title = title_after(ctx, n.i + 1, after_noun=True)
    if owner and title and title[3] != owner:
        add_fact(ctx, owner, "member_of", title, (n.idx, title[1]), 0.65)


def _party_as(ctx, t):
    """'was elected as a Whig to the Congress' -> member_of Whig."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for o in c.children:
                if o.dep_ == "pobj" and o.text in PARTY_WORDS:
                    subject = ctx.clause_subject(t)
                    if subject:
                        add_fact(ctx, subject, "member_of", (o.idx, o.idx + len(o.text), o.text, None),
                                 (t.idx, o.idx + len(o.text)), 0.7)


def _award(ctx, t):
    subject = ctx.clause_subject(t) if t.pos_ == "VERB" else _noun_subject(ctx, t)
    if subject is None:
        return
    preps = {"with", "of", "for"} if t.pos_ != "VERB" else {"with", "into"}
    for prep, o in _args(t, preps):
        v = _value(ctx, o, AWARD)
        if v is None and o.text[:1].isupper():
            # "the Prix de la ville de Paris": the whole noun phrase, when its head looks like a place
            toks = [x for x in o.doc[o.left_edge.i:o.i + 1] if x.dep_ != "det"]
            if toks and toks[0].text[:1].isupper() and AWARD.search(toks[0].text):
                v = (toks[0].idx, o.idx + len(o.text), ctx.document.text[toks[0].idx:o.idx + len(o.text)], None)
        if v is not None and re.match(r"(Prix|Premio|Preis|Premi|Prémio)\b", v[2]):
            m = re.match(r"[^,;.()]*?(?=\s+(?:by|for|in|from|awarded|given|at|on)\b|\s*[,;.()]|$)", ctx.document.text[v[0]:v[0] + 80])
            if m and len(m.group(0)) > len(v[2]):
                v = (v[0], v[0] + len(m.group(0)), m.group(0), None)
        if v is not None:
            val = re.sub(r"^(?:the|a|an)\s+", "", v[2], flags=re.I)
            add_fact(ctx, subject, "award", (v[1] - len(val), v[1], val, v[3]), _stmt(t, v), 0.8)
            for w in list_after(ctx, v[1], AWARD):  # "inducted into the A Hall of Fame, the B ... and the C ..."
                add_fact(ctx, subject, "award", w, _stmt(t, w), 0.7)


_PSEUDO: dict[int, Matcher] = {}
_OPEN = {"TEXT": {"IN": [",", '"', "“", "'", "‘", "of", ":"]}, "OP": "*"}


def _pseudonym_matcher(vocab) -> Matcher:
    """'(better) known as X', 'under the pen name X', 'the pseudonym X', 'nom de plume X' (one Matcher per vocab)."""
    m = _PSEUDO.get(id(vocab))
    if m is None:
        m = Matcher(vocab)
        m.add("PSEUDONYM", [
            [{"LOWER": "known"}, {"LOWER": "as"}, _OPEN, {"IS_TITLE": True}],
            [{"LOWER": {"IN": ["pen", "stage", "assumed", "adopted", "literary"]}}, {"LOWER": "name"}, _OPEN,
             {"IS_TITLE": True}],
            [{"LOWER": {"IN": ["pseudonym", "pseudonyms", "alias", "sobriquet"]}}, _OPEN, {"IS_TITLE": True}],
            [{"LOWER": "nom"}, {"LOWER": "de"}, {"LOWER": {"IN": ["plume", "guerre"]}}, _OPEN, {"IS_TITLE": True}],
        ], greedy="LONGEST")
        _PSEUDO[id(vocab)] = m
    return m


def pseudonym_facts(ctx: FactContext) -> None:
    doc = ctx.sdoc
    for _, s, e in _pseudonym_matcher(doc.vocab)(doc):
        o = doc[e - 1]
        if _is_date(ctx, o) or o.pos_ == "PRON":
            continue
        subject = _parenthesis_owner(ctx, doc[s]) or ctx.clause_subject(doc[s])
        v = name_at(ctx, o)
        if v[0] < o.idx:
            v = (o.idx, v[1], ctx.document.text[o.idx:v[1]], v[3])
        if subject and v[3] != subject and len(v[2]) < 60:
            add_fact(ctx, subject, "pseudonym", (v[0], v[1], v[2], None), (doc[s].idx, v[1]), 0.7)


def _parenthesis_owner(ctx: FactContext, t: Token) -> str | None:
    """'married the singer Carolina Codina (1897–1989, stage name Lina Llubera)': inside a parenthesis that
    follows a name, the note is about that name's bearer."""
    doc = t.doc
    for k in range(t.i - 1, max(t.sent.start, t.i - 15) - 1, -1):
        if doc[k].text == ")":
            return None
        if doc[k].text == "(":
            if k == 0 or doc[k - 1].pos_ != "PROPN":
                return None
            prev = doc[k - 1]
            return ctx.person_of(prev) or (name_at(ctx, prev)[2] if ctx.ent_of(prev) is None
                                           or ctx.ent_of(prev).type == "PERSON" else None)
    return None
