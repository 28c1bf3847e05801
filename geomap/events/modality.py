"""How a sentence tells of an event: as fact or as someone's report, as done or not done, as sure
or speculated; and trigger words that only describe ("the besieged city") or tell of a pattern
("frequent bombings") rather than an event."""

from __future__ import annotations

from spacy.tokens import Doc

from geomap.events.syntax import REPORTING_WORDS
from geomap.events.triggers import Trigger, trigger_token

# Words that make what a sentence tells a possibility: "may have fled", "is believed to".
SPECULATION_WORDS = frozenset({
    "may", "might", "could", "would", "possibly", "probably", "likely", "allegedly", "reportedly",
    "apparently", "believed", "thought", "suspected", "rumoured", "rumored", "feared",
    "unconfirmed",
    "perhaps", "supposedly", "speculated", "reports", "rumours", "rumors", "purportedly", "if"})
# "did not attack", "no claim", "denied shelling".
NEGATION_WORDS = frozenset({"not", "no", "never", "n't", "denied", "without", "nor"})
# "frequent bombings", "is regularly shelled": a pattern, not one event.
HABITUAL_WORDS = frozenset({"frequent", "frequently", "regular", "regularly", "often", "routinely",
                            "usually", "typically", "repeatedly", "habitually", "periodic"})


def is_descriptive(parsed: Doc, trigger: Trigger) -> bool:
    """A verb used as an adjective describes, it does not tell: "the self-declared caliph", "the
    besieged city"."""
    token = trigger_token(parsed, trigger)
    return trigger.sense.part == "verb" and (
        token.dep_ == "amod" or (trigger.start >= 2 and parsed[trigger.start - 1].text == "-"
                                 and parsed[trigger.start - 2].lower_ == "self"))


def is_habitual(parsed: Doc, trigger: Trigger) -> bool:
    """"carries out frequent suicide bombings", "is regularly shelled": a pattern, not an event."""
    token = trigger_token(parsed, trigger)
    near = [*token.children, *token.head.children] if token.head.i != token.i else [
        *token.children]
    return any(word.lower_ in HABITUAL_WORDS for word in near)


def is_speculative(parsed: Doc, head: int) -> bool:
    """"may have fled", "is believed to have", "reports of his death", "allegedly fled"."""
    trigger = parsed[head]
    near = [trigger, *trigger.children, *trigger.ancestors]
    near += [child for ancestor in trigger.ancestors for child in ancestor.children
             if child.dep_ in ("aux", "advmod", "auxpass")]
    return any(token.lower_ in SPECULATION_WORDS for token in near)


def is_negated(parsed: Doc, head: int) -> bool:
    """"did not attack", "no claim of responsibility"."""
    trigger = parsed[head]
    return any(child.dep_ == "neg" or child.lower_ in NEGATION_WORDS
               for child in trigger.children) \
        or (trigger.head.i != trigger.i and any(child.dep_ == "neg"
                                                for child in trigger.head.children)
            and trigger.dep_ in ("xcomp", "dobj"))


def is_reported(parsed: Doc, head: int) -> bool:
    """Told by someone in the article ("officials said", "according to a monitor")."""
    trigger = parsed[head]
    if any(ancestor.lower_ in REPORTING_WORDS for ancestor in trigger.ancestors):
        return True
    root = next(token for token in parsed if token.head.i == token.i) if len(parsed) else None
    return root is not None and any(child.lower_ in REPORTING_WORDS and child.dep_ in (
        "parataxis", "ccomp", "advcl", "prep") for child in root.children)
