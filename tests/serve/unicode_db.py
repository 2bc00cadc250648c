"""A small chronicle whose documents are full of emoji and other characters outside the Basic
Multilingual Plane, with an outlying date, sources that disagree by a day, a coarser date that agrees,
and a nationality the model typed as a person. Written straight into a Store (no NLP model);
every quote is exactly ``text[start:end]`` in code points (Python's offsets).
"""
from __future__ import annotations

import hashlib

DOC_A = ("🌍🌍 Maria 𝒜 Sousa 😀 was born in Porto on 30 December 1880.🇵🇹 She moved to Lisbon in 1910 "
         "𠀀𠀁𠀂 and met João Pinto 👩‍🔬 there. In 1915 she was imprisoned in Lisbon 🔒 for her articles. "
         "The German 🙂 press wrote about her. Her family house had been built in 1522 🏠. "
         "She died in Lisbon in 1950 🕊️.")
DOC_B = ("𝔐𝔞𝔯𝔦𝔞 — Maria Sousa 🎉 was born in Porto on 31 December 1880. She worked with João Pinto 🤝 "
         "on the journal Aurora from 1912.")
DOC_C = "Maria Sousa 🌹 was born in 1880 in Porto and died in 1950."


def _h(t: str) -> str:
    return hashlib.sha256(t.encode()).hexdigest()


def _src(doc, text, quote):
    from kronika.records import Source
    i = text.index(quote)
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


def _sentences(text):
    import re
    return [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]


def make_unicode_db(path: str) -> str:
    from kronika.records import Document, Event, EventDate, Extraction, Fact, Relation
    from kronika.reconciling import reconcile
    from kronika.settings import load_settings
    from kronika.store.db import Store

    a, b, c = "maria_a.txt", "maria_b.txt", "maria_c.txt"
    docs = [Document(doc=a, sha256=_h(DOC_A), text=DOC_A, title="Maria Sousa 🌍", genre="essay"),
            Document(doc=b, sha256=_h(DOC_B), text=DOC_B, title="𝔐𝔞𝔯𝔦𝔞", genre="essay"),
            Document(doc=c, sha256=_h(DOC_C), text=DOC_C, title="A note", genre="other")]
    ent = {"Maria Sousa": "PERSON", "João Pinto": "PERSON", "German": "PERSON", "Porto": "PLACE",
           "Lisbon": "PLACE", "Aurora": "WORK"}
    exa = Extraction(
        doc=docs[0],
        mentions=_mentions(DOC_A, [("Maria 𝒜 Sousa", "PERSON", "Maria Sousa"), ("Porto", "PLACE", "Porto"),
                                   ("Lisbon", "PLACE", "Lisbon"), ("João Pinto", "PERSON", "João Pinto"),
                                   ("German", "PERSON", "German")]),
        events=[
            Event("birth", "Maria Sousa", "Born in Porto", _src(a, DOC_A, "born in Porto on 30 December 1880"),
                  places=("Porto",), date=EventDate("1880-12-30", "1880-12-30", "30 December 1880"), order=0),
            Event("residence", "Maria Sousa", "Moved to Lisbon", _src(a, DOC_A, "She moved to Lisbon in 1910"),
                  places=("Lisbon",), date=EventDate("1910", "1910", "1910"), order=1),
            Event("meeting", "Maria Sousa", "Met João Pinto", _src(a, DOC_A, "met João Pinto 👩‍🔬 there"),
                  participants=("João Pinto", "German"), date=EventDate("1910", "1910", None, True), order=2),
            Event("imprisonment", "Maria Sousa", "Imprisoned in Lisbon",
                  _src(a, DOC_A, "In 1915 she was imprisoned in Lisbon 🔒"), places=("Lisbon",),
                  date=EventDate("1915", "1915", "1915"), order=3),
            Event("residence", "Maria Sousa", "Family house built",
                  _src(a, DOC_A, "Her family house had been built in 1522 🏠"),
                  date=EventDate("1522", "1522", "1522"), order=4),
            Event("death", "Maria Sousa", "Died in Lisbon", _src(a, DOC_A, "She died in Lisbon in 1950 🕊️"),
                  places=("Lisbon",), date=EventDate("1950", "1950", "1950"), order=5),
        ],
        facts=[Fact("Maria Sousa", "birth_date", "30 December 1880", _src(a, DOC_A, "born in Porto on 30 December 1880"),
                    value_iso="1880-12-30", date=EventDate("1880-12-30", "1880-12-30"))],
        relations=[Relation("Maria Sousa", "met", "João Pinto", _src(a, DOC_A, "met João Pinto 👩‍🔬 there"))],
        entity_types=dict(ent), aliases={"Maria Sousa": {"Maria 𝒜 Sousa"}}, sentences=_sentences(DOC_A),
    )
    exb = Extraction(
        doc=docs[1],
        mentions=_mentions(DOC_B, [("Maria Sousa", "PERSON", "Maria Sousa"), ("Porto", "PLACE", "Porto"),
                                   ("João Pinto", "PERSON", "João Pinto")]),
        events=[Event("birth", "Maria Sousa", "Born in Porto", _src(b, DOC_B, "born in Porto on 31 December 1880"),
                      places=("Porto",), date=EventDate("1880-12-31", "1880-12-31", "31 December 1880"), order=0)],
        facts=[Fact("Maria Sousa", "birth_date", "31 December 1880", _src(b, DOC_B, "born in Porto on 31 December 1880"),
                    value_iso="1880-12-31", date=EventDate("1880-12-31", "1880-12-31"))],
        relations=[Relation("Maria Sousa", "worked_with", "João Pinto",
                            _src(b, DOC_B, "She worked with João Pinto 🤝"))],
        entity_types=dict(ent), sentences=_sentences(DOC_B),
    )
    exc = Extraction(
        doc=docs[2],
        mentions=_mentions(DOC_C, [("Maria Sousa", "PERSON", "Maria Sousa"), ("Porto", "PLACE", "Porto")]),
        events=[Event("birth", "Maria Sousa", "Born in Porto", _src(c, DOC_C, "born in 1880 in Porto"),
                      places=("Porto",), date=EventDate("1880", "1880", "1880"), order=0)],
        facts=[Fact("Maria Sousa", "birth_date", "1880", _src(c, DOC_C, "born in 1880"), value_iso="1880",
                    date=EventDate("1880", "1880"))],
        entity_types=dict(ent), sentences=_sentences(DOC_C),
    )
    with Store(path, create=True) as st:
        st.write_extractions([exa, exb, exc], None)
        reconcile(st, load_settings())
    return path
