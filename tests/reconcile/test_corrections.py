"""Corrections checked before they are stored: ISO dates of the calendar, ranges in order, stable fact ids."""
from __future__ import annotations

from datetime import date

import pytest

from kronika.errors import KronikaError, UsageError
from kronika.reconcile.corrections import date_range, iso_bounds
from kronika.records import fact_id


@pytest.mark.parametrize("text, lo, hi", [
    ("1919", date(1919, 1, 1), date(1919, 12, 31)),
    ("1919-02", date(1919, 2, 1), date(1919, 2, 28)),
    ("1920-02", date(1920, 2, 1), date(1920, 2, 29)),
    ("1919-03-05", date(1919, 3, 5), date(1919, 3, 5)),
    (" 2011-09-28T12:24 ", date(2011, 9, 28), date(2011, 9, 28)),
])
def test_iso_bounds_of_dates(text, lo, hi):
    assert iso_bounds(text) == (lo, hi)


@pytest.mark.parametrize("text", ["2013-13-45", "2013-13", "2013-02-30", "1919-00", "0000", "yesterday", "",
                                  "19190", "1919-1-5", "2011-09-28T25:00", "1919..1920"])
def test_iso_bounds_refuses_what_is_no_calendar_date(text):
    assert iso_bounds(text) is None


def test_date_range_in_order_or_refused():
    assert date_range("1919-01..1919-03") == ("1919-01", "1919-03")
    assert date_range("1919") == ("1919", "1919")
    assert date_range("1919..1919-05") == ("1919", "1919-05")       # overlapping precisions are in order
    for bad in ("1919-03..1919-01", "1920..1919", "1919-13..1920", "1919..later", "..1919"):
        with pytest.raises(KronikaError) as exc:
            date_range(bad)
        assert not isinstance(exc.value, UsageError) and exc.value.exit_code == 1
        assert str(exc.value).count("\n") == 0


def test_fact_id_is_stable_and_tells_values_apart():
    a = fact_id("p-x", "birth_date", "30 December 1890", "1890-12-30")
    assert a == fact_id("p-x", "birth_date", "30th December 1890", "1890-12-30")    # same normalised value
    assert a != fact_id("p-x", "birth_date", "31 December 1890", "1890-12-31")
    assert a != fact_id("p-y", "birth_date", "30 December 1890", "1890-12-30")
    assert fact_id("p-x", "occupation", "Writer", None) == fact_id("p-x", "occupation", "writer ", None)
    assert a.startswith("f-") and len(a) == 12
