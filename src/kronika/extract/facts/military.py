"""FactContext -> military_branch and conflict facts: 'served in the Royal Navy during the Second World War'.

A branch or war named in a sentence about military service (served, fought, officer,
enlisted, ...) whose clause is about a person.
"""
from __future__ import annotations

import re

from ...lexicons import words
from ...annotate import arrays

from .context import FactContext, add_fact

BRANCH = re.compile(r"\b((?:[A-Z][\w.'’]*\s+(?:-\s+)?){0,4}(?:Army|Navy|Air Force|Marine Corps|Marines|Coast Guard|"
                    r"Foreign Legion|Flying Corps|Luftwaffe|Wehrmacht|Kriegsmarine|Waffen-SS|Free French Forces|"
                    r"National Guard|Army Air Forces?|Royal Marines))\b")
WAR = re.compile(r"\b((?:(?:First|Second) )?World War(?: ?(?:II|I|One|Two)\b)?|"
                 r"(?!(?:During|A|An|The|In|After|Before|Since|Until|His|Her|Their|From|By|Of)\b)"
                 r"(?:[A-Z][\w'’]*(?: - | |-)){1,4}(?:Wars|War|Revolution|Rebellion|Uprising|Insurrection|"
                 r"Crusade|Campaign|Intervention|Invasion|Siege of [A-Z]\w+)(?: of (?:\d{4}|[A-Z]\w+(?: [A-Z]\w+)?))?"
                 r"(?!\s+[A-Z])|"
                 r"Battle of (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}|Quasi ?- ?War)")
MILITARY = words("facts", "military_words")


def military_facts(ctx: FactContext) -> None:
    for sent in ctx.sdoc.sents:
        _military(ctx, sent)


def _military(ctx: FactContext, sent) -> None:
    """Military branches and wars in a sentence whose clause is about a person in military service."""
    text = ctx.document.text
    s0, e0 = sent.start_char, sent.end_char
    chunk = text[s0:e0]
    lemmas = {x.lower() for x in arrays.lemmas(ctx.sdoc)[sent.start:sent.end]}
    if not lemmas & MILITARY:
        return
    for rx, attr in ((BRANCH, "military_branch"), (WAR, "conflict")):
        for m in rx.finditer(chunk):
            g = m.group(1).rstrip()
            val = re.sub(r"^(?:the|The)\s+", "", g)
            start = s0 + m.start(1) + (len(g) - len(val))
            end = start + len(val)
            tok = ctx.sdoc.char_span(start, end, alignment_mode="expand")
            if tok is None:
                continue
            if attr == "military_branch" and len(val.split()) == 1 and val in ("Army", "Navy", "Marines"):
                continue
            subject = ctx.clause_subject(tok.root)
            if subject is None:
                continue
            add_fact(ctx, subject, attr, (start, end, text[start:end], None), (start, end), 0.7)
