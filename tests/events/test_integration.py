"""Events through the whole per-document chain (real NER and timexes), and their cost on a long text."""
from __future__ import annotations

import time


def test_events_through_analyse(analyse):
    text = ("Leon Trotsky was born in Yanovka in 1879. In 1898 he was arrested in Nikolayev and later "
            "exiled to Siberia. He was assassinated in Mexico City in August 1940.")
    ex = analyse(text, genre="biography")
    got = [(e.type, e.date.start) for e in ex.events if "Trotsky" in e.subject]
    assert ("birth", "1879") in got and ("death", "1940-08") in got
    assert {"imprisonment", "exile"} <= {t for t, _ in got}
    for e in ex.events:
        assert e.source.quote == text[e.source.start:e.source.end]


def test_event_extraction_is_cheap_on_long_documents(nlp, settings, make_doc):
    from kronika.extract.events import extract_events
    from kronika.records import Mention
    para = ("Anna Kowalczyk left Kraków for Paris in 1931. There she worked with Jan Brzeski and met André Gide. "
            "When the Germans invaded France she fled to Lisbon, and she later settled in New York. ")
    text = para * 60
    sdoc = nlp(text)
    ms = [Mention(e.start_char, e.end_char, e.text, "PERSON" if e.label_ == "PERSON" else "PLACE", e.text)
          for e in sdoc.ents if e.label_ in ("PERSON", "GPE")]
    t0 = time.perf_counter()
    evs = extract_events(sdoc, make_doc(text), ms, [], settings)
    assert time.perf_counter() - t0 < 3.0
    assert len(evs) >= 200
