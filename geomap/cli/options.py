"""Options several commands share, and the readers that turn them into what the pipeline takes:
the gazetteer (with the opt-in online geocoder), the actor table and the events' settings."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

import click

from gazetteer import Gazetteer
from geomap.cli.errors import EXIT_INPUT, EXIT_USAGE, Failure
from geomap.read.files import MAX_BYTES

max_size_option = click.option(
    "--max-size", "max_bytes", type=click.IntRange(1), default=MAX_BYTES // 2**20, metavar="MIB",
    show_default=True, callback=lambda _context, _option, value: value * 2**20,
    help="Largest input file to read, in MiB (larger ones are named and skipped).")


def paths_argument(command: Callable) -> Callable:
    """The input files and folders, and the largest file to read of them (`max_bytes`)."""
    return click.argument("paths", nargs=-1, required=True,
                          type=click.Path(path_type=Path))(max_size_option(command))


def open_gazetteer(online: dict | None = None) -> Gazetteer:
    """The store, with the online geocoder attached when the user asked for it. The online
    settings are checked first: a usage error does not wait for the store to open (or build)."""
    settings = _online_settings(online) if online and online["online"] else None
    gazetteer = Gazetteer.open(click.get_current_context().obj["gazetteer"])
    if settings is not None:
        from gazetteer.online import OnlineGeocoder
        from gazetteer.paths import online_cache_path

        gazetteer.online = OnlineGeocoder(online_cache_path(gazetteer.path), **settings)
        _say_online_warnings()
    return gazetteer


def _online_settings(online: dict) -> dict:
    from gazetteer.online import check_settings

    settings = {"user_agent": online["user_agent"] or "", "provider": online["online_provider"],
                "username": online["geonames_username"], "url": online["online_url"] or None}
    try:
        check_settings(**settings)
    except ValueError as error:
        raise Failure(f"--online: {error}", EXIT_USAGE) from None
    return settings


class _Say(logging.Handler):
    """The online geocoder's warnings on stderr, one line each, worded like the command's own."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"geomap: warning: {record.getMessage()}", err=True)


def _say_online_warnings() -> None:
    log = logging.getLogger("gazetteer.online")
    if not any(isinstance(handler, _Say) for handler in log.handlers):
        log.addHandler(_Say(logging.WARNING))


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
                     help="Your own Nominatim or GeoNames server's base URL, path included, e.g. "
                          "https://example.org/nominatim (default: the public service). Also "
                          "$GEOMAP_ONLINE_URL."),
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


date_option = click.option(
    "--date", "default_date", type=click.DateTime(["%Y-%m-%d"]),
    callback=lambda _context, _option, value: value.date() if value else None,
    help="Publication date (YYYY-MM-DD) of articles whose metadata and text give none; "
         "relative dates (\"on Wednesday\") count from it.")
actors_option = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
    help="A CSV of your own actor names and aliases (name,kind,aliases), added to the bundled "
         "table. Repeatable.")

statements_option = click.option(
    "--statements", is_flag=True,
    help="Also count statements (claims of responsibility, threats, accusations, denials) as "
         "events.")


def actor_table(actor_files: tuple[Path, ...]):
    """The actor table with the user's files; a bad row is the user's input error."""
    from geomap.actors import ActorTable, ActorTableError

    try:
        return ActorTable.load(actor_files)
    except ActorTableError as error:
        raise Failure(str(error), EXIT_INPUT) from None


def event_options(command: Callable) -> Callable:
    """The options that say how events are read: undated articles' date, extra aliases, and
    whether statements count."""
    options = [date_option, actors_option, statements_option]

    @functools.wraps(command)
    def gathered(*args, default_date, actor_files: tuple[Path, ...], statements: bool,
                 **kwargs):
        from geomap.pipeline import EventOptions

        options = EventOptions(actor_table(actor_files), default_date, statements)
        return command(*args, events=options, **kwargs)

    for option in reversed(options):
        gathered = option(gathered)
    return gathered
