"""The `geomap` command line.

Exit codes: 0 everything worked; 1 some or all inputs failed (each named on stderr, the rest were
still processed); 2 usage error (bad option, missing argument); 3 the gazetteer store or an output
file could not be used. Errors are one line each; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import functools
import json
import sys
import traceback
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import click

from gazetteer import DataError, Gazetteer, Place, StoreError
from gazetteer.lookup import is_current
from gazetteer.model import KINDS
from gazetteer.paths import store_path
from geomap.atomic import OutputError, write_text
from geomap.pipeline import FileFailure, GeoparsedArticle, geoparse_paths

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3
DEFAULT_OUTPUT_DIR = Path("output")
SAMPLE = "sample-article.txt"


class Failure(click.ClickException):
    """A whole-command failure with its exit code."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"geomap: error: {self.message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geomap", prog_name="geomap")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Gazetteer store file (default: $GEOMAP_GAZETTEER, else the user cache).")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(context: click.Context, gazetteer_path: Path | None, debug: bool) -> None:
    """Map where news happened: places in articles, resolved offline, drawn on maps."""
    context.obj = {"gazetteer": gazetteer_path, "debug": debug}


def _guarded(command: Callable) -> Callable:
    """Turn the errors users can meet into one-line messages and exit codes."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        debug = click.get_current_context().obj["debug"]
        try:
            return command(*args, **kwargs)
        except (StoreError, DataError, OutputError) as error:
            if debug:
                traceback.print_exc()
            code = EXIT_INPUT if isinstance(error, DataError) else EXIT_ENVIRONMENT
            raise Failure(str(error), code) from None
        except (click.ClickException, click.exceptions.Exit, SystemExit, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug: still one line, unless asked for the traceback
            if debug:
                traceback.print_exc()
            raise Failure(f"internal error: {type(error).__name__}: {error} "
                          "(run with --debug for the traceback)", EXIT_ENVIRONMENT) from None
    return run


def _open_gazetteer(online: dict | None = None) -> Gazetteer:
    """The store, with the online geocoder attached when the user asked for it."""
    gazetteer = Gazetteer.open(click.get_current_context().obj["gazetteer"])
    if online and online["online"]:
        from gazetteer.online import OnlineGeocoder
        from gazetteer.paths import online_cache_path

        service = urlsplit(online["online_url"] or "")
        try:
            gazetteer.online = OnlineGeocoder(
                online_cache_path(gazetteer.path), user_agent=online["user_agent"] or "",
                provider=online["online_provider"], username=online["geonames_username"],
                domain=service.netloc or None, scheme=service.scheme or "https")
        except ValueError as error:
            raise Failure(f"--online: {error}", EXIT_USAGE) from None
    return gazetteer


def online_options(command: Callable) -> Callable:
    """The opt-in online geocoder's options, gathered into one `online` argument."""
    options = [
        click.option("--online", is_flag=True,
                     help="Ask an online geocoder for place names the offline gazetteer does not "
                          "know (answers are cached; off by default: nothing leaves the machine)."),
        click.option("--user-agent", envvar="GEOMAP_USER_AGENT",
                     help="Who is asking, as the geocoder's usage policy requires (an app name "
                          "and contact). Also $GEOMAP_USER_AGENT."),
        click.option("--online-provider", type=click.Choice(["nominatim", "geonames"]),
                     default="nominatim", show_default=True),
        click.option("--geonames-username", envvar="GEOMAP_GEONAMES_USERNAME",
                     help="Account name for the GeoNames web service. Also $GEOMAP_GEONAMES_USERNAME."),
        click.option("--online-url", envvar="GEOMAP_ONLINE_URL", metavar="URL",
                     help="Your own Nominatim or GeoNames server, e.g. https://nominatim.example.org "
                          "(default: the public service). Also $GEOMAP_ONLINE_URL."),
    ]

    @functools.wraps(command)
    def gathered(*args, online: bool, user_agent: str | None, online_provider: str,
                 geonames_username: str | None, online_url: str | None, **kwargs):
        return command(*args, online={"online": online, "user_agent": user_agent,
                                      "online_provider": online_provider,
                                      "geonames_username": geonames_username,
                                      "online_url": online_url}, **kwargs)

    for option in reversed(options):
        gathered = option(gathered)
    return gathered


def _report(failures: list[FileFailure]) -> int:
    """Print each failure on its own line and say how many; the exit code to use."""
    for failure in failures:
        click.echo(f"geomap: error: {failure.reason}", err=True)
    if failures:
        click.echo(f"geomap: {len(failures)} input(s) failed", err=True)
    return EXIT_INPUT if failures else EXIT_OK


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text)
        click.echo(f"wrote {output}", err=True)


paths_argument = click.argument("paths", nargs=-1, required=True,
                                type=click.Path(path_type=Path))


@main.command()
@paths_argument
@click.option("--format", "output_format", type=click.Choice(["jsonl", "json", "table"]),
              default="jsonl", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@online_options
@_guarded
def places(paths: tuple[Path, ...], output_format: str, output: Path | None, online: dict) -> None:
    """Find and resolve the places in articles (files or folders of .txt/.html/.json/.jsonl)."""
    gazetteer = _open_gazetteer(online)
    done, failures = _split(geoparse_paths(list(paths), gazetteer))
    if done:
        _emit(FORMATTERS[output_format](done), output)
    sys.exit(_report(failures))


def _split(results: Iterable[GeoparsedArticle | FileFailure]):
    done, failures = [], []
    for result in results:
        (failures if isinstance(result, FileFailure) else done).append(result)
    return done, failures


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
    return _columns(rows)


def _columns(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n"
                   for row in rows)


FORMATTERS = {"jsonl": _as_jsonl, "json": _as_json, "table": _as_table}


date_option = click.option(
    "--date", "default_date", type=click.DateTime(["%Y-%m-%d"]),
    callback=lambda _context, _option, value: value.date() if value else None,
    help="Publication date (YYYY-MM-DD) of articles whose metadata and text give none; "
         "relative dates (\"on Wednesday\") count from it.")
actors_option = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
    help="A CSV of your own actor names and aliases (name,kind,aliases), added to the bundled "
         "table. Repeatable.")


def _actor_table(actor_files: tuple[Path, ...]):
    """The actor table with the user's files; a bad row is the user's input error."""
    from geomap.actors import ActorTable, ActorTableError

    try:
        return ActorTable.load(actor_files)
    except ActorTableError as error:
        raise Failure(str(error), EXIT_INPUT) from None


def event_options(command: Callable) -> Callable:
    """The options that say how events are read: undated articles' date and extra aliases."""
    options = [date_option, actors_option]

    @functools.wraps(command)
    def gathered(*args, default_date, actor_files: tuple[Path, ...], **kwargs):
        from geomap.pipeline import EventOptions

        return command(*args, events=EventOptions(_actor_table(actor_files), default_date),
                       **kwargs)

    for option in reversed(options):
        gathered = option(gathered)
    return gathered


@main.command()
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
@_guarded
def events(paths: tuple[Path, ...], merge: bool, output_format: str, output: Path | None,
           events, online: dict) -> None:
    """Find events in articles: what happened, who, when, where, how many killed and injured."""
    from geomap.export.gis import write_events

    if output is None and output_format in ("gpkg", "kml", "parquet"):
        raise Failure(f"{output_format} output needs -o FILE", EXIT_USAGE)
    gazetteer = _open_gazetteer(online)
    done, failures = _split(geoparse_paths(list(paths), gazetteer, events))
    found = story_events(done, merge)
    write_events(found, output_format, output)
    if output is not None:
        click.echo(f"wrote {len(found)} events to {output}", err=True)
    sys.exit(_report(failures))


def story_events(done: list[GeoparsedArticle], merge: bool) -> list:
    """Every article's events; with `merge`, each event of the story once."""
    from geomap.events.fuse import merge_events

    told = [event for item in done for event in item.events]
    return merge_events(told) if merge else told


@main.command()
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
@click.option("--merge", is_flag=True,
              help="The inputs are one story: draw each event the articles share once (with -o).")
@event_options
@online_options
@_guarded
def render(paths: tuple[Path, ...], output: Path | None, output_dir: Path, tiles: str | None,
           title: str | None, output_format: str, embed: bool, responsive: bool, merge: bool,
           events, online: dict) -> None:
    """Draw a map of the events and places in articles: interactive HTML, or PNG/SVG/PDF."""
    if output is not None and output_format != "html" \
            and output.suffix.lower() != f".{output_format}":
        raise Failure(f"{output}: a {output_format} map needs a .{output_format} file name",
                      EXIT_USAGE)
    if (embed or responsive) and output_format != "html":
        raise Failure("--embed and --responsive are for HTML maps", EXIT_USAGE)
    page = {"embed": embed, "responsive": responsive}
    gazetteer = _open_gazetteer(online)
    done, failures = _split(geoparse_paths(list(paths), gazetteer, events))
    countries = gazetteer.countries() if done else []
    if output is not None and done:
        _write_map(done, output, countries, tiles, title, story_events(done, merge), **page)
    else:
        for item in done:
            name = map_file_name(item.article.file, f".{output_format}")
            _write_map([item], output_dir / name, countries, tiles, title, item.events, **page)
    sys.exit(_report(failures))


def _write_map(items: list[GeoparsedArticle], path: Path, countries: list[Place],
               tiles: str | None, title: str | None, events: list, *, embed: bool = False,
               responsive: bool = False) -> None:
    """An interactive map (a page, or a fragment to embed), or a static one when the file is
    .png, .svg or .pdf."""
    mentions = [place for item in items for place in item.places]
    heading = title or (items[0].article.title if len(items) == 1 else f"{len(items)} articles")
    files = ", ".join(Path(item.article.file).name for item in items[:3])
    subtitle = f"{len({m.place_key for m in mentions})} places in {files}" + (
        f" and {len(items) - 3} more" if len(items) > 3 else "")
    if path.suffix.lower() in (".png", ".svg", ".pdf"):
        from geomap.render.static import (
            static_map,  # matplotlib only when an image is drawn
        )

        static_map(path, events=events, mentions=mentions, countries=countries, title=heading,
                   subtitle=subtitle)
        click.echo(str(path))
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
        write_fragment(html_map, path, responsive=responsive)
    else:
        write_html(html_map, path)
    click.echo(str(path))


RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                  *(f"lpt{i}" for i in range(10))}


def map_file_name(file: str, suffix: str = ".html") -> str:
    """A safe file name for an article's map: no folders, odd characters or reserved names.

    An article from line N of a JSONL file ("news.jsonl:7") gets "news-7.html".
    """
    base, _, line = Path(file).name.partition(":")
    stem = Path(base).stem + (f"-{line}" if line else "")
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "-" for ch in stem)
    safe = safe.strip("-")[:100] or "map"
    return ("map-" + safe if safe.lower() in RESERVED_NAMES else safe) + suffix


@main.command()
@click.argument("source", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Folder for per-article results and the combined files.")
@click.option("--workers", type=click.IntRange(1), help="Processes to use (default: all cores).")
@date_option
@actors_option
@click.option("--dask", "dask_local", is_flag=True,
              help="Run on a local Dask cluster (distributed.LocalCluster) of --workers processes.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).")
@click.option("--progress/--no-progress", default=True, show_default=True)
@_guarded
def batch(source: Path, output_dir: Path, workers: int | None, default_date,
          actor_files: tuple[Path, ...], dask_local: bool, scheduler: str | None,
          progress: bool) -> None:
    """Read a folder (recursively) or a JSONL file of articles on all cores, resumably.

    Each article's places and events go to OUTPUT/articles/<hash>.json as soon as it is done;
    a re-run skips those. At the end: events.parquet (GeoParquet; with Dask a folder of
    partitions), events.geojson, summary.html and failures.jsonl.
    """
    from geomap.batch import BatchSettings, run_batch

    if not source.exists():
        raise Failure(f"{source}: no such file or folder", EXIT_USAGE)
    _actor_table(actor_files)  # a bad actor file fails here, not in every worker
    store = store_path(click.get_current_context().obj["gazetteer"])
    _open_gazetteer().close()  # a missing or broken store is one clear error, before workers
    settings = BatchSettings(store, default_date, actor_files)
    dask = scheduler or ("local" if dask_local else None)
    report = run_batch(source, output_dir, workers=workers, settings=settings, progress=progress,
                       dask=dask)
    click.echo(f"{report.done} articles read, {report.skipped} already done, "
               f"{len(report.failures)} failed; {report.events} events in {output_dir} "
               f"({report.seconds:.1f} s)", err=True)
    for reason in report.failures:
        click.echo(f"geomap: error: {reason}", err=True)
    sys.exit(EXIT_INPUT if report.failures else EXIT_OK)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=DEFAULT_OUTPUT_DIR / "demo.html", show_default=True)
@_guarded
def demo(output: Path) -> None:
    """Render the bundled sample article to a map."""
    sample = resources.files("geomap") / "samples" / SAMPLE
    with resources.as_file(sample) as path:
        from geomap.actors import ActorTable
        from geomap.pipeline import EventOptions

        gazetteer = _open_gazetteer()
        done, failures = _split(geoparse_paths([path], gazetteer, EventOptions(ActorTable.load())))
        if failures:
            sys.exit(_report(failures))
        _write_map(done, output, gazetteer.countries(), None, None, done[0].events)


@main.command()
@click.argument("corpus_file", metavar="CORPUS.xml", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--limit", type=click.IntRange(1), help="Only the first N documents.")
@click.option("--demonyms/--no-demonyms", default=None,
              help="Count adjectival mentions (\"Iraqi\") as toponyms. Default: as the corpus's "
                   "annotation guidelines do (LGL and GeoWebNews yes, GeoVirus no).")
@_guarded
def evaluate(corpus_file: Path, output_format: str, limit: int | None,
             demonyms: bool | None) -> None:
    """Score geoparsing on a corpus with gold toponyms (LGL, TR-News, GeoVirus, GeoWebNews XML)."""
    from geomap.evaluation.corpora import ANNOTATES_DEMONYMS, CorpusError, read_corpus
    from geomap.evaluation.score import evaluate as score

    try:
        corpus, documents = read_corpus(corpus_file)
    except CorpusError as error:
        raise Failure(str(error), EXIT_INPUT) from None
    counted = ANNOTATES_DEMONYMS[corpus] if demonyms is None else demonyms
    scores = score(corpus, documents[:limit], _open_gazetteer(), demonyms=counted).to_dict()
    if output_format == "json":
        click.echo(json.dumps(scores, indent=2))
        return
    for key, value in scores.items():
        click.echo(f"{key.replace('_', ' '):<24}{value}")


@main.group(name="gazetteer")
def gazetteer_group() -> None:
    """Build, inspect and extend the offline gazetteer."""


@gazetteer_group.command(name="build")
@click.option("--if-missing", is_flag=True, help="Only build when the store is missing or stale.")
@_guarded
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
@click.option("--kind", type=click.Choice(KINDS), help="Only places of this kind.")
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@_guarded
def gazetteer_lookup(name: str, country: str | None, kind: str | None, limit: int,
                     output_format: str) -> None:
    """Look a place name up, best candidate first."""
    candidates = _open_gazetteer().lookup(name, country=country, kind=kind, limit=limit)
    if output_format == "json":
        click.echo(json.dumps([c.to_dict() for c in candidates], ensure_ascii=False, indent=2))
    elif candidates:
        rows = [("name", "kind", "country", "admin1", "lat", "lon", "population", "geonameid",
                 "match", "source")]
        rows += [(c.name, c.kind, c.country, c.admin1, f"{c.lat:.4f}", f"{c.lon:.4f}",
                  str(c.population or ""), str(c.geonameid or ""), c.match, c.source)
                 for c in candidates]
        click.echo(_columns(rows), nl=False)
    if not candidates:
        click.echo(f"geomap: no place named {name!r}", err=True)
        sys.exit(EXIT_INPUT)


@gazetteer_group.command(name="info")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@_guarded
def gazetteer_info(output_format: str) -> None:
    """Where the store is, its size, and its places by kind and source."""
    info = _open_gazetteer().info()
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
@_guarded
def gazetteer_add(file: Path) -> None:
    """Add your own places (CSV or GeoJSON); they outrank every other source and survive rebuilds."""
    added = _open_gazetteer().add_user_places(file)
    click.echo(f"added {added} place(s) from {file}")
