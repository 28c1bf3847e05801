"""Recognition as spaCy components in a pipeline of one's own, and its rules switched one by one."""

from __future__ import annotations

import pytest
import spacy

from geomap import nlp
from geomap.actors import ActorTable
from geomap.context import ReadingContext
from geomap.places.recognize import find_toponyms
from geomap.places.rules import RULE_NAMES

STORY = ("Floodwater closed the bridge between Tulsa and Wichita on Monday. "
         "Hundreds of Tulsa residents left their homes, and Washington said aid would follow.")


@pytest.fixture(scope="module")
def pipeline(gazetteer):
    own = spacy.load(nlp.MODEL, exclude=["lemmatizer"])
    own.add_pipe("geomap_toponyms", config={"gazetteer_path": str(gazetteer.path)})
    own.add_pipe("geomap_places", config={"gazetteer_path": str(gazetteer.path)})
    return own


def test_the_components_write_toponyms_and_places(pipeline):
    doc = pipeline(STORY)
    spans = {span.text: span for span in doc.spans["toponyms"]}
    assert {"Tulsa", "Wichita", "Washington"} <= set(spans)
    assert spans["Washington"]._.metonym and not spans["Tulsa"]._.demonym
    places = {place.text: place for place in doc._.places}
    assert places["Wichita"].country == "US" and places["Wichita"].admin1 == "Kansas"
    assert abs(places["Tulsa"].lat - 36.15) < 0.2 and abs(places["Tulsa"].lon + 95.99) < 0.2
    assert all(doc.text[p.start:p.end] == p.text for p in doc._.places)


def test_rule_names_are_unique_and_known():
    assert len(RULE_NAMES) == len(set(RULE_NAMES))
    assert {"model_place", "after_locative_word", "repeated_names"} <= set(RULE_NAMES)


def _names(text: str, gazetteer, switched_off: frozenset[str] = frozenset()) -> list[str]:
    doc = nlp.load()(text)
    context = ReadingContext(gazetteer, ActorTable.load(), switched_off)
    return [toponym.text for toponym in find_toponyms(doc, context)]


def test_a_rule_switched_off_no_longer_decides(gazetteer):
    text = "Sen. Ann Cole, D-Ames, voted against the bill."
    assert "Ames" in _names(text, gazetteer)
    assert "Ames" not in _names(text, gazetteer, frozenset({"legislators_homes"}))


def test_a_cue_switched_off_leaves_its_name_unread(gazetteer):
    text = "DENTON -- The council met again on Tuesday."
    assert _names(text, gazetteer) == ["DENTON"]
    assert _names(text, gazetteer, frozenset({"dateline"})) == []


def test_a_name_after_a_word_for_its_kind_is_a_place(gazetteer):
    text = "Government troops pushed north from Peru's second city Arequipa on Monday."
    assert "Arequipa" in _names(text, gazetteer)
    assert "Arequipa" not in _names(text, gazetteer, frozenset({"after_place_noun"}))
