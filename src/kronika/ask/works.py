"""The opening of a document about the subject in, the works and discoveries it names out.

A life's opening paragraph says what the person is known for: "best known for inventing the spinning wheel",
"her works include _The Long Road_". "What did X write / compose / paint / invent?" reads the titles set in
italics or quotes there first (a work the opening names is a main one), then what follows "known for",
"famous for", "pioneer of" and the creative verbs.
"""
from __future__ import annotations

import re

from ..store import questions as stored
from . import lead
from .questions import stem

LEAD_CHARS = 3000
SCORE = 3.0

_TITLE = re.compile(r"(?<![\w])_([^_\n]{2,90}?)_(?![\w])|“([^”\n]{3,90})”|\"([^\"\n]{3,90})\"")
_CUE = re.compile(r"(?i)\b(best[- ]known|famous|known for|noted for|works? include|masterpiece|most (?:notable|"
                  r"important|celebrated)|major works?|remembered for|acclaimed)\b")
_KNOWN = re.compile(r"(?i)\b(?:known|famous|noted|remembered|celebrated|renowned)\s+(?:above all\s+|mostly\s+|chiefly\s+"
                    r"|mainly\s+)?(?:for|as the (?:inventor|discoverer|creator|author|composer) of)\s+"
                    r"(?:(?:his|her|their|the|a|an)\s+)?(?:(?:invention|discovery|creation|development|design)\s+of\s+|"
                    r"(?:inventing|discovering|creating|developing|designing|writing|composing|painting|directing)\s+)?")
_VERB = re.compile(r"(?i)\b(?:(?:discoveries|inventions|achievements|works|creations)\s+(?:are|were|include|included)"
                   r"|invented|discovered|created|developed|devised|designed|pioneer of|inventor of|"
                   r"discoverer of|creator of)\s+")
_STOP_NP = re.compile(r"[,.;:()\[\]]|\s(?:which|that|who|whose|based|including|such as|written|composed|published|in \d+|and (?:his|her|its|their|was|is|the|a|an)|with|for|as|from|"
                      r"by|during|after|before|while)\b")
CREATIVE = {"create", "write"}


def _np(text: str) -> str | None:
    """The noun phrase that opens ``text`` ("the cotton gin, which ..." -> "cotton gin"), at most 8 words."""
    t = _STOP_NP.split(text, maxsplit=1)[0]
    t = re.sub(r"^(?:the|a|an|his|her|their)\s+", "", t.strip(), flags=re.I)
    if _GENERIC_HEAD.search(t):
        return None               # "two articles in particular": what kind, not which
    words = t.split()
    if not words or len(words) > 8 or re.fullmatch(r"(?i)by|to|in|of|on|at|as|it|him|her|them|this|that", words[0]):
        return None
    return " ".join(words)


_GENERIC_HEAD = re.compile(r"(?i)\b(articles?|works?|papers?|books?|contributions?|roles?|research|studies|career|"
                           r"achievements?|efforts?|things?|ideas?|particular|life|style|use)$")
_DISCOVERY = {stem(w) for w in ("discover", "discovered", "discovery", "invent", "invented", "invention", "develop",
                                "developed", "devise", "devised", "design", "designed", "create", "created")}


def _own_name(title: str, subj) -> bool:
    """The subject's own name or a spelling of it ("Johannes Huss" for Jan Hus)."""
    low = title.lower()
    if any(low == s.lower() or low in s.lower().split() for s in subj.surfaces):
        return True
    words = title.split()
    last = {s.split()[-1].lower() for s in subj.surfaces if len(s.split()[-1]) >= 3}
    return len(words) <= 3 and all(w[:1].isupper() for w in words) and \
        any(w.lower().startswith(n) for w in words for n in last)


def lead_works(conn, q, subj) -> list[dict]:
    """Answers from the opening paragraphs of the subject's documents: titles and what the person is known for."""
    if not subj.ids or (q.relation not in CREATIVE and q.relation is not None) or q.year or q.anchor or q.others:
        return []
    trig = {stem(w) for w in [q.trigger or ""] if w}
    names = list(subj.surfaces) + [s.split()[-1] for s in subj.surfaces if len(s.split()) > 1]
    out = []
    for doc in stored.documents_of(conn, subj.ids):
        head = stored.document_head(conn, doc, LEAD_CHARS)
        if lead._name_at_start(head, names) is None:
            continue
        end = _lead_end(head)
        sents = [s for s in stored.sentences_of(conn, doc) if s.start < end]
        for i, s in enumerate(sents):
            cue = 0.4 if _CUE.search(s.text) else 0.0
            verb = 0.2 if trig and any(stem(w) in trig for w in re.findall(r"\w+", s.text)) else 0.0
            src = {"doc": doc, "start": s.start, "end": s.end, "quote": s.text}
            for m in _TITLE.finditer(s.text):
                title = (m.group(1) or m.group(2) or m.group(3)).strip(" ,;:")
                if not title[:1].isupper() and not title[:1].isdigit() or _own_name(title, subj) or "|" in title:
                    continue
                if re.search(r"(?i)\b(term|word|words|called|named|nicknamed|dubbed|as|name|known as)\s*(?:the\s+|a\s+)?$",
                             s.text[max(0, m.start() - 20):m.start()]):
                    continue          # "the term "Impressionism"", "nicknamed "the Wizard"": a name, not a work
                if re.search(r"(?i)\bas\s+(?:_[^_]{1,60}_\s*(?:,|or|and)\s*)+$", s.text[max(0, m.start() - 90):m.start()]):
                    continue          # "known as _Iohannes Hus_ or _Johannes Huss_"
                quoted = 0.0 if m.group(1) else -0.3
                if trig & _DISCOVERY:
                    quoted -= 0.6     # a discovery is rarely a title in italics (a species, a journal)
                out.append({"text": title, "sources": [src], "score": SCORE + cue + verb + quoted - 0.04 * i,
                            "via": "lead"})
            for rx in (_KNOWN, _VERB):
                for m in rx.finditer(s.text):
                    np = _np(s.text[m.end():])
                    if np and not _own_name(np, subj):
                        bonus = 0.3 if rx is _KNOWN else 0.1
                        out.append({"text": np, "sources": [src], "score": SCORE + bonus + verb - 0.04 * i,
                                    "via": "lead"})
    return out


def _lead_end(head: str) -> int:
    """Where the opening paragraphs end: the first heading-like line (short, no full stop) after some text."""
    for m in re.finditer(r"\n\s*\n([^\n]{1,60})\n", head):
        if m.start() > 150 and not re.search(r"[.!?]\s*$", m.group(1)):
            return m.start()
    return len(head)
