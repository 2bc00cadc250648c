"""bounds(), calendar helpers and Old Style conversion."""
from kronika.extract.time.values import bounds, julian_to_gregorian


def test_bounds_plain_values():
    assert bounds("1933") == ("1933", "1933")
    assert bounds("1918-11") == ("1918-11", "1918-11")
    assert bounds("1918-11-11") == ("1918-11-11", "1918-11-11")
    assert bounds("193") == ("1930", "1939")
    assert bounds("19") == ("1900", "1999")
    assert bounds("1917-SU") == ("1917-06", "1917-08")
    assert bounds("1917-WI") == ("1917-12", "1918-02")
    assert bounds("1998-Q3") == ("1998-07", "1998-09")
    assert bounds("1999-H2") == ("1999-07", "1999-12")
    assert bounds("1998-W02") == ("1998-01-05", "1998-01-11")
    assert bounds("2011-09-28T12:24") == ("2011-09-28", "2011-09-28")


def test_bounds_mods():
    assert bounds("193", "MID") == ("1933", "1937")
    assert bounds("193", "START")[0] == "1930"
    assert bounds("193", "END")[1] == "1939"
    assert bounds("19", "END") == ("1970", "1999")
    assert bounds("1917", "AFTER") == ("1917", None)
    assert bounds("1917", "BEFORE") == (None, "1917")
    assert bounds("1917-11", "START") == ("1917-11-01", "1917-11-10")
    lo, hi = bounds("1921", "APPROX")
    assert lo < "1921" < hi


def test_bounds_non_dates():
    for v in ("P2Y", "PXDE", "PAST_REF", "PRESENT_REF", "XXXX-WXX-2", "", "garbage"):
        assert bounds(v) == (None, None)


def test_old_style_conversion():
    assert julian_to_gregorian(1917, 10, 25) == (1917, 11, 7)
    assert julian_to_gregorian(1905, 1, 9) == (1905, 1, 22)
    assert julian_to_gregorian(1899, 12, 31) == (1900, 1, 12)
