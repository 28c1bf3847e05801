"""Actor mentions: where a parsed sentence names who takes part in an event.

Three ways a sentence names an actor:
- a name or alias from the actor table (`geomap.actors`);
- a noun phrase around an actor noun ("Iraqi security forces", "Turkish troops", "two suicide
  bombers", "civilians"), named after the country its adjective points to;
- a person or organisation the model recognises, under the name as written (a later surname alone
  is the same person).
References ("he", "the group", "the militants", "the leader") are resolved to an actor only when
the article leaves no doubt: one person in the recent sentences, one armed group in the article.
"Local commanders" or "a commander" refer to no one in particular: they are generic.

A place or a date is never an actor: a name inside one of the sentence's place mentions is the
place's, and a name the model calls an organisation or a person is not an actor when it is a
weekday or a month, or where the parse puts a place ("in Raqa", "the town of Jilib", "Raqa
province") though the gazetteer does not know it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from geomap.actors import ActorTable, KnownActor
from geomap.events.agencies import (
    category_of_noun,
    institution_category,
    organisation_name,
)
from geomap.events.person_names import (
    person_name,
    styled_person,
    titled_names,
    titled_start,
)
from geomap.events.requirements import DISEASE_WORDS, LAW_WORDS

PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
# Influenza subtypes, which the model takes for organisations ("H5N2").
FLU_SUBTYPE = re.compile(r"H\d{1,2}N\d{1,2}")
GROUP_REFERENCES = frozenset({"group", "organisation", "organization", "movement"})
# Words that may stand in a state-forces phrase between the country's adjective and the noun.
FORCE_MODIFIERS = frozenset({"security", "special", "operations", "government", "armed", "elite",
                             "ground", "federal", "national", "military", "army", "naval", "air",
                             "regular", "pro-government", "counter-terrorism", "coalition"})
# "-backed" and its like after a country's adjective: forces it supports, not its own.
BACKING_WORDS = frozenset({"backed", "led", "trained", "supported", "allied", "armed",
                           "funded", "sponsored", "aligned"})
GENERIC_FORCES = frozenset({"forces", "force", "troops", "soldiers", "army", "military",
                            "officers", "officer", "police", "policemen", "security"})
# Determiners that make a noun phrase someone new, not someone named before ("a commander").
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "many", "two", "three"})
# The object of these is where something happens, not who takes part ("in Raqa").
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "into", "toward", "towards", "outside",
                                   "around", "inside", "within", "across", "through", "via",
                                   "throughout", "beyond"})
# "the town of Jilib", "Raqa province": the name is a place's.
SETTLEMENT_WORDS = frozenset({"town", "city", "village", "province", "district", "region",
                              "governorate", "area", "neighbourhood", "neighborhood", "suburb",
                              "outskirts", "county", "state", "capital", "camp", "valley"})
CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                            "sunday", "january", "february", "march", "april", "may", "june",
                            "july", "august", "september", "october", "november", "december",
                            "today", "yesterday", "tonight", "ramadan", "eid"})
# The names of actor nouns' phrases by kind ("residents", "two boys": Civilians), and the
# table's word for naming an institution by its own phrase ("a federal jury": Federal jury).
KIND_NAMES = {"civilians": "Civilians", "government": "Government"}
# Words that arm people the table counts as civilians ("armed men", "masked youths").
ARMED_WORDS = frozenset({"armed", "masked", "hooded", "gun-wielding", "gun-toting",
                         "heavily-armed"})
UNNAMED_ARMED_GROUP = "Unidentified armed group"
AS_WRITTEN = "(as written)"


@dataclass(slots=True)
class ActorMention:
    """An actor named in a parsed sentence: token span [start, end) and its head token."""

    start: int
    end: int
    head: int
    name: str
    kind: str
    text: str
    # "he", "the group", "the militants": a reference to resolve from the article, not a name
    reference: bool = False
    generic: bool = False  # named by its noun alone ("Militants", "Civilians")
    agency: str = ""  # the institution's category ("sheriff" for "deputies"), see `agencies`


# What the members of a body stand for when they act: the body ("council members voted").
MEMBER_NOUNS = frozenset({"members", "member"})


def find_actors(sentence: Doc, table: ActorTable, demonyms: dict[int, str],
                places: set[int] = frozenset(), triggers: set[int] = frozenset(), *,
                named: list[tuple[int, int, KnownActor]] | None = None) -> list[ActorMention]:
    """Actors named in one parsed sentence, longest names first, without overlaps.

    `demonyms` maps a token index of the sentence to the country adjective written there
    ("Iraqi"), from the article's places, for naming phrases such as "Iraqi forces"; `places`
    holds the tokens of the sentence's place names, which the model may have called
    organisations ("MOGADISHU —"), and `triggers` those of event words ("Strikes on ...");
    `named` is `table.named` of the sentence when the caller has it already.
    """
    found: list[ActorMention] = []
    taken: set[int] = set()
    for start, end, known in named if named is not None else table.named(list(sentence)):
        if places and {i for i in range(start, end) if not sentence[i].is_punct} <= places:
            continue  # the places found it a place's name
        found.append(ActorMention(start, end, _head(sentence, start, end), known.name,
                                  known.kind, sentence[start:end].text))
        taken.update(range(start, end))
    for token in sentence:
        if token.i in taken or token.lower_ not in table.nouns or (
                token.dep_ in ("compound", "amod") and token.head.lower_ in table.nouns):
            continue  # "rebel allies" is one phrase, named from its head
        phrase = _noun_phrase(sentence, token, table, taken)
        if phrase is not None and token.dep_ == "compound" and token.head.i == token.i + 1 \
                and token.head.lower_ in MEMBER_NOUNS:  # "council members": the council
            phrase.end, phrase.head = token.i + 2, token.i + 1
            phrase.text = sentence[phrase.start:phrase.end].text
        if phrase is not None:
            found.append(phrase if phrase.kind != "state forces"
                         else _named_forces(phrase, sentence, demonyms, table))
            taken.update(range(phrase.start, phrase.end))
    for token in sentence:
        if token.i not in taken and _is_reference(token):
            kind = "person" if token.lower_ in PRONOUNS else "armed group"
            found.append(ActorMention(token.i, token.i + 1, token.i, "", kind, token.text,
                                      reference=True))
    for entity in sentence.ents:
        if (entity.label_ in ("PERSON", "ORG") or institution_as_place(entity)) \
                and any(token.text[:1].isupper() for token in entity) \
                and not _placed_or_dated(entity) \
                and not (taken | triggers) & set(range(entity.start, entity.end)) \
                and not _a_place(entity, places):
            found.append(_entity_mention(entity))
            taken.update(range(entity.start, entity.end))
    for start, end, name in titled_names(sentence, taken | triggers | places):
        found.append(ActorMention(start, end, end - 1, name, "person", sentence[start:end].text))
    return sorted(found, key=lambda mention: mention.start)


def institution_as_place(entity: Span) -> bool:
    """"Harlan County Court" taken by the model for a place (see `agencies`)."""
    return entity.label_ != "ORG" and institution_category(entity) is not None


def _a_place(entity: Span, places: set[int]) -> bool:
    """The places took the name, or its head: "Delmas" is the town; "the Harlan County Sheriff's
    Office" holds a place but is an organisation."""
    if institution_as_place(entity):
        return False
    words = {token.i for token in entity if not token.is_punct}
    return bool(places) and (words <= places or entity.root.i in places)


def _entity_mention(entity: Span) -> ActorMention:
    """A person or organisation the model recognised, under its name as written."""
    if entity.label_ == "PERSON" or styled_person(entity):
        start = titled_start(entity)  # "Mr Justice Okonedo" is written with its titles
        return ActorMention(start, entity.end, entity.root.i, person_name(entity), "person",
                            entity.doc[start:entity.end].text)
    return ActorMention(entity.start, entity.end, entity.root.i, organisation_name(entity),
                        "organisation", entity.text,
                        agency=institution_category(entity) or "")


def _head(sentence: Doc, start: int, end: int) -> int:
    return sentence[start:end].root.i


def _noun_phrase(sentence: Doc, noun: Token, table: ActorTable,
                 taken: set[int]) -> ActorMention | None:
    """"Iraqi security forces", "two suicide bombers", "their rebel allies": the actor noun with
    the modifiers before it. A noun already inside a known name is that name's."""
    start = noun.i
    while start > 0 and sentence[start - 1].i not in taken and (
            sentence[start - 1].dep_ in ("amod", "compound", "nummod", "nmod", "npadvmod")
            or sentence[start - 1].text in ("-", "‐")) \
            and sentence[start - 1].head.i >= start - 1:
        start -= 1
    if any(i in taken for i in range(start, noun.i)):
        return None
    if start > 0 and start - 1 in taken and sentence[start - 1].head.i == noun.i:
        return None  # "Daesh militants", "IS group fighters": the name before says who
    kind = table.nouns[noun.lower_]
    if kind == "civilians" and any(token.lower_ in ARMED_WORDS for token in sentence[start:noun.i]):
        # "armed men", "masked youths": an armed group no one names, not civilians
        return ActorMention(start, noun.i + 1, noun.i, UNNAMED_ARMED_GROUP, "armed group",
                            sentence[start:noun.i + 1].text, generic=True)
    modifier = next((token for token in sentence[start:noun.i]
                     if token.lower_ in table.nouns), None)
    if modifier is not None and kind == "civilians":  # "suicide bombers' victims" aside
        kind = table.nouns[modifier.lower_] if table.nouns[modifier.lower_] != "civilians" else kind
    name = _phrase_name(sentence[start:noun.i + 1], kind, modifier, table)
    # "the militants" with nothing else to say who they are refers to a group named elsewhere;
    # "the leader", "group leader" to the person the article is about (not "two commanders")
    reference = (kind == "armed group" and start == noun.i and _definite(noun)) \
        or (kind == "person" and _singular(noun, table) and not any(
            child.dep_ in ("det", "nummod") and child.lower_ in INDEFINITE
            for child in noun.children))
    return ActorMention(start, noun.i + 1, noun.i, name, kind, sentence[start:noun.i + 1].text,
                        reference=reference, generic=kind != "state forces",
                        agency=category_of_noun(noun.text) or "")


def _phrase_name(phrase: Span, kind: str, modifier: Token | None, table: ActorTable) -> str:
    """The name an actor noun's phrase takes: the noun's own in the table ("Protesters" for
    demonstrators, the phrase itself for "a federal jury"), "Rebel allies" with a modifier of its
    kind, else its kind's ("Civilians"), else the noun's ("Militants")."""
    noun = phrase[-1]
    named = table.noun_names.get(noun.lower_)
    if named == AS_WRITTEN:
        # the noun and its modifiers as written: "a federal jury", "a Navarro County jury", "the
        # Queens District Attorney" (a title keeps its capitals)
        own = [token.text for token in phrase[:-1] if token.dep_ in ("amod", "compound")]
        titled = own and all(word[:1].isupper() for word in (*own, noun.text))
        written = " ".join([*own, noun.text if titled else noun.text.lower()])
        return written[:1].upper() + written[1:]
    if named:
        return named
    if modifier is not None and kind == table.nouns[modifier.lower_]:
        return _plural_title(f"{modifier.text} {noun.text}")
    return KIND_NAMES.get(kind) or _plural_title(noun.text)


def _named_forces(phrase: ActorMention, sentence: Doc, demonyms: dict[int, str],
                  table: ActorTable) -> ActorMention:
    """State forces are named after their country's adjective: "Iraqi troops", "Iraqi security
    forces" and "Iraqi army" are all "Iraqi forces"; without a country they are "Government
    forces"."""
    adjective = next((demonyms[i] for i in range(phrase.start, phrase.end)
                      if i in demonyms and not _backer(sentence, i)), "")
    if not adjective:  # an adjective the places missed ("Somali troops")
        adjective = next((token.text for token in sentence[phrase.start:phrase.head]
                          if token.text[:1].isupper() and token.is_alpha and token.dep_ == "amod"
                          and token.lower_ not in FORCE_MODIFIERS
                          and not _backer(sentence, token.i)), "")
    noun = sentence[phrase.head].lower_
    police = any(token.lower_.startswith("police")
                 for token in sentence[phrase.start:phrase.end])  # "police officers"
    suffix = "police" if police else "forces"
    if adjective:
        phrase.name = f"{adjective} {suffix}"
    elif noun in GENERIC_FORCES:
        phrase.name = f"Government {suffix}"
    else:  # "Marines", "commandos": the noun says more than "forces"
        phrase.name = _plural_title(noun)
    phrase.generic = not adjective
    phrase.name = table.forces_name(phrase.name) or phrase.name  # "Iraqi forces" = the ISF
    return phrase


def _backer(sentence: Doc, index: int) -> bool:
    """"Russian-backed government troops", "US-led forces": the country backs or leads them;
    they are not its own forces."""
    rest = sentence[index + 1:index + 3]
    return len(rest) == 2 and rest[0].text in ("-", "‐") and rest[1].lower_ in BACKING_WORDS


def _placed_or_dated(entity: Span) -> bool:
    """A name the model calls an organisation or a person that is a day, a month or a law, or
    stands where the parse puts places: "fighting in Raqa", "the town of Jilib", "Raqa
    province"."""
    if all(token.lower_ in CALENDAR_WORDS for token in entity):
        return True
    if entity.root.lower_ in DISEASE_WORDS or FLU_SUBTYPE.fullmatch(entity.text):
        return True  # "a suspected case of BSE", "outbreaks of H5N2": a disease, not who acts
    if entity.root.lower_ in LAW_WORDS:
        return True  # "Senate Bill 461", "the Patriot Act": a law, not who acts
    if institution_category(entity):
        return False  # "in Meigs County Court": an institution, wherever it stands
    root = entity.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in SETTLEMENT_WORDS:
        return True
    return root.dep_ == "compound" and head.lower_ in SETTLEMENT_WORDS


def _singular(noun: Token, table: ActorTable) -> bool:
    """"leader", not "leaders" or "spokesmen" (the table lists both forms)."""
    word = noun.lower_
    return not ((word.endswith("s") and word[:-1] in table.nouns)
                or (word.endswith("men") and f"{word[:-3]}man" in table.nouns))


def _plural_title(noun: str) -> str:  # "militants" -> "Militants"
    return noun[:1].upper() + noun[1:].lower()


def _definite(token: Token) -> bool:
    return any(child.lower_ == "the" and child.dep_ == "det" for child in token.children)


def _is_reference(token: Token) -> bool:
    """"he" as a subject or "his" ("his forces"), or "the group" / "the organisation"."""
    if token.lower_ in PRONOUNS:
        return token.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj")
    return token.lower_ in GROUP_REFERENCES and _definite(token)
