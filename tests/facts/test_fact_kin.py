"""Family facts and person relations (our own sentences)."""
from __future__ import annotations

from .conftest import has, rel


def test_son_of(facts_of):
    facts, rels = facts_of("Hans Weber was a German architect. He was the son of Karl Weber and Ilse Brandt.")
    assert has(facts, "parent", "Karl Weber", "Hans Weber")
    assert has(facts, "parent", "Ilse Brandt", "Hans Weber")
    assert rel(rels, "Hans Weber", "child_of", "Karl Weber")


def test_his_brother(facts_of):
    facts, rels = facts_of("Emil Lang was a painter. His brother Otto Lang was a chemist.")
    assert has(facts, "sibling", "Otto Lang", "Emil Lang")
    assert rel(rels, "Emil Lang", "sibling_of", "Otto Lang") or rel(rels, "Otto Lang", "sibling_of", "Emil Lang")


def test_married(facts_of):
    facts, rels = facts_of("Felix Roth was a composer. In 1950 he married Anna Weiss, a singer.")
    assert has(facts, "spouse", "Anna Weiss", "Felix Roth")
    assert rel(rels, "Felix Roth", "spouse_of", "Anna Weiss")


def test_widow_and_comrade(facts_of):
    text = ("Mikhail Sorin was a Russian poet. In his final years his closest comrade was "
            "Pavel Orlov's widow Irina Orlova.")
    facts, rels = facts_of(text)
    assert rel(rels, "Irina Orlova", "widow_of", "Pavel Orlov")
    assert rel(rels, "Mikhail Sorin", "comrade_of", "Irina Orlova")
    assert has(facts, "spouse", "Pavel Orlov", "Irina Orlova")


def test_met_and_worked_with(facts_of):
    _, rels = facts_of("Luisa Serra was an Italian activist. In Turin she meets and works with Gramsci and Togliatti.")
    for other in ("Gramsci", "Togliatti"):
        assert rel(rels, "Luisa Serra", "met", other)
        assert rel(rels, "Luisa Serra", "worked_with", other)


def test_denounced_relative_clause(facts_of):
    _, rels = facts_of("Oleg Brik wrote novels. His novels are the kind of books that the critic "
                       "Ivan Petrov would denounce as decadent.")
    assert rel(rels, "Ivan Petrov", "denounced", "Oleg Brik")


def test_denounced_possessed_object(facts_of):
    _, rels = facts_of("Oleg Brik wrote novels. The critic Ivan Petrov denounced his poems in 1931.")
    assert rel(rels, "Ivan Petrov", "denounced", "Oleg Brik")


def test_opposed(facts_of):
    _, rels = facts_of("Vera Lenz was a socialist. She opposed the Nationalist Party throughout the 1930s.")
    assert rel(rels, "Vera Lenz", "opposed", "Nationalist Party")


def test_member_relation_from_fact(facts_of):
    facts, rels = facts_of("Jonas Berg was a Danish trade unionist. He was a member of the Social Democratic Party.")
    member = [f for f in facts if f.attribute == "member_of"]
    assert member and member[0].value_key
    assert any(r.relation == "member_of" and r.target_key == member[0].value_key and "Berg" in r.source_key
               for r in rels)


def test_born_to_parents(facts_of):
    facts, _ = facts_of("Anton Freed was a painter. He was born in Linz to Walter Freed and Maria Holz.")
    assert has(facts, "parent", "Walter Freed", "Anton Freed")
    assert has(facts, "parent", "Maria Holz", "Anton Freed")


def test_parents_wife_is_not_the_subjects_spouse(facts_of):
    facts, _ = facts_of("Ida Berg was a Swedish singer. She was the daughter of Nils Berg and his wife Karin Lund.")
    assert has(facts, "parent", "Nils Berg", "Ida Berg")
    assert not [f for f in facts if f.attribute == "spouse" and "Ida" in f.subject]


def test_namesake_parent(facts_of):
    facts, _ = facts_of("Paul Lemaire Jr. (born 1950) is a Belgian banker. He is the son of Paul Lemaire Sr. and Anne Roux.")
    assert any(f.attribute == "parent" and "Sr" in f.value for f in facts)


def test_wrote_about_and_influenced_by(facts_of):
    _, rels = facts_of("Marta Solis was a historian. She wrote about Rosa Luxemburg and was influenced by Karl Kautsky.")
    assert rel(rels, "Marta Solis", "wrote_about", "Rosa Luxemburg")
    assert rel(rels, "Karl Kautsky", "influenced", "Marta Solis")


def test_denounced_with_a_long_relative_clause(facts_of):
    _, rels = facts_of("Vera Stein was a poet. Her poems are not only testaments but masterpieces of modernism – "
                       "the very kind of poems that the censor Boris Lunts at the writers congress of 1936 "
                       "would denounce as the vile work of the bourgeoisie.")
    assert rel(rels, "Boris Lunts", "denounced", "Vera Stein")
