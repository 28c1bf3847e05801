"""`geomap gazetteer`: build, inspect and extend the offline gazetteer store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from gazetteer.lookup import is_current
from gazetteer.model import KINDS
from gazetteer.paths import store_path
from geomap.cli.errors import EXIT_INPUT, guarded
from geomap.cli.options import open_gazetteer
from geomap.cli.output import columns


@click.group(name="gazetteer")
def gazetteer_group() -> None:
    """Build, inspect and extend the offline gazetteer."""


@gazetteer_group.command(name="build")
@click.option("--if-missing", is_flag=True, help="Only build when the store is missing or stale.")
@guarded
def gazetteer_build(if_missing: bool) -> None:
    """(Re)build the gazetteer store from the installed data packages."""
    from gazetteer.build import build

    path = store_path(click.get_current_context().obj["gazetteer"])
    if if_missing and is_current(path):
        click.echo(f"gazetteer is up to date: {path}")
        return
    report = build(path)
    click.echo(f"built {report.path}: {report.places:,} places, "
               f"{report.size_bytes / 2**20:.0f} MiB in {report.seconds:.0f} s")


@gazetteer_group.command(name="lookup")
@click.argument("name")
@click.option("--country", metavar="CC", help="Only places in this country (ISO alpha-2 code).")
@click.option("--kind", type=click.Choice([str(kind) for kind in KINDS]),  # "city", as typed
              help="Only places of this kind.")
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@guarded
def gazetteer_lookup(name: str, country: str | None, kind: str | None, limit: int,
                     output_format: str) -> None:
    """Look a place name up, best candidate first."""
    candidates = open_gazetteer().lookup(name, country=country, kind=kind, limit=limit)
    if output_format == "json":
        click.echo(json.dumps([c.to_dict() for c in candidates], ensure_ascii=False, indent=2))
    elif candidates:
        rows = [("name", "kind", "country", "admin1", "lat", "lon", "population", "geonameid",
                 "match", "source")]
        rows += [(c.name, c.kind, c.country, c.admin1, f"{c.lat:.4f}", f"{c.lon:.4f}",
                  str(c.population or ""), str(c.geonameid or ""), c.match, c.source)
                 for c in candidates]
        click.echo(columns(rows), nl=False)
    if not candidates:
        click.echo(f"geomap: no place named {name!r}", err=True)
        sys.exit(EXIT_INPUT)


@gazetteer_group.command(name="info")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@guarded
def gazetteer_info(output_format: str) -> None:
    """Where the store is, its size, and its places by kind and source."""
    info = open_gazetteer().info()
    if output_format == "json":
        click.echo(json.dumps(info, indent=2))
        return
    click.echo(f"path: {info['path']}\nsize: {info['size_bytes'] / 2**20:.1f} MiB\n"
               f"built: {info.get('built', '?')}\nnames: {info['names']['total']:,}")
    for heading in ("by_kind", "by_source"):
        click.echo(f"places {heading.replace('_', ' ')}:")
        for key, count in info[heading].items():
            click.echo(f"  {key:<24}{count:>9,}")


@gazetteer_group.command(name="add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@guarded
def gazetteer_add(file: Path) -> None:
    """Add your own places (CSV or GeoJSON); they outrank every other source and survive rebuilds."""
    added = open_gazetteer().add_user_places(file)
    click.echo(f"added {added} place(s) from {file}")
