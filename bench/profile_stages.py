"""Where the time of a build goes: each stage timed on one corpus, in one process.

usage: .venv/bin/python bench/profile_stages.py [CORPUS ...] [--cprofile STAGE] [--top N]

CORPUS defaults to ../shared/eval/wikipedia_revolutionaries_2019/pages. Printed,
in CPU seconds of this process (``time.process_time``, which a busy shared
machine disturbs far less than wall time; wall seconds are printed too) and as
a share of the stock spaCy time:

  load stock model / load kronika nlp   model load (``load_model`` vs ``build_nlp``)
  ingest                                reading the files into Documents
  spaCy stock                           stock ``en_core_web_sm`` over the same texts
  spaCy kronika                         the kronika pipeline, component by component
                                        (the stock ones, then kronika_gazetteer, kronika_entities)
  sentences, mentions, timexes, events, facts, claims, aliases
                                        the per-document stages of ``analyse.analyse_doc``
  store writes                          ``Store.write_extractions`` into a fresh database
  reconcile                             ``reconciling.reconcile`` (full) on that database

"kronika overhead" is everything but the stock spaCy components (the product
requirement: at most half of spaCy's own time). Everything runs in one
process (n_process=1), so timings are comparable side by side; the machine is
shared, so compare shares and ratios rather than absolute seconds.

``--cprofile STAGE`` (one of: gazetteer, entities, mentions, timexes, events,
facts, claims, store, reconcile, load) also prints the functions that cost the
most in that stage (cumulative time), to decide what to optimise.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

STAGES = ("gazetteer", "entities", "mentions", "timexes", "events", "facts", "claims", "store", "reconcile", "load")


class Timer:
    def __init__(self, profile_stage: str | None):
        self.t: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        self.profile_stage = profile_stage
        self.prof = cProfile.Profile() if profile_stage else None

    @contextmanager
    def __call__(self, name: str, profile_as: str | None = None):
        prof = self.prof if (profile_as or name) == self.profile_stage else None
        if prof:
            prof.enable()
        t0, w0 = time.process_time(), time.perf_counter()
        try:
            yield
        finally:
            self.t[name] += time.process_time() - t0
            self.wall[name] += time.perf_counter() - w0
            if prof:
                prof.disable()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", default=[str(ROOT.parent / "shared/eval/wikipedia_revolutionaries_2019/pages")])
    ap.add_argument("--cprofile", choices=STAGES, help="profile one stage with cProfile and print its top functions")
    ap.add_argument("--top", type=int, default=30, help="functions shown with --cprofile")
    a = ap.parse_args()

    from kronika import analyse
    from kronika.analyse import build_nlp
    from kronika.annotate.pipeline import load_model, spacy_text
    from kronika.ingest import iter_documents
    from kronika.records import Extraction, Failure
    from kronika.reconciling import reconcile
    from kronika.settings import load_settings
    from kronika.store.db import Store

    settings = load_settings()
    T = Timer(a.cprofile)

    with T("load stock model"):
        stock = load_model(settings.model)
    with T("load kronika nlp", "load"):
        nlp = build_nlp(settings)
    stock.max_length = nlp.max_length

    with T("ingest"):
        docs = [d for d in iter_documents(a.corpus, settings) if not isinstance(d, Failure)]
    texts = [spacy_text(d.text, d.stripped)[: settings.max_chars] for d in docs]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(docs)} documents, {words} words, {sum(map(len, texts))} chars")

    with T("spaCy stock (nlp.pipe)"):
        for _ in stock.pipe(texts, batch_size=settings.batch_size):
            pass

    # The kronika pipeline one component at a time (same results as nlp.pipe, batch of one).
    comp_names = []
    sdocs = []
    for text in texts:
        with T("spaCy kronika: tokenizer"):
            doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            key = f"spaCy kronika: {name}"
            if key not in comp_names:
                comp_names.append(key)
            prof = {"kronika_gazetteer": "gazetteer", "kronika_entities": "entities"}.get(name, key)
            with T(key, prof):
                doc = proc(doc)
        sdocs.append(doc)

    exs = []
    for d, sdoc in zip(docs, sdocs):
        ex = Extraction(doc=d)
        with T("sentences"):
            ex.sentences = [(s.start_char, s.end_char) for s in sdoc.sents if s.text.strip()]
        with T("mentions"):
            ex.mentions = analyse.extract_mentions(sdoc)
        with T("timexes"):
            ex.timexes = analyse.extract_timexes(sdoc, d.published)
        with T("events"):
            ex.events = analyse.extract_events(sdoc, d, ex.mentions, ex.timexes, settings)
        with T("facts"):
            ex.facts, ex.relations = analyse.extract_facts(sdoc, d, ex.mentions, ex.timexes, ex.events)
        with T("claims"):
            ex.claims = analyse.extract_claims(sdoc, d, ex.mentions)
        with T("aliases"):
            for m in ex.mentions:
                ex.entity_types.setdefault(m.key, m.type)
                ex.aliases.setdefault(m.key, set()).add(m.text)
        exs.append(ex)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(os.path.join(tmp, "p.db"), create=True)
        with T("store writes", "store"):
            run_id = store.start_run("profile")
            store.write_extractions(exs, run_id)
        with T("reconcile"):
            reconcile(store, settings, full=True)
        store.close()

    stock_names = [f"spaCy kronika: {n}" for n in ("tokenizer", *stock.pipe_names)]
    spacy_own = sum(T.t[k] for k in stock_names)
    ref = T.t["spaCy stock (nlp.pipe)"]
    order = ["load stock model", "load kronika nlp", "ingest", "spaCy stock (nlp.pipe)", "spaCy kronika: tokenizer",
             *comp_names, "sentences", "mentions", "timexes", "events", "facts", "claims", "aliases", "store writes",
             "reconcile"]
    print(f"{'stage':40s} {'CPU s':>9s} {'x stock':>8s} {'wall s':>9s}")
    for k in order:
        print(f"{k:40s} {T.t[k]:9.3f} {T.t[k] / ref:8.3f} {T.wall[k]:9.3f}")
    overhead = sum(v for k, v in T.t.items() if k not in stock_names and not k.startswith(("load", "spaCy stock")))
    print(f"{'stock components, one by one':40s} {spacy_own:9.3f} {spacy_own / ref:8.3f}")
    print(f"{'kronika overhead (all but stock spaCy)':40s} {overhead:9.3f} {overhead / ref:8.3f}   (goal <= 0.5)")
    print(f"{'model load extra (kronika - stock)':40s} {T.t['load kronika nlp'] - T.t['load stock model']:9.3f}")
    if T.prof is not None:
        s = io.StringIO()
        pstats.Stats(T.prof, stream=s).sort_stats("cumulative").print_stats(a.top)
        print(f"\n--- cProfile of stage {a.cprofile!r} ---")
        print(s.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
