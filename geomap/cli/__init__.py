"""The `geomap` command line: the group and its global options; a module per command.

Exit codes (geomap.cli.errors): 0 everything worked; 1 some or all inputs failed (each named on
stderr, the rest were still processed); 2 usage error (bad option, missing argument); 3 the
gazetteer store or an output file could not be used. Errors are one line each; `--debug` shows the
traceback instead. The commands import only what every start needs; folium, matplotlib and the GIS
libraries load inside the commands that draw or export.
"""

from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.batch import batch
from geomap.cli.demo import demo
from geomap.cli.evaluate import evaluate
from geomap.cli.events import events
from geomap.cli.gazetteer import gazetteer_group
from geomap.cli.places import places
from geomap.cli.render import render


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geomap", prog_name="geomap")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Gazetteer store file (default: $GEOMAP_GAZETTEER, else the user cache).")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(context: click.Context, gazetteer_path: Path | None, debug: bool) -> None:
    """Map where news happened: places in articles, resolved offline, drawn on maps."""
    context.obj = {"gazetteer": gazetteer_path, "debug": debug}


for _command in (places, events, render, batch, demo, evaluate, gazetteer_group):
    main.add_command(_command)
