"""analyse.annotate_file: the library's own check of the creation date (the CLI is not the only caller)."""
from __future__ import annotations

import pytest

from kronika.analyse import annotate_file
from kronika.errors import UsageError
from kronika.settings import load_settings


@pytest.mark.parametrize("dct", ["2013-13-45", "2013-02-30", "yesterday", "20x3", "2013-00"])
def test_a_date_off_the_calendar_is_refused_before_any_work(tmp_path, dct):
    doc = tmp_path / "a.txt"
    doc.write_text("Marie Curie was born in Warsaw in 1867.", encoding="utf-8")
    with pytest.raises(UsageError, match="not a date on the calendar"):
        annotate_file(str(doc), load_settings(), dct=dct)


def test_a_missing_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="is not a file"):
        annotate_file(str(tmp_path / "none.txt"), load_settings(), dct="2013-03-22")
