"""The recogniser's working state over one article: the toponyms accepted so far, the tokens they
claim, and the gazetteer questions the rules ask ("is this a known name?", "how far does the known
name starting here run?", "is it a big place?").

A name is accepted once, through `accept`, which also reads whether it is a modifier ("US-led")
or stands for its government ("Washington said")."""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, IS_LOWER, LOWER
from spacy.tokens import Doc, Span

from gazetteer import Candidate, Gazetteer
from gazetteer.model import Kind
from gazetteer.normalize import exact_key, loose_key
from geomap.actors import ActorTable
from geomap.places.finenames import FineName
from geomap.places.toponym import Toponym
from geomap.places.words import capitalised, has_letters, is_modifier, speaks, trim
from geomap.vocabulary import NAME_PARTICLES, NOT_A_PLACE_AFTER

MAX_NAME_TOKENS = 7
# A city this big is a big place: a name the model did not call a place is read as one without a
# cue, and a misspelling or a code forgiven, only for a big place.
BIG_PLACE_POPULATION = 100_000
# A one-word place inside an organisation's name must be this big to be the place it names.
ORGANISATION_PLACE_POPULATION = 20_000
# Kinds of place an actor's name may also be: "the EU" acts, and is where things happen.
TERRITORY_KINDS = frozenset({Kind.COUNTRY, Kind.CONTINENT, Kind.REGION})
BIG_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.CONTINENT})


class Finder:
    """Accepted toponyms of one article, and the lookups the rules share."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, actors: ActorTable,
                 switched_off: frozenset[str] = frozenset()):
        self.doc = doc
        self.gazetteer = gazetteer
        self.actors = actors
        self.switched_off = switched_off  # names of rules not to apply (to measure them)
        self.found: list[Toponym] = []
        self.taken_until = 0  # token index up to which text is already claimed
        self.place_tokens: set[int] = set()  # names of places, not adjectives ("Kurdish")
        self.claimed: set[int] = set()  # tokens of every accepted name
        self.not_places: set[int] = set()  # tokens of names a rule found to be no place
        self.person_names = _person_names(doc)
        self.fine_names: dict[int, FineName] = {}  # names below the town, by their end token
        self.disease_names = _disease_names(doc)
        # (hashes of) words the article writes in lower case: common words wherever capitalised
        flags = doc.to_array([LOWER, IS_LOWER, IS_ALPHA])
        self.lower_words = frozenset(flags[(flags[:, 1] == 1) & (flags[:, 2] == 1), 0].tolist())

    def opening_common_word(self, name: Span) -> bool:
        """A one-word name capitalised only because it opens its sentence: a word the article
        also writes in lower case, or a noun for a kind of actor ("Police officials said")."""
        word = name[0]
        return len(name) == 1 and word.is_sent_start \
            and (word.lower in self.lower_words or word.lower_ in self.actors.nouns)

    def enabled(self, rule: str) -> bool:
        return rule not in self.switched_off

    def accept(self, span: Span, label: str, *, demonym: bool = False, cue: str = "",
               name: str = "", fine: str = "") -> None:
        demonym = demonym or is_modifier(span)
        span = self._with_full_stop(span)
        if not name and not demonym and span.start > 0 and self.doc[span.start - 1].lower_ == "the" \
                and self.known(f"the {span.text}"):
            name = f"the {span.text}"  # "the Gulf" is the Persian Gulf, not Gulf County
        self.found.append(Toponym(span.start_char, span.end_char, span.text, label, demonym, cue,
                                  metonym=not demonym and speaks(span), name=name, fine=fine))
        self.taken_until = span.end
        self.claimed.update(range(span.start, span.end))
        if not demonym:  # "Kurdish and Arab fighters": a word listed with an adjective is one too
            self.place_tokens.update(range(span.start, span.end))

    def _with_full_stop(self, span: Span) -> Span:
        """The name with the full stop the tokeniser split off, when the name with it is an
        abbreviation ("Brandon, Man." is Manitoba, not Amman; "Que." Quebec)."""
        doc = self.doc
        if span.end < len(doc) and doc[span.end].text == "." and not doc[span.end - 1].whitespace_ \
                and span[-1].is_alpha and any(c.matched_name.endswith(".")
                                              for c in self.known(f"{span.text}.")):
            return doc[span.start:span.end + 1]
        return span

    def longest_known(self, span: Span) -> Span | None:
        """The longest span from `span.start` (at least `span`) naming a known place, or None."""
        doc = self.doc
        limit = span.end
        while limit < len(doc) and limit - span.start < MAX_NAME_TOKENS and (
                capitalised(doc[limit]) or doc[limit].lower_ in NAME_PARTICLES):
            limit += 1
        for end in range(limit, span.end - 1, -1):
            candidate = trim(doc[span.start:end])
            if candidate.end < span.end or not has_letters(candidate[-1]):
                continue
            if self.known(candidate.text):
                return candidate
        return None

    def known_from(self, index: int) -> Span | None:
        """The longest known place name starting at token `index`."""
        return self.longest_known(self.doc[index:index + 1])

    def known(self, name: str) -> list[Candidate]:
        """Places of this name; an airport's code alone makes no word a place ("CIA" is also
        Rome Ciampino's)."""
        return [c for c in self.gazetteer.lookup(name, limit=3, fuzzy=False)
                if c.kind != Kind.DEMONYM and c.name_kind != "code"]

    def is_demonym(self, text: str) -> bool:
        return bool(self.gazetteer.lookup(text, kind=Kind.DEMONYM, limit=1, fuzzy=False))

    def is_big_place(self, name: str, min_population: int = BIG_PLACE_POPULATION) -> bool:
        """A country, a province or a large city, named by its own name (not an alternate name
        such as "White House" for Casablanca, nor a code; "U.S." is an abbreviation)."""
        found = self.known(name)
        if not found or found[0].match != "exact" or (name.isupper() and "." not in name):
            return False
        best = found[0]
        return best.kind in BIG_KINDS or (exact_key(best.matched_name) == exact_key(best.name)
                                          and (best.population or 0) >= min_population)

    def is_actor(self, name: Span) -> bool:
        return self.actors.known(list(name)) is not None

    def body_and_area(self, name: Span) -> bool:
        """Whether the name is both a known body and, likeliest, a territory ("the EU"; not
        "MAC", Macao's code)."""
        found = self.known(name.text)
        return bool(found) and found[0].match == "exact" and found[0].kind in TERRITORY_KINDS \
            and self.is_actor(name)

    def overlaps_claimed(self, span: Span) -> bool:
        return bool(self.claimed & set(range(span.start, span.end)))


# Words after a surname that are not it: "Phillip Skaggs Jr.".
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _person_names(doc: Doc) -> set[str]:
    """Keys of the surnames of people named in full in the article: once "Abu Bakr al-Baghdadi"
    is named, a later "Baghdadi" is him, not a town. (Full names are left out: the model calls
    some places persons, and those are judged on their cues.)"""
    # a name that is only an article and a word ("Al Bab") is a place the model misread, not a
    # person
    names = set()
    for ent in doc.ents:
        words = [token for token in ent if token.lower_.rstrip(".") not in NAME_SUFFIXES]
        if ent.label_ == "PERSON" and len(words) > 1 \
                and loose_key(ent.text) != loose_key(words[-1].text):
            names.add(loose_key(words[-1].text))
    return names


def _disease_names(doc: Doc) -> set[str]:
    """Keys of the names the article gives a disease ("Marburg virus", "Rift Valley fever")."""
    names = set()
    for token in doc[1:]:
        if token.lower_ in NOT_A_PLACE_AFTER:
            start = token.i
            while start > 0 and capitalised(doc[start - 1]) and not doc[start - 1].is_stop:
                start -= 1
            if start < token.i:
                names.add(loose_key(doc[start:token.i].text))
    return names
