"""Opt-in online fallback: names the offline gazetteer does not know, asked of Nominatim/GeoNames.

geomap works offline; this is used only when the user asks for it. Real answers are kept in a small
SQLite cache so a name is asked once across runs: places found are kept for good; "no such place"
is kept only when the service said so with a well-formed empty answer, and only for
NOT_FOUND_SECONDS (a gazetteer grows). Everything else (a timeout, a refused connection, an HTTP
error, a redirect elsewhere, an oversized or malformed answer, or one whose entries are all
unusable) gives [] and one warning line on the "gazetteer.online" logger, never an exception, and
is not cached, so a later run may try again. How requests travel (pace, deadline, redirects,
retries) is `gazetteer.exchange`'s. Names from the service are stripped of control characters
before anyone shows them.

Candidate ids are negative, so they never meet the store's positive ids, and stable across
processes: a hash of the provider's own identity for the place (OSM type and id for Nominatim,
which unlike its place_id survive reimports; the geonameId for GeoNames).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import sqlite3
import threading
import time
import unicodedata
from dataclasses import fields
from functools import partial
from pathlib import Path
from typing import Self
from urllib.parse import urlsplit

from geopy.exc import GeopyError
from geopy.geocoders import GeoNames, Nominatim

from .exchange import Exchange, Limits
from .model import Candidate
from .normalize import exact_key
from .store import StoreError

logger = logging.getLogger("gazetteer.online")

SOURCES = {"nominatim": "nominatim", "geonames": "geonames-online"}
NOMINATIM_URL = "https://nominatim.openstreetmap.org"
# GeoNames' documented https endpoint (api.geonames.org answers plain http only).
GEONAMES_URL = "https://secure.geonames.org"
# Nominatim answers that are settlements, and the administrative ranks of countries and states.
SETTLEMENT_TYPES = ("city", "town", "village", "hamlet")
ADMIN_RANKS = {4: "country", 8: "admin1"}
SCORE_STEP = 0.01  # per rank position in the service's answer
REASON_LENGTH = 200  # a warning stays one readable line whatever the server sent
NOT_FOUND_SECONDS = 30 * 24 * 3600
GIVE_UP_AFTER = 5  # failed lookups in a row, after which a run asks no more
# Bidirectional embeddings, overrides and isolates: they reorder what a terminal shows.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

CACHE_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    provider TEXT NOT NULL,
    key TEXT NOT NULL,
    country TEXT NOT NULL,
    candidates TEXT NOT NULL,
    asked REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (provider, key, country)
) WITHOUT ROWID
"""
# The per-lookup fields are set afresh for whoever asks; the rest is what the service said.
_CACHED_FIELDS = [f.name for f in fields(Candidate) if f.name not in ("geometry", "matched_name")]
_CACHED_TEXT = [f.name for f in fields(Candidate) if f.name in ("name", "kind", "admin1")]


class _BadAnswer(Exception):
    """The service answered, but not with something a place list can be read from."""


def service_address(url: str) -> tuple[str, str]:
    """(scheme, host[:port][/path]) of a service's base URL, or ValueError saying what is wrong.

    A URL without a scheme ("localhost:8080") would otherwise be read as a scheme and a path and
    the questions sent to the public service instead."""
    parts = urlsplit(url.strip())
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise ValueError(f"online URL {url!r} has a port that is not a number") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"online URL {url!r} needs http:// or https:// and a host, e.g. "
                         "https://nominatim.example.org/nominatim")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"online URL {url!r}: give the service's base URL only (no user, "
                         "query or fragment)")
    return parts.scheme, parts.netloc + parts.path.rstrip("/")


def check_settings(*, user_agent: str | None, provider: str, username: str | None,
                   url: str | None) -> tuple[str, str]:
    """The (scheme, host[:port][/path]) to ask, or ValueError for a setup the service's policy
    would refuse or a URL that is not one. Cheap: a command checks before it opens the store."""
    if not user_agent or not user_agent.strip() or user_agent.startswith("geopy/"):
        raise ValueError("online geocoding needs a user agent: set a user agent that "
                         "identifies you (Nominatim's usage policy), e.g. "
                         "'my-newsroom-geomap/1.0 (me@example.org)'")
    if provider not in SOURCES:
        raise ValueError(f"unknown online provider {provider!r} (known: {', '.join(SOURCES)})")
    if provider == "geonames" and not username:
        raise ValueError("the GeoNames provider needs the `username` of a GeoNames account "
                         "enabled for web services")
    return service_address(url or (NOMINATIM_URL if provider == "nominatim" else GEONAMES_URL))


class OnlineGeocoder:
    """Names to candidate places through an online geocoding service, cached and rate limited."""

    def __init__(self, cache_path: Path, *, user_agent: str, provider: str = "nominatim",
                 url: str | None = None, username: str | None = None, timeout: float = 10.0,
                 min_delay_seconds: float = 1.0, max_retries: int = 2,
                 max_answer_bytes: int = 1_000_000):
        """`url` is the service's base URL, path included (the public service by default);
        `username` is the GeoNames account; `timeout` bounds each request as a whole. Raises
        ValueError for a setup the service's policy would refuse or a URL that is not one, and
        StoreError when the cache file cannot be opened."""
        scheme, domain = check_settings(user_agent=user_agent, provider=provider,
                                        username=username, url=url)
        self.provider = provider
        limits = Limits(timeout=timeout, min_delay_seconds=min_delay_seconds,
                        max_retries=max_retries, max_answer_bytes=max_answer_bytes)
        settings = {"user_agent": user_agent, "scheme": scheme, "domain": domain,
                    "timeout": timeout, "adapter_factory": partial(Exchange, limits=limits)}
        if provider == "nominatim":
            self._geocode = _RawNominatim(**settings).geocode
        else:
            self._geocode = _RawGeoNames(username, **settings).geocode
        self._cache = _open_cache(Path(cache_path))
        self._lock = threading.Lock()  # one connection, and one question about a name at a time
        self._failures_in_a_row = 0

    def close(self) -> None:
        self._cache.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(self, name: str, *, country: str | None = None, limit: int = 5) -> list[Candidate]:
        """Candidate places for `name` (optionally within ISO country `country`), best first.

        [] when the service knows none or could not be asked. The first answer for a name is the
        one kept: a later call with a larger `limit` is served from the cache too.
        """
        if limit < 1:
            raise ValueError("limit must be at least 1")
        key = exact_key(name)
        if not key:
            return []
        region = (country or "").upper()
        with self._lock:
            cached = self._cached(name, key, region)
            if cached is not None:
                return cached[:limit]
            if self._failures_in_a_row >= GIVE_UP_AFTER:
                return []
            try:
                candidates, said_none = self._ask(name, region, limit)
            except (GeopyError, _BadAnswer) as error:
                self._failed(name, error)
                return []
            self._failures_in_a_row = 0
            if candidates or said_none:
                self._remember(name, key, region, candidates)
            else:
                logger.warning("online lookup of %r failed: no usable place in the answer", name)
        return candidates

    def _failed(self, name: str, error: Exception) -> None:
        """Say so; after GIVE_UP_AFTER failures in a row stop asking: a server that is down or
        slow would otherwise cost every remaining name its full deadline and retries."""
        logger.warning("online lookup of %r failed: %s", name, _one_line(error))
        self._failures_in_a_row += 1
        if self._failures_in_a_row == GIVE_UP_AFTER:
            logger.warning("online geocoder: %d lookups in a row failed; no more are asked in "
                           "this run (the names found so far are cached)", GIVE_UP_AFTER)

    def _ask(self, name: str, country: str, limit: int) -> tuple[list[Candidate], bool]:
        """The usable places of the service's answer, best first, and whether the answer was an
        empty list (the service's own "no such place", unlike entries we could not use)."""
        if self.provider == "nominatim":
            answer = self._geocode(name, exactly_one=False, limit=limit, addressdetails=True,
                                   country_codes=country.lower() or None)
            entries, read = _nominatim_entries(answer), _nominatim_candidate
        else:
            answer = self._geocode(name, exactly_one=False, country=country or None)
            entries, read = _geonames_entries(answer), _geonames_candidate
        candidates: list[Candidate] = []
        for entry in entries:
            candidate = read(entry, name, 1.0 - SCORE_STEP * len(candidates))
            if candidate is not None:
                candidates.append(candidate)
                if len(candidates) == limit:
                    break
        return candidates, not entries

    def _cached(self, name: str, key: str, country: str) -> list[Candidate] | None:
        """The kept answer, or None when there is none, a "not found" has grown old, or the
        entry cannot be read (then ask again)."""
        try:
            row = self._cache.execute(
                "SELECT candidates, asked FROM answers WHERE provider = ? AND key = ? AND "
                "country = ?", (self.provider, key, country)).fetchone()
            if row is None:
                return None
            stored = json.loads(row[0])
            if not stored and time.time() - row[1] > NOT_FOUND_SECONDS:
                return None
            # A field added to Candidate since the entry was kept takes its default; one that
            # has none fails the entry (TypeError), which is then asked again.
            return [Candidate(**{f: entry[f] for f in _CACHED_FIELDS if f in entry}
                              | {f: _text(entry[f]) for f in _CACHED_TEXT}, matched_name=name)
                    for entry in stored]
        except (sqlite3.Error, ValueError, TypeError, KeyError) as error:
            logger.warning("online cache entry for %r unreadable, asking again: %s", name,
                           _one_line(error))
            return None

    def _remember(self, name: str, key: str, country: str, candidates: list[Candidate]) -> None:
        stored = [{f: getattr(candidate, f) for f in _CACHED_FIELDS} for candidate in candidates]
        try:
            with self._cache:
                self._cache.execute(
                    "INSERT OR REPLACE INTO answers (provider, key, country, candidates, asked) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (self.provider, key, country, json.dumps(stored), time.time()))
        except sqlite3.Error as error:  # e.g. locked by another process for too long
            logger.warning("online answer for %r not cached: %s", name, _one_line(error))


class _RawNominatim(Nominatim):
    """Nominatim handing back the answer as sent: geopy's parser fails the whole answer on one
    bad entry, where we drop only that entry."""

    def _parse_json(self, places, exactly_one):
        return places


class _RawGeoNames(GeoNames):
    """GeoNames handing back the answer as sent, for the same reason as _RawNominatim."""

    def _parse_json(self, doc, exactly_one):
        return doc


def _open_cache(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=10, check_same_thread=False)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"{path}: online geocoding cache cannot be opened ({error})") from None
    try:
        with connection:
            connection.execute(CACHE_SCHEMA)
            columns = {row[1] for row in connection.execute("PRAGMA table_info(answers)")}
            if "asked" not in columns:  # a cache from before answers were dated: its "not
                # found"s, some of them unusable answers, are asked again
                connection.execute("ALTER TABLE answers ADD COLUMN asked REAL NOT NULL DEFAULT 0")
    except sqlite3.Error as error:
        connection.close()
        raise StoreError(f"{path}: not a usable online geocoding cache ({error}); delete it to "
                         "start afresh") from None
    return connection


def _nominatim_entries(answer: object) -> list:
    if not isinstance(answer, list):
        raise _BadAnswer(f"expected a list of places, got {type(answer).__name__}")
    return answer


def _geonames_entries(answer: object) -> list:
    if not isinstance(answer, dict):
        raise _BadAnswer(f"expected an object, got {type(answer).__name__}")
    status = answer.get("status")
    if status is not None:  # GeoNames reports refusals (account, credits) with HTTP 200
        message = status.get("message") if isinstance(status, dict) else status
        raise _BadAnswer(f"GeoNames refused: {message}")
    places = answer.get("geonames")
    if not isinstance(places, list):
        raise _BadAnswer(f"expected a list of places, got {type(places).__name__}")
    return places


def _nominatim_candidate(entry: object, asked: str, score: float) -> Candidate | None:
    """The place in one Nominatim answer entry, or None when it is unusable."""
    if not isinstance(entry, dict):
        return None
    lat, lon = _coordinate(entry.get("lat"), 90), _coordinate(entry.get("lon"), 180)
    name = _text(entry.get("name")) or _text(entry.get("display_name")).split(",")[0].strip()
    if lat is None or lon is None or not name:
        return None
    address = entry.get("address")
    address = address if isinstance(address, dict) else {}
    osm_type, osm_id = _text(entry.get("osm_type")), entry.get("osm_id")
    # Postcode areas and the like have no OSM object: their name and position are their identity.
    identity = (f"{osm_type}/{osm_id}" if osm_type and _is_int(osm_id)
                else f"{name}@{lat:.5f},{lon:.5f}")
    return Candidate(
        id=_negative_id("nominatim", identity), name=name, kind=_nominatim_kind(entry),
        lat=lat, lon=lon, population=None, country=_country_code(address.get("country_code")),
        admin1=_text(address.get("state")), geonameid=None, source=SOURCES["nominatim"],
        matched_name=asked, match="online", score=score)


def _nominatim_kind(entry: dict) -> str:
    category, kind, rank = entry.get("class"), entry.get("type"), entry.get("place_rank")
    if category == "place" and kind in SETTLEMENT_TYPES:
        return "city"
    if category == "boundary" and kind == "administrative" and _is_int(rank):
        return ADMIN_RANKS.get(rank, "online")
    return "online"


def _geonames_candidate(entry: object, asked: str, score: float) -> Candidate | None:
    """The place in one GeoNames answer entry, or None when it is unusable."""
    if not isinstance(entry, dict):
        return None
    lat, lon = _coordinate(entry.get("lat"), 90), _coordinate(entry.get("lng"), 180)
    name, geonameid = _text(entry.get("name")), entry.get("geonameId")
    if lat is None or lon is None or not name or not _is_int(geonameid) or geonameid <= 0:
        return None
    return Candidate(
        id=_negative_id("geonames", str(geonameid)), name=name, kind=_geonames_kind(entry),
        lat=lat, lon=lon, population=None, country=_country_code(entry.get("countryCode")),
        admin1=_text(entry.get("adminName1")), geonameid=geonameid,
        source=SOURCES["geonames"], matched_name=asked, match="online", score=score)


def _geonames_kind(entry: dict) -> str:
    feature_class, feature_code = _text(entry.get("fcl")), _text(entry.get("fcode"))
    if feature_code.startswith("PCL"):  # independent, dependent, free-associated ... states
        return "country"
    if feature_code == "ADM1":
        return "admin1"
    return "city" if feature_class == "P" else "online"


def _coordinate(value: object, bound: float) -> float | None:
    """A finite number within ±`bound` from a number or numeric string; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) and -bound <= number <= bound else None


def _text(value: object) -> str:
    """A server's string fit to show: control characters (escape sequences, newlines) become
    spaces, bidirectional controls and lone surrogates go, runs of space are one."""
    if not isinstance(value, str):
        return ""
    kept = (" " if unicodedata.category(c) == "Cc" else c for c in value
            if c not in BIDI_CONTROLS and unicodedata.category(c) != "Cs")
    return " ".join("".join(kept).split())


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _country_code(value: object) -> str:
    code = _text(value).upper()
    return code if re.fullmatch("[A-Z]{2}", code) else ""


def _negative_id(provider: str, identity: str) -> int:
    """Below zero, and the same in every process (Python's hash() of a string is not)."""
    digest = hashlib.blake2b(f"{provider}:{identity}".encode(), digest_size=7).digest()
    return -1 - int.from_bytes(digest, "big")


def _one_line(error: Exception) -> str:
    """What went wrong, short and on one line: servers put anything in their error texts."""
    text = " ".join(str(error).split())[:REASON_LENGTH]
    return "".join(c if c.isprintable() else "?" for c in text) or type(error).__name__
