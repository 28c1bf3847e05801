"""The records of events: what happened, who took part, when, where, how many were hurt, and the
articles that say so. The JSON form is the event contract of docs/architecture.md."""

from __future__ import annotations

from dataclasses import dataclass, field

from geomap.events.taxonomy import FAMILY_OF_TYPE, acled_type, geo_precision
from geomap.places.mention import PlaceMention

# Events that harm people: civilians they hit are victims.
HARMFUL_TYPES = frozenset({"attack", "violence against civilians", "armed clash"})
# Events whose place is where something went from or to.
MOVEMENT_TYPES = frozenset({"deployment", "displacement"})
# "reported": the event gives no date of its own and takes its article's day (on or before it).
DATE_PRECISIONS = ("day", "week", "month", "year", "range", "reported", "unknown")
ACTOR_ROLES = ("actor", "target", "victim")
ARTICLE_FIELDS = ("file", "title", "source", "url", "published")


@dataclass(slots=True)
class Actor:
    """A party to an event under its canonical name, with the names the articles used for it."""

    name: str
    role: str  # one of ACTOR_ROLES
    kind: str  # one of ACTOR_KINDS
    aliases_seen: list[str] = field(default_factory=list)
    # named only by what it is ("militants", "civilians"): says nothing about which event it is
    generic: bool = False

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "kind": self.kind,
                "aliases_seen": list(self.aliases_seen)}


@dataclass(slots=True)
class EventDate:
    """When an event happened, as precisely as the text says: `date` is the first day (ISO),
    `end` the last day of a range, week, month or year (None for a single day or when unknown)."""

    date: str | None
    precision: str  # one of DATE_PRECISIONS
    text: str = ""  # the words that gave it ("late on Wednesday"); "" when unknown
    end: str | None = None

    @classmethod
    def unknown(cls) -> EventDate:
        return cls(None, "unknown")


@dataclass(slots=True)
class ArticleRef:
    """The article an event was read in."""

    file: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""  # ISO date, "" when unknown

    def to_dict(self) -> dict:
        return {"file": self.file, "title": self.title, "source": self.source, "url": self.url,
                "published": self.published}


@dataclass(slots=True)
class Report:
    """One article's account of an event: after merging, an event keeps one per article, with the
    figures that article gave (sources often disagree on counts)."""

    article: ArticleRef
    sentence: str
    fatalities: int | None = None
    injured: int | None = None
    displaced: int | None = None

    def to_dict(self) -> dict:
        return {**self.article.to_dict(), "sentence": self.sentence, "fatalities": self.fatalities,
                "injured": self.injured, "displaced": self.displaced}


@dataclass(slots=True)
class Event:
    """One event. `place` is where it happened; a movement also has `origin` and `destination`.

    Counts are lower bounds when `counts_at_least` says so ("at least 26 people were killed").
    `reported`, `negated` and `speculative` flag what the text does not assert as fact
    ("officials said", "did not attack", "may have fled").
    """

    id: str
    type: str  # one of taxonomy.EVENT_TYPES
    subtype: str
    triggers: list[str]
    date: EventDate
    actors: list[Actor]
    place: PlaceMention | None
    sentence: str
    article: ArticleRef
    confidence: float
    origin: PlaceMention | None = None
    destination: PlaceMention | None = None
    fatalities: int | None = None
    injured: int | None = None
    displaced: int | None = None
    counts_at_least: bool = False
    reported: bool = False
    negated: bool = False
    speculative: bool = False
    aggregate: bool = False  # a series or campaign told as one ("a wave of bombings in 2016")
    sources: list[Report] = field(default_factory=list)

    @classmethod
    def from_dict(cls, record: dict) -> Event:
        """An event read back from its JSON record (as `to_dict` writes it)."""
        article = ArticleRef(**record["article"])
        return cls(
            id=record["id"], type=record["type"], subtype=record["subtype"],
            triggers=list(record["triggers"]),
            date=EventDate(record["date"], record["date_precision"], record["date_text"],
                           record["date_end"]),
            actors=[Actor(a["name"], a["role"], a["kind"], list(a["aliases_seen"]))
                    for a in record["actors"]],
            place=_read_place(record["place"]), sentence=record["sentence"], article=article,
            confidence=record["confidence"], origin=_read_place(record["origin"]),
            destination=_read_place(record["destination"]), fatalities=record["fatalities"],
            injured=record["injured"], displaced=record["displaced"],
            counts_at_least=record["counts_at_least"], reported=record["reported"],
            negated=record["negated"], speculative=record["speculative"],
            aggregate=record.get("aggregate", False),
            sources=[Report(ArticleRef(**{k: r[k] for k in ARTICLE_FIELDS}), r["sentence"],
                            r["fatalities"], r["injured"], r["displaced"])
                     for r in record["sources"]])

    def named(self, role: str) -> list[Actor]:
        """The event's parties in `role` named as someone in particular (not "militants", not
        "civilians")."""
        return [actor for actor in self.actors if actor.role == role and not actor.generic]

    @property
    def family(self) -> str:
        return FAMILY_OF_TYPE.get(self.type, self.type)

    @property
    def acled(self) -> tuple[str | None, str | None]:
        """ACLED's event type and sub-event type, or (None, None) outside its scheme."""
        return acled_type(self.type, self.subtype,
                          state_actor=any(a.role == "actor" and a.kind == "state forces"
                                          for a in self.actors),
                          civilian_victims=any(a.role == "victim" for a in self.actors))

    @property
    def geo_precision(self) -> int | None:
        return geo_precision(self.place)

    def to_dict(self) -> dict:
        """The JSON record (docs/architecture.md's event contract, with origin, destination,
        flags, the family, ACLED's types and geo_precision)."""
        event_type, sub_event_type = self.acled
        return {
            "id": self.id, "type": self.type, "subtype": self.subtype, "family": self.family,
            "event_type": event_type, "sub_event_type": sub_event_type,
            "geo_precision": self.geo_precision,
            "triggers": list(self.triggers),
            "date": self.date.date, "date_end": self.date.end,
            "date_precision": self.date.precision, "date_text": self.date.text,
            "actors": [actor.to_dict() for actor in self.actors],
            "place": _place(self.place), "origin": _place(self.origin),
            "destination": _place(self.destination),
            "fatalities": self.fatalities, "injured": self.injured, "displaced": self.displaced,
            "counts_at_least": self.counts_at_least,
            "reported": self.reported, "negated": self.negated, "speculative": self.speculative,
            "aggregate": self.aggregate,
            "sentence": self.sentence, "article": self.article.to_dict(),
            "sources": [report.to_dict() for report in self.sources],
            "confidence": round(self.confidence, 3),
        }


def _place(place: PlaceMention | None) -> dict | None:
    return None if place is None else place.to_dict()


def _read_place(record: dict | None) -> PlaceMention | None:
    return None if record is None else PlaceMention.from_dict(record)
