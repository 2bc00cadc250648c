"""Issue 15 on sentences written for these tests: a vocabulary for any life, what is not the life, labels."""
from __future__ import annotations

from kronika.extract.events.sections import heading_kind, life_span, non_life_ranges

from .conftest import timex

ADA = {"Ada Brill": ["Ada Brill", "Brill"]}
TOM = {"Tomas Veld": ["Tomas Veld", "Veld"]}


def only(evs):
    return [(e.type, e.summary) for e in evs]


def test_new_types(events):
    cases = [
        ("Ada Brill was awarded the Nobel Prize in Physics in 1931.", ADA, "award", "Awarded the Nobel Prize in Physics"),
        ("In 1920 Ada Brill discovered a new comet.", ADA, "discovery", "Discovered a new comet"),
        ("Tomas Veld invented the folding bicycle in 1890.", TOM, "discovery", "Invented the folding bicycle"),
        ("Ada Brill composed her first symphony in 1899.", ADA, "creation", "Composed her first symphony"),
        ("Tomas Veld built the first steam car in 1886.", TOM, "creation", "Built the first steam car"),
        ("Ada Brill exhibited her paintings in Paris in 1874.", ADA, "premiere", "Exhibited her paintings in Paris"),
        ("Tomas Veld was appointed professor of chemistry at Lyon in 1905.", TOM, "appointment",
         "Appointed professor of chemistry at Lyon"),
        ("Tomas Veld was named director of the observatory in 1920.", TOM, "appointment",
         "Named director of the observatory"),
        ("Tomas Veld was elected to the Academy in 1902.", TOM, "election", "Elected to the Academy"),
        ("Tomas Veld won the national chess championship in 1911.", TOM, "competition",
         "Won the national chess championship"),
        ("Tomas Veld finished second in the Boston marathon in 1930.", TOM, "competition",
         "Finished second in the Boston marathon"),
    ]
    for text, who, typ, label in cases:
        assert only(events(text, who, places=["Paris", "Lyon"])) == [(typ, label)], text


def test_a_works_premiere_belongs_to_its_author(events):
    evs = events("Her opera premiered in Milan in 1902. Ada Brill was delighted.", ADA, places=["Milan"])
    assert only(evs) == [("premiere", "Opera premiered in Milan")]
    assert evs[0].source.quote == "Her opera premiered in Milan in 1902"


def test_not_a_sense_of_the_new_types(events):
    for text in ("Tomas Veld was named after his grandfather.", "Tomas Veld built a career as a lawyer."):
        assert events(text, TOM) == [], text


def test_what_did_not_happen_is_not_an_event(events):
    for text in ("Tomas Veld would have become a lawyer had his father lived.",
                 "Tomas Veld was refused a place at the university.",
                 "Tomas Veld failed to win the election of 1904.",
                 "Tomas Veld planned to move to Paris, but the war intervened.",
                 "Tomas Veld never married.",
                 "Tomas Veld declined the offer to move to Geneva.",
                 "In the 1985 film, Tomas Veld is portrayed travelling to Oslo."):
        assert events(text, TOM, places=["Paris", "Geneva", "Oslo"]) == [], text


def test_a_rumour_is_labelled_as_one(events):
    evs = events("It was rumoured that Tomas Veld had married a dancer in Rome.", TOM, places=["Rome"])
    assert [(e.type, e.hedged) for e in evs] == [("marriage", True)]
    assert evs[0].summary.startswith("Reportedly married")


def test_labels_carry_no_dates_debris_or_half_names(events):
    text = "Ada Brill married Tomas Veld (1876–1954) in Paris in 1900."
    evs = events(text, {**ADA, **TOM}, places=["Paris"])
    assert [e.summary for e in evs if e.subject == "Ada Brill"] == ["Married Tomas Veld"]
    text = ("Ada Brill published a long essay on the history of the printing trade in the German cities of the "
            "fifteenth century.")
    label = events(text, ADA)[0].summary
    assert label.startswith("Published a long essay") and not label.endswith((" the", " of", " in"))


def test_sections_that_are_not_the_life():
    assert heading_kind("Legacy") == "other" and heading_kind("In popular culture") == "other"
    assert heading_kind("Death and legacy") == "life" and heading_kind("Paris (1920–1936)") == "life"
    assert heading_kind("Items named in honour of his life and work") == "other"
    assert heading_kind("Works") == "list" and heading_kind("Chess career") == "life"
    text = ("TOMAS VELD (3 May 1850 – 1 June 1920) was a chemist.\n\nEarly life\n\nVeld was born in Lyon.\n\n"
            "Legacy\n\nA street was named after him in 1950.\n\nBuildings\n\nThe Veld Hall opened in 1960.\n\n"
            "Works\n\n-   On Salts (1880)\n-   On Acids (1890)\n\nReferences\n\n")
    zones = non_life_ranges(text)
    assert len(zones) == 1 and text[zones[0][0]:].startswith("Legacy")
    assert life_span(text) == (1850, 1920)
    assert life_span("JAN KOS ( ; – 6 January 1918) was a poet.") == (None, 1918)
    prose = "Works\n\n" + "In 1880 he wrote his first long treatise on the salts of the river valley, and sent it to Paris.\n" * 3
    assert non_life_ranges("Intro.\n\n" + prose) == []


def test_after_the_death_only_posthumous_honours_and_burial(events):
    text = ("TOMAS VELD (3 May 1850 – 1 June 1920) was a chemist. Veld moved to Lyon in 1880. "
            "Veld was awarded the Grand Medal of the Academy in 1925. Veld was reburied in Paris in 1930. "
            "In 1950 Veld was honoured with a statue in Lyon.")
    tx = [timex(text, "1880", "1880", "1880"), timex(text, "1925", "1925", "1925"),
          timex(text, "1930", "1930", "1930"), timex(text, "1950", "1950", "1950")]
    evs = events(text, TOM, places=["Lyon", "Paris"], timexes=tx, genre="biography")
    got = only(evs)
    assert ("travel", "Moved to Lyon") in got
    assert ("award", "Posthumously awarded the Grand Medal of the Academy") in got
    assert any(t == "other" and s.startswith("Reburied") for t, s in got)
    assert not any("statue" in s for _, s in got)


def test_creating_a_mood_is_not_a_creation(events):
    assert "creation" not in [e.type for e in events("Tomas Veld's letters kept creating a sense of unease.", TOM)]
    assert [e.type for e in events("Tomas Veld created a new theory of heat.", TOM)] == ["creation"]


def test_a_given_name_is_not_an_appointment(events):
    assert events("At birth Tomas Veld was named Tomasz Veldowski.", TOM) == []


def test_patents_inventions_and_bare_nouns(events):
    assert only(events("Tomas Veld was granted a patent for his engine in 1886.", TOM)) == [
        ("award", "Granted a patent for his engine")]
    assert only(events("His invention of the folding bicycle made Tomas Veld rich.", TOM)) == [
        ("discovery", "Invented the folding bicycle")]
    bare = events("Despite his invention, Tomas Veld stayed poor.", TOM)   # a bare word: reconcile leaves it out
    assert [len(e.summary.split()) for e in bare] in ([], [1])


def test_entering_school_volunteering_and_assignments(events):
    got = only(events("Tomas Veld volunteered for the army in 1917 and was assigned to the 86th Division.", TOM))
    assert got == [("role", "Volunteered for the army"), ("appointment", "Assigned to the 86th Division")]
    assert only(events("Tomas Veld entered graduate school in 1910.", TOM)) == [("education", "Entered graduate school")]
    assert events("Tomas Veld entered the room and volunteered to help.", TOM) == []


def test_a_title_in_underscores_stays_in_the_label(events):
    text = "In 1936 Ada Brill wrote _The Salt Roads_ and _Winter Light_, two studies of trade."
    from kronika.annotate.pipeline import spacy_text
    from kronika.ingest.boilerplate import find_debris
    blanked = spacy_text(text, find_debris(text, "md"))
    evs = events(blanked, ADA)
    assert evs and evs[0].summary.startswith("Wrote The Salt Roads")


def test_the_events_stage_reads_life_dates_as_the_time_stage_does():
    from kronika.extract.events.sections import life_span

    assert life_span("Ada Morel (3 May 18501 June 1920) was a painter.") == (1850, 1920)   # dash lost
    assert life_span("Ada Morel (born 1869) is a painter.") == (1869, None)
    assert life_span("A painter married Tom Veld (1876–1954) in Lyon.") == (None, None)  # not the subject's
