"""`geomap demo`: the bundled sample article drawn to a map, to see the tool work at once."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from geomap.cli.errors import guarded
from geomap.cli.options import open_gazetteer
from geomap.cli.output import DEFAULT_OUTPUT_DIR, report, split_results
from geomap.cli.render import write_map
from geomap.pipeline import geoparse_paths

SAMPLE = "sample-article.txt"


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=DEFAULT_OUTPUT_DIR / "demo.html", show_default=True)
@guarded
def demo(output: Path) -> None:
    """Render the bundled sample article to a map."""
    sample = resources.files("geomap") / "samples" / SAMPLE
    with resources.as_file(sample) as path:
        from geomap.actors import ActorTable
        from geomap.pipeline import EventOptions

        gazetteer = open_gazetteer()
        done, failures = split_results(
            geoparse_paths([path], gazetteer, EventOptions(ActorTable.load())))
        if failures:
            sys.exit(report(failures))
        write_map(done, output, gazetteer.countries(), None, None, done[0].events)
