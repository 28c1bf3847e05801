"""How results reach the user: standard output or a file, the places formats, safe map file
names, and each failed input on its own line with the exit code that follows."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import click

from geomap.atomic import write_text
from geomap.cli.errors import EXIT_INPUT, EXIT_OK, echo_error
from geomap.display import shown
from geomap.pipeline import FileFailure, GeoparsedArticle

DEFAULT_OUTPUT_DIR = Path("output")
RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                  *(f"lpt{i}" for i in range(10))}


def split_results(results: Iterable[GeoparsedArticle | FileFailure]
                  ) -> tuple[list[GeoparsedArticle], list[FileFailure]]:
    """The articles read, and the inputs that failed."""
    done, failures = [], []
    for result in results:
        (failures if isinstance(result, FileFailure) else done).append(result)
    return done, failures


def report(failures: list[FileFailure]) -> int:
    """Print each failure on its own line and say how many; the exit code to use."""
    for failure in failures:
        echo_error(failure.reason)
    if failures:
        click.echo(f"geomap: {len(failures)} input(s) failed", err=True)
    return EXIT_INPUT if failures else EXIT_OK


def note_undated(done: list[GeoparsedArticle]) -> None:
    """Say which articles gave no publication date, whose events then have no date of their own
    to fall back on, and how to give one."""
    for item in done:
        if item.published is None:
            click.echo(f"geomap: note: {shown(item.article.file)}: no publication date in the "
                       "file; relative dates are not resolved (give one with --date YYYY-MM-DD)",
                       err=True)


def emit(text: str, output: Path | None) -> None:
    """The text on standard output, or written to `output` (said on stderr)."""
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text)
        click.echo(f"wrote {shown(output)}", err=True)


def _as_jsonl(done: list[GeoparsedArticle]) -> str:
    return "".join(json.dumps(item.to_dict(), ensure_ascii=False) + "\n" for item in done)


def _as_json(done: list[GeoparsedArticle]) -> str:
    return json.dumps([item.to_dict() for item in done], ensure_ascii=False, indent=2) + "\n"


def _as_table(done: list[GeoparsedArticle]) -> str:
    rows = [("file", "start", "end", "text", "place", "kind", "country", "lat", "lon", "conf")]
    for item in done:
        for p in item.places:
            rows.append((item.article.file, str(p.start), str(p.end), p.text, p.name, p.kind,
                         p.country, f"{p.lat:.4f}", f"{p.lon:.4f}", f"{p.confidence:.2f}"))
    return columns(rows)


def columns(rows: list[tuple[str, ...]]) -> str:
    """Rows as left-aligned columns, the first row the heading; nothing in a cell a terminal
    would act on."""
    rows = [tuple(shown(cell) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n"
                   for row in rows)


FORMATTERS = {"jsonl": _as_jsonl, "json": _as_json, "table": _as_table}


def map_file_name(file: str, suffix: str = ".html") -> str:
    """A safe file name for an article's map: no folders, odd characters or reserved names.

    An article from line N of a JSONL file ("news.jsonl:7") gets "news-7.html".
    """
    base, _, line = Path(file).name.partition(":")
    stem = Path(base).stem + (f"-{line}" if line else "")
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "-" for ch in stem)
    safe = safe.strip("-")[:100] or "map"
    return ("map-" + safe if safe.lower() in RESERVED_NAMES else safe) + suffix
