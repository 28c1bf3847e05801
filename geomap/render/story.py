"""What both kinds of map draw of a story, decided once: which events stand at a point and which
only at a country or region, the stacks of events at one place, the names written on the map (the
article's spelling) and the header's counts.

An event known only to a country or province (ACLED's geo_precision 3) is not a pin at its
centroid: the map shades its area faintly and lists it. Events at one place are one symbol with a
count, the most important type on top.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from geomap.events.records import Event
from geomap.events.taxonomy import EVENT_TYPES, geo_precision
from geomap.places.mention import PlaceMention

# Which event type's symbol shows on a stack: the first here (harm first, talk last).
TYPE_PRIORITY = ("attack", "violence against civilians", "armed clash", "capture", "deployment",
                 "displacement", "disaster", "accident", "arrest", "protest", "legal proceedings",
                 "political decision", "meeting", "statement")
TYPE_RANK = {t: TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else len(TYPE_PRIORITY)
             for t in EVENT_TYPES}
AREA_PRECISION = 3
# Titles longer than this are cut (a 20,000-character title would swallow any map).
TITLE_CHARACTERS, SUBTITLE_CHARACTERS = 160, 220
POSSESSIVE = re.compile(r"[’']s$")


def is_area_event(event: Event) -> bool:
    """Known only to a country, province, region or long feature: no point to pin."""
    return event.place is not None and geo_precision(event.place) == AREA_PRECISION


def spot_key(place: PlaceMention) -> tuple[float, float]:
    return round(place.lat, 4), round(place.lon, 4)


@dataclass(slots=True)
class Stack:
    """The events at one spot, most important first."""

    place: PlaceMention
    events: list[Event] = field(default_factory=list)

    @property
    def top(self) -> Event:
        return self.events[0]


def stacks(events: Sequence[Event]) -> list[Stack]:
    """Point events grouped by where they stand, each stack's events by importance, the stacks
    with the most events first."""
    found: dict[tuple[float, float], Stack] = {}
    for event in events:
        if event.place is not None and not is_area_event(event):
            found.setdefault(spot_key(event.place), Stack(event.place)).events.append(event)
    for stack in found.values():
        stack.events.sort(key=lambda event: TYPE_RANK[event.type])
    return sorted(found.values(), key=lambda stack: -len(stack.events))


def article_names(mentions: Sequence[PlaceMention], events: Sequence[Event] = ()) -> dict:
    """Each place's name as the story writes it most ("Tal Afar", not the gazetteer's "Tall
    ‘Afar"), by `place_key`. Case-insensitive counts; a form in capitals or lower case only
    gives way to one written in title case; a trailing possessive is dropped."""
    counts: dict[tuple, Counter] = {}
    for mention in [*mentions, *(e.place for e in events if e.place is not None)]:
        written = POSSESSIVE.sub("", " ".join(mention.text.split()))
        if written:
            counts.setdefault(mention.place_key, Counter())[written] += 1
    names = {}
    for key, forms in counts.items():
        folded = Counter()
        for form, count in forms.items():
            folded[form.casefold()] += count
        best = max(folded, key=lambda form: (folded[form], -_first(forms, form)))
        variants = [form for form in forms if form.casefold() == best]
        written = max(variants, key=lambda form: (form[:1].isupper() and not form.isupper(),
                                                  forms[form]))
        names[key] = written[:1].upper() + written[1:]
    return names


def _first(forms: Counter, folded: str) -> int:
    return next(index for index, form in enumerate(forms) if form.casefold() == folded)


def label_for(place: PlaceMention, names: dict) -> str:
    return names.get(place.place_key, place.name)


def capped(text: str, limit: int) -> str:
    """`text` on one line, cut at a word before `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut) + "…"


def event_summary(events: Sequence[Event]) -> str:
    """"26 events · 5 without a place · 4 known only to a country or region"."""
    count = len(events)
    parts = [f"{count:,} event{'s' if count != 1 else ''}"]
    unplaced = sum(event.place is None for event in events)
    areas = sum(is_area_event(event) for event in events)
    if unplaced:
        parts.append(f"{unplaced:,} without a place")
    if areas:
        parts.append(f"{areas:,} known only to a country or region")
    return " · ".join(parts)


def story_header(titles: Sequence[str], sources: Sequence[str], published: Sequence[str],
                 title: str | None) -> tuple[str, str]:
    """The map's title and subtitle from the articles, never their file names: one article's
    title, or the user's; the subtitle says how many articles, from whom and when."""
    titles = [" ".join(t.split()) for t in titles]
    named = [t for t in titles if t]
    heading = title or (named[0] if len(titles) == 1 and named else
                        f"{len(titles)} articles" if len(titles) != 1 else "Untitled article")
    parts = []
    if len(titles) > 1:
        parts.append(f"From {len(titles)} articles")
    elif title and named:
        parts.append(named[0])
    outlets = list(dict.fromkeys(s for s in sources if s))
    if outlets:
        parts.append(", ".join(outlets[:3]) + (f" and {len(outlets) - 3} more"
                                               if len(outlets) > 3 else ""))
    days = sorted(d for d in published if d)
    if days:
        parts.append(days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}")
    return capped(heading, TITLE_CHARACTERS), capped(" · ".join(parts), SUBTITLE_CHARACTERS)
