"""Reading geoparsing corpora with gold toponyms: LGL/TR-News, GeoVirus and GeoWebNews XML.

The format is told by the elements, not the file name: LGL and TR-News mark `toponym`s with a
`gaztag` (GeoNames id, lat, lon); GeoVirus marks `location`s with `lat`/`lon`; GeoWebNews marks
`toponym`s with `latitude`/`longitude`. Some corpora's offsets are shifted by a character or two:
each gold span is realigned on its name, near where the offsets say it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

# How far (characters) to look around stated offsets for the gold name.
REALIGN_WINDOW = 30
# Whether each corpus's annotation guidelines count adjectival place mentions ("American",
# "Russian") as toponyms: LGL and GeoWebNews do (GeoWebNews as its own "Demonym" type), GeoVirus
# annotates proper names of places only.
ANNOTATES_DEMONYMS = {"LGL": True, "GeoWebNews": True, "GeoVirus": False}


class CorpusError(Exception):
    """The corpus file cannot be read; the message names it."""


@dataclass(slots=True)
class GoldToponym:
    """A toponym as annotated; `lat`/`lon` are None where the annotators gave no coordinates."""

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class GoldDocument:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def read_corpus(path: Path) -> tuple[str, list[GoldDocument]]:
    """The corpus format's name and its documents."""
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        raise CorpusError(f"{path}: malformed XML ({error})") from None
    except OSError as error:
        raise CorpusError(f"{path}: cannot read ({error.strerror})") from None
    articles = root.findall(".//article")
    if not articles:
        raise CorpusError(f"{path}: no <article> elements: not a geoparsing corpus")
    corpus_format = _detect(root)
    if corpus_format is None:
        raise CorpusError(f"{path}: no <toponym> or <location> annotations found")
    documents = [_document(number, article) for number, article in enumerate(articles, start=1)]
    return corpus_format, documents


def _detect(root: ElementTree.Element) -> str | None:
    if root.find(".//toponym/gaztag") is not None:
        return "LGL"
    if root.find(".//toponym/latitude") is not None:
        return "GeoWebNews"
    if root.find(".//location/lat") is not None:
        return "GeoVirus"
    return None


def _document(number: int, article: ElementTree.Element) -> GoldDocument:
    text = article.findtext("text") or ""
    identifier = article.get("docid") or article.get("id") or article.findtext("source") or str(number)
    toponyms = []
    for element in article.findall(".//toponym") + article.findall(".//location"):
        toponym = _toponym(element, text)
        if toponym is not None:
            toponyms.append(toponym)
    return GoldDocument(identifier, text, sorted(toponyms, key=lambda t: t.start))


def _toponym(element: ElementTree.Element, text: str) -> GoldToponym | None:
    try:
        start, end = int(element.findtext("start") or ""), int(element.findtext("end") or "")
    except ValueError:
        return None
    name = (element.findtext("phrase") or element.findtext("name") or text[start:end]).strip()
    start, end = _realign(text, start, end, name)
    gaztag = element.find("gaztag")
    source = gaztag if gaztag is not None else element
    lat = _number(source.findtext("lat") or source.findtext("latitude"))
    lon = _number(source.findtext("lon") or source.findtext("longitude"))
    geonameid = gaztag.get("geonameid") if gaztag is not None else None
    return GoldToponym(start, end, name, lat, lon,
                       int(geonameid) if geonameid and geonameid.isdigit() else None)


def _realign(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """Offsets moved onto the nearest occurrence of `name` when they miss it."""
    if not name or text[start:end] == name:
        return start, end
    window_start = max(0, start - REALIGN_WINDOW)
    window = text[window_start:end + REALIGN_WINDOW]
    found = [index for index in range(len(window)) if window.startswith(name, index)]
    if not found:
        return start, end
    best = min(found, key=lambda index: abs(window_start + index - start))
    return window_start + best, window_start + best + len(name)


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None
