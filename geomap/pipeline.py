"""From input paths to articles with their resolved places, one file at a time, failures kept apart.

A bad file never stops the run: it becomes a `FileFailure` carrying a one-line reason, and the caller
reports it at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gazetteer import Gazetteer

from . import nlp
from .boilerplate import mask_for_parsing
from .article import Article, ArticleError, expand_paths, read_articles
from .places import PlaceMention, find_places


@dataclass(slots=True)
class GeoparsedArticle:
    article: Article
    places: list[PlaceMention]

    def to_dict(self) -> dict:
        """One line of `geomap places --format jsonl` (DESIGN.md's contract)."""
        return {"file": self.article.file, "places": [place.to_dict() for place in self.places]}


@dataclass(slots=True)
class FileFailure:
    reason: str  # one line, naming the file


def geoparse_paths(paths: list[Path], gazetteer: Gazetteer) -> Iterator[GeoparsedArticle | FileFailure]:
    """Articles of every file under `paths` with their places, or a failure per unusable path."""
    files, missing = expand_paths(paths)
    for reason in missing:
        yield FileFailure(reason)
    for file in files:
        try:
            articles = read_articles(file)
        except ArticleError as error:
            yield FileFailure(str(error))
            continue
        yield from geoparse_articles(articles, gazetteer)


def geoparse_articles(articles: list[Article], gazetteer: Gazetteer) -> Iterator[GeoparsedArticle]:
    """Places of already-read articles, parsed in one batch."""
    docs = nlp.load().pipe(mask_for_parsing(article.text) for article in articles)
    for article, doc in zip(articles, docs):
        yield GeoparsedArticle(article, find_places(article, doc, gazetteer))
