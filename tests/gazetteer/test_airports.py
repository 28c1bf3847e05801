"""Airports from the airportsdata package, as the gazetteer names them."""

from __future__ import annotations

from gazetteer.geo import distance_km


def test_an_airport_is_known_by_its_name_its_own_word_and_its_codes(gazetteer):
    for name in ("London Heathrow Airport", "Heathrow Airport", "LHR", "EGLL"):
        best = gazetteer.lookup(name, fuzzy=False)[0]
        assert best.kind == "airport" and best.country == "GB", name
        assert distance_km(best.lat, best.lon, 51.47, -0.45) < 3
    heathrow = [c for c in gazetteer.lookup("Heathrow", fuzzy=False) if c.kind == "airport"]
    assert heathrow and heathrow[0].name_kind == "alternate"


def test_a_generic_or_borrowed_word_names_no_airport(gazetteer):
    # "Metro" of Columbia Metropolitan Airport, "Baghdad" of Baghdad International Airport
    assert not any(c.kind == "airport" for c in gazetteer.lookup("Metro", fuzzy=False))
    assert gazetteer.lookup("Baghdad", fuzzy=False)[0].kind == "city"
    # a town outranks an airport named after it: Cornwall is the county, or the Ontario city
    assert gazetteer.lookup("Cornwall", fuzzy=False)[0].kind != "airport"
