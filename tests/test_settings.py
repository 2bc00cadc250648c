"""Every setting is documented where it is defined, and the environment can override it."""
from __future__ import annotations

import inspect
from dataclasses import fields

from kronika import settings as mod
from kronika.settings import Settings, load_settings


def test_every_setting_has_a_doc_comment():
    src = inspect.getsource(mod.Settings)
    lines = src.splitlines()
    for f in fields(Settings):
        idx = next(i for i, l in enumerate(lines) if l.strip().startswith(f"{f.name}:"))
        assert lines[idx - 1].strip().startswith("#:"), f"setting {f.name} has no #: comment above it"


def test_environment_overrides(monkeypatch):
    monkeypatch.setenv("KRONIKA_MAX_BYTES", "1234")
    monkeypatch.setenv("KRONIKA_PORT", "not a number")
    s = load_settings()
    assert s.max_bytes == 1234 and s.port == 8000
    assert load_settings(max_bytes=5).max_bytes == 5
