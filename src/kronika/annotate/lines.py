"""A spaCy Doc before parsing -> the same Doc with sentence starts at paragraph breaks and list items.

The parser joins the lines of a chronology ("- **1917** – Released ...\n- **Summer 1917** – Takes part
...") into one sentence, so a date from one line governs the events of the next. A paragraph break
(a blank line), a list item ("-", "*", "•", "1.") or a Markdown heading at the start of a line always
starts a sentence; a plain line break inside a paragraph (hard-wrapped prose) does not.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

BULLETS = {"-", "*", "•", "–", "—", "#", "##", "###", "+"}


def _starts_item(doc: Doc, i: int) -> bool:
    t = doc[i]
    if t.text in BULLETS:
        return True
    # "1." / "12)" numbered items
    return t.like_num and i + 1 < len(doc) and doc[i + 1].text in (".", ")") and len(t.text) <= 3


@Language.component("kronika_line_breaks",
                    assigns=["token.is_sent_start"], requires=[], retokenizes=False)
def line_breaks(doc: Doc) -> Doc:
    """Mark sentence starts after blank lines and at list items and headings."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        ws = prev.text if prev.is_space else prev.whitespace_
        if "\n" not in ws and not (prev.is_space and "\n" in prev.text):
            continue
        t = doc[i]
        if t.is_space:
            continue
        if ws.count("\n") >= 2 or (prev.is_space and prev.text.count("\n") >= 2) or _starts_item(doc, i):
            t.is_sent_start = True
            if _starts_item(doc, i):     # the item's text belongs with its bullet
                j = i + 1
                while j < len(doc) and (doc[j].is_space or doc[j].text in (".", ")")):
                    j += 1
                if j < len(doc) and "\n" not in doc[j - 1].text_with_ws:
                    doc[j].is_sent_start = False
                # "- 1939 – She moves ...": a dash or colon after the item's label does not end a sentence
                k = j + 1
                while k < len(doc) and "\n" not in doc[k - 1].text_with_ws:
                    p = k - 1
                    while p > i and doc[p].is_space:
                        p -= 1
                    if doc[p].text in ("–", "—", "-", ":") and not doc[k].is_space:
                        doc[k].is_sent_start = False
                    k += 1
    return doc
