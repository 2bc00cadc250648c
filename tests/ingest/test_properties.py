"""Property tests: ingest never raises on arbitrary bytes; stripped passages are exact and deterministic."""
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from kronika.ingest.boilerplate import find_boilerplate
from kronika.ingest.encoding import decode_bytes
from kronika.ingest.reader import read_path
from kronika.records import GENRES, Document, Failure
from kronika.settings import load_settings

SETTINGS = load_settings(max_bytes=100_000)
LINES = st.sampled_from([
    "Leave a Reply", "Share this:", "Twitter", "Posted by Ann Lee on 3 May 2001", "By Jo Park | 2 June 1999",
    "Tags: a, b", "© 2020 Site", "Home > A > B", "", "   ", "The mill flooded in 1921, and the town met to decide what to do.",
    "This website uses cookies.", "3 comments", "Reply", "A heading", "Dear Sir,", "Yours truly,",
    "---", "title: A", "<script>x()</script>", "<style>", "PARIS, 3 May 1920 (AP) - The strike ended, officials said.",
    "References", "# Heading",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(LINES, max_size=30).map("\n".join),
                  st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=20).map("\r\n".join))


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".warc", ".jsonl.gz"]))
def test_arbitrary_bytes_never_raise(tmp_path_factory, raw, suffix):
    path = tmp_path_factory.mktemp("p") / ("f" + suffix)
    path.write_bytes(raw)
    out = list(read_path(path.name, str(path), SETTINGS))
    assert out and all(isinstance(r, (Document, Failure)) for r in out)
    for r in out:
        if isinstance(r, Failure):
            assert r.reason and "\n" not in r.reason
        else:
            assert all(r.text[x.start:x.end] == x.text for x in r.stripped)


@hsettings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=3000))
def test_decode_bytes_total(raw):
    text, reason = decode_bytes(raw)
    assert (text is None) != (reason is None)


@hsettings(max_examples=200, deadline=None)
@given(text=TEXTS)
def test_stripped_exact_and_deterministic(text):
    first, byline = find_boilerplate(text)
    again, byline2 = find_boilerplate(text)
    assert first == again and byline == byline2
    last = -1
    for s in first:
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
        assert s.start > last
        last = s.end


@hsettings(max_examples=150, deadline=None)
@given(text=TEXTS, fmt=st.sampled_from(["txt", "md", "jsonl", "html"]))
def test_documents_keep_text_and_exact_passages(text, fmt):
    from kronika.ingest.documents import make_document
    d = make_document("x", text, "0" * 64, fmt)
    if isinstance(d, Failure):
        assert not text.strip()
        return
    assert d.text == text and d.genre in GENRES
    for s in d.stripped:
        assert d.text[s.start:s.end] == s.text
    assert d == make_document("x", text, "0" * 64, fmt)
