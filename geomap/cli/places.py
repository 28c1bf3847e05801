"""`geomap places`: the places in articles, resolved, as JSON lines, JSON or a table."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from geomap.cli.errors import guarded
from geomap.cli.options import online_options, open_gazetteer, paths_argument
from geomap.cli.output import FORMATTERS, emit, report, split_results
from geomap.pipeline import geoparse_paths


@click.command()
@paths_argument
@click.option("--format", "output_format", type=click.Choice(["jsonl", "json", "table"]),
              default="jsonl", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@online_options
@guarded
def places(paths: tuple[Path, ...], max_bytes: int, output_format: str, output: Path | None,
           online: dict) -> None:
    """Find and resolve the places in articles (files or folders of .txt/.html/.json/.jsonl)."""
    gazetteer = open_gazetteer(online)
    done, failures = split_results(geoparse_paths(list(paths), gazetteer, max_bytes=max_bytes,
                                                  progress=True,
                                                  outputs=(output,) if output else ()))
    if done:
        emit(FORMATTERS[output_format](done), output)
    sys.exit(report(failures))
