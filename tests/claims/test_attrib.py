"""Attributed claims read from the parse, on sentences written for the tests."""
from __future__ import annotations

import pytest

from .conftest import find


def test_active_judging_verb_with_as(claims_of):
    c = claims_of("In 1971 the shipping magnate Gerald Ashcombe denounced Hale as a wrecker and a fanatic.")
    got = find(c, holder="Gerald Ashcombe", stance="negative", kind="accusation")
    assert got and "Hale" in got[0].about


def test_passive_with_agent(claims_of):
    c = claims_of("Reyes was accused of cronyism by his former deputy, Lena Ortiz.")
    assert find(c, holder="Lena Ortiz", stance="negative", kind="accusation")


def test_praise_positive_and_object_target(claims_of):
    c = claims_of("Critics at the Evening Post praised Oliver Brandt's earlier novels.")
    got = find(c, holder="Evening Post", stance="positive")
    assert got and "Brandt" in got[0].about


def test_reported_speech_keeps_holders_stance(claims_of):
    c = claims_of("The opposition leader Sandra Ochoa argued that Mayor Daniel Reyes had betrayed the voters.")
    got = find(c, holder="Sandra Ochoa", stance="negative")
    assert got and "Reyes" in got[0].about


def test_negated_content(claims_of):
    c = claims_of("Mara Holt felt that the Weimar Republic was not a democracy but a brutal dictatorship.")
    assert find(c, holder="Mara Holt", stance="negative")


def test_according_to_and_in_the_view_of(claims_of):
    c = claims_of("Margaret Hale led the strike. According to the historian Alan Pryce, "
                  "she was the most effective organiser of her generation.")
    got = find(c, holder="Alan Pryce", stance="positive")
    assert got and "Hale" in got[0].about
    c = claims_of("In Ruth Ellery's view, Mayor Reyes is competent.")
    assert find(c, holder="Ruth Ellery", stance="positive")


def test_work_of_two_historians(claims_of):
    c = claims_of("The work of Anna Fehér and Péter Nagy has rehabilitated the poet Ilona Varga.")
    assert find(c, holder="Anna Fehér", stance="positive") and find(c, holder="Péter Nagy", stance="positive")


def test_slanders_came_from(claims_of):
    c = claims_of("The lies and slanders against Tomas Brandt came from the Party press.")
    got = find(c, stance="negative", kind="accusation", about="Brandt")
    assert got and got[0].holder and "press" in got[0].holder.lower()


def test_repudiation_by(claims_of):
    c = claims_of("Ilona Varga never recovered from her repudiation by the Writers' Union.")
    got = find(c, stance="negative", about="Varga")
    assert got and "Union" in got[0].holder


def test_objection_to(claims_of):
    c = claims_of("Jonas Weber wrote often. His objection to the rise of the Gestapo cost him his post.")
    got = find(c, holder="Weber", stance="negative")
    assert got and "Gestapo" in got[0].about


def test_standing_with_suffered(claims_of):
    c = claims_of("Jonas Weber argued with everyone. His standing with Rosa Lind suffered as a result.")
    got = find(c, holder="Rosa Lind", stance="negative")
    assert got and "Weber" in got[0].about


def test_warns_against(claims_of):
    c = claims_of("Jonas Weber lived in Vienna. He warns against the Gestapo in every letter.")
    assert find(c, holder="Weber", stance="negative", about="Gestapo")


def test_where_clause_holder_and_memoir(claims_of):
    c = claims_of("The attacks came from within the ranks of the Labour Party, where Tom Barker was slandered as "
                  "a traitor – not least in Gerald Ashcombe's memoir of the strike.")
    assert find(c, holder="Labour Party", stance="negative", about="Barker")
    assert find(c, holder="Gerald Ashcombe", stance="negative", about="Barker")


def test_relative_clause_holder(claims_of):
    c = claims_of("Ilona Varga, whom the critic Ernst Vogel would dismiss as a sentimental fool, wrote four books.")
    assert find(c, holder="Ernst Vogel", stance="negative")


def test_first_person_verbs_are_not_attributed(claims_of):
    c = claims_of("I praised the mayor in my column last year.")
    assert all(x.holder is None for x in c)


def test_claims_are_dated_when_the_text_dates_them(claims_of):
    c = claims_of("In 1971 the shipping magnate Gerald Ashcombe denounced Hale as a wrecker.")
    got = find(c, holder="Gerald Ashcombe")
    assert got and got[0].date is not None and got[0].date.start == "1971"
    c = claims_of("Ilona Varga, whom the critic Ernst Vogel at the writers congress of 1934 would denounce as vile, "
                  "wrote four books.")
    got = find(c, holder="Ernst Vogel", stance="negative")
    assert got and got[0].date is not None and got[0].date.start == "1934"


def test_described_relative_in_apposition(claims_of):
    c = claims_of("My grandmother, Elsa Brandt, ran the village school. My uncle despised her for her politics, "
                  "but my grandmother was a generous and fearless woman.")
    assert find(c, holder=None, stance="positive", about="Elsa Brandt")


def test_named_members_of_a_group_hold_the_claim(claims_of):
    c = claims_of("Tomas Brandt spoke often. Some historians, including Niamh Kelly, consider his early speeches naive.")
    assert find(c, holder="Niamh Kelly", stance="negative")


def test_two_holders_in_one_sentence(claims_of):
    c = claims_of("Sara Lind thought the ending was brilliant, while Tom Ek found it rushed and unconvincing.",
                  genre="review", about="The Night Harbour")
    assert find(c, holder="Sara Lind", stance="positive", about="The Night Harbour")
    assert find(c, holder="Tom Ek", stance="negative", about="The Night Harbour")


def test_badly_lemmatised_verb(claims_of):
    c = claims_of("The old sergeant Max Hoff hated Major Feldt.")
    assert find(c, holder="Max Hoff", stance="negative", about="Feldt")


def test_main_person_and_gender_guide_pronouns(claims_of):
    t = ("Rosa Lind was born in Riga. She moved to Berlin in 1905. Her friend Karl Weiss was a printer. "
         "He printed her pamphlets. Weiss praised the strikers, and later she denounced the Senate.")
    got = find(c := claims_of(t, title="Rosa Lind"), holder="Rosa Lind", stance="negative")
    assert got, c


def test_participle_clauses_inherit_the_holder(claims_of):
    c = claims_of("Ada Marlow resigned from the board in 1902, denouncing its chairman, Lord Vane.")
    got = find(c, holder="Ada Marlow", stance="negative", about="Vane")
    assert got and got[0].date is not None and got[0].date.start == "1902"
    c = claims_of("Tomas Brandt published a series of articles in Pravda, sharply criticising Grigory Zinoviev.")
    assert find(c, holder="Tomas Brandt", stance="negative", about="Zinoviev")


def test_claim_text_is_the_statement(claims_of):
    c = claims_of("Within the party Tom Barker was slandered as a dilettante, a traitor and an accomplice of murder "
                  "– not least in Gerald Ashcombe's memoir.")
    got = find(c, holder="Gerald Ashcombe")
    assert got and got[0].text == "a dilettante, a traitor and an accomplice of murder"
    c = claims_of("According to the historian Alan Pryce, Margaret Hale was the most effective organiser of her time.")
    got = find(c, holder="Alan Pryce")
    assert got and got[0].text.startswith("Margaret Hale was the most effective organiser")


def test_a_persons_critics_are_not_that_person(claims_of):
    c = claims_of("Oliver Brandt's critics argued that his novels were lazy and derivative.")
    got = find(c, stance="negative")
    assert got and got[0].holder == "critics" and "Brandt" in got[0].about


@pytest.mark.parametrize("text,holder,stance,about", [
    ("Tomas Brandt arrived in Moscow in 1920. Lenin considered him a dangerous fanatic.", "Lenin", "negative", "Brandt"),
    ("Tomas Brandt arrived in Moscow in 1920. Lenin regarded him as a dangerous fanatic.", "Lenin", "negative", "Brandt"),
    ("The Times hailed Mina Ortiz's novel as a masterpiece.", "Times", "positive", "Ortiz"),
    ("Gorky dismissed Brandt's play as sentimental rubbish.", "Gorky", "negative", "Brandt"),
    ("Orwell criticised Koestler for his naivety.", "Orwell", "negative", "Koestler"),
    ("Kerensky called Trotsky a traitor to the revolution.", "Kerensky", "negative", "Trotsky"),
    ("Many readers have praised the book Salt and Iron.", "readers", "positive", None),
])
def test_verbs_of_judging(claims_of, text, holder, stance, about):
    got = find(claims_of(text), holder=holder, stance=stance)
    assert got and (about is None or about in got[0].about)


def test_it_points_back_to_the_work(claims_of):
    c = claims_of("Many readers have praised Mina Ortiz's novel, but Anna Weiss condemned it.")
    assert find(c, holder="many readers", stance="positive", about="Ortiz")
    assert find(c, holder="Anna Weiss", stance="negative", about="Ortiz")
