"""The trigger table's own examples: every row is a sense, and its example must be read as that
sense, so a row added for one sense cannot quietly take another's sentences."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from geomap import nlp
from geomap.events.triggers import find_triggers, lemmatise, settle

ROWS = list(csv.DictReader(
    resources.files("geomap").joinpath("data/event_triggers.csv").open(encoding="utf-8")))


def settled_senses(text: str) -> set[tuple[str, str]]:
    """Every (type, subtype) the triggers of `text` settle to once it is parsed."""
    doc = nlp.load()(text)
    lemmatise(doc)
    opening = frozenset(token.lower_ for token in doc)
    found = set()
    for sentence in doc.sents:
        entities = list(sentence.ents)
        triggers = find_triggers(sentence, opening, entities)
        if not triggers:
            continue
        (parsed,) = nlp.parse([sentence], [entities])
        found |= {(trigger.sense.type, trigger.sense.subtype)
                  for trigger in (settle(parsed, t) for t in triggers) if trigger is not None}
    return found


def test_the_table_has_every_family_of_the_issue():
    assert {"attack", "accident", "disaster", "legal proceedings", "political decision",
            "protest", "displacement"} <= {row["type"] for row in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['lemma']}-{row['subtype']}")
def test_each_example_is_read_as_its_own_sense(row):
    assert (row["type"], row["subtype"]) in settled_senses(row["example"])
