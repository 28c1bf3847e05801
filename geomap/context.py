"""What reading an article needs besides its text, handed down explicitly from the run that opens
it: the gazetteer, the actor table (the bundled one, or extended by the user's `--actors` files),
and the recognition rules switched off (to measure what each is worth). Nothing below loads
these on its own."""

from __future__ import annotations

from dataclasses import dataclass

from gazetteer import Gazetteer
from geomap.actors import ActorTable


@dataclass(frozen=True, slots=True)
class ReadingContext:
    gazetteer: Gazetteer
    actors: ActorTable
    switched_off: frozenset[str] = frozenset()
