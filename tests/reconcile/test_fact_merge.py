"""Reconciling fact mentions (reconcile/facts.py) on hand-made rows."""
from __future__ import annotations

from kronika.reconcile.facts import merge_facts

IDS = {("a", "Ada Brook"): "p-ada", ("a", "Tom Hale"): "p-tom", ("b", "Ada Brook"): "p-ada",
       ("b", "Brook"): "p-ada", ("a", "Lena Hale"): "p-lena", ("b", "Lena Hale"): "p-lena"}


def gid(doc, key):
    return IDS.get((doc, key))


def row(i, doc, subject, attribute, value, iso=None, key=None, conf=0.8, start=0):
    return {"id": i, "doc": doc, "subject_key": subject, "attribute": attribute, "value": value, "value_iso": iso,
            "value_key": key, "confidence": conf, "start": start, "date_start": iso, "date_end": iso}


def test_disagreeing_sources_both_stay():
    out = merge_facts([row(1, "a", "Ada Brook", "birth_date", "3 May 1901", "1901-05-03"),
                       row(2, "b", "Ada Brook", "birth_date", "1902", "1902")], gid)
    assert sorted(f["value_iso"] for f in out) == ["1901-05-03", "1902"]


def test_one_date_per_document_the_most_confident():
    out = merge_facts([row(1, "a", "Ada Brook", "death_date", "1950", "1950", conf=0.85, start=400),
                       row(2, "a", "Ada Brook", "death_date", "9 June 1968", "1968-06-09", conf=0.9, start=10)], gid)
    assert [f["value_iso"] for f in out] == ["1968-06-09"]


def test_agreeing_mentions_add_up():
    out = merge_facts([row(1, "a", "Ada Brook", "spouse", "Tom Hale", key="Tom Hale", conf=0.5),
                       row(2, "b", "Ada Brook", "spouse", "tom  hale", key=None, conf=0.5)], gid)
    assert len(out) == 1 and out[0]["confidence"] == 0.75 and out[0]["value_id"] == "p-tom"


def test_nobody_is_their_own_spouse():
    out = merge_facts([row(1, "b", "Ada Brook", "spouse", "Brook", key="Brook")], gid)
    assert out == []


def test_a_wife_is_not_also_a_child():
    out = merge_facts([row(1, "a", "Ada Brook", "spouse", "Lena Hale", key="Lena Hale", conf=0.8),
                       row(2, "b", "Ada Brook", "spouse", "Lena Hale", key="Lena Hale", conf=0.7),
                       row(3, "a", "Ada Brook", "child", "Lena Hale", key="Lena Hale", conf=0.8)], gid)
    assert [f["attribute"] for f in out] == ["spouse"]


def test_rejected_facts_go():
    from kronika.records import fact_id
    out = merge_facts([row(1, "a", "Ada Brook", "award", "Nobel Prize")], gid,
                      {fact_id("p-ada", "award", "Nobel Prize", None)})
    assert out == []


def _place(attr, value, doc):
    return {"attribute": attr, "value": value, "sources": [{"doc": doc, "start": 0, "end": 5, "quote": value}]}


def test_a_city_and_its_country_or_old_name_do_not_conflict():
    from kronika.reconcile.conflicts import find_conflicts
    same = [_place("birth_place", "Leningrad", "a"), _place("birth_place", "Saint Petersburg", "b"),
            _place("birth_place", "Russia", "c")]
    assert find_conflicts(same, [], [], {}) == []
    clash = [_place("death_place", "Boston", "a"), _place("death_place", "Vienna", "b")]
    out = find_conflicts(clash, [], [], {})
    assert len(out) == 1 and {c["value"] for c in out[0]["claims"]} == {"Boston", "Vienna"}


def test_a_relative_merged_with_the_subject_keeps_the_name():
    ids = {("a", "Claude Monet"): "p-monet", ("a", "Claude Adolphe Monet"): "p-monet"}
    out = merge_facts([row(1, "a", "Claude Monet", "parent", "Claude Adolphe Monet", key="Claude Adolphe Monet")],
                      lambda d, k: ids.get((d, k)))
    assert len(out) == 1 and out[0]["value"] == "Claude Adolphe Monet" and out[0]["value_id"] is None
