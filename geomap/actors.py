"""The actor table: who takes part in events, under one canonical name however an article writes it.

Islamic State = IS = ISIS = ISIL = Daesh; Abu Bakr al-Baghdadi = Baghdadi. The bundled table
(`data/actors.csv`, with the nouns that make a phrase an actor in `data/actor_nouns.csv`) is
extended by the user's CSVs of the same shape. Places and events both read it: a name that is
wholly an actor's ("al-Shabaab") is the actor, not the village that shares it.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

ACTOR_KINDS = ("state forces", "armed group", "civilians", "government", "international body",
               "organisation", "person", "unknown")
MAX_ALIAS_TOKENS = 8
# Acronyms written in capitals match only in capitals ("IS" the group, "is" the verb).
ACRONYM_MAX_CHARS = 6
_KEY_NOISE = re.compile(r"[\s\-‐‑–—'’`.]+")


class ActorTableError(Exception):
    """A user's actor file has a bad row; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class KnownActor:
    name: str
    kind: str


def actor_key(text: str) -> str:
    """Case, hyphens, apostrophes, dots and a leading "the" do not tell actor names apart."""
    key = _KEY_NOISE.sub(" ", text.lower()).strip()
    return key.removeprefix("the ")


class ActorTable:
    """The canonical actors and their aliases, plus the nouns that make a phrase an actor."""

    def __init__(self, rows: list[dict[str, str]], nouns: dict[str, str],
                 noun_names: dict[str, str] | None = None):
        self.by_key: dict[str, KnownActor] = {}
        self.acronyms: dict[str, KnownActor] = {}
        self._prefix_cache: frozenset[str] | None = None
        for row in rows:
            self._add(row)
        self.nouns = nouns
        # the name a noun's phrases take when the kind's default does not fit ("Protesters")
        self.noun_names = noun_names or {}

    def _add(self, row: dict[str, str]) -> None:
        actor = KnownActor(row["name"].strip(), row["kind"].strip())
        for alias in [actor.name, *row.get("aliases", "").split("|")]:
            alias = alias.strip()
            if not alias:
                continue
            if alias.isupper() and len(alias.replace(".", "")) <= ACRONYM_MAX_CHARS:
                self.acronyms[alias.replace(".", "")] = actor
            else:
                self.by_key[actor_key(alias)] = actor
        self._prefix_cache = None

    @classmethod
    def load(cls, user_files: tuple[Path, ...] = ()) -> ActorTable:
        """The bundled table, then each user file (whose rows win over bundled ones)."""
        table = _bundled()
        if not user_files:
            return table
        extended = cls([], table.nouns, table.noun_names)
        extended.by_key, extended.acronyms = dict(table.by_key), dict(table.acronyms)
        for path in user_files:
            for row in read_actor_file(path):
                extended._add(row)
        return extended

    def known(self, tokens: list[Token]) -> KnownActor | None:
        text = "".join(token.text_with_ws for token in tokens).strip()
        compact = text.replace(".", "")
        if compact in self.acronyms:
            return self.acronyms[compact]
        if len(tokens) == 1 and text.isupper() and len(compact) <= ACRONYM_MAX_CHARS:
            return None  # an unknown acronym must not match a longer name's key
        return self.by_key.get(actor_key(text))


    def forces_name(self, name: str) -> str | None:
        """The table's name for state forces called `name` ("Iraqi forces": the ISF), or None."""
        known = self.by_key.get(actor_key(name))
        return known.name if known is not None and known.kind == "state forces" else None

    def named(self, tokens: list[Token]) -> Iterator[tuple[int, int, KnownActor]]:
        """(start, end, actor) of the known names in a run of tokens, the longest at each
        token, without overlaps. A name is grown from a start only while the words so far begin
        some name's key (or could spell an acronym)."""
        prefixes = self._prefixes()
        start = 0
        while start < len(tokens):
            found = None
            for end in range(start + 1, min(len(tokens), start + MAX_ALIAS_TOKENS) + 1):
                text = "".join(token.text_with_ws for token in tokens[start:end]).strip()
                if actor_key(text) not in prefixes and not _may_spell_acronym(text):
                    break
                known = self.known(tokens[start:end])
                if known is not None:
                    found = (end, known)
            if found is None:
                start += 1
                continue
            yield start, found[0], found[1]
            start = found[0]

    def _prefixes(self) -> frozenset[str]:
        """Every run of leading words of every name's key ("abu", "abu bakr", ...), the empty
        key of punctuation and the "the" that keys ignore, computed once per table."""
        if self._prefix_cache is None:
            words = [key.split() for key in self.by_key]
            self._prefix_cache = frozenset(
                {"", "the"}
                | {" ".join(split[:n]) for split in words for n in range(1, len(split) + 1)})
        return self._prefix_cache


def _may_spell_acronym(text: str) -> bool:
    """Capitals and dots short enough to be, or begin, an acronym ("U.", "ISI")."""
    compact = text.replace(".", "")
    return 0 < len(compact) <= ACRONYM_MAX_CHARS and compact.isupper() and " " not in compact


@functools.cache
def _bundled() -> ActorTable:
    data = resources.files("geomap") / "data"
    with (data / "actors.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with (data / "actor_nouns.csv").open(encoding="utf-8") as handle:
        noun_rows = list(csv.DictReader(handle))
    nouns = {row["noun"].strip().lower(): row["kind"].strip() for row in noun_rows}
    names = {row["noun"].strip().lower(): row["name"].strip() for row in noun_rows
             if row.get("name", "").strip()}
    return ActorTable(rows, nouns, names)


def read_actor_file(path: Path) -> list[dict[str, str]]:
    """Rows of a user's actor CSV (name,kind,aliases[,note]); every bad row is an error naming
    its line, and nothing is used from a file with one."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"name", "kind"} - set(reader.fieldnames or [])
            if missing:
                raise ActorTableError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
            rows, problems = [], []
            for row in reader:
                line = reader.line_num
                name, kind = (row.get("name") or "").strip(), (row.get("kind") or "").strip()
                if not name:
                    problems.append(f"line {line}: empty name")
                elif kind not in ACTOR_KINDS:
                    problems.append(f"line {line}: kind {kind!r} is not one of "
                                    f"{', '.join(ACTOR_KINDS)}")
                else:
                    rows.append({"name": name, "kind": kind, "aliases": row.get("aliases") or ""})
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ActorTableError(f"{path}: cannot read actor file ({error})") from None
    if problems:
        raise ActorTableError(f"{path}: {problems[0]}"
                              + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    return rows
