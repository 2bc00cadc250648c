"""Offline geocoding: historical and spaced names, countries, and candidates ranked by the life's context."""
from __future__ import annotations

import pytest

from kronika.geo import geocode, lookup, normalise

SERGE = ["Brussels", "Paris", "Petrograd", "Orenburg", "Russia", "France", "Mexico City", "Barcelona"]


@pytest.mark.parametrize("name", ["St.Petersburg", "St. Petersburg", "Saint  Petersburg", "Petrograd", "Leningrad",
                                  "St Petersburg's", "Sankt-Peterburg"])
def test_names_of_saint_petersburg(name):
    lat, lon = geocode(name, SERGE)
    assert abs(lat - 59.94) < 0.2 and abs(lon - 30.31) < 0.2


def test_kronstadt_is_near_petersburg_not_brasov():
    hit = lookup("Kronstadt", SERGE)
    assert hit["country"] == "RU" and abs(hit["lat"] - 60.0) < 0.2
    assert lookup("Kronstadt", ["Romania", "Bucharest", "Cluj-Napoca"])["country"] == "RO"  # Brasov's old name


def test_context_beats_population():
    assert lookup("Paris", ["Dallas", "Texas", "United States"])["country"] == "US"
    assert lookup("Paris", ["France", "Lyon"])["country"] == "FR"
    assert lookup("Paris", [])["country"] == "FR"


def test_countries_and_old_states():
    assert lookup("France", [])["kind"] == "country"
    assert lookup("USSR", [])["country"] == "RU"
    assert lookup("the Soviet Union", [])["country"] == "RU"
    assert lookup("Czechoslovakia", [])["country"] == "CZ"
    assert lookup("Mexico", SERGE)["kind"] == "country"
    assert lookup("Mexico City", SERGE)["country"] == "MX"


@pytest.mark.parametrize("name", ["Europe", "Western Europe", "Capital", "Bolsheviks", "", "   ", "Serge’s",
                                  "<script>alert(1)</script>", "x" * 500])
def test_not_a_point(name):
    assert geocode(name, SERGE) is None


def test_normalise():
    assert normalise("St.Petersburg") == normalise("Saint Petersburg") == "saint petersburg"
    assert normalise("Kraków") == "krakow"
