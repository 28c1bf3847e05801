"""The SQLite store: schema, writing places with their names, and the indexed name queries.

Two tables: `places` (one row per place, geometry as WKB) and `names` (one row per distinct name
key of a place, with both match keys indexed), plus `fuzzy_keys`, the names open to misspelling
matches. A `meta` table records the source fingerprint the
store was built from, so a store built from other package versions is known to be stale.

A store damaged in place (pages overwritten by a bad disk or a stray write) fails SQLite's
quick check; the check runs once after each change of the file (its size, time and inode are
noted beside it), not at every start.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import shapely
from shapely.geometry.base import BaseGeometry

from .model import NewPlace, Place
from .normalize import exact_key, is_latin, loose_key

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER,
    weight REAL NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL,
    geonameid INTEGER,
    source TEXT NOT NULL,
    geometry BLOB
);
CREATE TABLE names (
    exact TEXT NOT NULL,
    loose TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES places(id),
    name TEXT NOT NULL,
    name_kind TEXT NOT NULL
);
CREATE TABLE fuzzy_keys (exact TEXT PRIMARY KEY) WITHOUT ROWID;
"""

INDEXES = """
CREATE INDEX names_exact ON names(exact);
CREATE INDEX names_loose ON names(loose);
CREATE INDEX places_geonameid ON places(geonameid);
CREATE INDEX places_kind_country ON places(kind, country);
"""

# The meta key of a build's own random id (two builds of the same sources may differ in user places).
BUILD_ID = "build_id"
# Places at least this weighty take part in fuzzy matching; the long tail of hamlets would only
# add false friends for misspellings.
FUZZY_MIN_WEIGHT = 5000

_PLACE_COLUMNS = "p.id, p.name, p.kind, p.lat, p.lon, p.population, p.country, p.admin1, " \
                 "p.geonameid, p.source, p.admin2, p.geometry"


class StoreError(Exception):
    """The store file is missing, unreadable or not a gazetteer store."""


def create(path: Path) -> sqlite3.Connection:
    """A new, empty store at `path` (any file there is replaced), tuned for one bulk load."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    return connection


def finish(connection: sqlite3.Connection, meta: dict[str, str]) -> None:
    """Index, record the meta data and compact a freshly loaded store."""
    connection.executescript(INDEXES)
    connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
    connection.commit()
    connection.execute("ANALYZE")
    connection.commit()


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open a built store for queries; raises StoreError when it is not one."""
    if not path.is_file():
        raise StoreError(f"{path}: gazetteer store not found (run `geomap gazetteer build`)")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a readable gazetteer store ({error})") from error
    return connection


def intact(path: Path, connection: sqlite3.Connection) -> bool:
    """Whether the store passes SQLite's quick check (its pages and records well formed),
    checked again only when the file has changed since it last passed."""
    noted = path.with_name(path.name + ".checked")
    status = path.stat()
    stamp = f"{status.st_size} {status.st_mtime_ns} {status.st_ino}"
    try:
        if noted.read_text(encoding="ascii") == stamp:
            return True
    except (OSError, ValueError):
        pass  # never checked, or the note is unreadable: check
    try:
        passed = connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
    except sqlite3.DatabaseError:
        passed = False
    if passed:
        try:
            temp = noted.with_name(f"{noted.name}.{os.getpid()}.partial")
            temp.write_text(stamp, encoding="ascii")
            os.replace(temp, noted)
        except OSError:
            pass  # a store in a folder we cannot write is checked at every open
    return passed


def insert(connection: sqlite3.Connection, places: Iterable[NewPlace]) -> int:
    """Write places and their distinct names; returns how many places were written."""
    (next_id,) = connection.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM places").fetchone()
    place_rows, name_rows = [], []
    for place in places:
        place_rows.append((
            next_id, place.name, place.kind, place.lat, place.lon, place.population,
            place.weight, place.country, place.admin1, place.admin2, place.geonameid,
            place.source, shapely.to_wkb(place.geometry) if place.geometry is not None else None,
        ))
        name_rows.extend(_name_rows(next_id, place))
        next_id += 1
        if len(name_rows) > 200_000:
            _flush(connection, place_rows, name_rows)
    _flush(connection, place_rows, name_rows)
    return next_id - 1


def replace_source(connection: sqlite3.Connection, source: str, places: Iterable[NewPlace]) -> None:
    """Swap every place of one source for `places` (re-adding a user file must not duplicate it)."""
    connection.execute("DELETE FROM names WHERE place_id IN (SELECT id FROM places WHERE source = ?)",
                       (source,))
    connection.execute("DELETE FROM places WHERE source = ?", (source,))
    insert(connection, places)


def _flush(connection: sqlite3.Connection, place_rows: list, name_rows: list) -> None:
    connection.executemany(f"INSERT INTO places VALUES ({','.join('?' * 13)})", place_rows)
    connection.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)",
                           [row[:5] for row in name_rows])
    connection.executemany("INSERT OR IGNORE INTO fuzzy_keys VALUES (?)",
                           [row[:1] for row in name_rows if row[5]])
    place_rows.clear()
    name_rows.clear()


def _name_rows(place_id: int, place: NewPlace) -> Iterator[tuple]:
    seen: set[str] = set()
    fuzzy_ok = place.weight >= FUZZY_MIN_WEIGHT or place.kind != "city"
    # A demonym place carries the country's name for display; only its demonyms are its names.
    primary = [] if place.kind == "demonym" else [(place.name, "primary")]
    for name, name_kind in [*primary, *place.names]:
        exact = exact_key(name)
        if not exact or exact in seen:
            continue
        seen.add(exact)
        # misspellings are matched against a place's own names, not its names in other languages
        fuzzy = int(fuzzy_ok and name_kind != "alternate" and is_latin(name) and len(exact) >= 4)
        yield exact, loose_key(name), place_id, name, name_kind, fuzzy


def name_keys(connection: sqlite3.Connection) -> Iterator[tuple[str, str, bool]]:
    """(exact key, loose key, whether the place is a demonym) of every name."""
    demonyms = {place_id for (place_id,) in connection.execute(
        "SELECT id FROM places WHERE kind = 'demonym'")}
    for exact, loose, place_id in connection.execute("SELECT exact, loose, place_id FROM names"):
        yield exact, loose, place_id in demonyms


def meta(connection: sqlite3.Connection) -> dict[str, str]:
    return dict(connection.execute("SELECT key, value FROM meta"))


def find(connection: sqlite3.Connection, column: str, key: str, country: str | None,
         kind: str | None, geometries: dict[int, BaseGeometry], *, other_exact: str = ""
         ) -> list[tuple[Place, str, str, float]]:
    """Places whose `exact` or `loose` name key equals `key`: (place, matched name, name kind, weight);
    with `other_exact`, only by names whose exact key is not that one (the rows a loose match would
    otherwise fetch again after the exact one).

    Shapes are parsed once per place and kept in `geometries` (a country outline is costly)."""
    if column not in ("exact", "loose"):
        raise ValueError(column)
    sql = (f"SELECT {_PLACE_COLUMNS}, n.name, n.name_kind, p.weight FROM names n "
           f"JOIN places p ON p.id = n.place_id WHERE n.{column} = ?")
    params: list = [key]
    if other_exact:
        sql += " AND n.exact != ?"
        params.append(other_exact)
    if country:
        sql += " AND p.country = ?"
        params.append(country.upper())
    if kind:
        sql += " AND p.kind = ?"
        params.append(kind)
    return [(_place(row[:12], geometries), row[12], row[13], row[14])
            for row in connection.execute(sql, params)]


def fuzzy_keys(connection: sqlite3.Connection) -> list[str]:
    """Every distinct exact key that may be matched fuzzily."""
    return [key for (key,) in connection.execute("SELECT exact FROM fuzzy_keys")]


def places_of_kind(connection: sqlite3.Connection, kind: str) -> list[Place]:
    return [_place(row) for row in
            connection.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.kind = ?", (kind,))]


def settlements_by_province(connection: sqlite3.Connection,
                            country: str) -> dict[str, list[tuple[float, float]]]:
    """(lat, lon) of every city and town of a country, by province (one query for all of them:
    the store indexes places by kind and country, not by province)."""
    towns: dict[str, list[tuple[float, float]]] = {}
    for admin1, lat, lon in connection.execute(
            "SELECT admin1, lat, lon FROM places WHERE kind = 'city' AND country = ?",
            (country.upper(),)):
        towns.setdefault(admin1, []).append((lat, lon))
    return towns


def country(connection: sqlite3.Connection, code: str,
            geometries: dict[int, BaseGeometry]) -> Place | None:
    row = connection.execute(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.kind = 'country' "
                             "AND p.country = ? ORDER BY p.weight DESC LIMIT 1",
                             (code.upper(),)).fetchone()
    return _place(row, geometries) if row is not None else None


def prominent_names(connection: sqlite3.Connection, limit: int) -> list[str]:
    return [name for (name,) in connection.execute(
        "SELECT name FROM places WHERE kind != 'demonym' ORDER BY weight DESC LIMIT ?", (limit,))]


def counts(connection: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Place counts by kind and by source, and the number of names."""
    by_kind = dict(connection.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind ORDER BY 2 DESC"))
    by_source = dict(connection.execute(
        "SELECT source, COUNT(*) FROM places GROUP BY source ORDER BY 2 DESC"))
    (names,) = connection.execute("SELECT COUNT(*) FROM names").fetchone()
    return {"by_kind": by_kind, "by_source": by_source, "names": {"total": names}}


def _place(row: tuple, geometries: dict[int, BaseGeometry] | None = None) -> Place:
    *values, geometry = row
    place = Place(*values)
    if geometry is not None:
        if geometries is None:
            place.geometry = shapely.from_wkb(geometry)
        else:
            if place.id not in geometries:
                geometries[place.id] = shapely.from_wkb(geometry)
            place.geometry = geometries[place.id]
    return place
