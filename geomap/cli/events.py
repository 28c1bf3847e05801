"""`geomap events`: what happened, who, when, where, in the GIS format asked for."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from geomap.cli.errors import EXIT_USAGE, Failure, guarded
from geomap.cli.options import (
    event_options,
    online_options,
    open_gazetteer,
    paths_argument,
)
from geomap.cli.output import note_undated, report, split_results
from geomap.display import shown
from geomap.pipeline import GeoparsedArticle, geoparse_paths


@click.command()
@paths_argument
@click.option("--merge", is_flag=True,
              help="The inputs are one story: merge the same event told by several articles.")
@click.option("--format", "output_format",
              type=click.Choice(["jsonl", "geojson", "csv", "gpkg", "kml", "parquet"]),
              default="jsonl", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (needed for gpkg, kml and parquet).")
@event_options
@online_options
@guarded
def events(paths: tuple[Path, ...], max_bytes: int, merge: bool, output_format: str,
           output: Path | None, events, online: dict) -> None:
    """Find events in articles: what happened, who, when, where, how many killed and injured."""
    from geomap.export.gis import write_events

    if output is None and output_format in ("gpkg", "kml", "parquet"):
        raise Failure(f"{output_format} output needs -o FILE", EXIT_USAGE)
    gazetteer = open_gazetteer(online)
    done, failures = split_results(geoparse_paths(list(paths), gazetteer, events,
                                                  max_bytes=max_bytes, progress=True,
                                                  outputs=(output,) if output else ()))
    note_undated(done)
    if done:  # with no input read there is nothing to write, and an empty file would hide it
        found = story_events(done, merge)
        written = write_events(found, output_format, output)
        if written < len(found):
            click.echo(f"geomap: note: {len(found) - written} of {len(found)} events left out of "
                       f"the {output_format}: it has no room for an event without a place (csv, "
                       "gpkg, geojson and parquet keep them)", err=True)
        if output is not None:
            click.echo(f"wrote {written} events to {shown(output)}", err=True)
    sys.exit(report(failures))


def story_events(done: list[GeoparsedArticle], merge: bool) -> list:
    """Every article's events; with `merge`, each event of the story once."""
    from geomap.events.fuse import merge_events

    told = [event for item in done for event in item.events]
    return merge_events(told) if merge else told
