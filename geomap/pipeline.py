"""From input paths to articles with their resolved places (and, when asked, their events), one
file at a time, failures kept apart.

A bad file never stops the run: it becomes a `FileFailure` carrying a one-line reason, and the caller
reports it at the end.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gazetteer import Gazetteer
from geomap import nlp
from geomap.actors import ActorTable
from geomap.atomic import check_output
from geomap.context import ReadingContext
from geomap.events.records import Event
from geomap.places.mention import PlaceMention
from geomap.places.resolve import find_places
from geomap.read.article import Article, read_articles
from geomap.read.boilerplate import mask_for_parsing
from geomap.read.files import MAX_BYTES, InputError, expand_paths


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The user's store, opened once per process for `geomap.parse` and `to_map` (each open checks
    the store against its sources)."""
    return Gazetteer.open()


@dataclass(frozen=True, slots=True)
class EventOptions:
    """Asking for events: the actor table, the date of articles that carry none, and whether
    statements (claims, threats, accusations) count as events."""

    actors: ActorTable
    default_date: datetime.date | None = None
    statements: bool = False


@dataclass(slots=True)
class GeoparsedArticle:
    article: Article
    places: list[PlaceMention]
    events: list[Event] | None = None  # None: not looked for (`geomap places`), unlike []
    published: datetime.date | None = None

    def to_geodataframe(self):
        """The events as a GeoDataFrame (ACLED-like columns, EPSG:4326)."""
        from geomap.export.gis import events_to_geodataframe
        return events_to_geodataframe(self.events or [])

    def to_map(self, gazetteer: Gazetteer | None = None):
        """The interactive map of the article's events and places, as a folium Map: in Jupyter
        it shows itself (folium's `_repr_html_`); `.save()` writes it."""
        from geomap.render import place_map

        countries = (gazetteer or default_gazetteer()).countries()
        return place_map(self.places, countries=countries, events=self.events or [],
                         title=self.article.title or "geomap")

    def to_dict(self) -> dict:
        """The file and its places (one line of `geomap places --format jsonl`, the contract of
        docs/architecture.md), and its events as `geomap events` writes them when they were
        looked for (`geomap.parse` does; `geomap places` does not, so it gives no "events")."""
        record = {"file": self.article.file, "places": [place.to_dict() for place in self.places]}
        if self.events is not None:
            record["events"] = [event.to_dict() for event in self.events]
        return record


@dataclass(slots=True)
class FileFailure:
    reason: str  # one line, naming the file
    file: str = ""  # the input (or line of one) as shown to users


def geoparse_paths(paths: list[Path], gazetteer: Gazetteer, events: EventOptions | None = None,
                   *, max_bytes: int = MAX_BYTES, progress: bool = False,
                   outputs: tuple[Path, ...] = ()) -> Iterator[GeoparsedArticle | FileFailure]:
    """Articles of every file under `paths` with their places, or a failure per unusable path;
    with `progress`, a bar on stderr when it is a terminal. OutputError before any is read
    when one of `outputs` could not be written (it is one of the inputs, a device...)."""
    from tqdm import tqdm

    files, refused = expand_paths(paths)
    for output in outputs:
        check_output(output)
    yield from (FileFailure(str(error), error.file) for error in refused)
    for file in tqdm(files, desc="Reading articles", unit="file", leave=False,
                     disable=None if progress and len(files) > 1 else True):
        failures: list[InputError] = []  # the file's, or its bad lines'
        try:
            articles = read_articles(file, failures, max_bytes=max_bytes)
        except InputError as error:
            articles = []
            failures.append(error)
        yield from (FileFailure(str(error), error.file) for error in failures)
        for item in geoparse_each(articles, gazetteer, events):
            yield FileFailure(str(item), item.file) if isinstance(item, InputError) else item


def geoparse_each(articles: list[Article], gazetteer: Gazetteer,
                  events: EventOptions | None = None) -> list[GeoparsedArticle | InputError]:
    """`geoparse_articles`, for each article its result or the error that stopped it: an article
    that breaks the pipeline (a bug it brings out) must not sink the others, which are then
    read again one by one."""
    if not articles:
        return []
    try:
        return list(geoparse_articles(articles, gazetteer, events))
    except Exception:  # noqa: BLE001 - whatever it is, it is reported per article below
        results: list[GeoparsedArticle | InputError] = []
        for article in articles:
            try:
                results += geoparse_articles([article], gazetteer, events)
            except Exception as error:  # noqa: BLE001 - one line naming the article
                results.append(InputError(article.file, f"cannot be read ({type(error).__name__}: "
                                                        f"{error})"))
        return results


def geoparse_articles(articles: list[Article], gazetteer: Gazetteer,
                      events: EventOptions | None = None, *,
                      switched_off: frozenset[str] = frozenset()) -> Iterator[GeoparsedArticle]:
    """Places (and events) of already-read articles, parsed in one batch. An event an article
    tells more than once (headline and body) is one event. `switched_off` names recognition
    rules not to apply (`geomap.places.rules`), for measuring them."""
    actors = events.actors if events is not None else ActorTable.load()
    context = ReadingContext(gazetteer, actors, switched_off)
    if events is not None:  # dates need dateparser, slow to import: only when asked
        from geomap.events.dating import publication_day
        from geomap.events.extract import find_events
        from geomap.events.fuse import merge_events
    docs = nlp.read_texts(mask_for_parsing(article.text) for article in articles)
    for article, doc in zip(articles, docs):
        places = find_places(article, doc, context)
        if events is None:
            yield GeoparsedArticle(article, places)
            continue
        published = publication_day(article, events.default_date)
        told = find_events(article, doc, places, published, events.actors,
                           statements=events.statements)
        yield GeoparsedArticle(article, places, merge_events(told), published)
