"""The name index: which keys the store holds, kept beside the store for the state it was made
from, and lookups that give the same answers with it as without it."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from gazetteer import Gazetteer, lookup, names, store
from gazetteer.model import NewPlace
from gazetteer.normalize import exact_key, loose_key

ANSWERED_ALIKE = ["Mosul", "Ar-Raqqah", "Raqa", "Tal Afar Police", "Iraqi", "American", "U.S.",
                  "Nineveh province", "Police Department", "Washington", "Kurdish", "the",
                  "Deir ez-Zor", "Mosl", "Zyxw Qvvt", "Alexandria", "Ky.", "Afganistan", ""]


def _small_store(path, extra: list[NewPlace] = ()) -> None:
    connection = store.create(path)
    store.insert(connection, [
        NewPlace("Ar-Raqqah", "city", 35.95, 39.01, "SY", names=[("Raqqa", "alternate")],
                 weight=500_000),
        NewPlace("Iraq", "demonym", 33.0, 44.0, "IQ", names=[("Iraqi", "demonym")]),
        *extra])
    store.finish(connection, {"fingerprint": "test", "built": "now", store.BUILD_ID: "one"})
    connection.close()


def test_the_index_holds_each_key_by_column_and_by_whether_a_people_is_named():
    index = names.NameIndex.of_keys([("ar raqqah", "raqa", False), ("iraqi", "iraqi", True)])
    assert index.holds("exact", "ar raqqah", False) and index.holds("loose", "raqa", False)
    assert not index.holds("exact", "raqa", False), "a loose key is not an exact one"
    assert index.holds("exact", "iraqi", True) and not index.holds("exact", "iraqi", False)
    assert not index.holds("exact", "mosul", False)


def test_an_index_is_made_once_and_read_back_for_the_same_state_of_the_store(tmp_path):
    path = tmp_path / "small.sqlite"
    _small_store(path)
    connection = store.open_readonly(path)
    assert names.load_index(path, connection) is None
    made = names.make_index(path, connection)
    assert [saved.name for saved in names.indexes_of(path)] == [names.index_path(path, connection).name]
    read = names.load_index(path, connection)
    assert read is not None and len(read) == len(made) == 5  # 2 + 2 keys, raqa's loose key shared
    assert read.holds("loose", "raqa", False) and read.holds("exact", "iraqi", True)
    connection.close()


def test_a_write_to_the_store_makes_its_index_stale_and_a_new_one_replaces_it(tmp_path):
    path = tmp_path / "small.sqlite"
    _small_store(path)
    connection = store.open_readonly(path)
    names.make_index(path, connection)
    writer = sqlite3.connect(path)
    with writer:
        store.insert(writer, [NewPlace("Zyxplace", "user", 1.0, 2.0)])
    writer.close()
    assert names.load_index(path, connection) is None, "the store's state changed"
    assert names.make_index(path, connection).holds("exact", "zyxplace", False)
    assert len(names.indexes_of(path)) == 1, "the stale index is dropped"
    connection.close()


def test_a_copy_of_a_store_reads_its_originals_index(tmp_path, monkeypatch):
    cache, elsewhere = tmp_path / "cache", tmp_path / "elsewhere"
    cache.mkdir()
    elsewhere.mkdir()
    monkeypatch.setattr(names, "default_store_dir", lambda: cache)
    _small_store(cache / "gazetteer-x.sqlite")
    connection = store.open_readonly(cache / "gazetteer-x.sqlite")
    names.make_index(cache / "gazetteer-x.sqlite", connection)
    connection.close()
    shutil.copyfile(cache / "gazetteer-x.sqlite", elsewhere / "copy.sqlite")
    connection = store.open_readonly(elsewhere / "copy.sqlite")
    assert names.load_index(elsewhere / "copy.sqlite", connection) is not None
    connection.close()


def test_a_store_in_wal_mode_has_no_index(tmp_path):
    path = tmp_path / "small.sqlite"
    _small_store(path)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.close()
    connection = store.open_readonly(path)
    assert names.index_path(path, connection) is None
    assert names.load_index(path, connection) is None
    connection.close()


def test_an_unwritable_folder_still_gets_an_index_for_the_process(tmp_path, monkeypatch):
    path = tmp_path / "small.sqlite"
    _small_store(path)
    monkeypatch.setattr(names.tempfile, "mkstemp", _refuse)
    connection = store.open_readonly(path)
    assert names.make_index(path, connection).holds("exact", "ar raqqah", False)
    assert names.indexes_of(path) == []
    connection.close()


def _refuse(**_settings):
    raise PermissionError("read-only folder")


@pytest.mark.parametrize("name", ANSWERED_ALIKE)
@pytest.mark.parametrize("kind", [None, "demonym", "city"])
def test_lookups_answer_the_same_with_the_index_as_from_the_store_alone(gazetteer, name, kind):
    bare = Gazetteer(gazetteer.path, store.open_readonly(gazetteer.path))
    bare._names_looked_for = True  # and never enough queries to make one
    with bare:
        for fuzzy in (False, True):
            assert gazetteer.lookup(name, kind=kind, fuzzy=fuzzy, limit=30) == \
                bare.lookup(name, kind=kind, fuzzy=fuzzy, limit=30)


@pytest.mark.parametrize("name", ANSWERED_ALIKE)
def test_knows_says_whether_a_lookup_offers_a_place_that_is_not_a_people(gazetteer, name):
    offered = gazetteer.lookup(name, fuzzy=False, limit=1000)
    assert gazetteer.knows(name) == any(c.kind != "demonym" for c in offered)


def test_knows_without_an_index_asks_the_store(gazetteer):
    bare = Gazetteer(gazetteer.path, store.open_readonly(gazetteer.path))
    bare._names_looked_for = True
    with bare:
        assert bare.knows("Mosul") and not bare.knows("Iraqi") and not bare.knows("Tal Afar Police")


def test_a_long_run_without_an_index_makes_one(tmp_path, monkeypatch):
    path = tmp_path / "small.sqlite"
    _small_store(path)
    monkeypatch.setattr(lookup, "INDEX_AFTER_QUERIES", 3)
    with Gazetteer(path, store.open_readonly(path)) as opened:
        for name in ("One", "Two", "Three"):
            opened.lookup(name, fuzzy=False)
        assert names.indexes_of(path) == []
        assert opened.lookup("Raqa", fuzzy=False)[0].name == "Ar-Raqqah"
        assert len(names.indexes_of(path)) == 1


def test_the_index_holds_every_key_of_the_real_store(gazetteer):
    index = names.load_index(gazetteer.path, gazetteer._connection) \
        or names.make_index(gazetteer.path, gazetteer._connection)
    for name in ("Mosul", "Tall Afar", "Ar-Raqqah", "Nineveh", "Laurel County"):
        assert index.holds("exact", exact_key(name), False)
        assert index.holds("loose", loose_key(name), False)
    assert index.holds("exact", "iraqi", True)
