"""atheris harness: arbitrary bytes as a .txt/.md/.html/.jsonl file must give Documents or Failures, never raise.

run: make fuzz   (or .venv/bin/python tests/fuzz/fuzz_ingest.py -max_total_time=60)
A crash found here becomes a regression test in tests/hostile/ or tests/ingest/.
"""
import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from kronika.ingest import iter_documents
    from kronika.records import Document, Failure
    from kronika.settings import load_settings

SETTINGS = load_settings(max_bytes=200_000)
SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".warc")
TMP = tempfile.mkdtemp(prefix="kronika-fuzz-")


def test_one(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = os.path.join(TMP, "f" + suffix)
    with open(path, "wb") as fh:
        fh.write(data[1:])
    for item in iter_documents([path], SETTINGS):
        assert isinstance(item, (Document, Failure))
        if isinstance(item, Document):
            for s in item.stripped:
                assert item.text[s.start:s.end] == s.text


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()
