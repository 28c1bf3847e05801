"""geomap: news articles to places, actors and events, and to maps that work offline.

`geomap.parse(text, published=...)` reads one article from Python; the command line is `geomap`.
"""

from __future__ import annotations

import datetime
from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__", "parse"]

try:
    __version__ = version("geomap")
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"


def parse(text: str, published: datetime.date | str | None = None, *, title: str = "",
          gazetteer=None, actors=None, statements: bool = False):
    """Places and events of one article's text, as a `GeoparsedArticle` (`.places`, `.events`,
    `.to_geodataframe()`). `published` anchors relative dates ("on Wednesday"); without it the
    text's own dateline is used, if it has one. `statements` counts claims, threats and
    accusations as events too."""
    from geomap.actors import ActorTable
    from geomap.pipeline import EventOptions, default_gazetteer, geoparse_articles
    from geomap.read.article import Article

    if isinstance(published, str):
        published = datetime.date.fromisoformat(published)
    article = Article(file="<text>", text=text, raw=text, title=title)
    options = EventOptions(actors if actors is not None else ActorTable.load(), published,
                           statements)
    (parsed,) = geoparse_articles([article], gazetteer or default_gazetteer(), options)
    return parsed
