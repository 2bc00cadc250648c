"""Long texts annotated in pieces: cuts at breaks, one Doc with the whole text's offsets, bounded batches."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from kronika.annotate.pieces import annotate_text, batch_size, estimate_tokens, join_pieces, piece_bounds
from kronika.annotate.pipeline import spacy_text

PARAGRAPH = ("Emma Goldman was born in Kovno in 1869. She emigrated to the United States in 1885 and settled "
             "in Rochester. Later she moved to New York, where she met Alexander Berkman.")

SHAPES = {
    "prose": "\n\n".join([PARAGRAPH] * 60),
    "one-word lines": "word\n" * 4000,
    "no whitespace": "abcdefghij" * 2000,
    "only whitespace": " \n" * 5000,
    "tiny paragraphs": "Yes.\n\n" * 3000,
    "table of numbers": "\n".join(" | ".join(str(1000 + 7 * r + c) for c in range(8)) for r in range(600)),
    "one long sentence": " ".join(["and then"] * 4000) + ".",
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_pieces_cover_the_text_and_cut_before_a_word(name):
    text = SHAPES[name]
    bounds = piece_bounds(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a < b <= a + 1000 for a, b in bounds)
    assert all(b == a2 for (_, b), (a2, _) in zip(bounds, bounds[1:]))
    for start, cut in bounds[:-1]:
        if any(text[i - 1].isspace() and not text[i].isspace() for i in range(start + 1, cut + 1)):
            assert text[cut - 1].isspace() and not text[cut].isspace(), (name, cut)   # between space and a word
        else:                                        # nowhere to cut between words: at the limit
            assert cut == start + 1000


def test_short_text_is_one_piece():
    assert piece_bounds(PARAGRAPH, len(PARAGRAPH)) == [(0, len(PARAGRAPH))]


def test_cuts_prefer_paragraph_breaks_then_line_breaks():
    text = SHAPES["prose"]
    for _, cut in piece_bounds(text, 1000)[:-1]:
        assert text[cut - 2:cut] == "\n\n"
    lines = "\n".join([PARAGRAPH] * 30)           # no blank line: cut at a line break, not inside a sentence
    for _, cut in piece_bounds(lines, 1000)[:-1]:
        assert lines[cut - 1] == "\n"


def test_batches_hold_at_most_max_batch_tokens(settings):
    assert batch_size(replace(settings, max_piece_tokens=5_000, max_batch_tokens=20_000, batch_size=32)) == 4
    assert batch_size(replace(settings, max_piece_tokens=5_000, max_batch_tokens=1_000, batch_size=32)) == 1
    assert batch_size(replace(settings, max_piece_tokens=100, max_batch_tokens=20_000, batch_size=32)) == 32


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_token_estimate_errs_high(nlp, name):
    text = SHAPES[name][:20_000]
    assert estimate_tokens(text) >= len(nlp.make_doc(text)) * 0.95


@pytest.mark.parametrize("name", ["one-word lines", "tiny paragraphs", "table of numbers"])
def test_token_dense_text_is_cut_by_tokens(nlp, name):
    text = SHAPES[name]
    bounds = piece_bounds(text, 10_000, max_tokens=500)
    assert len(bounds) > len(piece_bounds(text, 10_000))
    assert max(len(nlp.make_doc(text[a:b])) for a, b in bounds) <= 500
    assert "".join(text[a:b] for a, b in bounds) == text


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_joined_pieces_have_the_whole_texts_tokens_and_offsets(nlp, name):
    text = SHAPES[name]
    whole = nlp.make_doc(text)
    joined = join_pieces([nlp.make_doc(text[a:b]) for a, b in piece_bounds(text, 1000)])
    assert joined.text == text
    if name not in ("no whitespace", "only whitespace"):   # a hard cut splits that run in two tokens
        assert [(t.idx, t.text_with_ws) for t in joined] == [(t.idx, t.text_with_ws) for t in whole]


def test_join_keeps_entities_span_groups_and_sentences(nlp):
    text = "\n\n".join([PARAGRAPH] * 4)
    doc = nlp(text)
    again = join_pieces([doc, nlp(text)])
    n = len(doc)
    assert [(e.start_char, e.label_, e.ent_id_, e.kb_id_) for e in again.ents][: len(doc.ents)] == \
        [(e.start_char, e.label_, e.ent_id_, e.kb_id_) for e in doc.ents]
    assert len(again.spans["kronika_gaz"]) == 2 * len(doc.spans["kronika_gaz"])
    assert [t.is_sent_start for t in again[n:]] == [t.is_sent_start or t.i == 0 for t in doc]
    assert [t.head.i - n for t in again[n:]] == [t.head.i for t in doc]


def _records(ex):
    return {k: getattr(ex, k) for k in ("mentions", "timexes", "events", "facts", "relations", "claims")}


def test_a_document_split_in_pieces_keeps_offsets_quotes_and_results(nlp, settings, make_doc, seeds_dir):
    """The seeds as one document, in pieces of 2,000 characters and whole: the same records, same offsets."""
    from kronika.analyse import analyse_doc

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt")))
    d = make_doc(text)
    st = spacy_text(d.text, d.stripped, d.format)
    assert len(piece_bounds(st, 2_000)) > 5
    whole = analyse_doc(d, annotate_text(nlp, st, replace(settings, max_piece_chars=len(st))), settings)
    small = replace(settings, max_piece_chars=2_000)
    pieces = analyse_doc(d, annotate_text(nlp, st, small), small)
    assert _records(pieces) == _records(whole)       # a surname seen as a person anywhere still counts
    for m in pieces.mentions:
        assert text[m.start:m.end] == m.text
    for rec in pieces.events + pieces.facts + pieces.relations + pieces.claims:
        assert text[rec.source.start:rec.source.end] == rec.source.quote
    assert pieces.sentences[0][0] == whole.sentences[0][0] and pieces.sentences[-1] == whole.sentences[-1]


def test_short_documents_are_annotated_exactly_as_before(nlp, settings):
    text = "\n\n".join([PARAGRAPH] * 3)
    a, b = nlp(text), annotate_text(nlp, text, settings)
    attrs = ("ORTH", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "ENT_ID", "ENT_KB_ID", "SENT_START", "LEMMA")
    assert (a.to_array(list(attrs)) == b.to_array(list(attrs))).all()
    def spans(doc):
        return [(sp.start, sp.end, sp.label_, sp.id_) for sp in doc.spans["kronika_gaz"]]
    assert spans(a) == spans(b)


@pytest.mark.parametrize("name", ["one-word lines", "no whitespace", "tiny paragraphs", "table of numbers",
                                  "one long sentence"])
def test_pathological_shapes_build_with_small_pieces(tmp_path, settings, name):
    from kronika.build import build

    folder = tmp_path / "in"
    folder.mkdir()
    text = SHAPES[name] * 2
    (folder / "x.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "k.db")
    s = replace(settings, max_piece_chars=2_000, max_piece_tokens=400, max_batch_tokens=800, n_process=1)
    rep = build([str(folder)], db, s)
    assert (rep.added, rep.failed) == (1, 0), rep.failures
    conn = sqlite3.connect(db)
    rows = conn.execute('SELECT start, "end", text FROM sentences').fetchall()
    rows += conn.execute('SELECT start, "end", text FROM mentions').fetchall()
    conn.close()
    assert rows
    for start, end, quoted in rows:
        assert text[start:end] == quoted


def test_annotated_docs_keep_no_tensor(nlp, settings):
    """The tok2vec output (96 floats a token) is dropped: no extractor reads it, and it was a third of a Doc."""
    long_text = "\n\n".join([PARAGRAPH] * 20)
    for text, s in ((PARAGRAPH, settings), (long_text, replace(settings, max_piece_chars=1_000))):
        doc = annotate_text(nlp, text, s)
        assert doc.tensor.size == 0 and doc.text == text
