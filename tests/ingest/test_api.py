"""The public surface of kronika.ingest: an exact __all__, and one-line module docstrings saying what goes in and out."""
import importlib
import pkgutil

import kronika.ingest as ingest


def test_exact_all():
    assert sorted(ingest.__all__) == ["iter_documents", "iter_files", "read_path"]
    for name in ingest.__all__:
        assert callable(getattr(ingest, name))


def test_every_module_says_what_goes_in_and_out():
    for info in pkgutil.iter_modules(ingest.__path__):
        mod = importlib.import_module(f"kronika.ingest.{info.name}")
        first = (mod.__doc__ or "").strip().splitlines()[0]
        assert "->" in first, info.name
