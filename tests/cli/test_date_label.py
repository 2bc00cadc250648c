"""The timeline shows an interval at the precision its evidence has, never a mixed form."""
from __future__ import annotations

import pytest

from kronika.cli.render import date_label


@pytest.mark.parametrize("start, end, label", [
    ("1885", "1885", "1885"),
    ("1885", "1887", "1885–1887"),
    ("1906-03", "1906-05", "spring 1906"),
    ("1917-12", "1918-02", "winter 1917"),
    ("1919", None, "after 1919"),
    (None, "1919", "before 1919"),
    ("1890", "1890-12-31", "1890"),
    ("1890-01-01", "1892", "1890–1892"),
    ("1840-11-14", "1840-11-14", "14 November 1840"),
    ("1850-05", "1850-08", "May–August 1850"),
    ("1870-09", "1871-05", "September 1870 – May 1871"),
    (None, None, "undated"),
])
def test_date_label(start, end, label):
    assert date_label({"start": start, "end": end}) == label
    if start or end:
        assert date_label({"start": start, "end": end, "inferred": True}) == "~" + label
