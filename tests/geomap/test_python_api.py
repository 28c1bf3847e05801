"""geomap from Python: its version, and an article's whole result as JSON-ready dicts."""

from __future__ import annotations

import json
import re
from importlib.metadata import version

import pytest

import geomap
from geomap.export.gis import validate_event
from geomap.pipeline import geoparse_articles
from geomap.read.article import Article

TEXT = ("Militants shelled the town of Tikrit on Monday, killing four soldiers, officials said. "
        "Residents fled toward Samarra.")


def test_version_is_the_installed_one():
    assert geomap.__version__ == version("geomap")
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", geomap.__version__)
    assert "__version__" in geomap.__all__


def test_to_dict_holds_the_places_and_the_events(gazetteer):
    parsed = geomap.parse(TEXT, published="2016-10-17", gazetteer=gazetteer)
    record = json.loads(json.dumps(parsed.to_dict()))  # JSON-ready as it stands
    assert set(record) == {"file", "places", "events"}
    tikrit = record["places"][0]
    assert tikrit["text"] == "Tikrit"
    assert (tikrit["lat"], tikrit["lon"]) == pytest.approx((34.6, 43.68), abs=0.1)
    assert record["events"] == [event.to_dict() for event in parsed.events]
    assert record["events"] and all(validate_event(event) == [] for event in record["events"])
    attack = record["events"][0]
    assert (attack["fatalities"], attack["date"], attack["place"]["text"]) == (
        4, "2016-10-17", "Tikrit")


def test_places_alone_give_no_events_key(gazetteer):
    (parsed,) = geoparse_articles([Article(file="a.txt", text=TEXT, raw=TEXT)], gazetteer)
    assert parsed.events is None and set(parsed.to_dict()) == {"file", "places"}
    assert parsed.to_geodataframe().empty
