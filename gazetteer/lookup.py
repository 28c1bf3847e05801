"""`Gazetteer`: open the store (building it when missing or stale) and look names up."""

from __future__ import annotations

import math
import os
import re
import shutil
import sqlite3
import threading
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

import shapely
from rapidfuzz import fuzz, process
from shapely.geometry.base import BaseGeometry

from . import rank, store
from .model import Candidate, Place
from .names import NameIndex, load_index, make_index
from .normalize import exact_key, loosen
from .paths import fingerprint, store_path, user_places_dir

if TYPE_CHECKING:  # geopy loads only when the user turns the online geocoder on
    from .online import OnlineGeocoder

# A misspelling must be this similar (0-100) to a known name to be offered.
FUZZY_CUTOFF = 85
FUZZY_MIN_LENGTH = 4
# Near names offered at most, out of a longer shortlist scored on the whole key.
FUZZY_LIMIT, FUZZY_SHORTLIST = 5, 20
# Directions in a name, which a misspelling does not change.
_COMPASS = re.compile(r"north|south|east|west|central|upper|lower")
# Transliteration folding on very short keys ("US", "Ky") only finds false friends.
LOOSE_MIN_LENGTH = 4
# Remembered answers; the memo starts afresh when full.
MEMO_SIZE = 100_000
# Queries a process asks of a store with no name index before it makes one (a few seconds, kept
# for later processes): a long run gains, a short one is not kept waiting.
INDEX_AFTER_QUERIES = 1000
_PLACE_FIELDS = [f.name for f in fields(Place)]


class Gazetteer:
    """The place-name authority: names to ranked candidate places."""

    def __init__(self, path: Path, connection: sqlite3.Connection):
        self.path = path
        self._connection = connection
        self._fuzzy_keys: dict[tuple[str, int], list[str]] | None = None  # by first letter, length
        self._geometries: dict[int, BaseGeometry] = {}  # parsed shapes by place id
        self._hulls: dict[int, BaseGeometry | None] = {}  # provinces' outlines by place id
        self._towns: dict[str, dict[str, list[tuple[float, float]]]] = {}  # by country, province
        self._answers: dict[tuple, list[Candidate]] = {}  # news repeats its names
        self._known: dict[str, bool] = {}  # answers of `knows`
        self._names: NameIndex | None = None  # which keys the store holds, read on first use
        self._names_looked_for = False
        self._unindexed_queries = 0
        self._lock = threading.Lock()
        self.online: OnlineGeocoder | None = None  # set by the user's choice only

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, build_if_needed: bool = True,
             progress: bool = True) -> Gazetteer:
        """Open the store at `path` (default: $GEOMAP_GAZETTEER or the user cache).

        A missing store, or one built from other source versions, is built first unless
        `build_if_needed` is False, in which case StoreError says what to run.
        """
        location = store_path(path)
        if not is_current(location):
            if not build_if_needed:
                raise store.StoreError(f"{location}: gazetteer store missing, out of date or "
                                       "damaged (run `geomap gazetteer build`)")
            from .build import build  # the data packages load only when a build is needed

            build(location, progress=progress)
        return cls(location, store.open_readonly(location))

    def close(self) -> None:
        self._connection.close()
        if self.online is not None:
            self.online.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def lookup(self, name: str, *, country: str | None = None, kind: str | None = None,
               limit: int = 10, fuzzy: bool = True, online: bool = False) -> list[Candidate]:
        """Candidate places for `name`, best first.

        Exact matches (up to case, accents, punctuation) and transliteration variants come first;
        only when neither finds anything (and `fuzzy` allows) does a fuzzy match look for close
        misspellings. With `online`, and an online geocoder set up by the user, a name the store
        does not know at all is asked of it (answers are cached, failures give nothing).
        """
        answer = self._remembered(name, country, kind, limit, fuzzy)
        if not answer and online and self.online is not None:
            answer = [c for c in self.online.lookup(name, country=country, limit=limit)
                      if kind is None or c.kind == kind]
        return list(answer)

    def _remembered(self, name: str, country: str | None, kind: str | None, limit: int | None,
                    fuzzy: bool) -> list[Candidate]:
        """The best `limit` candidates, from every candidate ranked once per question: the
        recogniser asks for 3, the resolver for 30 of the same names."""
        ranked = self._memo(name, country, kind, False)
        if not ranked and fuzzy:
            ranked = self._memo(name, country, kind, True)
        return ranked[:limit]

    def _memo(self, name: str, country: str | None, kind: str | None,
              misspelt: bool) -> list[Candidate]:
        question = (name, country, kind, misspelt)
        with self._lock:
            answer = self._answers.get(question)
            if answer is None:
                answer = self._answer(name, country, kind, misspelt)
                if len(self._answers) >= MEMO_SIZE:
                    self._answers.clear()
                self._answers[question] = answer
        return answer

    def _answer(self, name: str, country: str | None, kind: str | None,
                misspelt: bool) -> list[Candidate]:
        """Every candidate matched exactly or loosely, ranked; or with `misspelt`, those whose
        name is a close misspelling of this one (asked only when none matched)."""
        key = exact_key(name)
        if not key:
            return []
        found: dict[int, Candidate] = {}
        if misspelt and len(key) >= FUZZY_MIN_LENGTH:
            for other, similarity in _close_keys(key, self._fuzzy_choices(key)):
                self._collect(found, "exact", other, "fuzzy", country, kind, similarity / 100)
        loose = _usable_loose(key)
        if not misspelt and self._may_hold(key, loose, None if kind is None else kind == "demonym"):
            self._collect(found, "exact", key, "exact", country, kind)
            if loose:  # a name matched exactly already scores above any loose match of it
                self._collect(found, "loose", loose, "loose", country, kind, other_exact=key)
        candidates = list(found.values())
        rank.demote_borrowed_names(candidates)
        rank.prefer_seats(candidates)
        return rank.order(candidates)

    def knows(self, name: str) -> bool:
        """Whether the store has a place other than a people's name (a demonym) called `name`, up
        to case, accents, punctuation and transliteration: such a place is among the candidates
        of `lookup(name, fuzzy=False)` exactly when this is true (and `limit` leaves room). Asks
        no query once the store's name index is at hand."""
        known = self._known.get(name)
        if known is None:
            known = self._knows(name)
            if len(self._known) >= MEMO_SIZE:
                self._known.clear()
            self._known[name] = known
        return known

    def _knows(self, name: str) -> bool:
        key = exact_key(name)
        if not key:
            return False
        with self._lock:
            names = self._name_index()
            if names is not None:
                return _held(names, key, _usable_loose(key), False)
        return any(c.kind != "demonym" for c in self._memo(name, None, None, False))

    def _may_hold(self, key: str, loose: str, demonym: bool | None) -> bool:
        """False when no name of a demonym (`demonym` True), of another place (False) or of
        either (None) has the exact `key` or the `loose` key (if given): the store need not be
        asked."""
        names = self._name_index()
        if names is None:
            self._unindexed_queries += 1
            return True
        return any(_held(names, key, loose, side)
                   for side in ((False, True) if demonym is None else (demonym,)))

    def _name_index(self) -> NameIndex | None:
        """The store's name index: the saved one, else one made once this process has asked
        enough queries without it."""
        if self._names is None and not self._names_looked_for:
            self._names_looked_for = True
            self._names = load_index(self.path, self._connection)
        elif self._names is None and self._unindexed_queries >= INDEX_AFTER_QUERIES:
            self._unindexed_queries = 0
            self._names = make_index(self.path, self._connection)
        return self._names

    def _collect(self, found: dict[int, Candidate], column: str, key: str, match: str,
                 country: str | None, kind: str | None, similarity: float = 1.0,
                 other_exact: str = "") -> None:
        for place, matched_name, name_kind, weight in store.find(
                self._connection, column, key, country, kind, self._geometries,
                other_exact=other_exact):
            if match == "fuzzy" and name_kind == "alternate":
                continue  # a misspelling of a place's other name in some language ("Oplandt")
            score = rank.match_quality(match, name_kind, similarity) + rank.prior(weight)
            best = found.get(place.id)
            if best is None or score > best.score:
                found[place.id] = Candidate(*(getattr(place, f) for f in _PLACE_FIELDS),
                                            matched_name=matched_name, match=match, score=score,
                                            name_kind=name_kind)

    def _fuzzy_choices(self, key: str) -> list[str]:
        """Keys that could reach the cutoff against `key`: starting with the same letter (a
        misspelling rarely changes the first one) and neither too short nor too long (a ratio of
        at least c needs the shorter key to be at least c/(2-c) of the longer)."""
        if self._fuzzy_keys is None:
            self._fuzzy_keys = {}
            for known in store.fuzzy_keys(self._connection):
                self._fuzzy_keys.setdefault((known[0], len(known)), []).append(known)
        share = FUZZY_CUTOFF / (200 - FUZZY_CUTOFF)
        shortest, longest = math.ceil(len(key) * share), math.floor(len(key) / share)
        return [known for size in range(shortest, longest + 1)
                for known in self._fuzzy_keys.get((key[0], size), ())]

    def forget_answers(self) -> None:
        """Drop remembered lookups, so the next ones go to the store (for fair measurements)."""
        with self._lock:
            self._answers.clear()
            self._known.clear()

    def prominent_names(self, limit: int) -> list[str]:
        """Names of the weightiest places (no demonyms): realistic queries for benchmarks."""
        with self._lock:
            return store.prominent_names(self._connection, limit)

    def country(self, code: str) -> Place | None:
        """The country with ISO alpha-2 `code`, with its outline."""
        with self._lock:
            return store.country(self._connection, code, self._geometries)

    def outline(self, place: Place) -> BaseGeometry | None:
        """The place's shape; for a province, which the store keeps as a point, the hull of its
        towns (an estimate, good enough to tell its north from its south)."""
        if place.geometry is not None or place.kind != "admin1":
            return place.geometry
        with self._lock:
            if place.id not in self._hulls:
                if place.country not in self._towns:
                    self._towns[place.country] = store.settlements_by_province(
                        self._connection, place.country)
                towns = self._towns[place.country].get(place.admin1, [])
                hull = shapely.MultiPoint([(lon, lat) for lat, lon in towns]).convex_hull
                self._hulls[place.id] = hull if hull.geom_type == "Polygon" else None
            return self._hulls[place.id]

    def countries(self) -> list[Place]:
        """Every country with its outline, for drawing an offline basemap."""
        with self._lock:
            return store.places_of_kind(self._connection, "country")

    def info(self) -> dict:
        """Where the store is, how big, what it was built from, and counts by kind and source."""
        with self._lock:
            details = store.meta(self._connection) | store.counts(self._connection)
        return {"path": str(self.path), "size_bytes": self.path.stat().st_size, **details}

    def add_user_places(self, file: Path) -> int:
        """Add the places in a user CSV/GeoJSON file; they outrank all others and survive rebuilds."""
        from .sources import user

        added = user.load(file)  # validates the whole file before anything is kept or written
        keep = user_places_dir(self.path)
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, keep / file.name)
        places = [place for kept in sorted(keep.iterdir()) if kept.is_file() for place in user.load(kept)]
        writer = sqlite3.connect(self.path)
        try:
            with writer:
                store.replace_source(writer, user.SOURCE, places)
        finally:
            writer.close()
        with self._lock:
            self._fuzzy_keys = self._names = None
            self._hulls.clear()
            self._towns.clear()
            self._names_looked_for = False  # the store's new state has no index yet
        self.forget_answers()
        return len(added)


def _held(names: NameIndex, key: str, loose: str, demonym: bool) -> bool:
    return names.holds("exact", key, demonym) or bool(loose) and names.holds("loose", loose,
                                                                              demonym)


def _usable_loose(key: str) -> str:
    """The loose key to match by, or "" where it is too short to forgive anything."""
    loose = loosen(key)
    return loose if len(loose) >= LOOSE_MIN_LENGTH else ""


def _close_keys(key: str, choices: list[str]) -> list[tuple[str, float]]:
    """Up to FUZZY_LIMIT known keys at least FUZZY_CUTOFF similar to `key`, best first. Words the
    two share at either end do not count ("Nyanza province" is not "Nyland province", nor
    "Sumatra province" "Samara province"): the names must be alike without them. Nor may a
    direction change: "North Eastern" is a few letters from "North Western", and far from it."""
    close = []
    for other, _, _ in process.extract(key, choices, scorer=fuzz.ratio, limit=FUZZY_SHORTLIST,
                                       score_cutoff=FUZZY_CUTOFF):
        similarity = fuzz.ratio(*_without_shared_words(key, other))
        if similarity >= FUZZY_CUTOFF and _COMPASS.findall(key) == _COMPASS.findall(other):
            close.append((other, similarity))
    close.sort(key=lambda pair: -pair[1])
    return close[:FUZZY_LIMIT]


def _without_shared_words(first: str, second: str) -> tuple[str, str]:
    """Both keys less the whole words they begin or end with in common."""
    words, others = first.split(), second.split()
    while len(words) > 1 and len(others) > 1 and words[-1] == others[-1]:
        words, others = words[:-1], others[:-1]
    while len(words) > 1 and len(others) > 1 and words[0] == others[0]:
        words, others = words[1:], others[1:]
    return " ".join(words), " ".join(others)


def is_current(path: Path) -> bool:
    """True when `path` is a readable, undamaged store built from the installed sources."""
    try:
        connection = store.open_readonly(path)
    except store.StoreError:
        return False  # missing or unreadable: a cache, so it is rebuilt
    try:
        return store.meta(connection).get("fingerprint") == fingerprint() \
            and store.intact(path, connection)
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()
