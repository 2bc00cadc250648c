"""A small, hand-made chronicle written straight into a Store (no NLP model), for web and export tests.

Three documents: two ordinary ones about Victor Serge and a hostile one whose
text, title, author and one entity name carry HTML/JS injection attempts.
Every record's quote is exactly ``text[start:end]``.
"""
from __future__ import annotations

import hashlib

HOSTILE_SNIPPETS = ('<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
                    '<a href="javascript:alert(1)">click</a>')

DOC_A = ("Victor Serge was born in Brussels in 1890 to Russian exiles. In 1919 he arrived in Petrograd "
         "and joined the Bolsheviks. He was arrested in 1933 and exiled to Orenburg. After a campaign in "
         "France he was released in 1936 and left for Belgium. He fled Paris in 1940 and reached Mexico City "
         "in 1941, where he died in 1947. He worked with Trotsky for a time.\n\nLeave a Reply")
DOC_B = ("Serge settled in Petrograd in 1919. In 1933 Serge was exiled to Orenburg, near the Urals. "
         "Trotsky called Serge a dilettante.")
DOC_C = ("Victor Serge and the hostile page. <script>alert(1)</script> <img src=x onerror=alert(1)> "
         "<a href=\"javascript:alert(1)\">click</a> Serge was imprisoned in Kronstadt in 1921. "
         "</script><script>alert(2)</script> met <b onmouseover=alert(3)>Evil</b> in 1921.")


def _h(t: str) -> str:
    return hashlib.sha256(t.encode()).hexdigest()


def _src(doc, text, quote, after=0):
    from kronika.records import Source
    i = text.index(quote, after)
    return Source(doc=doc, start=i, end=i + len(quote), quote=quote)


def _mentions(text, pairs):
    from kronika.records import Mention
    out = []
    for surface, typ, key in pairs:
        i = text.find(surface)
        while i >= 0:
            out.append(Mention(start=i, end=i + len(surface), text=surface, type=typ, key=key))
            i = text.find(surface, i + len(surface))
    return out


def make_db(path: str) -> str:
    from kronika.records import (Claim, Document, Event, EventDate, Extraction, Fact, Relation, Stripped)
    from kronika.reconciling import reconcile
    from kronika.settings import load_settings
    from kronika.store.db import Store

    a, b, c = "a_serge_life.txt", "reviews/b.jsonl#2", "c_hostile.html"
    lr = DOC_A.index("Leave a Reply")
    docs = [
        Document(doc=a, sha256=_h(DOC_A), text=DOC_A, title="Victor Serge: a life", author="A. Historian",
                 published="2011-09-28T12:24", genre="essay", url="https://example.org/serge",
                 stripped=(Stripped(lr, lr + len("Leave a Reply"), "Leave a Reply"),)),
        Document(doc=b, sha256=_h(DOC_B), text=DOC_B, title="Memoirs of a Revolutionary", author="Matthew",
                 published="2012-01-05", genre="review", about="Memoirs of a Revolutionary", format="html"),
        Document(doc=c, sha256=_h(DOC_C), text=DOC_C, title="<script>alert('title')</script>",
                 author="<img src=x onerror=alert('author')>", genre="other", format="html",
                 url="javascript:alert('url')"),
    ]
    ent = {"Victor Serge": "PERSON", "Trotsky": "PERSON", "Brussels": "PLACE", "Petrograd": "PLACE",
           "Orenburg": "PLACE", "France": "PLACE", "Belgium": "PLACE", "Paris": "PLACE",
           "Mexico City": "PLACE", "Kronstadt": "PLACE", "Bolsheviks": "ORG",
           "<b onmouseover=alert(3)>Evil</b>": "PERSON"}
    exa = Extraction(
        doc=docs[0],
        mentions=_mentions(DOC_A, [("Victor Serge", "PERSON", "Victor Serge"), ("Brussels", "PLACE", "Brussels"),
                                   ("Petrograd", "PLACE", "Petrograd"), ("Bolsheviks", "ORG", "Bolsheviks"),
                                   ("Orenburg", "PLACE", "Orenburg"), ("France", "PLACE", "France"),
                                   ("Belgium", "PLACE", "Belgium"), ("Paris", "PLACE", "Paris"),
                                   ("Mexico City", "PLACE", "Mexico City"), ("Trotsky", "PERSON", "Trotsky")]),
        events=[
            Event("birth", "Victor Serge", "Born in Brussels", _src(a, DOC_A, "born in Brussels in 1890"),
                  places=("Brussels",), date=EventDate("1890", "1890", "1890"), order=0, confidence=0.9),
            Event("residence", "Victor Serge", "Arrived in Petrograd",
                  _src(a, DOC_A, "In 1919 he arrived in Petrograd"), places=("Petrograd",),
                  date=EventDate("1919", "1919", "1919"), order=1),
            Event("membership", "Victor Serge", "Joined the Bolsheviks", _src(a, DOC_A, "joined the Bolsheviks"),
                  participants=("Bolsheviks",), date=EventDate("1919", "1920", None, True), order=2),
            Event("exile", "Victor Serge", "Exiled to Orenburg",
                  _src(a, DOC_A, "arrested in 1933 and exiled to Orenburg"), places=("Orenburg",),
                  date=EventDate("1933", "1933", "1933"), order=3),
            Event("release", "Victor Serge", "Released after a campaign in France",
                  _src(a, DOC_A, "After a campaign in France he was released in 1936"), places=("France",),
                  date=EventDate("1936", "1936", "1936"), order=4),
            Event("flight", "Victor Serge", "Fled Paris", _src(a, DOC_A, "He fled Paris in 1940"),
                  places=("Paris",), date=EventDate("1940", "1940", "1940"), order=5),
            Event("travel", "Victor Serge", "Reached Mexico City", _src(a, DOC_A, "reached Mexico City in 1941"),
                  places=("Mexico City",), date=EventDate("1941", "1941", "1941"), order=6),
            Event("death", "Victor Serge", "Died in Mexico City", _src(a, DOC_A, "where he died in 1947"),
                  places=("Mexico City",), date=EventDate("1947", "1947", "1947"), order=7),
            Event("collaboration", "Victor Serge", "Worked with Trotsky",
                  _src(a, DOC_A, "He worked with Trotsky for a time"), participants=("Trotsky",), order=8),
        ],
        facts=[Fact("Victor Serge", "birth_place", "Brussels", _src(a, DOC_A, "born in Brussels"),
                    value_key="Brussels"),
               Fact("Victor Serge", "death_date", "1947", _src(a, DOC_A, "died in 1947"), value_iso="1947",
                    date=EventDate("1947", "1947"))],
        relations=[Relation("Victor Serge", "worked_with", "Trotsky", _src(a, DOC_A, "worked with Trotsky"))],
        entity_types=dict(ent), aliases={"Victor Serge": {"Victor Serge", "Serge"}},
        sentences=[(0, 60)],
    )
    exb = Extraction(
        doc=docs[1],
        mentions=_mentions(DOC_B, [("Serge", "PERSON", "Victor Serge"), ("Petrograd", "PLACE", "Petrograd"),
                                   ("Orenburg", "PLACE", "Orenburg"), ("Trotsky", "PERSON", "Trotsky")]),
        events=[
            Event("residence", "Victor Serge", "Settled in Petrograd", _src(b, DOC_B, "Serge settled in Petrograd in 1919"),
                  places=("Petrograd",), date=EventDate("1919", "1919", "1919"), order=0),
            Event("exile", "Victor Serge", "Exiled to Orenburg", _src(b, DOC_B, "In 1933 Serge was exiled to Orenburg"),
                  places=("Orenburg",), date=EventDate("1933", "1933", "1933"), order=1),
        ],
        claims=[Claim("Trotsky", "Victor Serge", "negative", "Serge is a dilettante",
                      _src(b, DOC_B, "Trotsky called Serge a dilettante"), kind="accusation")],
        entity_types=dict(ent), aliases={"Victor Serge": {"Serge"}}, sentences=[(0, 35)],
    )
    evil = "<b onmouseover=alert(3)>Evil</b>"
    exc = Extraction(
        doc=docs[2],
        mentions=_mentions(DOC_C, [("Victor Serge", "PERSON", "Victor Serge"), ("Kronstadt", "PLACE", "Kronstadt"),
                                   (evil, "PERSON", evil)]),
        events=[Event("imprisonment", "Victor Serge", "<script>alert('summary')</script>",
                      _src(c, DOC_C, "Serge was imprisoned in Kronstadt in 1921"), places=("Kronstadt",),
                      participants=(evil,), date=EventDate("1921", "1921", "<img src=x onerror=alert(4)>"), order=0)],
        relations=[Relation("Victor Serge", "met", evil, _src(c, DOC_C, "met " + evil))],
        claims=[Claim(None, "Victor Serge", "positive", "<script>alert('claim')</script>",
                      _src(c, DOC_C, "<script>alert(1)</script>"))],
        entity_types=dict(ent), sentences=[(0, 30)],
    )
    with Store(path, create=True) as st:
        st.write_extractions([exa, exb, exc], None)
        reconcile(st, load_settings())
    return path
