"""Fixtures for claim tests: run the mention and claim stages on a string."""
from __future__ import annotations

import pytest


@pytest.fixture
def claims_of(nlp, make_doc):
    """claims_of(text, **meta) -> list[Claim] (entities stage for mentions, then extract_claims)."""
    from kronika.annotate.pipeline import spacy_text
    from kronika.extract.claims import extract_claims
    from kronika.extract.entities import extract_mentions

    def _run(text: str, **meta):
        d = make_doc(text, **meta)
        sdoc = nlp(spacy_text(d.text, d.stripped))
        out = extract_claims(sdoc, d, extract_mentions(sdoc))
        for c in out:
            assert c.source.quote == d.text[c.source.start:c.source.end]
        return out

    return _run


def find(claims, holder="any", stance=None, kind=None, about=None, quote=None):
    """Claims matching the given fields (holder matched by surname, 'any' = don't care)."""
    out = []
    for c in claims:
        if holder != "any":
            if holder is None and c.holder is not None:
                continue
            if holder is not None and (c.holder is None or holder.split()[-1] not in c.holder):
                continue
        if stance and c.stance != stance:
            continue
        if kind and c.kind != kind:
            continue
        if about and (c.about is None or about.split()[-1] not in c.about):
            continue
        if quote and quote not in c.source.quote:
            continue
        out.append(c)
    return out
