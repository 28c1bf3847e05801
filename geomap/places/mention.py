"""The record of one place mention: a span of the file's text and the place it was resolved to.

Offsets index the file's text exactly as read; the JSON form is docs/architecture.md's `places` contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry

from gazetteer.model import Kind


@dataclass(slots=True)
class Alternative:
    """A runner-up candidate for a mention, kept so a user can see what else the name could be."""

    name: str
    lat: float
    lon: float
    kind: str
    country: str
    admin1: str
    geonameid: int | None
    confidence: float

    def to_dict(self) -> dict:
        return {"name": self.name, "lat": round(self.lat, 5), "lon": round(self.lon, 5),
                "kind": self.kind, "country": self.country, "admin1": self.admin1,
                "geonameid": self.geonameid, "confidence": round(self.confidence, 3)}


@dataclass(slots=True)
class PlaceMention:
    """One place mention and the place it resolved to.

    `start`/`end` index the file's text as read (`text == raw[start:end]`); `context` is the clean
    sentence around the mention split as (before, mention, after), for quoting it on a map.
    `geometry` is the place's shape when it has one (a river line, a region polygon); it travels to
    maps and GIS files, not into the JSON record.
    """

    start: int
    end: int
    text: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str
    admin1: str
    geonameid: int | None
    confidence: float
    source: str
    context: tuple[str, str, str] = ("", "", "")
    alternatives: list[Alternative] = field(default_factory=list)
    geometry: BaseGeometry | None = None
    uncertainty_km: float | None = None  # for an approximate location: its radius
    anchor: str = ""  # for an approximate location: the place it is described from
    metonym: bool = False  # the name stands for its government ("Washington said")

    @property
    def place_key(self) -> tuple:
        """Mentions with the same key are the same place (one marker on a map); "Iraqi" and
        "Iraq" are kept apart, since a map shows them differently."""
        return (self.geonameid, self.name, self.kind == Kind.DEMONYM, round(self.lat, 4),
                round(self.lon, 4))

    @classmethod
    def from_dict(cls, record: dict) -> PlaceMention:
        """A mention read back from its JSON record (its shape, not kept there, is lost)."""
        return cls(
            start=record["start"], end=record["end"], text=record["text"], name=record["name"],
            lat=record["lat"], lon=record["lon"], kind=record["kind"], country=record["country"],
            admin1=record["admin1"], geonameid=record["geonameid"],
            confidence=record["confidence"], source=record["source"],
            alternatives=[Alternative(**alternative)
                          for alternative in record.get("alternatives", [])],
            uncertainty_km=record.get("uncertainty_km"), anchor=record.get("anchor", ""),
            metonym=record.get("metonym", False))

    def to_dict(self) -> dict:
        """The JSON record of docs/architecture.md's `places` contract."""
        return {
            "start": self.start, "end": self.end, "text": self.text, "name": self.name,
            "lat": round(self.lat, 5), "lon": round(self.lon, 5), "geonameid": self.geonameid,
            "kind": self.kind, "country": self.country, "admin1": self.admin1,
            "confidence": round(self.confidence, 3), "source": self.source,
            "alternatives": [alternative.to_dict() for alternative in self.alternatives],
            **({"uncertainty_km": round(self.uncertainty_km, 1), "anchor": self.anchor}
               if self.uncertainty_km is not None else {}),
            **({"metonym": True} if self.metonym else {}),
        }
