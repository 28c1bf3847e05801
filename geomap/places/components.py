"""geomap's place recognition and resolution as spaCy components, for a pipeline of your own:

    import spacy
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("geomap_toponyms")   # doc.spans["toponyms"]; span._.cue, ._.demonym, ._.metonym
    nlp.add_pipe("geomap_places")     # doc._.places: resolved PlaceMention records
    doc = nlp("Floods cut the road between Tulsa and Wichita.")

They run the same code as `geomap places` and need the model's entities and sentence boundaries
before them. The gazetteer store is opened (and built if missing) on the first document; options:
`gazetteer_path`, `actor_files` (extra actor tables, as `--actors`) and `switched_off` (rule names
of `geomap.places.rules` not to apply).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from gazetteer import Gazetteer
from geomap.actors import ActorTable
from geomap.context import ReadingContext
from geomap.places.recognize import find_toponyms
from geomap.places.resolve import find_places
from geomap.places.toponym import Toponym
from geomap.read.article import Article

SPANS_KEY = "toponyms"
SPAN_ATTRIBUTES = {"cue": "", "demonym": False, "metonym": False, "place_name": ""}


def _register_extensions() -> None:
    for attribute, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(attribute):
            Span.set_extension(attribute, default=default)
    if not Doc.has_extension("places"):
        Doc.set_extension("places", default=None)


class _Component:
    """Opens the gazetteer and the actor tables on the first document, not when the pipeline is
    built, so that adding the pipe is cheap and a pipeline can be saved without the store."""

    def __init__(self, gazetteer_path: str | None, actor_files: list[str],
                 switched_off: list[str]):
        self._settings = (gazetteer_path, tuple(Path(f) for f in actor_files),
                          frozenset(switched_off))
        self._context: ReadingContext | None = None
        _register_extensions()

    @property
    def context(self) -> ReadingContext:
        if self._context is None:
            path, actor_files, switched_off = self._settings
            self._context = ReadingContext(Gazetteer.open(path), ActorTable.load(actor_files),
                                           switched_off)
        return self._context


class ToponymRecogniser(_Component):
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = [_as_span(doc, toponym)
                                for toponym in find_toponyms(doc, self.context)]
        return doc


class PlaceResolver(_Component):
    def __call__(self, doc: Doc) -> Doc:
        article = Article(file="", text=doc.text, raw=doc.text)
        doc._.places = find_places(article, doc, self.context)
        return doc


def _as_span(doc: Doc, toponym: Toponym) -> Span:
    span = doc.char_span(toponym.start, toponym.end, label=toponym.label or "PLACE")
    span._.cue, span._.demonym = toponym.cue, toponym.demonym
    span._.metonym, span._.place_name = toponym.metonym, toponym.full_name
    return span


_CONFIG = {"gazetteer_path": None, "actor_files": [], "switched_off": []}


@Language.factory("geomap_toponyms", default_config=_CONFIG)
def make_toponym_recogniser(nlp: Language, name: str, gazetteer_path: str | None,
                            actor_files: list[str], switched_off: list[str]) -> ToponymRecogniser:
    return ToponymRecogniser(gazetteer_path, actor_files, switched_off)


@Language.factory("geomap_places", default_config=_CONFIG)
def make_place_resolver(nlp: Language, name: str, gazetteer_path: str | None,
                        actor_files: list[str], switched_off: list[str]) -> PlaceResolver:
    return PlaceResolver(gazetteer_path, actor_files, switched_off)
