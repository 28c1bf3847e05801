from gazetteer.borders import nearest_on, shared_border


def test_neighbours_share_a_border_and_others_do_not(gazetteer):
    iraq, syria, egypt = (gazetteer.country(code) for code in ("IQ", "SY", "EG"))
    line = shared_border(iraq, syria)
    assert line is not None and 4 < line.length < 8  # degrees: about 600 km
    assert shared_border(iraq, egypt) is None
    lat, lon = nearest_on(line, 36.335, 43.119)  # from Mosul
    assert 36.5 < lat < 37.4 and 41.5 < lon < 42.5


def test_country_by_code(gazetteer):
    iraq = gazetteer.country("iq")
    assert iraq.name == "Iraq" and iraq.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert gazetteer.country("XX") is None
