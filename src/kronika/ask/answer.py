"""A question and the store in, ranked answers with their sources out.

1. ``questions.parse``: question type, subject, relation, year, anchor (rules).
2. ``structured.answers``: facts, relations and timeline events of the subject.
3. ``passages.search``: FTS5 BM25 over sentences, re-ranked by support for the
   subject, the relation and the asked answer type, answer span from the
   mentions / timexes tables. No embedding re-ranker: lexical BM25 and
   structured answers only.

Nothing is invented: a question whose subject, relation or other names the
corpus does not support gets an empty answer list.
"""
from __future__ import annotations

import re
import sqlite3

from .. import lexicons
from ..errors import NotFoundError, UsageError
from ..store import questions as stored
from ..store import reads
from . import lead, passages, structured, works
from .questions import STOP, Question, parse

MIN_SCORE = 0.9
MERGE_WITH = 80      # an answer joins a better one that contains it among the best this many
MAX_SOURCES = 30     # sources kept per answer (every document still counts towards its score)
MAX_RECORDS = 150    # structured records checked against their sentences, best first


def _key(text: str) -> str:
    t = text.lower().replace("’", "'")
    t = re.sub(r"^(the|a|an)\s+", "", t)
    return re.sub(r"[^\w]+", " ", t).strip()


def _merge(cands: list[dict]) -> list[dict]:
    """One answer per distinct text; sources pooled; score: best + a bonus per extra document."""
    groups: dict[str, dict] = {}
    order = []
    for c in sorted(cands, key=lambda c: -c["score"]):
        k = _key(c["text"])
        if not k:
            continue
        # an answer contained in a better one ("Mexico" in "Mexico City") joins it
        hit = groups.get(k)
        if hit is None:
            for ok in order[:MERGE_WITH]:
                if re.search(rf"\b{re.escape(k)}\b", ok) or re.search(rf"\b{re.escape(ok)}\b", k):
                    hit = groups[ok]
                    if len(k) > len(ok) and c["score"] >= 0.7 * hit["score"]:
                        hit["text"] = c["text"]      # the more precise answer ("Mexico City" over "Mexico")
                    break
        srcs = c["sources"] if "sources" in c else [{"doc": c["doc"], "start": c["start"], "end": c["end"],
                                                       "quote": c["quote"]}]
        if hit is None:
            groups[k] = {"text": c["text"], "sources": [], "score": c["score"], "docs": set(),
                         "via": c.get("via", "passage"), "seen": set()}
            order.append(k)
            hit = groups[k]
        for s in srcs:
            key = (s["doc"], s["start"], s["end"])
            if key not in hit["seen"]:
                hit["seen"].add(key)
                if len(hit["sources"]) < MAX_SOURCES:
                    hit["sources"].append(s)
                if s["doc"] not in hit["docs"]:
                    if hit["docs"]:
                        hit["score"] += 0.15 * min(1.0, c["score"] / max(hit["score"], 1e-9))
                    hit["docs"].add(s["doc"])
    return sorted(groups.values(), key=lambda g: -g["score"])


def _name_in_lowercase(conn, question: str) -> str | None:
    """"where did serge die?": the longest run of question words that is an entity's name or alias."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", question)
    words = [re.sub(r"['’]s$", "", w) for w in words]
    known = {structured.norm_name(name) for name in stored.known_names(conn)}
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            cand = " ".join(words[i:i + n])
            if cand.lower() in STOP or len(cand) < 3:
                continue
            if structured.norm_name(cand) in known:
                return cand
    return None


def _default_person(conn) -> str | None:
    """The person the corpus is about (the most-discussed one), or None when it holds no person."""
    try:
        return reads.find_entity(conn, None)["name"]
    except (NotFoundError, sqlite3.Error):
        return None


_NOT_DESC = lexicons.words("ask", "not_descriptions")   # "the end Lenin", "the Mensheviks had with Lenin"


def _definition(conn, subj, corpus) -> list[dict]:
    """"Who was Serge?": what the texts say he is ("a revolutionary", "a Belgian born Russian")."""
    out = _described_by_facts(conn, subj)
    names = "|".join(re.escape(s) for s in subj.surfaces)
    if not names:
        return out
    pats = _description_patterns(names)
    words = [w for s in subj.surfaces for w in re.findall(r"\w+", s)]
    for sent in stored.sentences_with_any(conn, words, 300):
        for ch in passages._split(sent):
            if not corpus.is_stripped(ch.doc, ch.start, ch.end):
                out += _described_in(ch, *pats)
    return out


def _described_by_facts(conn, subj) -> list[dict]:
    """The occupations and nationalities the facts give, each with its sources."""
    out = []
    for eid in subj.ids:
        for f in stored.facts_about(conn, eid, ("occupation", "nationality")):
            if f["attribute"] in ("occupation", "nationality") and f["sources"]:
                out.append({"text": f["value"], "sources": f["sources"], "via": "fact",
                            "score": 1.6 if f["attribute"] == "occupation" else 1.1})
    return out


def _description_patterns(names: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """For the subject's names (an alternation): "X is/was/became a ...", a kin or role noun right before the
    name, and "the ... X"."""
    pat = re.compile(rf"(?<![^\W_])(?:{names})(?:['’]s)?\s*(?:,\s*[^,]{{0,60}},\s*|[^\w.]{{0,15}})?\s(?:is|was|became)\s+"
                     rf"((?:a|an|the)\s+[^.;:,()]{{3,80}})")
    # "Trotsky's widow Natalya Sedova", "the NKVD agent Ignace Reiss": a description right before the name
    appos = re.compile(rf"((?:(?:[A-Z][\w\-]+['’]s?|the|his|her|a|an)\s+)(?:[\w\-]+\s+){{0,3}}?"
                       rf"(?:widow|wife|husband|son|daughter|mother|father|brother|sister|agent|leader|founder|"
                       rf"editor|author|comrade|friend|writer|poet|painter|revolutionary|anarchist|member|"
                       rf"secretary|chairman|commissar|general|historian|critic|journalist|lover|companion|mentor))"
                       rf",?\s+(?:{names})\b")
    generic = re.compile(rf"\b(the\s+(?:[\w\-]+\s+){{0,2}}[a-z][\w\-]+)\s+(?:{names})\b")
    return pat, appos, generic


def _described_in(ch, pat: re.Pattern, appos: re.Pattern, generic: re.Pattern) -> list[dict]:
    """The descriptions one sentence gives of the subject: a description right before the name ("Trotsky's
    widow Natalya Sedova"), or after "is", "was", "became"."""
    out = []
    m2 = appos.search(ch.text)
    if not m2:
        m2 = generic.search(ch.text)
        words = m2.group(1).split()[1:] if m2 else []
        if m2 and (any(w.lower() in STOP or w.lower() in _NOT_DESC for w in words)
                   or words[-1].endswith(("s", "ing")) or not words[-1].islower()):
            m2 = None     # "the Mensheviks had with Lenin", "the end Lenin": no description
    if m2:
        desc = re.split(r"\s(?=(?:the|a|an)\s)", m2.group(1))[-1]     # "her husband the NKVD agent"
        out.append({"text": desc, "doc": ch.doc, "start": ch.start, "end": ch.end,
                    "quote": ch.text, "score": 1.3 if m2.re is appos else 1.15, "via": "passage"})
    m = pat.search(ch.text)
    if m:
        text = re.split(r"\s(?:but|who|which|whose|whom|that|where|when|while|because|and (?:he|she|was|is))\b",
                        m.group(1))[0]
        text = " ".join(text.split()[:10])
        out.append({"text": text, "doc": ch.doc, "start": ch.start, "end": ch.end,
                    "quote": ch.text, "score": 1.5 - 0.002 * ch.start / 100, "via": "passage"})
    return out


def _listed_with_other(c: dict, others: list[str]) -> bool:
    """"England, Canada, and France" for "where in England": a sibling in a list, not a place inside it."""
    for o in others:
        for s in c["sources"]:
            qt = s["quote"]
            i, j = qt.find(o), qt.find(c["text"])
            if i < 0 or j < 0:
                continue
            a, b = (i + len(o), j) if i < j else (j + len(c["text"]), i)
            if re.fullmatch(r"[\s,]*(and|or)?[\s,]*([\w\s]+,\s*)*(and|or)?\s*", qt[a:b]) and b - a < 40:
                return True
    return False


def check_question(question: str | None, settings) -> None:
    """An empty question or one longer than ``settings.ask_max_chars`` is a usage error (exit 2, HTTP 400).

    The limit keeps every question's work bounded; the work itself is linear in the question's length.
    """
    limit = settings.ask_max_chars
    if not question or not question.strip():
        raise UsageError('ask a question in words, e.g. kronika ask "Where did Serge die?".')
    if len(question.strip()) > limit:
        raise UsageError(f"the question is {len(question.strip()):,} characters long; ask one of at most "
                         f"{limit:,} characters (KRONIKA_ASK_MAX_CHARS sets the limit).")


def answer(conn, question: str, settings, top: int = 3) -> dict:
    """The ``top`` answers to a question, each with its text, sources, score and how it was found (``via``)."""
    check_question(question, settings)
    out = {"question": question, "answers": []}
    text = question
    letters = re.sub(r"[^A-Za-z]", "", text)
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        text = text.lower()              # "WHERE DID SERGE DIE?"
    q = parse(text)
    if not q.subject:
        _find_subject(conn, q, text)
    if not q.subject and not q.others and not q.focus and not q.relation:
        return out
    subj = structured.resolve(conn, q.subject) if q.subject else None
    if q.subject and subj is None:
        return out                    # the corpus never mentions who is asked about
    for o in q.others:
        if structured.resolve(conn, o) is None:
            return out                # "When did Serge visit Japan?": no Japan anywhere
    if subj is not None:
        subj.born = _birth_year(conn, subj)
    corpus = passages.Corpus(conn)
    cands = _structured_answers(conn, corpus, q, subj) if subj is not None else []
    if q.wh == "why":
        cands = [_why(c) for c in cands]
    cands += _life_dates(conn, q, subj)
    if subj is not None and q.answer_type == "WORK":
        cands += works.lead_works(conn, q, subj)   # "What did X write?", "Which film is X best known for?"
    if subj is not None and q.wh in ("who", "what") and not q.relation and not q.focus and not q.year \
            and not q.others and re.match(r"(?i)\s*(who|what)\s+(is|was)\b", text):
        cands += _definition(conn, subj, corpus)
    else:
        cands += passages.search(conn, q, subj, corpus=corpus)
    cands = [c for c in _typed(conn, q, cands) if c["score"] >= MIN_SCORE]
    merged = _merge(cands)[:top]
    out["answers"] = [{"text": g["text"], "sources": g["sources"], "score": round(g["score"], 3),
                       "via": g["via"]} for g in merged]
    return out


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
           "spring", "summer", "autumn", "winter"}
_PLACE_NOUN = r"(?:city|town|village|colony|province|region|parish|municipality|district|hamlet|commune|county|" \
              r"suburb|port|island|state|kingdom|duchy|principality|republic|capital)"
_DATE_OK = re.compile(r"\d{3,4}|\b(?:january|february|march|april|may|june|july|august|september|october|"
                      r"november|december)\b\W*\d", re.I)
_DEMONYMS = lexicons.mapping("demonyms", "demonyms")


class _Types(dict):
    """normalised name -> the types of the entities so named (read from the shared name index on demand)."""

    def __init__(self, conn):
        super().__init__()
        self.index = structured.name_index(conn)

    def get(self, key, default=None):
        if key not in self:
            words = key.split()
            self[key] = {e.type for en, e, _ in self.index.get(words[0], ()) if en == key} if words else set()
        return dict.get(self, key) or default


def _types_by_name(conn) -> dict[str, set[str]]:
    return _Types(conn)


def _place_text(text: str, quotes: list[str], types: dict[str, set[str]],
                located: frozenset[str] = frozenset(), institutional: bool = False) -> str | None:
    """A place answer trimmed to the place ("the village of Brill" -> "Brill", "Brill of Jewish" -> "Brill"),
    or None when it is no place (a month, a people, a faith, a person)."""
    t = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,.;:'\"()[]"), flags=re.I)
    m = re.fullmatch(r"(.+?)\s+of\s+([\w\-]+)", t)
    if m and (m.group(2).lower() in _DEMONYMS or re.search(r"(ish|ese|ian|an)$", m.group(2))) and \
            "PLACE" not in types.get(structured.norm_name(t), ()):
        t = m.group(1)                       # "Copenhagen of Jewish (parents)"
    if re.search(rf"\b{_PLACE_NOUN}$", t):
        for qt in quotes:                    # "the Venetian Republic city of Possagno"
            m = re.search(re.escape(t) + r"\s+of\s+((?:[A-ZÀ-Þ][\w'’\-]+)(?:[\s\-](?:[A-ZÀ-Þ][\w'’\-]+))*)", qt)
            if m:
                t = m.group(1)
                break
        else:
            return None
    for qt in quotes:                        # "Cambo" of "Cambo-les-Bains", cut by the entity stage
        m = re.search(r"(?<![\w\-])" + re.escape(t) + r"((?:-[\w'’]+)+)", qt)
        if m:
            t += m.group(1)
            break
    low = t.lower()
    if not t or low in _MONTHS or low in _DEMONYMS or (low.endswith("s") and low[:-1] in _DEMONYMS):
        return None
    if not re.search(r"[a-zà-ÿ]", t) and len(t.replace(".", "")) <= 3 and low not in located:
        return None                          # "(NS)", "N.S.": an abbreviation, no place
    ty = types.get(structured.norm_name(t), set())
    adjective = (len(t.split()) == 1 and re.search(r"(ites|ists|ism|ans|an|ic|ish|ese)$", low)) or \
        (len(t.split()) > 1 and low.split()[0] in _DEMONYMS and low not in located)   # "Irish Protestant"
    if "PLACE" in ty and (not adjective or low in located):
        return t
    if adjective:
        return None                          # "Hussites", "Lutheran", "Catholic", "Abelian"
    if ty and ty <= {"PERSON", "ORG", "EVENT", "WORK"} and not (ty & {"ORG"} and institutional) and not any(
            re.search(r"\b(?:in|at|near|of|from|to)\s+(?:the\s+)?" + re.escape(t) + r"\b", qt) for qt in quotes):
        return None                          # "Rossini" for "where did she die?", "Congress" for "where was he jailed?"
    return t


_HIGHEST = re.compile(r"Universit|College|Polytechn|Conservato|Hochschule|Sorbonne|Medical School|Law School|"
                      r"School of|Faculty|Institute of Technology|[EÉ]cole Normale|[EÉ]cole Polytechnique")
_HIGHER = re.compile(r"Academy|Accademia|Academie|Académie|Institut|[EÉ]cole|Lyc[eé]e|Gymnasium|Seminary|Liceo|"
                     r"Collegio")
_LOWER = re.compile(r"\b(?:High|Grammar|Primary|Elementary|Secondary|Preparatory|Day|Boarding)\s+School\b|"
                    r"\bSchool$|\bKindergarten\b")


def _school_level(text: str) -> float:
    """"Where did she study?": a university or college before a school ("Smith College" over "Ware High School")."""
    if re.fullmatch(r"(?:Grammar|High|Primary|Secondary|Elementary|Senior High|Junior High|Public|Boarding|Day)\s+"
                    r"School|School|Academy|College|University", text):
        return -0.5               # "Grammar School": which one, the text does not say
    if _HIGHEST.search(text):
        return 0.25
    if _HIGHER.search(text):
        return 0.15
    if _LOWER.search(text):
        return -0.15
    return 0.0


def _tidy(text: str) -> str:
    """An answer without the citation mark, possessive or dangling connector the span caught
    ("Atlanta Female Institute.[12" -> "Atlanta Female Institute", "Yale University's" -> "Yale University")."""
    t = re.sub(r"\s*\.?\s*\[[^\]]{0,12}\]?\s*$", "", text.strip())
    t = re.sub(r"(?<=[a-z]{3})\.$", "", t)       # "Blue-Backed Speller." (not "Jr.", "St.")
    t = re.sub(r"['’]s?$", "", t) if re.search(r"\w['’]s?$", t) and t[:1].isupper() else t
    while True:
        u = re.sub(r"\s+(?:of|di|de|del|della|von|van|la|le|the|and|in|at|du|des)$", "", t).rstrip(" ,;:(")
        if u == t:
            return t
        t = u


def _full_names(conn, c: dict) -> dict:
    """"Brown and Thigpen" -> "Ray Brown and Ed Thigpen": a bare surname in a passage answer becomes the full
    name of the person so called whom the same document mentions (the most-mentioned one)."""
    if c.get("via", "passage") != "passage" or not c.get("doc"):
        return c
    parts = re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+)", c["text"])
    if not all(re.fullmatch(r"[A-ZÀ-Þ][\w’'\-]+", p) for p in parts[::2]):
        return c
    index = structured.name_index(conn)
    out = []
    for k, p in enumerate(parts):
        if k % 2:
            out.append(p)
            continue
        w = structured.norm_name(p)
        full = [e for en, e, _ in index.get(w, ()) if e.type == "PERSON" and len(en.split()) > 1
                and en.split()[-1] == w]
        full = sorted(full, key=lambda e: -e.mentions)
        best = next((e for e in full[:5] if stored.mentioned_in(conn, e.id, c["doc"])), None)
        out.append(best.name if best is not None and best.name[:1].isupper() and not best.name.isupper() else p)
    return {**c, "text": "".join(out)}


def _typed(conn, q: Question, cands: list[dict]) -> list[dict]:
    """Answers whose text is of the asked type, trimmed to the entity or value."""
    cands = [c for c in ({**c, "text": _tidy(c["text"])} for c in cands) if c["text"]]
    if q.answer_type == "PERSON":
        cands = [_full_names(conn, c) for c in cands]
    if q.answer_type == "PERSON" and q.relation in ("spouse", "widow"):
        for c in cands:       # "married Syme's daughter, Agnes": Syme is the father-in-law
            pat = re.compile(re.escape(c["text"].split()[-1]) + r"['’]s?\s+(?:[a-z]+\s+)?(?:daughter|son|sister|"
                             r"brother|niece|nephew|widow|cousin)\b")
            quotes = [x["quote"] for x in c.get("sources", [])] + ([c["quote"]] if c.get("quote") else [])
            if quotes and all(pat.search(qt) for qt in quotes):
                c["score"] -= 1.5
    if q.answer_type == "WORK":
        types = _types_by_name(conn)
        cands = [c for c in cands if re.search(r"[A-Z0-9]", c["text"]) or len(c["text"].split()) > 1
                 or c.get("via") != "fact"]
        cands = [c for c in cands if types.get(structured.norm_name(c["text"]), {"WORK"}) - {"PERSON"}]
        # "incomprehensible", "Lepore": a word or a person's name is no work
        for c in cands:
            if c.get("via") == "fact" and len(c["text"].split()) == 1 and \
                    "WORK" not in types.get(structured.norm_name(c["text"]), set()) and \
                    not any(re.search(r"[_*“\"‘]\s*" + re.escape(c["text"]), x["quote"]) for x in c["sources"]):
                c["score"] -= 1.0     # one word the text neither sets in italics or quotes nor knows as a work
    if q.answer_type not in ("PLACE", "DATE"):
        return cands
    types = _types_by_name(conn) if q.answer_type == "PLACE" else {}
    located = stored.located_names(conn) if q.answer_type == "PLACE" else frozenset()
    out = []
    for c in cands:
        if q.answer_type == "DATE":
            if _DATE_OK.search(c["text"]):
                out.append(c)
            continue
        quotes = [s["quote"] for s in c.get("sources", [])] + ([c["quote"]] if c.get("quote") else [])
        t = _place_text(c["text"], quotes, types, located, q.relation in structured.INSTITUTIONAL)
        if t:
            c = {**c, "text": t}
            if q.relation == "education":
                level = _school_level(t)
                c["score"] += level if level else -0.5    # "where did X study?": a school before a region
            out.append(c)
    return _regions_after(out)


def _regions_after(cands: list[dict]) -> list[dict]:
    """"Marton in Yorkshire", "Lyon, France": a place said right after another answer is its region, below it."""
    top = sorted(cands, key=lambda c: -c["score"])[:30]
    texts = {c["text"] for c in top if len(c["text"]) > 2}
    for c in top:
        others = [re.escape(t) for t in texts if t != c["text"] and t not in c["text"] and c["text"] not in t]
        if not others:
            continue
        pat = re.compile(r"\b(?:%s)(?:,?\s+in\s+(?:the\s+)?|,\s*)%s\b" % ("|".join(others), re.escape(c["text"])))
        quotes = [x["quote"] for x in c.get("sources", [])] + ([c["quote"]] if c.get("quote") else [])
        if any(pat.search(qt) for qt in quotes):
            c["score"] -= 0.5
    return cands


LEAD_SCORE = 3.6     # the dates in brackets after the name that opens a life: above any other reading


def _vaguer(date: str) -> float:
    """How much less a date says than a full day ("May 1801": 0.7, "1801": 1.1): a bracket's bare years give way
    to a full date the text states elsewhere."""
    if re.search(r"\b\d{1,2}\b", re.sub(r"\d{3,4}", "", date)):
        return 0.0
    return 0.7 if re.search(r"[A-Za-z]{3}", date) else 1.1


def _birth_year(conn, subj) -> int | None:
    """The subject's birth year from the brackets that open their life, or None."""
    for d in lead.life_dates(conn, subj):
        m = re.search(r"\d{3,4}", d["text"])
        if d["kind"] == "birth" and m:
            return int(m.group())
    return None


def _life_dates(conn, q: Question, subj) -> list[dict]:
    """"When was X born / did X die?": the dates in the brackets that open a document about X."""
    if subj is None or q.answer_type != "DATE" or q.relation not in ("birth", "death") or q.year or q.anchor \
            or q.others:
        return []
    return [{"text": d["text"], "score": LEAD_SCORE - _vaguer(d["text"]), "via": "lead",
             "sources": [{"doc": d["doc"], "start": d["start"], "end": d["end"], "quote": d["quote"]}]}
            for d in lead.life_dates(conn, subj) if d["kind"] == q.relation]


def _why(c: dict) -> dict:
    """"Why was X exiled?": an event answers with the cause its sentence gives, else it says only what happened."""
    for s in c["sources"]:
        cause = passages._cause(s["quote"], 0)
        if cause:
            return {**c, "text": cause}
    return {**c, "score": c["score"] - 1.0}


def _find_subject(conn, q: Question, text: str) -> None:
    """A question without a capitalised name: a known name written in lower case ("where did serge die?"),
    else, for "he"/"she" or a bare year, the person the corpus is about."""
    q.subject = _name_in_lowercase(conn, text)
    if q.subject:
        q.others = [o for o in q.others if o != q.subject]
        sw = {w.lower() for w in re.findall(r"\w+", q.subject)}
        q.focus = [f for f in q.focus if re.sub(r"['’]s$", "", f).lower() not in sw]
    elif re.search(r"(?i)\b(he|she|his|her|him)\b", text) or (q.year and not q.others):
        q.subject = _default_person(conn)   # "where was he born?": the person the corpus is about


def _structured_answers(conn, corpus, q: Question, subj) -> list[dict]:
    """Answers from facts, relations and events whose sentence supports the question; a record whose
    sentence does not name the subject loses score."""
    asked = {structured.norm_name(x) for x in q.others + ([q.subject] if q.subject else [])}
    asked |= {structured.norm_name(x) for x in subj.surfaces}
    out = []
    per_text: dict[str, int] = {}
    for c in sorted(structured.answers(conn, q, subj), key=lambda c: -c["score"])[:MAX_RECORDS]:
        an = structured.norm_name(c["text"])
        per_text[an] = per_text.get(an, 0) + 1
        if per_text[an] > 3:
            continue                   # a value told in many records: its best three are checked
        if an in asked or any(a and re.search(rf"\b{re.escape(a)}\b", an) for a in asked if len(a) > 3):
            continue                   # "England" for "where in England", "Emma Goldman and ..." for her works
        if _listed_with_other(c, q.others):
            continue
        sup = [passages.support(conn, corpus, q, subj, s) for s in c["sources"][:5]]
        ssup = max((s for s, _ in sup), default=0.0)
        if ssup <= 0:                  # the record's sentence does not name the subject
            c["score"] -= {"fact": 1.2, "relation": 1.0}.get(c["via"], 0.3)
        if not any(f for _, f in sup):
            continue                   # nor of what is asked ("first wife", "daughter")
        out.append(c)
    return out
