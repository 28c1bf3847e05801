"""What is one event, where a sentence-by-sentence reading finds several, as analysts code
them: an arrest and the charge brought with it ("was arrested Friday and charged with
burglary") are one arrest (a later court appearance, verdict or sentence stays an event of its
own); the accidents a storm caused ("the storm was blamed for numerous accidents") are part of
the storm; the dead and hurt of a crash or a flood told in its sentence are its toll, not an
attack ("one person was killed and two were hurt in a crash")."""

from __future__ import annotations

from geomap.actors import actor_key
from geomap.events.fuse import combine
from geomap.events.records import Event

# Disasters whose effects on roads and buildings (crashes, collapses) are part of them.
WEATHER_SUBTYPES = frozenset({"storm", "flood", "cold", "earthquake", "landslide"})
# Words that tell only of a toll: a killing no one did, in a sentence on an accident or disaster.
TOLL_WORDS = frozenset({"killed", "kill", "kills", "killing", "died", "die", "dies", "dead",
                        "wounded", "injured", "hurt"})
TOLL_OWNERS = frozenset({"accident", "disaster"})
# How many sentences after its arrest a charge against the same person is still the arrest's.
CHARGE_REACH = 1


def fold_charges(events: list[Event], told_in: list[int]) -> tuple[list[Event], list[int]]:
    """The events with each charge folded into the arrest told in its sentence or the one
    before, when the two name no one apart and no two days (`told_in` holds each event's
    sentence)."""
    kept: list[Event] = []
    kept_in: list[int] = []
    for event, index in zip(events, told_in):
        arrest = None
        if event.type == "legal proceedings" and event.subtype == "charge":
            arrest = _arrest_for(event, index, kept, kept_in)
        if arrest is None:
            kept.append(event)
            kept_in.append(index)
        else:
            kept[arrest] = combine([kept[arrest], event])
    return kept, kept_in


def _arrest_for(charge: Event, index: int, kept: list[Event], kept_in: list[int]) -> int | None:
    """The position in `kept` of the arrest a charge told in sentence `index` belongs to."""
    for position in range(len(kept) - 1, -1, -1):
        if index - kept_in[position] > CHARGE_REACH:
            return None
        arrest = kept[position]
        if arrest.type == "arrest" and _same_day(arrest, charge) and _same_people(
                arrest, charge, same_sentence=kept_in[position] == index):
            return position
    return None


def _same_day(arrest: Event, charge: Event) -> bool:
    """Whether the two are not told on two different days ("arrested Monday ... charged on
    Tuesday" are two steps)."""
    dates = (arrest.date, charge.date)
    return not all(date.precision == "day" for date in dates) or dates[0].date == dates[1].date


def _same_people(arrest: Event, charge: Event, *, same_sentence: bool) -> bool:
    """Whether a charge is brought against whom the arrest took: the same named people, or, in
    one sentence, people neither names apart."""
    taken, charged = ({actor_key(actor.name) for actor in event.named("target")}
                      for event in (arrest, charge))
    if taken and charged:
        return bool(taken & charged)
    return same_sentence


def fold_hazard_effects(events: list[Event], told_in: list[int]
                        ) -> tuple[list[Event], list[int]]:
    """The events with the accidents told as many ("numerous accidents", "several wrecks", see
    `senses.is_aggregate`) folded into the article's storm, flood or quake, whose effects they
    are; an accident told of one vehicle or person stays an event. `told_in` holds each
    event's sentence."""
    hazard = next((i for i, event in enumerate(events) if event.type == "disaster"
                   and event.subtype in WEATHER_SUBTYPES), None)
    if hazard is None:
        return events, told_in
    effects = {i for i, event in enumerate(events) if event.type == "accident" and event.aggregate}
    if not effects:
        return events, told_in
    events = list(events)
    events[hazard] = combine([events[hazard], *(events[i] for i in sorted(effects))])
    kept = [i for i in range(len(events)) if i not in effects]
    return [events[i] for i in kept], [told_in[i] for i in kept]


def fold_tolls(events: list[Event], told_in: list[int]) -> tuple[list[Event], list[int]]:
    """The events without the attacks that are only the toll of an accident or disaster told
    in the same sentence: their triggers are words of dying or hurting alone, and no one is
    said to have done them."""
    owners = {index for event, index in zip(events, told_in) if event.type in TOLL_OWNERS}
    kept = [(event, index) for event, index in zip(events, told_in)
            if not (index in owners and event.type == "attack"
                    and not any(actor.role == "actor" for actor in event.actors)
                    and all(word.lower() in TOLL_WORDS for word in event.triggers))]
    return [event for event, _ in kept], [index for _, index in kept]
