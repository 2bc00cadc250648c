"""Question parsing: type, subject, relation, year, anchor, focus (rules, no store)."""
import pytest

from kronika.ask.questions import parse


@pytest.mark.parametrize("text, wh, subject, relation, answer_type", [
    ("Where did Victor Serge die?", "where", "Victor Serge", "death", "PLACE"),
    ("When was Serge born?", "when", "Serge", "birth", "DATE"),
    ("Who did Serge work with?", "who", "Serge", "work_with", "PERSON"),
    ("What did Serge write?", "what", "Serge", "write", "WORK"),
    ("Which organisation was Serge jailed for?", "which", "Serge", "imprisonment", "ORG"),
    ("Who was Trotsky's widow?", "who", "Trotsky", "widow", "PERSON"),
    ("Where was Serge exiled?", "where", "Serge", "exile", "PLACE"),
    ("Who was Elsa Poretsky's husband?", "who", "Elsa Poretsky", "spouse", "PERSON"),
    ("Which party did Trotsky join in 1917?", "which", "Trotsky", "member", "ORG"),
    ("How many books did Serge write?", "how", "Serge", "write", "NUMBER"),
])
def test_parse_kinds(text, wh, subject, relation, answer_type):
    q = parse(text)
    assert (q.wh, q.subject, q.relation, q.answer_type) == (wh, subject, relation, answer_type)


def test_year_and_open_answer():
    q = parse("What happened to Serge in 1919?")
    assert q.year == 1919 and q.subject == "Serge" and q.answer_type is None and q.relation is None


def test_after_anchor():
    q = parse("What did Serge do after his release from prison?")
    assert q.direction == "after" and q.anchor == "his release from prison" and q.subject == "Serge"


def test_other_names_and_focus():
    q = parse("When did Serge visit Japan?")
    assert q.subject == "Serge" and q.others == ["Japan"]
    q = parse("Who was Serge's dentist?")
    assert q.focus == ["dentist"] and q.relation is None
    q = parse("Who was Trotsky's first wife?")
    assert "first" in q.focus and q.trigger == "wife"


def test_gendered_kin_word_is_kept():
    assert parse("Who was Serge's daughter?").trigger == "daughter"
