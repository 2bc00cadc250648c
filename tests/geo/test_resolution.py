"""Place names read with their context: qualifiers, regions and states, the other places of the documents,
then prominence; historical names; sentences of our own about invented people."""
from __future__ import annotations

import pytest

from kronika.geo import is_area, is_country, lookup, normalise


def near(hit, lat, lon, km=150):
    from kronika.geo import _km
    return hit is not None and _km(hit["lat"], hit["lon"], lat, lon) <= km


@pytest.mark.parametrize("name, context, country, lat, lon", [
    ("Paris", [], "FR", 48.86, 2.35),                                  # the most prominent Paris
    ("Paris, Texas", [], "US", 33.66, -95.56),                         # the name says where
    ("Paris", ["Texas"], "US", 33.66, -95.56),                         # the sentence says where
    ("Vienna", [], "AT", 48.21, 16.37),
    ("Athens", ["Georgia"], "US", 33.95, -83.36),                      # the American state, not the country
    ("Hanover", ["Lower Saxony"], "DE", 52.38, 9.73),                  # GeoNames spells it Hannover
    ("Hanover", [], "DE", 52.38, 9.73),
    ("Perth", ["Western Australia"], "AU", -31.95, 115.86),
    ("Perth in Western Australia", [], "AU", -31.95, 115.86),
    ("Perth", ["Scotland"], "GB", 56.40, -3.43),
    ("Syracuse", ["Sicily"], "IT", 37.08, 15.29),                      # "on the island of Sicily"
    ("Syracuse, New York", [], "US", 43.05, -76.15),                   # the state, not the city
    ("Cambridge", ["Massachusetts"], "US", 42.37, -71.11),
    ("Cambridge", ["England"], "GB", 52.21, 0.12),
    ("Boston", [], "US", 42.36, -71.06),
    ("Boston", ["Lincolnshire"], "GB", 52.98, -0.03),
    ("Springfield", ["Illinois"], "US", 39.78, -89.65),
    ("Portland", ["Maine"], "US", 43.66, -70.26),
    ("Birmingham", [], "GB", 52.49, -1.89),
    ("Birmingham", ["Alabama"], "US", 33.52, -86.81),
    ("London", ["Ontario"], "CA", 42.98, -81.25),
    ("Valencia", [], "ES", 39.47, -0.38),                              # more languages name it than Venezuela's
    ("Valencia", ["Venezuela"], "VE", 10.16, -68.01),
    ("Tripoli", [], "LY", 32.89, 13.19),
    ("Tripoli", ["Lebanon"], "LB", 34.44, 35.85),
    ("Santiago", [], "CL", -33.45, -70.67),
    ("Alexandria", [], "EG", 31.20, 29.92),
    ("Philadelphia", [], "US", 39.95, -75.17),                         # not Amman's ancient name
    ("Kronstadt", ["Saint Petersburg"], "RU", 59.99, 29.77),
    ("Newcastle", ["New South Wales"], "AU", -32.93, 151.78),
    ("Salisbury", ["Rhodesia"], "ZW", -17.83, 31.05),
    ("Salisbury", ["Wiltshire"], "GB", 51.07, -1.79),
])
def test_a_name_in_its_context(name, context, country, lat, lon):
    hit = lookup(name, context)
    assert hit and hit["country"] == country and near(hit, lat, lon), hit


@pytest.mark.parametrize("name, country, lat, lon", [
    ("Königsberg", "RU", 54.71, 20.45), ("Constantinople", "TR", 41.01, 28.98), ("Bombay", "IN", 19.08, 72.88),
    ("Leningrad", "RU", 59.93, 30.34), ("Danzig", "PL", 54.35, 18.65), ("Breslau", "PL", 51.11, 17.04),
    ("Pressburg", "SK", 48.15, 17.11), ("Batavia", "ID", -6.21, 106.85), ("Saigon", "VN", 10.82, 106.63),
    ("Christiania", "NO", 59.91, 10.75), ("Lemberg", "UA", 49.84, 24.03), ("Lwów", "UA", 49.84, 24.03),
    ("Stalingrad", "RU", 48.71, 44.51), ("Smyrna", "TR", 38.42, 27.14), ("Reval", "EE", 59.44, 24.75),
    ("Adrianople", "TR", 41.68, 26.56), ("Åbo", "FI", 60.45, 22.27), ("Memel", "LT", 55.70, 21.14),
    ("Poona", "IN", 18.52, 73.86), ("Gleiwitz", "PL", 50.29, 18.67), ("Karlsbad", "CZ", 50.23, 12.87),
])
def test_historical_names_land_on_their_place(name, country, lat, lon):
    hit = lookup(name, [])
    assert hit and hit["country"] == country and near(hit, lat, lon), hit


def test_countries_and_regions():
    assert lookup("Georgia", [])["country"] == "GE"                    # the country when nothing says otherwise
    assert lookup("Georgia", ["Atlanta", "Savannah", "Alabama"])["country"] == "US"
    assert lookup("Georgia", ["Kutaisi", "Batumi"])["country"] == "GE"
    tx = lookup("Texas", [])
    assert tx["kind"] == "region" and tx["country"] == "US" and near(tx, 30.27, -97.74)
    assert lookup("Bavaria", [])["country"] == "DE"
    assert lookup("Scotland", [])["country"] == "GB" and near(lookup("Scotland", []), 55.95, -3.19)
    assert lookup("Persia", [])["kind"] == "country" and lookup("Persia", [])["country"] == "IR"
    assert is_country("the Soviet Union") and not is_country("Paris") and not is_country("Texas")
    assert is_area("Yorkshire") and is_area("the Algarve") and is_area("France") and not is_area("Leeds")


def test_a_far_context_does_not_outweigh_a_famous_place():
    """A life that names American cities still studies in Paris, France, when France is named."""
    assert lookup("Paris", ["Boston", "Chicago", "France"])["country"] == "FR"
    assert lookup("Vienna", ["Berlin", "Munich"])["country"] == "AT"


def test_normalise_keeps_words_that_begin_like_saint():
    assert normalise("Stockholm") == "stockholm" and normalise("Santiago") == "santiago"
    assert normalise("St. Andrews") == normalise("Saint Andrews") == "saint andrews"
    assert lookup("Stockholm", [])["country"] == "SE"


@pytest.mark.parametrize("name", ["", "  ", "Europe", "the Balkans", "x" * 400, "<b>Paris</b>, , ,", ", Texas"])
def test_odd_names_never_crash(name):
    hit = lookup(name, ["", None, "Texas", "x" * 300])
    assert hit is None or {"lat", "lon", "country", "kind", "name"} <= set(hit)
