"""A document and its parse in, whether it retells a novel out, and whether one statement is told from the plot."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import Document


FACTUAL_GENRES = {"essay", "article", "biography", "news", "memoir", "letter"}


FICTION_PHRASES = ("semi-autobiographical", "semi autobiographical", "the novel", "this novel",
                   "protagonist", "the narrator", "'s hero", "’s hero", "the heroine", "the plot",
                   "autobiographical novel", "fictionalised", "fictionalized")


NONFICTION_PHRASES = ("this memoir", "the memoir", "his memoirs", "her memoirs", "memoirs of", "this biography",
                      "the biography", "autobiography", "this history", "true story", "non-fiction", "nonfiction")


def is_fiction_doc(document: Document, sdoc: Doc) -> bool:
    """A review or retelling of a novel: 'the novel', 'this novel', 'semi-autobiographical', 'protagonist'."""
    if document.genre == "fiction":
        return True
    if document.genre in FACTUAL_GENRES:
        return False
    low = sdoc.text.lower()
    score = sum(low.count(ph) for ph in FICTION_PHRASES)
    factual = sum(low.count(ph) for ph in NONFICTION_PHRASES)
    return score >= 2 and score > factual


PLOT_WORDS = {"novel", "book", "hero", "heroine", "protagonist", "narrator", "plot", "chapter", "story",
              "character", "characters", "tale", "trilogy", "fiction"}


def plot_statement(head: Token) -> bool:
    """In a review of a novel, is this event retold from the plot? A plain past-tense statement outside
    any mention of the book ("Serge knew prison all too well") is the author's life, not the plot."""
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    past = verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    if not past:
        return True
    return any(w.lemma_.lower() in PLOT_WORDS for w in head.sent)
