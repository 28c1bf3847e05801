"""A toponym: a span of an article's clean text that names a place, and what the text says of it."""

from __future__ import annotations

from dataclasses import dataclass

# The model's entity labels for places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(slots=True)
class Toponym:
    """A span of the article's clean text that names a place.

    `label` is the model's entity label ("" when the model saw no entity); `demonym` marks an
    adjective or people name ("Iraqi") or a name used as one ("US-led", "Damascus-backed"),
    standing for its place rather than saying something happened there; `cue` says why a span the
    model did not label as a place was kept; `metonym` marks a name standing for its government
    ("Washington said"); `name` is the place's full name where the text gives only part of it
    ("Polk" in "Polk and Story counties" is Polk County); `fine` is the kind of a place below
    the town that no gazetteer entry holds ("street", "building", "landmark"), placed in the
    article's town.
    """

    start: int
    end: int
    text: str
    label: str
    demonym: bool = False
    cue: str = ""
    metonym: bool = False
    name: str = ""
    fine: str = ""

    @property
    def full_name(self) -> str:
        return self.name or self.text
