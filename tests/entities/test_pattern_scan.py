"""PatternFinder.scan finds exactly the matches of its Matcher patterns (with the capitalised-last-token test)."""
from pathlib import Path

import pytest

from kronika.extract.entities.patterns import _CAP_LAST, _cap

TEXTS = [
    "In his novel Midnight in the Century (1939) Victor Serge wrote of General Kutepov and Comrade Trotsky. "
    "Review: The Case of Comrade Tulayev – by Victor Serge. She reviewed: Conquered City, their Birthright. "
    "Trotsky's History of the Russian Revolution (1930) and Lenin’s State and Revolution (1917) appeared. "
    "Emma Goldman met Alexander Berkman; Tsar Nicholas II abdicated in 1917. his work ( 1905 ) review Men",
    "",
    "review",
    "Serge's",
]


def _matcher_matches(finder, doc):
    out = []
    for m, s, e in finder.matcher(doc):
        name = doc.vocab.strings[m]
        if name not in _CAP_LAST or _cap(doc[e - 1]):
            out.append((name, s, e))
    return sorted(out)


def test_scan_equals_matcher(nlp):
    finder = nlp.get_pipe("kronika_entities").finder
    for text in TEXTS:
        doc = nlp(text)
        assert sorted(finder.scan(doc)) == _matcher_matches(finder, doc)


def test_scan_equals_matcher_on_the_wikipedia_pages(nlp):
    pages = Path(__file__).resolve().parents[3] / "shared/eval/wikipedia_revolutionaries_2019/pages"
    if not pages.is_dir():
        pytest.skip("../shared is absent")
    finder = nlp.get_pipe("kronika_entities").finder
    for f in sorted(pages.glob("*.md"))[:3]:
        doc = nlp(f.read_text(encoding="utf-8"))
        assert sorted(finder.scan(doc)) == _matcher_matches(finder, doc)
