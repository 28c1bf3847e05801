"""`geomap render`: maps of articles' events and places, one per article or one for them all."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gazetteer import Place
from geomap.cli.errors import EXIT_USAGE, Failure, guarded
from geomap.cli.events import story_events
from geomap.cli.options import (
    event_options,
    online_options,
    open_gazetteer,
    paths_argument,
)
from geomap.cli.output import (
    DEFAULT_OUTPUT_DIR,
    map_file_name,
    note_undated,
    report,
    split_results,
)
from geomap.display import shown
from geomap.pipeline import GeoparsedArticle, geoparse_paths
from geomap.render.print_size import (
    DEFAULT_DPI,
    DEFAULT_HEIGHT,
    DEFAULT_SIZE,
    DEFAULT_WIDTH,
    PrintSize,
)
from geomap.render.story import story_header

# The files a map can be written as (the suffix chooses a static image).
MAP_SUFFIXES = (".html", ".htm", ".png", ".svg", ".pdf")


@click.command()
@paths_argument
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="One map of every input's places, written here.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_OUTPUT_DIR, show_default=True,
              help="Folder for one map per article (when -o is not given).")
@click.option("--tiles", metavar="NAME",
              help="Add web map tiles (an xyzservices name such as CartoDB.Positron); "
                   "the default offline basemap needs no network.")
@click.option("--title", help="Map title (default: the article's title).")
@click.option("--format", "output_format", type=click.Choice(["html", "png", "svg", "pdf"]),
              default="html", show_default=True,
              help="An interactive HTML map, or a static image for slides and print.")
@click.option("--embed", is_flag=True,
              help="Write an HTML fragment to paste into a page (no <html>/<head>; ids that "
                   "cannot clash with another map's) instead of a whole page.")
@click.option("--responsive", is_flag=True,
              help="With --embed: fill the width of its container at a 16:10 shape.")
@click.option("--width", type=click.IntRange(200, 20000), metavar="PX",
              help=f"Static maps: width in pixels at --dpi [default: {DEFAULT_WIDTH}].")
@click.option("--height", type=click.IntRange(200, 20000), metavar="PX",
              help=f"Static maps: height in pixels at --dpi [default: {DEFAULT_HEIGHT}].")
@click.option("--dpi", type=click.IntRange(50, 1200),
              help=f"Static maps: dots per inch (SVG and PDF keep the size in inches) "
                   f"[default: {DEFAULT_DPI}].")
@click.option("--assets", "assets", type=click.Path(file_okay=False, path_type=Path),
              help="HTML maps: write Leaflet into this folder once and link it from the map, "
                   "instead of inlining it in every file (for several fragments on one page).")
@click.option("--merge", is_flag=True,
              help="The inputs are one story: draw each event the articles share once (with -o).")
@event_options
@online_options
@guarded
def render(paths: tuple[Path, ...], max_bytes: int, output: Path | None, output_dir: Path,
           tiles: str | None, title: str | None, output_format: str, embed: bool,
           responsive: bool, width: int | None, height: int | None, dpi: int | None,
           assets: Path | None, merge: bool, events, online: dict) -> None:
    """Draw a map of the events and places in articles: interactive HTML, or PNG/SVG/PDF."""
    if output is not None and output_format != "html" \
            and output.suffix.lower() != f".{output_format}":
        raise Failure(f"{output}: a {output_format} map needs a .{output_format} file name",
                      EXIT_USAGE)
    if output is not None and output.suffix.lower() not in MAP_SUFFIXES:
        raise Failure(f"{shown(output)}: a map is written as {', '.join(MAP_SUFFIXES)}; "
                      f"{output.suffix or 'no suffix'} is none of them", EXIT_USAGE)
    static = output_format != "html" or (
        output is not None and output.suffix.lower() in (".png", ".svg", ".pdf"))
    _check_options(static, embed=embed, responsive=responsive, assets=assets,
                   size_given=(width, height, dpi) != (None, None, None))
    page = {"embed": embed, "responsive": responsive, "assets": assets,
            "size": PrintSize(width or DEFAULT_WIDTH, height or DEFAULT_HEIGHT,
                              dpi or DEFAULT_DPI)}
    gazetteer = open_gazetteer(online)
    done, failures = split_results(geoparse_paths(list(paths), gazetteer, events,
                                                  max_bytes=max_bytes, progress=True,
                                                  outputs=(output,) if output else ()))
    note_undated(done)
    countries = gazetteer.countries() if done else []
    if output is not None and done:
        write_map(done, output, countries, tiles, title, story_events(done, merge), **page)
    else:
        for item in done:
            name = map_file_name(item.article.file, f".{output_format}")
            write_map([item], output_dir / name, countries, tiles, title, item.events, **page)
    sys.exit(report(failures))


def _check_options(static: bool, *, embed: bool, responsive: bool, assets: Path | None,
                   size_given: bool) -> None:
    """Options that would be silently ignored are usage errors instead."""
    if static and (embed or responsive or assets is not None):
        raise Failure("--embed, --responsive and --assets are for HTML maps", EXIT_USAGE)
    if responsive and not embed:
        raise Failure("--responsive shapes an embedded fragment: use it with --embed", EXIT_USAGE)
    if size_given and not static:
        raise Failure("--width, --height and --dpi are for static maps (.png, .svg, .pdf)",
                      EXIT_USAGE)


def write_map(items: list[GeoparsedArticle], path: Path, countries: list[Place],
              tiles: str | None, title: str | None, events: list, *, embed: bool = False,
              responsive: bool = False, assets: Path | None = None,
              size: PrintSize = DEFAULT_SIZE) -> None:
    """An interactive map (a page, or a fragment to embed), or a static one when the file is
    .png, .svg or .pdf. Title and subtitle come from the articles, never their file names."""
    mentions = [place for item in items for place in item.places]
    articles = [item.article for item in items]
    heading, subtitle = story_header([a.title for a in articles], [a.source for a in articles],
                                     [a.published for a in articles], title)
    if path.suffix.lower() in (".png", ".svg", ".pdf"):
        from geomap.render.static import (
            static_map,  # matplotlib only when an image is drawn
        )

        static_map(path, events=events, mentions=mentions, countries=countries, title=heading,
                   subtitle=subtitle, size=size)
        click.echo(shown(path))
        return
    from geomap.render import (  # folium only for maps
        place_map,
        write_fragment,
        write_html,
    )

    try:
        html_map = place_map(mentions, countries=countries, title=heading,
                             subtitle=subtitle, tiles=tiles, events=events)
    except ValueError as error:  # an unknown tile provider name
        raise Failure(str(error), EXIT_USAGE) from None
    if embed:
        write_fragment(html_map, path, responsive=responsive, assets=assets)
    else:
        write_html(html_map, path, assets=assets)
    click.echo(shown(path))
