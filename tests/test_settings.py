"""Every setting is documented where it is defined, and the environment can override it."""
from __future__ import annotations

import inspect
from dataclasses import fields

import pytest

from kronika import settings as mod
from kronika.errors import KronikaError, UsageError
from kronika.settings import Settings, load_settings


def test_every_setting_has_a_doc_comment():
    src = inspect.getsource(mod.Settings)
    lines = src.splitlines()
    for f in fields(Settings):
        idx = next(i for i, l in enumerate(lines) if l.strip().startswith(f"{f.name}:"))
        assert lines[idx - 1].strip().startswith("#:"), f"setting {f.name} has no #: comment above it"


def test_environment_overrides(monkeypatch):
    monkeypatch.setenv("KRONIKA_MAX_BYTES", "1234")
    monkeypatch.setenv("KRONIKA_HEDGE_FACTOR", "0.25")
    s = load_settings()
    assert s.max_bytes == 1234 and s.hedge_factor == 0.25 and s.port == 8000
    assert load_settings(max_bytes=5).max_bytes == 5


@pytest.mark.parametrize("name,raw,says", [
    ("PORT", "not a number", "whole number from 0 to 65535"), ("PORT", "70000", "from 0 to 65535"),
    ("MAX_BYTES", "abc", "whole number of at least 1"), ("MAX_BYTES", "-5", "at least 1"),
    ("MAX_BYTES", "1e6", "whole number"), ("BATCH_SIZE", "", "whole number"), ("N_PROCESS", "-1", "at least 0"),
    ("HEDGE_FACTOR", "1.5", "from 0 to 1"), ("HEDGE_FACTOR", "nan", "from 0 to 1"), ("MODEL", "  ", "non-empty"),
])
def test_a_bad_environment_value_is_refused_in_one_sentence(monkeypatch, name, raw, says):
    monkeypatch.setenv("KRONIKA_" + name, raw)
    with pytest.raises(KronikaError) as exc:
        load_settings()
    msg = str(exc.value)
    assert exc.value.exit_code == 1 and f"KRONIKA_{name}={raw!r}" in msg and says in msg and "\n" not in msg


def test_a_bad_override_is_a_usage_error():
    with pytest.raises(UsageError):
        load_settings(n_process=-2)
    assert load_settings(n_process=0).n_process == 0
