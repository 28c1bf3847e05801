"""The shared vocabulary: the word lists every stage reads places and events by, kept once, in
`data/lexicon.toml`, so that a list grows in one place and means the same wherever it is used.

Each list is a frozenset of lower-case words (entity labels, party codes and punctuation as
written); `SHARED_KINDS` maps a plural kind to the singular that names each place of a list.
"""

from __future__ import annotations

import tomllib
from importlib import resources


def _read_lexicon() -> dict:
    with (resources.files("geomap") / "data" / "lexicon.toml").open("rb") as handle:
        return tomllib.load(handle)


_LEXICON = _read_lexicon()


def _words(name: str) -> frozenset[str]:
    return frozenset(_LEXICON[name])


NON_PLACE_LABELS = _words("non_place_labels")
LOCATIVE_WORDS = _words("locative_words")
PLACE_OBJECT_VERBS = _words("place_object_verbs")
LIST_WORDS = _words("list_words")
COMPASS_WORDS = _words("compass_words")
PLACE_TYPE_WORDS = _words("place_type_words")
NAME_PARTICLES = PLACE_TYPE_WORDS | _words("name_particles")
NOT_A_PLACE_AFTER = _words("not_a_place_after")
ORGANISATION_HEADS = _words("organisation_heads")
PLACE_PEOPLE_AND_OFFICES = _words("place_people_and_offices")
PARTY_CODES = _words("party_codes")
PLACE_TYPE_NOUNS = _words("place_type_nouns")
DATELINE_FOLLOWERS = _words("dateline_followers")
SPEECH_VERBS = _words("speech_verbs")
REPORTING_WORDS = _words("reporting_words")
AUXILIARIES = _words("auxiliaries")
CALENDAR_WORDS = _words("calendar_words")
FACILITY_WORDS = _words("facility_words")
PERSONAL_TITLES = _words("personal_titles")
TITLES_ALSO_WORDS = _words("titles_also_words")
OFFICE_PREFIXES = _words("office_prefixes")
SUPPORT_VERBS = _words("support_verbs")
OFFICES_BEFORE_NAMES = _words("offices_before_names")
RETELLING_NOUNS = _words("retelling_nouns")
OCCURRENCE_VERBS = _words("occurrence_verbs")
DETERMINERS = _words("determiners")
PERSONAL_NOUNS = _words("personal_nouns")
STREET_WORDS = _words("street_words")
PLACE_NOUNS_BEFORE_NAME = _words("place_nouns_before_name")
MOVEMENT_VERBS_BEFORE_ON = _words("movement_verbs_before_on")
FLYING_WORDS = _words("flying_words")
SHARED_KINDS: dict[str, str] = dict(_LEXICON["shared_kinds"])
FINE_PLACE_HEADS: dict[str, str] = dict(_LEXICON["fine_place_heads"])
# institution category -> (words of its names, nouns that refer to it), in the file's order
AGENCIES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    category: (frozenset(entry["names"]), frozenset(entry["nouns"]))
    for category, entry in _LEXICON["agencies"].items()}
