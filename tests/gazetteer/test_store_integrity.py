"""A store damaged in place is found out (and rebuilt, or named with the command that rebuilds
it), and the store's fingerprint follows the code that builds it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from gazetteer import StoreError, paths, store
from gazetteer.lookup import Gazetteer, is_current


@pytest.fixture
def copy(gazetteer, tmp_path) -> Path:
    """A copy of the built store, to damage."""
    target = tmp_path / "store.sqlite"
    shutil.copyfile(gazetteer.path, target)
    return target


def test_a_store_damaged_in_place_is_found_out(copy):
    assert is_current(copy)
    noted = copy.with_name(copy.name + ".checked")
    assert noted.exists()  # checked once: later opens do not check the unchanged file again
    size = copy.stat().st_size
    with open(copy, "r+b") as file:  # pages a third of the way in overwritten, as a bad disk does
        for offset in range(size // 3, size // 3 + 50 * 4096, 7 * 4096):
            file.seek(offset)
            file.write(os.urandom(4096))
    assert not is_current(copy)
    with pytest.raises(StoreError, match=r"missing, out of date or damaged \(run `geomap "
                                         r"gazetteer build`\)"):
        Gazetteer.open(copy, build_if_needed=False)


def test_an_unchanged_store_is_not_checked_again(copy):
    connection = store.open_readonly(copy)
    try:
        assert store.intact(copy, connection)
        noted = copy.with_name(copy.name + ".checked")
        noted.write_text(noted.read_text() + " other", encoding="ascii")  # a note of another file
        assert store.intact(copy, connection)  # checked again, and passes
        assert noted.read_text(encoding="ascii").split() == [
            str(copy.stat().st_size), str(copy.stat().st_mtime_ns), str(copy.stat().st_ino)]
    finally:
        connection.close()


def test_the_fingerprint_follows_the_code_that_builds_the_store(tmp_path, monkeypatch):
    package = tmp_path / "gazetteer"
    shutil.copytree(Path(paths.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    monkeypatch.setattr(paths, "CURATED_DATA", package / "data")
    before = paths.fingerprint()
    with open(package / "lookup.py", "a", encoding="utf-8") as file:  # queries, not the build
        file.write("\n# a comment\n")
    assert paths.fingerprint() == before
    for built_by in ("sources/geonames.py", "normalize.py", "store.py", "data/places.csv"):
        with open(package / built_by, "a", encoding="utf-8") as file:
            file.write("\n")
        changed = paths.fingerprint()
        assert changed != before, built_by
        before = changed
