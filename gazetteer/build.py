"""Assemble every source into a new store file, atomically, with a progress bar."""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from . import store
from .model import NewPlace
from .names import indexes_of, make_index
from .paths import default_store_dir, fingerprint, user_places_dir
from .sources import airports, countries, curated, geonames, subdivisions, user


@dataclass(slots=True)
class BuildReport:
    path: Path
    places: int
    seconds: float
    size_bytes: int


def _remove_stale_stores(path: Path) -> None:
    """Stores of earlier source versions in the cache folder (about 170 MB each) go once their
    replacement is built; a store the user placed elsewhere is never touched."""
    if path.parent != default_store_dir():
        return
    for stale in path.parent.glob("gazetteer-*.sqlite"):
        if stale != path:
            for index in indexes_of(stale):
                index.unlink(missing_ok=True)
            stale.with_name(stale.name + ".checked").unlink(missing_ok=True)
            stale.unlink(missing_ok=True)


def build(path: Path, *, progress: bool = True) -> BuildReport:
    """Build the store at `path` from all sources. The file appears only once complete."""
    started = time.perf_counter()
    # one of its own per process: two commands that both find the store missing both build it
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        connection = store.create(partial)
    except (OSError, sqlite3.Error) as error:
        raise store.StoreError(f"{path}: cannot build the gazetteer store here ({error})") from None
    try:
        divisions: subdivisions.Divisions | None = None

        def load_divisions() -> list[NewPlace]:
            nonlocal divisions
            divisions = subdivisions.load()
            return subdivisions.places(divisions)

        steps: list[tuple[str, Callable[[], list[NewPlace]]]] = [
            ("provinces and districts", load_divisions),
            ("cities (GeoNames cities500)", lambda: geonames.cities(divisions)),
            ("countries and demonyms", countries.places),
            ("continents", geonames.continents),
            ("curated features", curated.features),
            ("curated small places", curated.small_places),
            ("airports (airportsdata)", airports.places),
            *((f"user places ({file.name})", lambda file=file: user.load(file))
              for file in sorted(user_places_dir(path).glob("*")) if file.is_file()),
        ]
        with tqdm(steps, desc="Building gazetteer", unit="source", disable=not progress) as bar:
            for label, load in bar:
                bar.set_postfix_str(label)
                store.insert(connection, load())
            bar.set_postfix_str("indexing")
            store.finish(connection, {"fingerprint": fingerprint(), store.BUILD_ID: uuid.uuid4().hex,
                                      "built": time.strftime("%Y-%m-%dT%H:%M:%S")})
        connection.close()
        os.replace(partial, path)
        _remove_stale_stores(path)
    except BaseException:
        connection.close()
        partial.unlink(missing_ok=True)
        raise
    return BuildReport(path, _index_and_count(path), time.perf_counter() - started,
                       path.stat().st_size)


def _index_and_count(path: Path) -> int:
    """Make the new store's name index now (the first lookups would otherwise wait for it);
    how many places the store has."""
    connection = store.open_readonly(path)
    try:
        make_index(path, connection)
        return connection.execute("SELECT COUNT(*) FROM places").fetchone()[0]
    finally:
        connection.close()
