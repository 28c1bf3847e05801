"""Reading articles: plain text, HTML and JSON/JSONL files to `Article`s with their clean text.

Offsets reported to users index the file's text as read, so an HTML article keeps a map from each
character of its clean text back to the raw text. JSON articles are indexed in their `text` field.
"""

from __future__ import annotations

import bisect
import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from geomap.display import shown
from geomap.read.boilerplate import headline, mask_for_parsing
from geomap.read.encoding import NotText, decode
from geomap.read.files import MAX_BYTES, InputError, read_bytes

# A headline found in the text is cut to this length (a first line may be a whole paragraph).
MAX_TITLE_CHARS = 200
# The most characters one article may have (spaCy's own limit for a text).
MAX_CHARS = 1_000_000
# A publication date as files state it ("2017-03-09T10:00:00+03:00", "Thu, 9 Mar 2017"): a longer
# value is no date, and is not handed to the date parser.
MAX_DATE_CHARS = 64
# Surrogates alone (JSON may escape one, "\ud800"): no character, and no UTF-8 to write them as.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
               "section", "header", "footer", "blockquote", "title", "ul", "ol", "table"}
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class ArticleError(InputError):
    """An input file (or a line of one) cannot be read as an article."""


@dataclass(slots=True)
class Article:
    """One article. `raw` is the text as read; `text` is what the pipeline reads; `raw_offsets[i]`
    is where `text[i]` sits in `raw` (None when the two are the same string)."""

    file: str
    text: str
    raw: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    raw_offsets: list[int] | None = field(default=None, repr=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `raw` that `text[start:end]` came from."""
        if self.raw_offsets is None:
            return start, end
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1

    def text_span(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """The span of `text` that came from `raw[raw_start:raw_end]` (the inverse of raw_span)."""
        if self.raw_offsets is None:
            return raw_start, raw_end
        start = bisect.bisect_left(self.raw_offsets, raw_start)
        end = bisect.bisect_left(self.raw_offsets, raw_end)
        return start, max(end, start + 1)


def read_articles(path: Path, errors: list[InputError] | None = None, *,
                  max_bytes: int = MAX_BYTES) -> list[Article]:
    """The articles in one file (a JSONL file may hold several).

    With `errors`, a bad line of a JSONL file is added there and the file's other articles are
    kept; without, it fails the file."""
    name = shown(path)
    suffix = path.suffix.lower()
    try:
        raw = decode(read_bytes(path, max_bytes), html=suffix in (".html", ".htm"))
    except NotText as error:
        raise ArticleError(name, str(error)) from None
    if suffix in (".html", ".htm"):
        articles = [_from_html(name, raw)]
    elif suffix == ".json":
        articles = [_from_json(name, _parse_json(name, raw))]
    elif suffix == ".jsonl":
        reported = len(errors) if errors is not None else 0
        articles = _from_jsonl(name, raw, errors)
        if not articles and errors is not None and len(errors) > reported:
            return []  # every line failed, and each is reported
    else:
        articles = [Article(file=name, text=raw, raw=raw, title=_first_line(raw))]
    if not articles or not any(mask_for_parsing(article.text).strip() for article in articles):
        raise ArticleError(name, "no article text in the file (empty, or only page furniture "
                                 "such as menus and share buttons)")
    for article in articles:
        if len(article.text) > MAX_CHARS:
            raise ArticleError(article.file, f"{len(article.text):,} characters is more than one "
                               f"article ({MAX_CHARS:,} at most); split it into articles, for "
                               "instance one per line of a JSONL file")
    return articles


def _from_jsonl(name: str, raw: str, errors: list[InputError] | None) -> list[Article]:
    """One article per line; lines end at "\n" only (JSON Lines), not at the other line breaks
    of Unicode a text field may hold."""
    articles = []
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            where = f"{name}:{number}"
            articles.append(_from_json(where, _parse_json(where, line)))
        except ArticleError as error:
            if errors is None:
                raise
            errors.append(error)
    return articles


def _first_line(text: str) -> str:
    return headline(text)[:MAX_TITLE_CHARS]


def _parse_json(where: str, text: str) -> dict:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(where, f"malformed JSON ({error.msg} at line {error.lineno})") from None
    except RecursionError:
        raise ArticleError(where, "JSON nested too deeply to be an article") from None
    except ValueError as error:  # an integer of thousands of digits
        raise ArticleError(where, f"unusable JSON ({str(error).split(':')[0]})") from None
    if not isinstance(record, dict):
        raise ArticleError(where, "expected a JSON object with a 'text' field")
    return record


def _from_json(file: str, record: dict) -> Article:
    text = record.get("text", record.get("body"))
    if not isinstance(text, str):
        raise ArticleError(file, "JSON article needs a 'text' string field")
    text = _LONE_SURROGATE.sub("\ufffd", text)  # one for one: offsets unchanged
    strings = {key: _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else ""
               for key, value in record.items()}
    return Article(file=file, text=text, raw=text, title=strings.get("title", "") or _first_line(text),
                   source=strings.get("source", ""), url=strings.get("url", ""),
                   published=_date(strings.get("published", "") or strings.get("date", "")))


def _from_html(file: str, raw: str) -> Article:
    extractor = _TextExtractor(raw)
    try:
        extractor.feed(raw)
        extractor.close()
    except (AssertionError, ValueError) as error:  # html.parser's rare hard failures
        raise ArticleError(file, f"malformed HTML ({error})") from None
    text = "".join(extractor.chars)
    return Article(file=file, text=text, raw=raw, title=extractor.title.strip() or _first_line(text),
                   published=_date(extractor.published), raw_offsets=extractor.offsets)


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one raw offset per character kept."""

    def __init__(self, raw: str):
        super().__init__(convert_charrefs=False)
        self._line_starts = [0] + [match.end() for match in re.finditer("\n", raw)]
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.title = ""
        self.published = ""
        # dates the page states, by where it states them (the first found of each kind)
        self._dates: dict[str, str] = {}
        self._linked_data: list[str] | None = None  # a JSON-LD script being read
        self._skip_depth = 0
        self._in_title = False

    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _emit(self, text: str, start: int, exact: bool) -> None:
        if self._in_title:
            self.title += text
        if self._skip_depth:
            return
        for index, char in enumerate(text):
            self.chars.append(char)
            self.offsets.append(start + index if exact else start)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        self._in_title = tag == "title" or self._in_title
        values = dict(attrs)
        if tag == "meta":
            self._meta_date(values)
        elif tag == "time" and values.get("datetime"):
            self._dates.setdefault("time", values["datetime"] or "")
        elif tag == "script" and (values.get("type") or "").lower() == "application/ld+json":
            self._linked_data = []
        if tag in _BLOCK_TAGS:
            self._emit("\n", self._here(), exact=False)

    def _meta_date(self, values: dict[str, str | None]) -> None:
        content = values.get("content") or ""
        if values.get("property") in ("article:published_time", "og:published_time"):
            self._dates.setdefault("meta", content)
        elif values.get("name") in ("date", "pubdate", "publish-date") \
                or values.get("itemprop") == "datePublished":
            self._dates.setdefault("named", content)

    def close(self) -> None:
        """The page's publication date: its Open Graph time, else its linked data's
        datePublished, else a date meta tag, else its first <time datetime>."""
        super().close()
        self.published = next((self._dates[kind] for kind in ("meta", "linked data", "named",
                                                             "time") if self._dates.get(kind)), "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._linked_data is not None:
            published = _date_published("".join(self._linked_data))
            if published:
                self._dates.setdefault("linked data", published)
            self._linked_data = None
        if tag in _SKIPPED_TAGS and self._skip_depth:
            self._skip_depth -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            self._emit("\n", self._here(), exact=False)

    def handle_data(self, data: str) -> None:
        if self._linked_data is not None:
            self._linked_data.append(data)
        self._emit(data, self._here(), exact=True)

    def handle_entityref(self, name: str) -> None:
        self._emit(html.unescape(f"&{name};"), self._here(), exact=False)

    def handle_charref(self, name: str) -> None:
        self._emit(html.unescape(f"&#{name};"), self._here(), exact=False)


def _date(value: str) -> str:
    """A stated publication date, or "" when it is too long to be one."""
    return value.strip() if len(value.strip()) <= MAX_DATE_CHARS else ""


def _date_published(script: str) -> str:
    """The datePublished of a JSON-LD script (an object, a list, or an @graph), or ""."""
    try:
        data = json.loads(script)
    except (ValueError, RecursionError):
        return ""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])
    return ""
