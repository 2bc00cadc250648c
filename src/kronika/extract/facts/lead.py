"""FactContext -> facts from a name's parenthesis and its descriptions: life dates and places, nationality, occupation.

"X (born 13 March 1963 in Mediaș) is a German skeleton racer", "X (c. 1820 – 1881)",
"X (San Fernando, Chile, August 29, 1869 – Santiago, July 23, 1925)",
"Victor Serge, a Belgian born Russian", "a British-born actress".
"""
from __future__ import annotations

import re

from spacy.matcher import Matcher
from spacy.tokens import Token

from .context import FactContext, add_fact, country_of, lexicon, name_at

DASHES = {"–", "—", "−", "-", "--", "to"}
COPULAS = {"be", "become", "remain"}
NOT_PLACES = {"Urdu", "Arabic", "Russian", "Hebrew", "Greek", "Persian", "Chinese", "Japanese", "Hindi", "Bengali",
              "Korean", "Latin", "German", "French", "Spanish", "Italian", "Portuguese", "Turkish", "Ukrainian",
              "Polish", "Serbian", "Romanian", "Swedish", "Dutch", "Armenian", "Georgian", "Thai", "Vietnamese"}
_MONTH_RX = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December|"
                       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$", re.I)


def _paren_end(doc, i: int) -> int | None:
    depth = 0
    for j in range(i, min(len(doc), i + 80)):
        if doc[j].text.startswith("("):
            depth += 1
        elif ")" in doc[j].text:  # ")[1" and "1953)[1" are one token each
            depth -= 1
            if depth == 0:
                return j
    return None


def _place_in(ctx: FactContext, toks: list[Token], allow_bare: bool) -> tuple[int, int, str, str | None] | None:
    """The first place named in a segment: after in/at/near, or (allow_bare) a capitalised run."""
    for k, t in enumerate(toks):
        prev = toks[k - 1].lower_ if k else ""
        if not t.text[:1].isupper() or _MONTH_RX.match(t.text) or t.text in NOT_PLACES:
            continue
        if ctx.date_at(t.idx, t.idx + len(t.text)):
            continue
        ent = ctx.ent_of(t)
        once = ent is not None and ent.type == "PERSON" and prev == "," and ctx.persons.get(ent.key) != ctx.main \
            and sum(1 for x in ctx.ents if x.key == ent.key) == 1  # "( 1934 , Uerdingen – ...": NER saw a name
        if prev in ("in", "at", "near") or (allow_bare and (ent is None or ent.type in ("PLACE", "ORG") or once)) \
                or (ent is not None and ent.type == "PLACE"):
            if ent is not None and ent.type == "PERSON" and prev not in ("in", "at", "near") \
                    and not (prev == "," and sum(1 for x in ctx.ents if x.key == ent.key) == 1):
                return None  # ", Mölln )" after a date is a place whatever NER thought
            s, e, text, key = name_at(ctx, t)
            # stop at the first comma: "Mediaș, Transylvania" -> "Mediaș"; never reach back into a date
            seg_end = toks[-1].idx + len(toks[-1].text)
            e = min(e, seg_end)
            s = max(s, t.idx)
            text = ctx.document.text[s:e]
            return s, e, text, key
        if prev not in ("in", "at", "near"):
            return None  # a capitalised word that is not a place (a name, a language)
    return None


def parenthesis_facts(ctx: FactContext) -> None:
    """Life dates and places in the parenthesis right after a person's name."""
    doc = ctx.sdoc
    done = set()
    for tok in doc:
        if not tok.text.startswith("(") or tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        # the parenthesis right after the opening name is the main person's, whatever a mention key says
        subject = ctx.main if ctx.lead_end is not None and tok.i == ctx.lead_end else ctx.person_of(prev)
        if subject is None and tok.i < 40 and ctx.main and prev.sent.start == 0 and \
                (prev.pos_ == "PROPN" or prev.text in (",", '"')):
            subject = ctx.main
        if subject is None or (subject, "lead") in done:
            continue
        end = _paren_end(doc, tok.i)
        if end is None:
            continue
        inner = list(doc[tok.i + 1:end]) + ([] if doc[end].text.startswith(")") else [doc[end]])
        close = doc[end].idx + doc[end].text.index(")")
        if len(inner) and inner[0].lower_ in ("née", "nee") and not ctx.dates_between(tok.idx, close):
            _birth_name(ctx, subject, inner[0], list(inner[1:]), single=True)  # "Jane Hale (née Dorn)"
            continue
        if not ctx.dates_between(tok.idx, close) or any(t.lower_ in ("fl", "fl.", "floruit", "r.", "reigned") for t in inner):
            continue
        done.add((subject, "lead"))
        _read_parenthesis(ctx, subject, list(inner), tok.idx, lead=ctx.lead_end is not None and tok.i == ctx.lead_end)


def _read_parenthesis(ctx: FactContext, subject: str, toks: list[Token], open_idx: int, lead: bool = False) -> None:
    born = next((k for k, t in enumerate(toks) if t.lower_ in ("born", "b.", "née", "nee")), None)
    died = next((k for k, t in enumerate(toks) if t.lower_ in ("died", "d.", "dead")), None)
    dash = None
    first_date = next((k for k, t in enumerate(toks) if ctx.date_at(t.idx, t.idx + len(t.text))), None)
    for strong in (True, False):
        for k, t in enumerate(toks):
            if t.text not in DASHES or k == 0 or (strong and t.text in ("-", "to")):
                continue
            if first_date is not None and k < first_date and toks[k - 1].text != "?":
                continue
            if not strong and toks[k - 1].text[:1].isupper() and k + 1 < len(toks) and toks[k + 1].text[:1].isupper() \
                    and not ctx.date_at(toks[k + 1].idx, toks[k + 1].idx + len(toks[k + 1].text)):
                continue  # "Saint - Petersburg", but not "Russian Federation - October 3, 1981"
            if not ctx.date_at(t.idx, t.idx + 1):
                dash = k
                break
        if dash is not None:
            break
    segs: dict[str, list[Token]] = {}
    if born is not None:
        stop = died if died is not None and died > born else (dash if dash is not None and dash > born else len(toks))
        segs["birth"] = toks[born + 1:stop]
        if died is not None:
            segs["death"] = toks[died + 1:]
        elif dash is not None and dash > born:
            segs["death"] = toks[dash + 1:]
        _birth_name(ctx, subject, toks[born], segs["birth"])
    elif dash is not None:
        start = max((k for k, t in enumerate(toks[:dash]) if t.text == ";"), default=-1) + 1
        segs["birth"] = toks[start:dash]
        segs["death"] = toks[dash + 1:] if died is None else toks[died + 1:]
    elif first_date is not None and died is None:
        # "( ; – January 6, 1918)": a dash with nothing before it, the birth date unknown or lost
        lone = next((k for k, t in enumerate(toks[:first_date]) if t.text in DASHES - {"to"}), None)
        if lone is not None and all(not x.is_alpha and not x.like_num for x in toks[:lone]):
            segs["death"] = toks[lone + 1:]
        elif lone is None and lead:
            # "(Александр Боровков, 6 March 1931, Moscow)": one full date and no dash is a birth
            start = max((k for k, t in enumerate(toks[:first_date]) if t.text in (";", ",")), default=-1) + 1
            dates = ctx.dates_between(toks[0].idx, toks[-1].idx + len(toks[-1].text))
            if len(dates) == 1 and len(dates[0].iso) == 10:
                segs["birth"] = toks[start:]
    elif died is not None:
        segs["death"] = toks[died + 1:]
    for kind, seg in segs.items():
        if not seg:
            continue
        full = seg
        seg = _cut(seg)
        if not ctx.dates_between(seg[0].idx, seg[-1].idx + len(seg[-1].text)) and len(seg) < len(full):
            seg = full[len(seg) + 1:] or seg  # "born Marek Tobolski; 3 May 1921": the date follows the name
        s0, e0 = seg[0].idx, seg[-1].idx + len(seg[-1].text)
        stmt0 = open_idx if kind == "birth" else s0
        dates = ctx.dates_between(s0, e0)
        if dates:
            d = dates[0]
            add_fact(ctx, subject, f"{kind}_date", (d.start, d.end, d.text, None), (stmt0, d.end), 0.9, date=d)
        explicit = (kind == "birth" and born is not None) or (kind == "death" and died is not None)
        has_prep = any(t.lower_ in ("in", "at", "near") for t in seg)
        place = _place_in(ctx, seg, allow_bare=(not explicit or bool(dates)) and not has_prep)
        if place and dates and not explicit:
            # without born/died the bare place must sit next to the date: "Paris, 5 April 1815"
            pass
        if place:
            add_fact(ctx, subject, f"{kind}_place", place, (stmt0, place[1]), 0.8)


def _cut(seg: list[Token]) -> list[Token]:
    """A segment up to a semicolon (the rest is usually another note)."""
    for k, t in enumerate(seg):
        if t.text == ";" and k > 0:
            return seg[:k]
    return seg


def _birth_name(ctx: FactContext, subject: str, born: Token, seg: list[Token], single: bool = False) -> None:
    """'born Ernesto Alonso Vargas Contreras on June 3, 1977' -> birth_name."""
    name: list[Token] = []
    for t in seg:
        if t.lower_ in ("on", "in", "at", ",", ";", ")", "c.", "circa") or ctx.date_at(t.idx, t.idx + len(t.text)):
            break
        name.append(t)
    if (len(name) >= 2 or single or born.lower_ in ("née", "nee") and len(name) == 1) and name \
            and name[0].text[:1].isupper() and not _MONTH_RX.match(name[0].text) \
            and not any(t.like_num for t in name):
        s, e = name[0].idx, name[-1].idx + len(name[-1].text)
        add_fact(ctx, subject, "birth_name", (s, e, ctx.document.text[s:e], None), (born.idx, e), 0.8)


# --- descriptions: "is a German skeleton racer", "Victor Serge, a Belgian born Russian" -------------

def _described_person(ctx: FactContext, n: Token) -> str | None:
    """The person a predicate nominal or apposition describes."""
    head = n
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "attr" and head.head.lemma_ in COPULAS:
        subj = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return ctx.main if ctx.in_lead_parenthesis(subj[0]) else ctx.person_of(subj[0])
        return ctx.main if head.sent.start == 0 else None
    if head.dep_ == "appos":
        return ctx.person_of(head.head)
    if head.dep_ in ("compound", "nmod") and head.head.pos_ == "PROPN" and head.lower_ in lexicon()["occupations"]:
        return ctx.person_of(head.head)  # "the Canadian cartoonist James Frise"
    return None


PERSON_NOUNS = {"man", "woman", "person", "citizen", "national", "émigré", "emigre", "emigrant", "immigrant", "native",
                "subject", "figure", "member", "one", "descendant", "exile", "refugee", "patriot", "boy", "girl",
                "child", "son", "daughter", "veteran", "expatriate", "people", "leader", "hero", "heroine"}


def _person_noun(n: Token) -> bool:
    """A noun that can describe a person: an occupation, 'man', 'émigré', or a nationality word itself."""
    low = n.lower_
    return low in lexicon()["occupations"] or n.lemma_.lower() in lexicon()["occupations"] or low in PERSON_NOUNS \
        or n.lemma_.lower() in PERSON_NOUNS or country_of(n.text) is not None


def description_facts(ctx: FactContext) -> None:
    """Nationality and occupation from predicate nominals and appositions describing a person."""
    lex = lexicon()
    first_main = True
    for n in ctx.sdoc:
        if n.pos_ not in ("NOUN", "PROPN") or n.dep_ not in ("attr", "appos", "conj", "compound", "nmod"):
            continue
        person = _described_person(ctx, n)
        if person is None or ctx.person_of(n) is not None:
            continue
        if n.sent.start != 0 and not _person_noun(n):
            continue  # "the Spanish, German and Russian revolutions" describe no one
        stmt = (n.left_edge.idx, n.idx + len(n.text))
        left = [t for t in n.doc[n.left_edge.i:n.i + 1]]
        _nationalities(ctx, person, left, stmt)
        if n.lemma_.lower() in ("one", "member") or n.lower_ in lex["occupations"]:
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ == "of" and n.lemma_.lower() == "one":
                    for o in c.children:
                        if o.dep_ == "pobj":
                            _nationalities(ctx, person, list(n.doc[o.left_edge.i:o.i + 1]), stmt)
        occ = n.lemma_.lower() if n.lemma_.lower() in lex["occupations"] else n.lower_
        if occ in lex["occupations"] and n.pos_ == "NOUN":
            comp = [c for c in n.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == n.i - 1]
            s = comp[0].idx if comp else n.idx
            add_fact(ctx, person, "occupation", (s, n.idx + len(n.text), ctx.document.text[s:n.idx + len(n.text)], None),
                     stmt, 0.75)
        if person == ctx.main and first_main and n.dep_ == "attr":
            first_main = False
            for c in n.rights:
                if c.dep_ == "prep" and c.lower_ in ("in", "from", "of"):
                    _nationalities(ctx, person, [t for t in c.subtree if t.dep_ != "relcl"],
                                   (n.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)), 0.6)


def _nationalities(ctx: FactContext, person: str, toks: list[Token], stmt: tuple[int, int], conf: float = 0.85) -> None:
    k = 0
    while k < len(toks):
        t = toks[k]
        two = f"{t.text} {toks[k + 1].text}" if k + 1 < len(toks) else ""
        for cand, width in ((two, 2), (t.text, 1)):
            if not cand or not cand[:1].isupper():
                continue
            country = country_of(cand)
            if country is None:
                continue
            s, e = t.idx, toks[k + width - 1].idx + len(toks[k + width - 1].text)
            nxt = [x.lower_ for x in toks[k + width:k + width + 2]]
            if nxt[:1] == ["born"] or nxt[:2] == ["-", "born"]:
                add_fact(ctx, person, "birth_place", (s, e, country, None), stmt, 0.75)
            else:
                add_fact(ctx, person, "nationality", (s, e, country, None), stmt, conf)
            k += width - 1
            break
        k += 1


_MATCHERS: dict[int, Matcher] = {}


def _born_matcher(vocab) -> Matcher:
    """Token patterns for 'British-born', 'British - born', 'Belgian born' (one Matcher per vocabulary)."""
    m = _MATCHERS.get(id(vocab))
    if m is None:
        m = Matcher(vocab)
        m.add("BORN_ADJ", [[{"IS_TITLE": True}, {"TEXT": {"IN": ["-", "–"]}, "OP": "?"}, {"LOWER": "born"}],
                           [{"IS_TITLE": True}, {"IS_TITLE": True}, {"TEXT": {"IN": ["-", "–"]}, "OP": "?"},
                            {"LOWER": "born"}]])
        _MATCHERS[id(vocab)] = m
    return m


def born_adjective_facts(ctx: FactContext) -> None:
    """'a British-born actress', 'a Belgian born Russian', 'a South African-born writer' -> birth_place (a country)."""
    doc = ctx.sdoc
    for _, s, e in _born_matcher(doc.vocab)(doc):
        words = doc[s:e - 1].text.replace(" - ", " ").replace(" – ", " ").rstrip("-– ")
        country = country_of(words)
        if country is None:
            continue
        born = doc[e - 1]
        person = ctx.clause_subject(born)
        if person is None:
            continue
        add_fact(ctx, person, "birth_place", (doc[s].idx, born.idx + len(born.text), country, None),
                 (doc[s].idx, born.idx + len(born.text)), 0.75)


def lead_description_facts(ctx: FactContext) -> None:
    """The opening description of the main person, whatever the tagger made of its head word.

    'X (1815 – 1851) was a French organist' (the tagger may call 'organist' an adjective), 'X was a late
    medieval Scottish magnate' (a head no occupation list holds), 'X was a footballer from Argentina':
    the words between the copula and the head of its complement, and a 'from <country>' right after it.
    """
    if not ctx.main:
        return
    for sent in list(ctx.sdoc.sents)[:3]:
        be = next((t for t in sent if t.lemma_ in COPULAS and t.dep_ in ("ROOT", "conj", "relcl")
                   and _main_subject(ctx, t, sent)), None)
        if be is None:
            continue
        attrs = [c for c in be.children if c.dep_ in ("attr", "acomp")]
        if not attrs:
            return
        for a in [attrs[0]] + [c for c in attrs[0].conjuncts if c.i > attrs[0].i]:
            lo = be.i + 1 if a is attrs[0] else a.left_edge.i
            toks = [t for t in ctx.sdoc[lo:a.i + 1] if t.pos_ != "PUNCT" or t.text in ("-", "–")]
            if any(t.lower_ in ("of", "for", "in", "with", "by") for t in toks):
                continue  # "the son of a Polish officer": another person's description
            _nationalities(ctx, ctx.main, toks, (ctx.sdoc[lo].idx, a.idx + len(a.text)), 0.85)
            if a.lemma_.lower() in lexicon()["occupations"] and a.pos_ in ("ADJ", "NOUN"):
                add_fact(ctx, ctx.main, "occupation", (a.idx, a.idx + len(a.text), a.text, None),
                         (ctx.sdoc[lo].idx, a.idx + len(a.text)), 0.7)
            for c in list(a.rights) + ([x for x in be.rights if x.i > a.i] if a is attrs[0] else []):
                if c.dep_ == "prep" and c.lower_ == "from":
                    objs = [o for o in c.children if o.dep_ == "pobj"]
                    if objs and objs[0].text[:1].isupper():
                        o = objs[0]
                        country = country_of(ctx.document.text[o.left_edge.idx:o.idx + len(o.text)]) \
                            or country_of(o.text)
                        if country is not None:
                            add_fact(ctx, ctx.main, "nationality", (o.idx, o.idx + len(o.text), country, None),
                                     (a.idx, o.idx + len(o.text)), 0.7)
        return


def _main_subject(ctx: FactContext, be: Token, sent) -> bool:
    subj = [c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj:
        if ctx.in_lead_parenthesis(subj[0]):
            return True
        p = ctx.person_of(subj[0])
        # in the opening sentence a parse may make a life date the subject: "X ( 1434 – 1503 ) was a ..."
        return p == ctx.main or p is None and sent.start == 0 and be.dep_ == "ROOT" and \
            (subj[0].like_num or ctx.date_at(subj[0].idx, subj[0].idx + len(subj[0].text)) is not None)
    return sent.start == 0 and be.dep_ == "ROOT"
