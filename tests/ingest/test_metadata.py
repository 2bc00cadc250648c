"""Titles, dates, signatures, genres and a review's subject, on texts written for these tests."""
import pytest

from kronika.ingest.boilerplate import find_boilerplate
from kronika.ingest.dates import normalise_iso, parse_date
from kronika.ingest.lines import split_lines
from kronika.ingest.metadata import describe, review_about

FILLER = ("The river rose twice that winter, and the town council met in the schoolhouse to decide what to do "
          "about the mill, which had flooded each time. Nobody agreed, and the meeting went on until midnight.")


def meta(text, fmt="txt", given=None):
    lines = split_lines(text)
    stripped, byline = find_boilerplate(text, lines)
    return describe(text, lines, stripped, byline, fmt, given)


@pytest.mark.parametrize("raw,iso", [
    ("28 September, 2011 - 12:24", "2011-09-28T12:24"),
    ("on March 3, 2015", "2015-03-03"),
    ("Sept. 9, 2001 at 11:05 pm", "2001-09-09T23:05"),
    ("Monday, 17 November 1947", "1947-11-17"),
    ("2004-02-29", "2004-02-29"),
    ("31/12/1999", "1999-12-31"),
    ("no date here", None),
])
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


def test_normalise_iso_drops_midnight_and_zone():
    assert normalise_iso("2020-08-17T00:00:00+02:00") == "2020-08-17"
    assert normalise_iso("2020-08-17T09:30:00Z") == "2020-08-17T09:30"


def test_heading_line_is_title_and_long_first_paragraph_is_not():
    assert meta(f"The mill at Marden\n\n{FILLER}\n")["title"] == "The mill at Marden"
    assert meta(f"{FILLER}\n\n{FILLER}\n")["title"] is None


def test_markdown_heading_title():
    assert meta(f"Some intro line\n\n# The *Mill* Book\n\n{FILLER}\n", "md")["title"] == "The *Mill* Book"


def test_given_metadata_wins():
    m = meta(f"A heading\n\n{FILLER}\n", given={"title": "Given", "author": "Ann Lee", "date": "2001-02-03", "genre": "memoir"})
    assert (m["title"], m["author"], m["published"], m["genre"]) == ("Given", "Ann Lee", "2001-02-03", "memoir")


def test_letter_genre_signature_and_date_line():
    text = (f"Oxford, 12 June 1931\n\nMy dear Agnes,\n\n{FILLER}\n\n{FILLER}\n\n"
            "With best wishes,\nEdward Thale\n")
    m = meta(text)
    assert (m["genre"], m["author"], m["published"]) == ("letter", "Edward Thale", "1931-06-12")


def test_news_dateline():
    text = f"Mill reopens\n\nMARDEN, March 2, 1956 (AP) — The mill reopened on Friday after repairs, officials said. {FILLER}\n"
    m = meta(text)
    assert (m["genre"], m["published"]) == ("news", "1956-03-02")


def test_chronology_is_biography():
    text = "# Jan Weber\n\n" + "\n".join(f"- {y}: moved again, this time to a new town." for y in range(1901, 1907))
    assert meta(text, "md")["genre"] == "biography"


def test_memoir():
    text = ("I was born in a farmhouse above the river. My father kept sheep and my mother kept the accounts, "
            "and I remember the winter the river froze. When I was ten we left for the city. " * 2)
    assert meta(text)["genre"] == "memoir"


def test_essay_first_person_plural():
    text = ("Against forgetting\n\nWe tend to think that memory is a private matter. We are wrong, I believe: "
            "our towns remember for us, and we should ask what they choose to keep. " * 3)
    assert meta(text)["genre"] == "essay"


def test_review_cues():
    text = ("I read this novel in one sitting. The author writes with great care, and I would recommend it "
            "to anyone who liked her first book. Four stars. " * 2)
    assert meta(text)["genre"] == "review"


def test_fiction_dialogue():
    text = ("\u201cWhere are you going?\u201d she asked. \u201cTo the mill,\u201d he said. "
            "\u201cIt will flood again,\u201d she said. \u201cThen I will swim,\u201d he replied. " * 3)
    assert meta(text)["genre"] == "fiction"


def test_plain_report_is_article_or_other():
    assert meta(f"Mill report\n\n{FILLER}\n\n{FILLER}\n")["genre"] in ("article", "other")


@pytest.mark.parametrize("title,text,about", [
    ("Review: The Long Field – by Ann Lee", "", "The Long Field"),
    ("Book review: Dry Stone | Northern Reader", "", "Dry Stone"),
    ("The Long Field, by Ann Lee", "", "The Long Field"),
    ("The Long Field – a review", "", "The Long Field"),
    ("The Long Field by Ann Lee review – a patient farm saga", "", "The Long Field"),
    (None, "This is my review of 'Salt and Iron', which I read in May.", "Salt and Iron"),
    (None, "Here is my review of *The Quiet Year* at last.", "The Quiet Year"),
    (None, "This is a review of The Harbour Lights of Kent, a first novel.", "The Harbour Lights of Kent"),
    (None, "I loved the novel, see my review.", None),
    (None, "A review of Ann Lee's Salt and Iron, her best book.", "Salt and Iron"),
    (None, "I finally read Ann Lee's Salt and Iron this winter.", "Salt and Iron"),
    (None, "I read it in May and loved it.", None),
    ("The Glass Road", "The Glass Road\nI loved it. The Glass Road is her best.", "The Glass Road"),
    ("A Winter in Vienna", "A Winter in Vienna\nI loved the book.", None),
])
def test_review_about(title, text, about):
    assert review_about(title, text) == about


def test_about_only_for_reviews():
    text = ("On mills\n\nWe should all read the review of Salt and Iron, we think. "
            + "We forget our mills; we should ask what our towns choose to keep, and why we let them go. " * 4 + FILLER)
    m = meta(text)
    assert m["genre"] != "review" and m["about"] is None


def test_markdown_front_matter(tmp_path):
    from kronika.ingest import iter_documents
    from kronika.settings import load_settings
    text = ("---\ntitle: \"Dry Stone Walls\"\nauthor: Kit Mears\ndate: 2018-04-09\ntags: [walls, farming]\n---\n\n"
            f"# Walls\n\n{FILLER}\n")
    (tmp_path / "walls.md").write_text(text)
    (d,) = iter_documents([str(tmp_path)], load_settings())
    assert (d.title, d.author, d.published) == ("Dry Stone Walls", "Kit Mears", "2018-04-09")
    assert d.stripped[0].reason == "front matter" and d.text[: d.stripped[0].end].endswith("---")
    assert d.text == text


def test_reference_biography_lead():
    text = ("Ada Quill (born Ada Marlow; 2 April 1851 – 9 January 1920) was an English engineer. She trained in "
            "Glasgow and worked on harbours in the north of England for most of her working life. " * 2)
    assert meta(text)["genre"] == "biography"


def test_news_without_dateline_reports_speech():
    text = ("Bridge to close for repairs\n\nTuesday, May 4, 2010\n\nThe old bridge will close for six months, the council "
            "announced on Monday. Engineers said the repairs were overdue. A council spokesman said traffic would be "
            "diverted through the town centre, and police said they expected delays. " * 2)
    m = meta(text)
    assert (m["genre"], m["published"]) == ("news", "2010-05-04")


def test_date_line_is_not_a_title():
    text = f"14 July 1921\n\nDear Tom,\n\n{FILLER}\n\nYours,\nMay\n"
    m = meta(text)
    assert (m["title"], m["published"], m["genre"], m["author"]) == (None, "1921-07-14", "letter", "May")


def test_biography_of_a_novelist_is_not_a_review():
    text = ("Her first novel appeared in 1931 and her second novel in 1934. The novels were set in the north, and "
            "the trilogy that followed made her name. She was born in Leeds and died in Whitby. Each novel sold well. " * 3)
    assert meta(text)["genre"] != "review"


def test_letter_to_the_editor():
    text = f"Sir,\n\n{FILLER}\n\n{FILLER}\n\nYours faithfully,\nMary Tolland\n"
    m = meta(text)
    assert (m["genre"], m["author"], m["title"]) == ("letter", "Mary Tolland", None)


def test_diary_entries_are_memoir():
    text = ("3 May 1921\n\nRain all day. Wrote letters and mended the nets.\n\n4 May 1921\n\n"
            "Went down to the harbour. The boats are back.\n\n5 May 1921\n\nNothing to report.\n")
    assert meta(text)["genre"] == "memoir"
