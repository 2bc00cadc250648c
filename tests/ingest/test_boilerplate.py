"""Boilerplate marking on invented texts: every rule marks, never cuts, and keeps offsets exact."""
from kronika.ingest.boilerplate import find_boilerplate, parse_byline

PROSE = ("The harbour was rebuilt in the spring of 1921, after the flood had taken the old quay and most of the "
         "warehouses along it. The engineers argued for a year about the new design before the council decided.")


def _marks(text):
    stripped, byline = find_boilerplate(text)
    for s in stripped:
        assert text[s.start:s.end] == s.text
    return {s.text: s.reason for s in stripped}, byline


def test_comment_prompt_and_form_at_the_end():
    text = f"A title\n\n{PROSE}\n\n{PROSE}\n\nPost a comment\nName *\nEmail *\nWebsite\n"
    marks, _ = _marks(text)
    assert any(t.startswith("Post a comment") for t in marks)
    assert all(PROSE not in t for t in marks)


def test_comments_after_a_count_header_are_marked():
    text = f"{PROSE}\n\n{PROSE}\n\n3 Comments\n\nAnna says:\nI loved this piece about the harbour, thank you for writing it.\nReply\n"
    marks, _ = _marks(text)
    joined = " ".join(marks)
    assert "I loved this piece" in joined and "3 Comments" in joined


def test_cookie_and_privacy_notices():
    text = (f"{PROSE}\n\nWe use cookies to give you the best experience on our site.\n"
            "By continuing to browse this site, you agree to our Privacy Policy and Terms of Use.\n")
    marks, _ = _marks(text)
    assert set(marks.values()) == {"cookie"}


def test_share_widget_run_and_related_posts():
    text = f"{PROSE}\n\nShare this:\nTumblr\nReddit\nLike this:\nRelated\nThe bridge at Marden\nA walk along the canal\n"
    marks, _ = _marks(text)
    joined = "\n".join(marks)
    for word in ("Tumblr", "Reddit", "Like this:", "The bridge at Marden"):
        assert word in joined


def test_header_navigation_and_crumbs():
    text = f"Skip to main content\nHome » History » Harbours\n\nThe new harbour\n\n{PROSE}\n"
    marks, _ = _marks(text)
    assert "Skip to main content" in " ".join(marks) and "Home » History » Harbours" in " ".join(marks)
    assert "The new harbour" not in " ".join(marks)


def test_tags_posted_in_and_copyright_footer():
    text = f"{PROSE}\n\nPosted in Local history\nTagged: floods, harbours\nCopyright 2003 Harbour Society\n"
    marks, _ = _marks(text)
    assert {"tags", "footer"} <= set(marks.values())


def test_repeated_title_lines_at_the_top():
    text = f"harbour notes\n\nThe Harbour Notes of Anna Berg\n\nharbour notes\n\n{PROSE}\n"
    stripped, _ = find_boilerplate(text)
    assert [(s.text, s.reason) for s in stripped] == [("harbour notes", "repeated title")] * 2


def test_repeated_identical_heading_keeps_the_first():
    text = f"The flood of 1921\nThe flood of 1921\n\n{PROSE}\n"
    stripped, _ = find_boilerplate(text)
    assert len(stripped) == 1 and stripped[0].start > 0


def test_prose_mentioning_cookies_or_sharing_is_not_marked():
    text = (f"{PROSE}\n\nShe baked cookies for the workers every Sunday and shared them along the quay.\n\n{PROSE}\n")
    marks, _ = _marks(text)
    assert marks == {}


def test_short_heading_inside_prose_is_kept():
    text = f"{PROSE}\n\nMore\n\n{PROSE}\n"
    marks, _ = _marks(text)
    assert marks == {}


def test_byline_forms():
    assert parse_byline("Submitted by anna_k on 3 March, 2009 - 08:05") == ("anna_k", "2009-03-03T08:05")
    assert parse_byline("Posted by Jane Doe on March 3, 2015") == ("Jane Doe", "2015-03-03")
    assert parse_byline("By John Smith | 12 May 2010") == ("John Smith", "2010-05-12")
    assert parse_byline("Published on 4 July 2001 by Carl Nyberg") == ("Carl Nyberg", "2001-07-04")
    assert parse_byline("By Maria de la Cruz") == ("Maria de la Cruz", None)
    assert parse_byline("Posted on 2019-11-02") == (None, "2019-11-02")
    assert parse_byline("By the end of the war the harbour was closed.") is None
    assert parse_byline("Posted by many visitors over the years") is None
    assert parse_byline("By his death, Serge wrote.") is None
    assert parse_byline("By JANE DOE, Associated Press") == ("Jane Doe", None)


def test_byline_is_marked_and_returned():
    text = f"The harbour\n\nWritten by Olu Ade on 9 August 2012 at 4:30 pm\n\n{PROSE}\n"
    stripped, byline = find_boilerplate(text)
    assert byline.author == "Olu Ade" and byline.published == "2012-08-09T16:30"
    assert [s.reason for s in stripped] == ["byline"]
    assert text[byline.start:byline.end].startswith("Written by")


def test_references_section_at_the_end():
    text = (f"Anna Berg (1850 – 1921) was a harbour engineer.\n\n{PROSE}\n\n{PROSE}\n\n== References ==\n"
            "Smith, J. (1990). Harbours of the North. Leeds: Dock Press.\nRetrieved 3 May 2011.\n\nExternal links\nharbours.example.org\n")
    stripped, _ = find_boilerplate(text)
    assert [s.reason for s in stripped] == ["references"]
    assert stripped[0].text.startswith("== References ==") and stripped[0].text.endswith("harbours.example.org")


def test_notes_heading_early_is_not_a_zone():
    text = f"Notes\n\n{PROSE}\n\n{PROSE}\n"
    assert find_boilerplate(text)[0] == []


def test_wordpress_footer_lines_do_not_extend_the_prose():
    text = (f"A walk\n\n{PROSE}\n\nShare this:\nClick to share on Twitter (Opens in new window)\nLike this:\nRelated\n"
            "This entry was posted in Walks and tagged hills, rain. Bookmark the permalink.\n← Previous post\n")
    stripped, _ = find_boilerplate(text)
    marked = "\n".join(s.text for s in stripped)
    for line in ("Share this:", "Like this:", "Related", "Bookmark the permalink.", "← Previous post"):
        assert line in marked


def test_agency_byline_and_updated_line_combine():
    text = f"Harbour closes\n\nBy ANNA BERG, Associated Press\nUpdated 3:45 PM EST, Tue March 3, 2015\n\n{PROSE}\n"
    stripped, byline = find_boilerplate(text)
    assert (byline.author, byline.published) == ("Anna Berg", "2015-03-03")
    assert [s.reason for s in stripped] == ["byline"]


def test_subscribe_boxes_and_site_credits():
    text = (f"{PROSE}\n\nSubscribe to our newsletter\nEnter your email address to follow this blog and receive "
            "notifications of new posts.\nJoin 1,204 other subscribers\nProudly powered by WordPress\n")
    stripped, _ = find_boilerplate(text)
    assert {s.reason for s in stripped} == {"subscribe", "footer"}
    assert "Join 1,204 other subscribers" in "\n".join(s.text for s in stripped)


def test_discussion_section_of_a_paper_is_kept():
    text = f"Results\n\n{PROSE}\n\n{PROSE}\n\nDiscussion\n\n{PROSE}\n"
    assert find_boilerplate(text)[0] == []


def test_heading_starting_with_a_tag_word_is_kept():
    text = f"Category theory for historians\n\n{PROSE}\n\nTopics in harbour law\n\n{PROSE}\n"
    assert find_boilerplate(text)[0] == []


def test_news_about_a_privacy_policy_is_kept_but_legal_links_are_not():
    text = (f"{PROSE}\n\nThe company changed its privacy policy in 2018 after complaints from users in Europe.\n\n{PROSE}\n\n"
            "Privacy Policy | Terms of Use | Sitemap\n")
    stripped, _ = find_boilerplate(text)
    assert [(s.reason, s.text) for s in stripped] == [("footer", "Privacy Policy | Terms of Use | Sitemap")]


def test_refrain_of_a_poem_is_kept():
    text = "O river, river\nthe mill is gone\nO river, river\nthe town is gone\nO river, river\n"
    assert find_boilerplate(text)[0] == []


def test_line_analysis_reads_only_the_annotated_head_but_the_text_is_kept_whole():
    from kronika.ingest.documents import analysed_part, make_document

    body = "Ada Morel was born in Lyon in 1890 and taught in Oslo until she retired in 1950.\n" * 50
    tail = "word\n" * 100_000  # a long run of one-word lines after the head
    text = body + tail
    doc = make_document("x.txt", text, "h", "txt", limit=len(body) + 10)
    assert doc.text == text  # nothing cut
    assert all(s.end <= len(body) + 10 for s in doc.stripped)
    head = analysed_part(text, len(body) + 10)
    assert head.endswith("\n") and len(head) <= len(body) + 10 and text.startswith(head)
    assert analysed_part(text, None) is text and analysed_part("short", 100) == "short"
    # no line end in the second half of the bound: cut at the bound itself
    assert analysed_part("x" * 30 + "\n" + "y" * 200, 100) == ("x" * 30 + "\n" + "y" * 200)[:100]
