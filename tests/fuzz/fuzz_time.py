"""atheris harness: arbitrary strings through time recognition and normalisation must never raise.

run: make fuzz   (or .venv/bin/python tests/fuzz/fuzz_time.py -max_total_time=60)
A crash found here becomes a regression test in tests/time/.
"""
import sys

import atheris

with atheris.instrument_imports():
    from kronika.extract.time.normalise import find_candidates, normalise
    from kronika.extract.time.values import bounds

DCTS = (None, "2013-03-22", "1998-01-08T12:00", "1917")


def test_one(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    dct = DCTS[fdp.ConsumeIntInRange(0, len(DCTS) - 1)]
    text = fdp.ConsumeUnicodeNoSurrogates(400)
    for c in find_candidates(text, dct):
        assert 0 <= c.start <= c.end <= len(text)
    r = normalise(text, dct)
    if r:
        value, mod = r[1], r[2]
        lo, hi = bounds(value, mod)
        if lo and hi and not lo.startswith("-") and not hi.startswith("-"):
            assert lo[:4] <= hi[:4]


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()
