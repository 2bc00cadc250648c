"""Conversion debris (footnote markers, caption tails, underscore emphasis) is marked, never cut."""
from kronika.ingest.boilerplate import find_debris
from kronika.ingest.documents import make_document


def _marks(text, fmt="md"):
    out = find_debris(text, fmt)
    for s in out:
        assert text[s.start:s.end] == s.text
    return [(s.text, s.reason) for s in out]


def test_footnote_markers_and_runs():
    text = "Ada Brill moved to Lyon in 1901.[12][13] She taught there[a] for a year.[citation needed]"
    assert _marks(text) == [("[12][13]", "footnote"), ("[a]", "footnote"), ("[citation needed]", "footnote")]


def test_caption_tail_before_the_prose_on_its_line():
    text = ("Early years\n\nthe mill at Hove where she worked, about 1890.[4]]] In 1891 she left Hove.\n"
            "]]\nShe married in 1893.")
    marks = _marks(text)
    assert marks[0] == ("the mill at Hove where she worked, about 1890.[4]]]", "caption")
    assert ("]]", "caption") in marks
    assert not any("In 1891" in t for t, _ in marks)


def test_underscore_emphasis_only_in_markdown_and_text():
    text = "She edited _The Quarry Review_ and wrote snake_case notes."
    assert _marks(text) == [("_", "markup"), ("_", "markup")]
    assert _marks(text, "html") == []


def test_a_document_keeps_its_text_and_marks_the_debris():
    text = "Ada Brill was born in Lyon.[1] She died in Nice in 1950.[2][3]\n"
    d = make_document("a.md", text, "x", "md")
    assert d.text == text
    assert [s.text for s in d.stripped] == ["[1]", "[2][3]"]


def test_many_markers_stay_linear():
    text = "word [1] " * 50000
    assert len(find_debris(text, "md")) == 50000
