"""The same event told several times, in one article or across a story's articles, becomes one
event listing every article that reports it.

Two accounts are the same event when they have the same type, dates that can both be true, places
that are the same or near (or one has none but they share a named actor) and no named actors in
disagreement. Figures are kept per article: when sources disagree, the event carries the figure
most of them give (the lower one on a tie, as conservative tallies do) and every report keeps its
own.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter

from gazetteer.geo import distance_km
from gazetteer.model import FINE_KINDS, Kind
from geomap.events.records import Actor, Event, EventDate, Report
from geomap.places.mention import PlaceMention

NEAR_KM = 50.0
SETTLEMENTS = frozenset({Kind.CITY, Kind.TOWN, Kind.VILLAGE, Kind.CAMP})
# Two settlement names closer than this may be one place (a suburb, another spelling).
SAME_SETTLEMENT_KM = 10.0
# How specific a kind of place is, most specific first: the merged event keeps the most specific.
KIND_RANK = {Kind.STREET: 0, Kind.BUILDING: 0, Kind.LANDMARK: 0, Kind.AIRPORT: 0,
             Kind.VILLAGE: 0, Kind.CAMP: 0, Kind.SITE: 0, Kind.TOWN: 1, Kind.CITY: 1,
             Kind.DISTRICT: 2, Kind.APPROXIMATE: 3, Kind.ADMIN2: 4, Kind.VALLEY: 5, Kind.ADMIN1: 6,
             Kind.REGION: 7, Kind.COUNTRY: 8, Kind.DEMONYM: 9, Kind.CONTINENT: 10}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4, "reported": 5,
                  "unknown": 6}
# An event dated only by its article's day ("reported") happened on it or in the weeks before.
REPORTED_WINDOW_DAYS = 31
MAX_CONFIDENCE = 0.99
# Subtypes that say no more than their type does: they agree with any other of the type.
GENERIC_SUBTYPES = frozenset({"attack", "bombing", "clash", "battle", "offensive", "capture",
                              "recapture", "flight", "displacement", "meeting", "talks",
                              "announcement", "accident", "crash"})
# Fires are one kind of event whichever family a telling reads them in: "a brush fire" (a
# wildfire), then "the blaze" (an accident's fire).
FIRES = frozenset({("accident", "fire"), ("disaster", "wildfire")})
# Dates spanning more than this tell of a campaign, not of one event to merge accounts of.
MAX_SPAN_DAYS = 400


def merge_events(events: list[Event]) -> list[Event]:
    """Events with every repeated account merged into the first, in order of first telling.
    Only events of one kind can be one, so each is compared with its kind's clusters alone, and
    within a cluster with one member of each distinct telling (a story told a hundred times
    alike is compared once: the test reads nothing else)."""
    clusters: list[list[Event]] = []
    by_type: dict[str, list[tuple[list[Event], dict[tuple, Event]]]] = {}
    for event in events:
        of_type = by_type.setdefault(event_kind(event), [])
        home = next(((members, distinct) for members, distinct in of_type
                     if all(_same_event(event, other) for other in distinct.values())), None)
        if home is None:
            clusters.append([event])
            home = (clusters[-1], {})
            of_type.append(home)
        else:
            home[0].append(event)
        home[1].setdefault(_telling(event), event)
    return [combine(cluster) if len(cluster) > 1 else cluster[0] for cluster in clusters]


def _telling(event: Event) -> tuple:
    """All that `_same_event` reads of an event: two events alike in it merge with the same."""
    place = event.place
    return (event.negated, event.subtype, event.date.date, event.date.precision, event.date.end,
            frozenset(actor.kind for actor in event.actors if actor.role == "actor"),
            frozenset(_named(event)), None if place is None else (
                place.place_key, place.kind, place.lat, place.lon, place.uncertainty_km,
                place.country, place.admin1))


def retells(headline: Event, told: Event, *, anywhere: bool = False) -> bool:
    """Whether a headline's event is an event the article goes on to tell: the same type, subtypes
    and dates that agree, and places that can be one (either untold, or one near or inside the
    other; any places when `anywhere`). A headline names the story's event, so no shared party
    is needed."""
    if event_kind(headline) != event_kind(told) or headline.negated != told.negated \
            or not subtypes_agree(headline, told) or not _dates_agree(headline.date, told.date):
        return False
    return anywhere or headline.place is None or told.place is None \
        or near(headline.place, told.place)


def event_kind(event: Event) -> str:
    """What tellings of one event share: its type, or "fire" for either kind of fire."""
    return "fire" if (event.type, event.subtype) in FIRES else event.type


def _same_event(a: Event, b: Event) -> bool:
    if event_kind(a) != event_kind(b) or a.negated != b.negated or not subtypes_agree(a, b) \
            or not _dates_agree(a.date, b.date) or not _kinds_agree(a, b):
        return False
    named_a, named_b = _named(a), _named(b)
    if named_a and named_b and not named_a & named_b:
        return False
    if a.place is not None and b.place is not None and not near(a.place, b.place):
        return False
    # places that merely could be one another are not enough: the same party, or the same spot
    return bool(named_a & named_b) or (
        a.place is not None and b.place is not None and same_spot(a.place, b.place))


def same_spot(a: PlaceMention, b: PlaceMention) -> bool:
    """One place, two close settlements, or a settlement and a point just outside one or a
    street or building in it ("St. Paris", "just west of St. Paris", "11690 U.S. 36")."""
    spots = SETTLEMENTS | FINE_KINDS | {Kind.APPROXIMATE}
    return a.place_key == b.place_key or (
        a.kind in spots and b.kind in spots
        and distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_SETTLEMENT_KM)


def _named(event: Event) -> set[str]:
    """The event's doers named as someone in particular (not "militants", not "civilians"), and
    the persons named in it whatever their part: the driver of one telling of a crash is its
    victim in another."""
    return {actor.name for actor in event.named("actor")} | {
        actor.name for actor in event.actors if actor.kind == "person" and not actor.generic}


def subtypes_agree(a: Event, b: Event) -> bool:
    """"An air strike" and "the attack" can be one event; an air strike and shelling cannot."""
    return a.subtype == b.subtype or a.subtype in GENERIC_SUBTYPES \
        or b.subtype in GENERIC_SUBTYPES or event_kind(a) == event_kind(b) == "fire"


def _dates_agree(a: EventDate, b: EventDate) -> bool:
    """Dates that can both be true of one event: their spans overlap, and neither is a long
    span ("since 2014"), which tells of a campaign rather than one event."""
    if a.date is None or b.date is None:
        return True
    if max(_days(a), _days(b)) > MAX_SPAN_DAYS:
        return False
    a_start, b_start = _start(a), _start(b)
    return a_start <= (b.end or b.date) and b_start <= (a.end or a.date)


def _start(date: EventDate) -> str:
    """The first day an event can have happened: a reported date reaches back a few weeks."""
    if date.precision != "reported" or date.date is None:
        return date.date or ""
    day = datetime.date.fromisoformat(date.date)
    return (day - datetime.timedelta(days=REPORTED_WINDOW_DAYS)).isoformat()


def _days(date: EventDate) -> int:
    if date.end is None:
        return 1
    return (datetime.date.fromisoformat(date.end) - datetime.date.fromisoformat(date.date)).days


def _kinds_agree(a: Event, b: Event) -> bool:
    """A leader's flight and civilians' flight are different events."""
    kinds_a = {actor.kind for actor in a.actors if actor.role == "actor"}
    kinds_b = {actor.kind for actor in b.actors if actor.role == "actor"}
    return not kinds_a or not kinds_b or bool(kinds_a & kinds_b)


def near(a: PlaceMention, b: PlaceMention) -> bool:
    """The same place, places within reach of each other (an approximate place reaches as far as
    its uncertainty), or one inside the other's country or province."""
    if a.place_key == b.place_key or (a.kind in SETTLEMENTS and b.kind in SETTLEMENTS):
        return same_spot(a, b)  # two towns named apart are two places
    reach = NEAR_KM + (a.uncertainty_km or 0.0) + (b.uncertainty_km or 0.0)
    if distance_km(a.lat, a.lon, b.lat, b.lon) <= reach:
        return True
    for outer, inner in ((a, b), (b, a)):
        if outer.country and outer.country == inner.country and (
                outer.kind in (Kind.COUNTRY, Kind.DEMONYM)
                or (outer.kind == Kind.ADMIN1 and outer.admin1 == inner.admin1)):
            return True
    return False


def combine(cluster: list[Event]) -> Event:
    """One event from several accounts: the most exact place and date, every actor and trigger,
    one report per article."""
    first = cluster[0]
    place = min((event.place for event in cluster if event.place is not None), default=None,
                key=lambda p: (KIND_RANK.get(p.kind, 5), p.uncertainty_km or 0, -p.confidence))
    date = min((event.date for event in cluster),
               key=lambda d: (PRECISION_RANK.get(d.precision, 5), d.date or ""))
    reports = _reports(cluster)
    # the sentence that tells where: the account whose place the merged event keeps
    telling = next((event for event in cluster if event.place is place), first)
    merged = Event(
        id=hashlib.sha1("\0".join(sorted(e.id for e in cluster)).encode()).hexdigest()[:16],
        type=first.type, subtype=max((e.subtype for e in cluster), key=_subtype_rank(cluster)),
        triggers=list(dict.fromkeys(t for e in cluster for t in e.triggers)),
        date=date, actors=_actors(cluster), place=place, sentence=telling.sentence,
        article=first.article, confidence=_joint_confidence(cluster),
        origin=next((e.origin for e in cluster if e.origin is not None), None),
        destination=next((e.destination for e in cluster if e.destination is not None), None),
        fatalities=_figure([r.fatalities for r in reports]),
        injured=_figure([r.injured for r in reports]),
        displaced=_figure([r.displaced for r in reports]),
        counts_at_least=any(e.counts_at_least for e in cluster),
        reported=_most(e.reported for e in cluster), negated=first.negated,
        speculative=_most(e.speculative for e in cluster), sources=reports)
    return merged


def _subtype_rank(cluster: list[Event]):
    """The subtype most accounts give; the longer name on a tie ("suicide bombing")."""
    counts = Counter(event.subtype for event in cluster)
    return lambda subtype: (counts[subtype], len(subtype))


def _reports(cluster: list[Event]) -> list[Report]:
    """One report per article: its first sentence, and each figure it gives anywhere."""
    by_article: dict[str, Report] = {}
    for event in cluster:
        for report in event.sources:
            kept = by_article.get(report.article.file)
            if kept is None:
                by_article[report.article.file] = Report(report.article, report.sentence,
                                                         report.fatalities, report.injured,
                                                         report.displaced)
                continue
            kept.fatalities = kept.fatalities if kept.fatalities is not None else report.fatalities
            kept.injured = kept.injured if kept.injured is not None else report.injured
            kept.displaced = kept.displaced if kept.displaced is not None else report.displaced
    return list(by_article.values())


def _figure(values: list[int | None]) -> int | None:
    known = Counter(value for value in values if value is not None)
    if not known:
        return None
    return min(known, key=lambda value: (-known[value], value))


def _most(flags) -> bool:
    """What at least half the accounts say: one unattributed headline does not make an event
    that four articles attribute a fact."""
    flags = list(flags)
    return 2 * sum(flags) >= len(flags)


def _actors(cluster: list[Event]) -> list[Actor]:
    """Every party once, in the role most accounts give it (the first account's on a tie)."""
    found: dict[str, Actor] = {}
    roles: dict[str, Counter] = {}
    for event in cluster:
        for actor in event.actors:
            kept = found.setdefault(actor.name, Actor(actor.name, actor.role, actor.kind,
                                                      generic=actor.generic))
            roles.setdefault(actor.name, Counter())[actor.role] += 1
            kept.aliases_seen += [a for a in actor.aliases_seen if a not in kept.aliases_seen]
    for name, actor in found.items():
        actor.role = max(roles[name], key=lambda role: (roles[name][role], role == actor.role))
    return list(found.values())


def _joint_confidence(cluster: list[Event]) -> float:
    """Several independent accounts make an event surer than any one of them."""
    doubt = 1.0
    for event in cluster:
        doubt *= 1.0 - event.confidence
    return min(1.0 - doubt, MAX_CONFIDENCE)
