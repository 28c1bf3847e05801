"""The gazetteer's plain data: a place, a lookup candidate, and a place on its way into the store."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum

from shapely.geometry.base import BaseGeometry

class Kind(StrEnum):
    """What sort of place a record is. Serialised as its value ("admin1"), which the contracts
    (JSON, GIS columns, the store) carry as a plain string."""

    CONTINENT = "continent"
    REGION = "region"
    COUNTRY = "country"
    ADMIN1 = "admin1"  # a province or state
    ADMIN2 = "admin2"  # a county or district of a province
    CITY = "city"
    DEMONYM = "demonym"  # "Iraqi", "US-led": a word standing for its country
    USER = "user"  # from the user's own places file
    APPROXIMATE = "approximate"  # placed from a relative phrase; never stored
    # Places below the town that no gazetteer entry holds, placed in the article's town; never
    # stored
    STREET = "street"
    BUILDING = "building"
    LANDMARK = "landmark"
    RIVER = "river"
    VALLEY = "valley"
    DESERT = "desert"
    MOUNTAINS = "mountains"
    MOUNTAIN = "mountain"
    PLAIN = "plain"
    PLATEAU = "plateau"
    PENINSULA = "peninsula"
    ISLAND = "island"
    LAKE = "lake"
    SEA = "sea"
    GULF = "gulf"
    STRAIT = "strait"
    CANAL = "canal"
    BASIN = "basin"
    DELTA = "delta"
    COAST = "coast"
    PASS = "pass"
    VILLAGE = "village"
    TOWN = "town"
    NEIGHBOURHOOD = "neighbourhood"
    CAMP = "camp"
    BASE = "base"
    AIRPORT = "airport"
    PORT = "port"
    DAM = "dam"
    BORDER_CROSSING = "border_crossing"
    SITE = "site"
    DISTRICT = "district"


# Places below the town that no gazetteer entry holds: scenes inside a town.
FINE_KINDS = frozenset({Kind.STREET, Kind.BUILDING, Kind.LANDMARK})
# Kinds that name a territory rather than a settlement or a physical feature.
ADMIN_KINDS = (Kind.CONTINENT, Kind.REGION, Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2)
# Physical features drawn from the curated data.
FEATURE_KINDS = (
    Kind.RIVER, Kind.VALLEY, Kind.DESERT, Kind.MOUNTAINS, Kind.MOUNTAIN, Kind.PLAIN, Kind.PLATEAU,
    Kind.PENINSULA, Kind.ISLAND, Kind.LAKE, Kind.SEA, Kind.GULF, Kind.STRAIT, Kind.CANAL,
    Kind.BASIN, Kind.DELTA, Kind.COAST, Kind.PASS,
)
# Small places from the curated data.
SITE_KINDS = (
    Kind.VILLAGE, Kind.TOWN, Kind.NEIGHBOURHOOD, Kind.CAMP, Kind.BASE, Kind.AIRPORT, Kind.PORT,
    Kind.DAM, Kind.BORDER_CROSSING, Kind.SITE, Kind.DISTRICT,
)
# Kinds a place in the store may have (an approximate place is only ever a mention).
KINDS = ADMIN_KINDS + (Kind.CITY, Kind.DEMONYM, Kind.USER) + FEATURE_KINDS + SITE_KINDS


@dataclass(slots=True)
class Place:
    """One place in the gazetteer.

    `population` is what the source says (None when unknown); `geometry` is a shapely shape for
    places with an extent (country polygons, river lines, region outlines), else None.
    """

    id: int
    name: str
    kind: str
    lat: float
    lon: float
    population: int | None
    country: str
    admin1: str
    geonameid: int | None
    source: str
    admin2: str = ""
    geometry: BaseGeometry | None = None

    def to_dict(self) -> dict:
        """JSON-ready form; the geometry as its WKT type name only (shapes go out through GeoJSON)."""
        data = {f.name: getattr(self, f.name) for f in fields(Place) if f.name != "geometry"}
        data["geometry"] = self.geometry.geom_type if self.geometry is not None else None
        return data


@dataclass(slots=True)
class Candidate(Place):
    """A place returned by a lookup, with how the asked name matched it.

    `match` is "exact" (same name up to case, accents and punctuation), "loose" (a transliteration
    variant) or "fuzzy" (a close misspelling); `name_kind` says which of the place's names it was
    ("primary", "alternate", "abbreviation" ...); `score` orders candidates, higher first.
    """

    matched_name: str = ""
    match: str = "exact"
    score: float = 0.0
    name_kind: str = ""

    def to_dict(self) -> dict:
        data = Place.to_dict(self)
        data.update(matched_name=self.matched_name, match=self.match, score=round(self.score, 4))
        return data


@dataclass(slots=True)
class NewPlace:
    """A place as a source yields it during the build, with every name it is known by.

    `weight` is the population-like figure used to rank it against other places of the same name:
    the population for a settlement, an aggregate for a territory, a prominence figure for a feature.
    `names` holds (name, name_kind) pairs; the primary name is added by the store.
    """

    name: str
    kind: str
    lat: float
    lon: float
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int | None = None
    geonameid: int | None = None
    source: str = ""
    geometry: BaseGeometry | None = None
    weight: float = 0.0
    names: list[tuple[str, str]] = field(default_factory=list)
