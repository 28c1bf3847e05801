"""Which name keys the store holds, answered without SQL: most names a recogniser asks about are
runs of capitalised words the store does not know ("Police Department", "Tal Afar Police"), and
each such question used to cost one or two indexed queries.

The index is a trie (marisa-trie) of every exact and loose key of the `names` table, each marked
with its column and with whether its place is a people's name (a demonym). It is saved beside the
store and memory-mapped (the 2.1 million keys of the full store take about 8 MiB, and only the
pages a search touches are read). The file's name carries a digest of the store's state (how it was
built and SQLite's change counter, which every write moves on), so a store rebuilt or given user
places is not answered from an index of its old names, and a copy of the store finds its
original's index in the user's cache folder.
"""

from __future__ import annotations

import glob
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

import marisa_trie

from . import store
from .paths import default_store_dir

# What a key is marked with: a people's name (D) or another place's (P), then its column.
_MARKS = {(demonym, column): ("D" if demonym else "P") + column[0]
          for demonym in (False, True) for column in ("exact", "loose")}
INFIX, SUFFIX = ".names-", ".marisa"
FORMAT = "1"  # of the saved index: bump when it changes
# The SQLite header: its write and read versions (1: a rollback journal, whose writes all move the
# change counter on; 2: WAL, whose writes need not), and where the change counter is.
_HEADER_BYTES, _ROLLBACK_JOURNAL, _COUNTER = 100, b"\x01\x01", slice(24, 28)


class NameIndex:
    """Whether the store holds a name key, for the names of places and of peoples apart."""

    def __init__(self, trie: marisa_trie.Trie):
        self._trie = trie

    def __len__(self) -> int:
        return len(self._trie)

    def holds(self, column: str, key: str, demonym: bool) -> bool:
        return _MARKS[demonym, column] + key in self._trie

    @classmethod
    def of_keys(cls, keys: Iterable[tuple[str, str, bool]]) -> NameIndex:
        """The index of (exact key, loose key, whether a demonym) rows."""
        return cls(marisa_trie.Trie(
            _MARKS[demonym, column] + key for exact, loose, demonym in keys
            for column, key in (("exact", exact), ("loose", loose)) if key))

    @classmethod
    def load(cls, path: Path) -> NameIndex:
        trie = marisa_trie.Trie()
        trie.mmap(str(path))
        return cls(trie)

    def save(self, path: Path, mode: int) -> None:
        """Write atomically (another process may be making the same file); where the folder
        cannot be written to, the index serves this process only."""
        try:
            descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=path.name,
                                                   suffix=".partial")
        except OSError:
            return
        os.close(descriptor)
        try:
            self._trie.save(partial)
            os.chmod(partial, mode)
            os.replace(partial, path)
        except OSError:
            Path(partial).unlink(missing_ok=True)


def load_index(location: Path, connection: sqlite3.Connection) -> NameIndex | None:
    """The saved index of the store at `location` in its present state: beside it, or the same
    store's in the user's cache folder (for a copy of it); None when there is none."""
    path = index_path(location, connection)
    if path is None:
        return None
    copies = sorted(default_store_dir().glob(f"*{INFIX}{_digest(path)}{SUFFIX}"))
    for found in [path, *copies]:
        try:
            return NameIndex.load(found)
        except (OSError, RuntimeError, ValueError):  # missing, or cut short
            continue
    return None


def make_index(location: Path, connection: sqlite3.Connection) -> NameIndex:
    """Index the store's names (a few seconds for the full store), keep the index beside the
    store and drop the indexes of its earlier states."""
    index = NameIndex.of_keys(store.name_keys(connection))
    path = index_path(location, connection)
    if path is not None:
        index.save(path, location.stat().st_mode & 0o666)  # readable as the store is
        for stale in indexes_of(location):
            if stale != path:
                stale.unlink(missing_ok=True)
    return index


def index_path(location: Path, connection: sqlite3.Connection) -> Path | None:
    """Where the index of the store in its present state lives, or None for a store in WAL mode
    (whose writes do not all change its header, so its state cannot be told from it)."""
    with open(location, "rb") as file:
        header = file.read(_HEADER_BYTES)
    if header[18:20] != _ROLLBACK_JOURNAL:
        return None
    meta = store.meta(connection)
    identity = "|".join(str(part) for part in (
        FORMAT, meta.get("fingerprint"), meta.get("built"), meta.get(store.BUILD_ID),
        int.from_bytes(header[_COUNTER], "big")))
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return location.with_name(f"{location.name}{INFIX}{digest}{SUFFIX}")


def indexes_of(location: Path) -> list[Path]:
    """Every index file made for the store at `location`, current or not."""
    return sorted(location.parent.glob(f"{glob.escape(location.name)}{INFIX}*{SUFFIX}"))


def _digest(path: Path) -> str:
    return path.name.rsplit(INFIX, 1)[1].removesuffix(SUFFIX)
