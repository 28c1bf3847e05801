"""One marker per distinct place: what it groups, how it looks, and what its popup and tooltip say.

Every string that came from an article is escaped here, where the HTML is built.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from shapely.geometry.base import BaseGeometry

from gazetteer.model import ADMIN_KINDS, FEATURE_KINDS, Kind
from geomap.places.mention import PlaceMention

QUOTES_SHOWN = 5
# Characters of sentence kept on each side of a quoted mention.
QUOTE_SIDE = 140
MIN_RADIUS, RADIUS_STEP, MAX_RADIUS = 6.0, 3.0, 16.0
RIVER_BLUE = "#3d7fbf"
# No space between a quoted name and these (after the text before it, before the text after it).
OPENING = tuple("([{“‘\"'/-–—")
CLOSING = tuple(".,;:!?)]}”’\"'/-–—")


@dataclass(frozen=True, slots=True)
class KindFamily:
    """Place kinds that share a colour and a layer on the map."""

    key: str
    label: str
    colour: str
    kinds: frozenset[str]
    shown: bool = True


FAMILIES = (
    KindFamily("settlement", "Cities, towns &amp; villages", "#c0504d",
               frozenset({Kind.CITY, Kind.TOWN, Kind.VILLAGE, Kind.NEIGHBOURHOOD})),
    KindFamily("site", "Sites &amp; facilities", "#d9892b",
               frozenset({Kind.CAMP, Kind.BASE, Kind.AIRPORT, Kind.PORT, Kind.DAM,
                          Kind.BORDER_CROSSING, Kind.SITE})),
    KindFamily("territory", "Countries &amp; regions", "#7b5ea7",
               frozenset(ADMIN_KINDS) | {Kind.DISTRICT}),
    KindFamily("feature", "Rivers, deserts &amp; other features", "#2e7d8c",
               frozenset(FEATURE_KINDS)),
    # Known only by a relative phrase ("north of Tikrit"): drawn with their uncertainty circle.
    KindFamily("approximate", "Approximate locations", "#a0522d", frozenset({"approximate"})),
    # "Iraqi forces" is about actors, not a location: off until asked for.
    KindFamily("demonym", "Nationalities (demonyms)", "#8c8c8c", frozenset({"demonym"}),
               shown=False),
)
OTHER_FAMILY = KindFamily("other", "Other places", "#5f6b73", frozenset())


def family_of(kind: str) -> KindFamily:
    return next((family for family in FAMILIES if kind in family.kinds), OTHER_FAMILY)


@dataclass(slots=True)
class MappedPlace:
    """A distinct place and all its mentions, in reading order; the first mention describes it."""

    mentions: list[PlaceMention]

    @property
    def place(self) -> PlaceMention:
        return self.mentions[0]

    @property
    def family(self) -> KindFamily:
        return family_of(self.place.kind)

    @property
    def geometry(self) -> BaseGeometry | None:
        return next((mention.geometry for mention in self.mentions
                     if mention.geometry is not None), None)

    @property
    def radius(self) -> float:
        """Grows with the square root of the mentions, so a much-cited place stays readable."""
        return min(MAX_RADIUS, MIN_RADIUS + RADIUS_STEP * math.sqrt(len(self.mentions) - 1))


def group_places(mentions: Sequence[PlaceMention]) -> list[MappedPlace]:
    """Mentions grouped by `place_key`, most-mentioned first (so small markers draw on top)."""
    groups: dict[tuple, list[PlaceMention]] = {}
    for mention in sorted(mentions, key=lambda mention: mention.start):
        groups.setdefault(mention.place_key, []).append(mention)
    return sorted((MappedPlace(group) for group in groups.values()),
                  key=lambda mapped: len(mapped.mentions), reverse=True)


def tooltip_text(mapped: MappedPlace) -> str:
    """Short form for hovering, e.g. "Mosul (city, IQ) – 4 mentions" (plain text, unescaped)."""
    place = mapped.place
    qualifier = ", ".join(part for part in (place.kind, place.country) if part)
    name = f"{place.name} ({qualifier})" if qualifier else place.name
    return f"{name} – {_count(len(mapped.mentions), 'mention')}"


def popup_html(mapped: MappedPlace) -> str:
    """The place's card: what it is, where, how sure, and where the article mentions it."""
    place = mapped.place
    where = ", ".join(part for part in (place.admin1, place.country) if part)
    heading = " · ".join(escape(part) for part in (place.kind, where) if part)
    facts = [("Coordinates", escape(_coordinates(place.lat, place.lon))),
             ("Confidence", escape(_confidence_range(mapped.mentions)))]
    if place.uncertainty_km is not None:
        facts.append(("Located", escape(f"within about {place.uncertainty_km:.0f} km, "
                                        f"from {place.anchor}")))
    if place.geonameid is not None:
        geonameid = int(place.geonameid)
        facts.append(("GeoNames", (f'<a href="https://www.geonames.org/{geonameid}" '
                                   f'target="_blank" rel="noopener noreferrer">{geonameid}</a>')))
    written = dict.fromkeys(mention.text for mention in mapped.mentions)
    facts.append(("As written", "; ".join(escape(text) for text in written)))
    rows = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    quotes = [quote for quote in map(_quote, mapped.mentions) if quote]
    parts = [f'<div class="geomap-popup"><h2>{escape(place.name)}</h2>',
             f'<p class="geomap-kind">{heading}</p>', f"<dl>{rows}</dl>",
             f'<p class="geomap-quotes-head">{_count(len(mapped.mentions), "mention")}</p>']
    parts += [f"<blockquote>{quote}</blockquote>" for quote in quotes[:QUOTES_SHOWN]]
    if len(quotes) > QUOTES_SHOWN:
        parts.append(f'<p class="geomap-more">and {len(quotes) - QUOTES_SHOWN} more</p>')
    parts.append("</div>")
    return "".join(parts)


def _quote(mention: PlaceMention) -> str:
    """The mention's sentence, trimmed around it, with the mention marked; "" without context."""
    before, text, after = mention.context
    if not text:
        return ""
    if len(before) > QUOTE_SIDE:
        before = "…" + before[-QUOTE_SIDE:].split(" ", 1)[-1]
    if len(after) > QUOTE_SIDE:
        after = after[:QUOTE_SIDE].rsplit(" ", 1)[0] + "…"
    # the context comes with the spaces at its cuts trimmed: put back the word breaks
    if before and not before.endswith(OPENING):
        before += " "
    if after and not after.startswith(CLOSING):
        after = " " + after
    return f"{escape(before)}<mark>{escape(text)}</mark>{escape(after)}"


def _coordinates(lat: float, lon: float) -> str:
    return (f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}, "
            f"{abs(lon):.4f}° {'E' if lon >= 0 else 'W'}")


def _confidence_range(mentions: list[PlaceMention]) -> str:
    low = min(mention.confidence for mention in mentions)
    high = max(mention.confidence for mention in mentions)
    return f"{high:.2f}" if f"{low:.2f}" == f"{high:.2f}" else f"{low:.2f}–{high:.2f}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
