"""Event triggers: the words that say something happened ("fled", "suicide bombers", "air strikes"),
each naming an event type and subtype from the taxonomy in geomap/data/README.md.

The lexicon lists every inflected form, so matching needs no lemmatizer (which would need the
tagger): a sentence is scanned for the longest listed token sequence at each token.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

MAX_TRIGGER_TOKENS = 4
PARTICLES = frozenset({"out", "off", "back", "away", "down", "up"})
# How many words an object between a verb and its particle may take.
MAX_OBJECT_TOKENS = 4


@dataclass(frozen=True, slots=True)
class TriggerSense:
    type: str
    subtype: str
    part: str  # "verb" or "noun"


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in a sentence: token span [start, end) of the sentence, and its sense."""

    start: int
    end: int
    text: str
    sense: TriggerSense

    @property
    def specificity(self) -> int:
        """Longer triggers name the event more exactly ("suicide bombers" over "attacked")."""
        return self.end - self.start


@functools.cache
def lexicon() -> dict[tuple[str, ...], TriggerSense]:
    with (resources.files("geomap") / "data" / "event_triggers.csv").open(encoding="utf-8") as f:
        return {_tokens(row["trigger"]): TriggerSense(row["type"], row["subtype"], row["part"])
                for row in csv.DictReader(f)}


def _tokens(trigger: str) -> tuple[str, ...]:
    """A listed trigger as spaCy splits it: "car-bomb" is three tokens."""
    return tuple(trigger.lower().replace("-", " - ").split())


@functools.cache
def separable() -> dict[str, dict[str, TriggerSense]]:
    """Verb-and-particle triggers whose object may come between: "drove the militants out"."""
    found: dict[str, dict[str, TriggerSense]] = {}
    for words, sense in lexicon().items():
        if sense.part == "verb" and len(words) == 2 and words[1] in PARTICLES:
            found.setdefault(words[0], {})[words[1]] = sense
    return found


def find_triggers(sentence: Span) -> list[Trigger]:
    """Every trigger in a sentence, longest first at each token, without overlaps.

    Token indices are relative to the sentence, so they index the sentence's own parsed Doc.
    """
    senses = lexicon()
    words = [token.lower_ for token in sentence]
    found = []
    position = 0
    while position < len(words):
        for length in range(min(MAX_TRIGGER_TOKENS, len(words) - position), 0, -1):
            sense = senses.get(tuple(words[position:position + length]))
            if sense is not None:
                found.append(Trigger(position, position + length,
                                     sentence[position:position + length].text, sense))
                position += length
                break
        else:
            split = _separated(sentence, words, position)
            if split is not None:
                found.append(split)
            position += 1
    return found


def _separated(sentence: Span, words: list[str], position: int) -> Trigger | None:
    """"driven Daesh out": the verb, then its particle a few words on (no punctuation between)."""
    particles = separable().get(words[position])
    if not particles:
        return None
    for ahead in range(position + 1, min(len(words), position + 1 + MAX_OBJECT_TOKENS)):
        if sentence[ahead].is_punct and sentence[ahead].text not in ("-", "‐"):
            return None  # (a hyphen stays inside a name: "al-Shabaab")
        if words[ahead] in particles:
            return Trigger(position, position + 1,
                           f"{sentence[position].text} … {sentence[ahead].text}",
                           particles[words[ahead]])
    return None


def trigger_token(parsed: Doc, trigger: Trigger) -> Token:
    """The token that carries a trigger in the parse ("claim" of "claim of responsibility")."""
    return parsed[trigger.start:trigger.end].root
