"""The recognition rules, each a small named function with its example and verdict, in the one
order they are tried (`SPAN_RULES`, `CUES`, `ARTICLE_PASSES` at the end of this module).

A span rule looks at one candidate span (a model entity or a run of capitalised words) and either
decides it (accepts a toponym, or rejects the span) and returns True, or returns False to let the
next rule try. A cue says why a name the model did not call a place reads as one here. An article
pass reads the whole article once the spans are decided. Every rule can be switched off by name
(`Finder.switched_off`), which is how `docs/ablation.md` measures what each one is worth.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span

from gazetteer.model import Kind
from gazetteer.normalize import loose_key
from geomap.places.finder import ORGANISATION_PLACE_POPULATION, Finder
from geomap.places.finenames import SAINTS, FineName
from geomap.places.toponym import PLACE_LABELS, Toponym
from geomap.places.words import (
    after_title,
    capitalised,
    has_capital,
    is_dateline,
    is_modifier,
    is_party,
    listed_before,
    names_something_else,
    only_compass,
)
from geomap.vocabulary import (
    CALENDAR_WORDS,
    COMPASS_WORDS,
    DETERMINERS,
    FACILITY_WORDS,
    FLYING_WORDS,
    LIST_WORDS,
    LOCATIVE_WORDS,
    MOVEMENT_VERBS_BEFORE_ON,
    OFFICE_PREFIXES,
    ORGANISATION_HEADS,
    PERSONAL_NOUNS,
    PLACE_NOUNS_BEFORE_NAME,
    PLACE_OBJECT_VERBS,
    PLACE_PEOPLE_AND_OFFICES,
    PLACE_TYPE_NOUNS,
    PLACE_TYPE_WORDS,
    SHARED_KINDS,
    STREET_WORDS,
)

_UNSET = object()
# Fewer words than this say nothing of whether a line is written in capitals: "(FRANCE 24 with
# AFP)".
CAPITALS_LINE_WORDS = 5
_POSSESSIVE = re.compile(r"[’']s?")


class Candidate:
    """A trimmed candidate span, its model label, and the longest known name it starts (looked
    up once, when a rule first asks)."""

    def __init__(self, finder: Finder, span: Span, label: str):
        self.finder, self.span, self.label = finder, span, label
        self._grown: object = _UNSET

    @property
    def grown(self) -> Span | None:
        if self._grown is _UNSET:
            self._grown = self.finder.longest_known(self.span)
        return self._grown  # type: ignore[return-value]

    @property
    def model_says_place(self) -> bool:
        return self.label in PLACE_LABELS


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    apply: Callable
    example: str
    verdict: str


# ---- span rules ------------------------------------------------------------------------------

def country_adjective(finder: Finder, c: Candidate) -> bool:
    doc, span = finder.doc, c.span
    adjective = c.label == "NORP" or (span.end < len(doc) and doc[span.end].is_lower
                                      and doc[span.end].is_alpha)
    if adjective and finder.is_demonym(span.text):
        finder.accept(span, c.label, demonym=True)
        return True
    return False  # otherwise a NORP is a name the model misread, judged on its cues


def numbered_name(finder: Finder, c: Candidate) -> bool:
    """A name in capitals run on by a number is a broadcaster's or a brand's ("FRANCE 24"), not
    the place's ("Ohio 63" and "U.S. 21" are roads of the state, and a postcode an address's)."""
    doc, span = finder.doc, c.span
    if span.end < len(doc) and doc[span.end].is_digit and len(doc[span.end].text) <= 4 \
            and span.text.isupper() and span.text.isalpha() and len(span.text) > 2 \
            and not _in_capitals(span.sent):
        finder.not_places.update(range(span.start, span.end))
        return True
    return False


def _in_capitals(sentence: Span) -> bool:
    """A headline or a line written in capitals, where capitals say nothing of a brand."""
    words = [t.text for t in sentence if t.is_alpha]
    return len(words) >= CAPITALS_LINE_WORDS and sum(word.isupper() for word in words) * 2 > len(words)


def country_body(finder: Finder, c: Candidate) -> bool:
    """"Environment Canada", "Skate Canada": a body named by a common word and its country is
    an organisation, not the country (nor is the country's name in it a place again later)."""
    doc, span = finder.doc, c.span
    if c.label == "ORG" and len(span) == 2:
        first, country = span[0], span[1:]
    elif c.model_says_place and len(span) == 1 and span.start > 0 \
            and not doc[span.start - 1].is_sent_start:  # "Neighbouring Israel" is Israel
        first, country = doc[span.start - 1], span
    else:
        return False
    if not capitalised(first) or first.is_stop or first.lower_ in COMPASS_WORDS \
            or finder.known(first.text) or finder.is_demonym(first.text):
        return False
    found = finder.known(country.text)
    if not found or found[0].kind != Kind.COUNTRY or found[0].match != "exact":
        return False
    finder.not_places.update(range(first.i, country.end))
    return True


def disease_name(finder: Finder, c: Candidate) -> bool:
    return names_something_else(c.span)


def titled_person(finder: Finder, c: Candidate) -> bool:
    return after_title(c.span)


def fine_place(finder: Finder, c: Candidate) -> bool:
    name = finder.fine_names.get(c.span.end)
    if name is None or name.start != c.span.start:
        return False
    finder.accept(c.span, c.label, cue="" if c.model_says_place else f"a {name.kind}'s name",
                  fine=name.kind)
    return True


def own_place(finder: Finder, name: FineName) -> FineName | None:
    """The place of its own a name below the town makes, if any: a street always ("Washington
    Avenue"); a building or landmark unless the gazetteer knows it ("Rock Hill", an airport) or
    it is named after the known place it stands in ("the Lyon Museum"; but "St. Peter's
    Basilica" is named after a saint). A known place's possessive is that place, and the
    building after it one of its own ("Mosul's Grand Mosque")."""
    doc = finder.doc
    owner = next((t.i for t in doc[name.start:name.end - 1] if _POSSESSIVE.fullmatch(t.text)), None)
    if owner is not None and doc[name.start].lower_ not in SAINTS \
            and finder.known(doc[name.start:owner].text):
        return FineName(owner + 1, name.end, name.kind, after_person=False) \
            if owner + 1 < name.end - 1 or name.kind == "street" else None
    if name.kind == "street":
        return name
    if finder.known(doc[name.start:name.end].text):
        return None  # a known district is the gazetteer's, a known building too
    if name.kind == "district":
        return name
    return name if name.after_person or finder.known_from(name.start) is None else None


def calendar_word(finder: Finder, c: Candidate) -> bool:
    return c.span.text.lower() in CALENDAR_WORDS and not c.model_says_place


def bare_direction(finder: Finder, c: Candidate) -> bool:
    return only_compass(c.span) and (len(c.span) == 1 or not c.model_says_place)


def disease_again(finder: Finder, c: Candidate) -> bool:
    return loose_key(c.span.text) in finder.disease_names and not cue(finder, c.span)


def actor_name(finder: Finder, c: Candidate) -> bool:
    span = c.span
    if not finder.is_actor(span) or finder.is_big_place(span.text) or finder.body_and_area(span):
        return False
    place_inside_organisation(finder, span)
    return True


def compass_region(finder: Finder, c: Candidate) -> bool:
    if not c.model_says_place or (c.grown is not None and not only_compass(c.grown)):
        return False
    doc, name = finder.doc, c.span
    start = name.start
    while start < len(doc) and doc[start].lower_ in COMPASS_WORDS:
        start += 1
    if start == name.start or start == len(doc) or not doc[start].text[:1].isupper():
        return False  # ("West mobile home park": no Mobile)
    inner = finder.known_from(start)
    # by its own name ("Prince" is only an old name of a town in Haiti)
    if inner is None or inner.end < name.end \
            or not finder.is_big_place(inner.text, ORGANISATION_PLACE_POPULATION):
        return False
    finder.accept(inner, c.label)
    return True


def office_of(finder: Finder, c: Candidate) -> bool:
    if c.grown is not None:
        return False
    name = c.span
    inner = finder.known_from(name.start)
    if inner is None or inner.end >= name.end or _office_prefix(inner):
        return False
    office = finder.doc[inner.end].lower_
    # a name the model calls a place may go on with its own kind: "Pinecrest Township"
    if office not in PLACE_PEOPLE_AND_OFFICES or (c.model_says_place
                                                  and office in PLACE_TYPE_NOUNS):
        return False
    finder.accept(inner, c.label, cue=f"before '{finder.doc[inner.end].text}'")
    return True


def organisation_name(finder: Finder, c: Candidate) -> bool:
    if c.label != "ORG" or (c.grown is not None and c.grown.end >= c.span.end):
        return False
    place_inside_organisation(finder, c.span)
    return True


def person_surname(finder: Finder, c: Candidate) -> bool:
    return c.model_says_place and loose_key(c.span.text) in finder.person_names \
        and not finder.is_big_place(c.span.text)


def person_given_name(finder: Finder, c: Candidate) -> bool:
    """"Natalia Skaggs" after "Phillip Skaggs Jr.": a one-word name before the surname of a
    person the article names is that person's given name (the model may tag it alone)."""
    doc, end = finder.doc, c.span.end
    return c.model_says_place and len(c.span) == 1 and c.span[0].is_alpha and end < len(doc) \
        and c.span[0].whitespace_ and doc[end].is_title \
        and loose_key(doc[end].text) in finder.person_names


def lower_case_description(finder: Finder, c: Candidate) -> bool:
    return c.model_says_place and not has_capital(c.span)


def model_place(finder: Finder, c: Candidate) -> bool:
    if not c.model_says_place:
        return False
    span = c.span
    inner = c.grown or facility_place(finder, span)
    # (one word of an unknown name is a place only with a word such as Province or Court in it,
    # and "Nyanza Province" is a province, whatever else is Nyanza)
    headed = bool({t.lower_ for t in span} & (ORGANISATION_HEADS | PLACE_TYPE_WORDS))
    if inner is None and span[-1].lower_ not in PLACE_TYPE_WORDS \
            and named_after_place(finder, span, headed, c.label, cue=""):
        return True
    finder.accept(inner or span, c.label)
    return True


def cued_name(finder: Finder, c: Candidate) -> bool:
    grown = c.grown
    if grown is None and finder.enabled("airport_code") and airport_code(finder, c.span):
        finder.accept(c.span, c.label, cue="an airport's code")
        return True
    if grown is None or loose_key(grown.text) in finder.person_names \
            or (len(grown) == 1 and grown[0].is_stop) or finder.opening_common_word(grown):
        return True
    # a word the model reads as a people or a creed, qualifying a noun ("Arab countries",
    # "English teachers"), is a town of that name only when it is a big one
    doc = finder.doc
    if c.label == "NORP" and grown.end == c.span.end < len(doc) and doc[grown.end].is_lower \
            and doc[grown.end].is_alpha and not doc[grown.end].is_stop \
            and doc[grown.end].lower_ not in PLACE_PEOPLE_AND_OFFICES \
            and not finder.is_big_place(grown.text):
        return True
    found = cue(finder, grown)
    if not found and finder.enabled("named_a_kind"):
        found = named_a_kind(grown)
    if not found and finder.enabled("large_organisation_place") and c.label in ("ORG", "NORP"):
        found = large_place(finder, grown)
    if not found and finder.enabled("country_misread") and c.label in ("PERSON", "PRODUCT", ""):
        found = country_misread(finder, grown)
    if found:
        finder.accept(grown, c.label, cue=found)
    return True


def airport_code(finder: Finder, name: Span) -> bool:
    """An airport's code in capitals, in a sentence about flying ("flights at LAX")."""
    text = name.text
    return len(name) == 1 and text.isalpha() and text.isupper() and len(text) in (3, 4) \
        and any(token.lower_ in FLYING_WORDS for token in name.sent) \
        and any(c.name_kind == "code" and c.kind == Kind.AIRPORT
                for c in finder.gazetteer.lookup(text, limit=3, fuzzy=False))


def named_a_kind(name: Span) -> str:
    """A known name of several words ending in its kind ("the Zaatari camp") says it is a place."""
    return f"named a {name[-1].lower_}" if len(name) > 1 and name[-1].lower_ in PLACE_TYPE_WORDS \
        else ""


def large_place(finder: Finder, name: Span) -> str:
    """An organisation-labelled name that is a country, a province, a large city or a body that is
    also an area is the place ("Peru beat Chile": the teams, named by their places)."""
    return "a large place" if finder.is_big_place(name.text) or finder.body_and_area(name) else ""


def country_misread(finder: Finder, name: Span) -> str:
    """A country named in full that the model took for a person or a product, or left unlabelled
    ("Sri Lanka has", "pressuring Cyprus", "Nigeria reported"), is the country: no one is called
    by a country's name alone."""
    found = finder.known(name.text)
    return "a country's name" if found and found[0].kind == Kind.COUNTRY \
        and found[0].match == "exact" and found[0].name_kind == "primary" else ""


# ---- the places inside names -----------------------------------------------------------------

def facility_place(finder: Finder, name: Span) -> Span | None:
    """The known place an unknown facility is named after: "Lyon International Airport" is at
    Lyon."""
    if not finder.enabled("facility_place") \
            or not any(token.lower_ in FACILITY_WORDS for token in name[1:]):
        return None
    inner = finder.known_from(name.start)
    if inner is None or inner.end >= name.end \
            or any(token.lower_ in FACILITY_WORDS for token in inner):
        return None
    return inner


def place_inside_organisation(finder: Finder, organisation: Span) -> None:
    """The place an organisation is named after, when its name says so: a known place at the
    start or after "of", and a word such as University or Police elsewhere in the name; else
    the country of a demonym in it ("the Ukrainian Football Association")."""
    headed = bool({token.lower_ for token in organisation} & ORGANISATION_HEADS)
    if not named_after_place(finder, organisation, headed, "ORG", "inside an organisation name"):
        demonym_inside(finder, organisation)


def demonym_inside(finder: Finder, organisation: Span) -> None:
    """Accept the first demonym that qualifies a later word of an organisation's name."""
    if not finder.enabled("demonym_inside"):
        return
    for token in organisation[:-1]:
        if capitalised(token) and finder.is_demonym(token.text):
            finder.accept(finder.doc[token.i:token.i + 1], "ORG", demonym=True,
                          cue="inside an organisation name")
            return


def named_after_place(finder: Finder, organisation: Span, headed: bool, label: str,
                      cue: str) -> bool:
    """Accept the known place at the start of a name or after its "of"; whether there was
    one. Unless the name is `headed` by a word such as University, Police or Province, only a
    place of several words ("the Polk County Arts Council") is surely a place's."""
    if not finder.enabled("named_after_place"):
        return False
    starts = [organisation.start] + [t.i + 1 for t in organisation[:-1] if t.lower_ == "of"]
    for start in starts:
        inner = finder.known_from(start)
        # "the North West Ohio Water Board": Ohio, not a district called North West
        while inner is not None and start < organisation.end - 1 and only_compass(inner):
            start += 1
            inner = finder.known_from(start)
        # at the start, a prefix: "al-Shabaab" is a village too, but names only itself
        if inner is None or inner.end > organisation.end \
                or (start == organisation.start and inner.end == organisation.end) \
                or {t.lower_ for t in inner} & ORGANISATION_HEADS:
            continue
        # a one-word name inside an organisation is often a common word ("State", "Federal")
        if len(inner) > 1 or headed and finder.is_big_place(inner.text,
                                                            ORGANISATION_PLACE_POPULATION):
            finder.accept(inner, label, cue=cue)
            return True
    return False


# ---- cues ------------------------------------------------------------------------------------

def before_people_or_office(finder: Finder, span: Span) -> str:
    after = finder.doc[span.end] if span.end < len(finder.doc) else None
    return f"before '{after.text}'" if after is not None and not _office_prefix(span) \
        and after.lower_ in PLACE_PEOPLE_AND_OFFICES else ""


def _office_prefix(name: Span) -> bool:
    """"Vice" in "Vice Mayor Cathy Boring": part of the office's title, though Peru has a Vice."""
    return len(name) == 1 and name[0].lower_ in OFFICE_PREFIXES


def dateline(finder: Finder, span: Span) -> str:
    return "a dateline" if is_dateline(span) else ""


def after_locative_word(finder: Finder, span: Span) -> str:
    if span.start == 0:
        return ""
    before = finder.doc[span.start - 1]
    return f"after '{before.text}'" if before.lower_ in LOCATIVE_WORDS \
        or before.lower_ in PLACE_OBJECT_VERBS else ""


def after_place_noun(finder: Finder, span: Span) -> str:
    if span.start == 0:
        return ""
    before = finder.doc[span.start - 1]
    return f"after '{before.text}'" if before.text in PLACE_NOUNS_BEFORE_NAME else ""


def after_movement(finder: Finder, span: Span) -> str:
    doc, start = finder.doc, span.start
    if start > 1 and doc[start - 1].lower_ in ("on", "upon"):
        verb = doc[start - 3] if start > 2 and doc[start - 2].lower_ == "in" else doc[start - 2]
        if verb.lower_ in MOVEMENT_VERBS_BEFORE_ON:
            return f"after '{verb.text} {doc[start - 1].text}'"
    return ""


def determiner_modifier(finder: Finder, span: Span) -> str:
    doc = finder.doc
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].lower_ not in DETERMINERS:
        return ""
    after = doc[span.end]
    # the noun it names, or the next name of a list of them ("the Temryuk and Anapa districts"),
    # not a word of the sentence going on ("the Best in Show", "the Duma in December")
    noun = not after.is_stop or after.lower_ in ("and", "or")
    return f"naming a {after.text}" if after.is_lower and after.is_alpha and noun \
        and after.lower_ not in PERSONAL_NOUNS \
        and finder.is_big_place(span.text, ORGANISATION_PLACE_POPULATION) else ""


def in_address(finder: Finder, span: Span) -> str:
    doc = finder.doc
    return "in an address" if span.start > 1 and doc[span.start - 1].text == "," \
        and doc[span.start - 2].lower_ in STREET_WORDS else ""


def listed_with_place(finder: Finder, span: Span) -> str:
    doc = finder.doc
    return "listed with a place" if span.start > 1 and doc[span.start - 1].lower_ in LIST_WORDS \
        and span.start - 2 in finder.place_tokens else ""


def cue(finder: Finder, span: Span) -> str:
    """Why a span the model did not call a place reads as one here, or ""."""
    for rule in CUES:
        if finder.enabled(rule.name):
            found = rule.apply(finder, span)
            if found:
                return found
    return ""


# ---- article passes --------------------------------------------------------------------------

def shared_kinds(finder: Finder) -> None:
    """Each name of a list before a plural kind is a place of that kind, in place of whatever
    the names were read as alone."""
    for token in finder.doc:
        kind = SHARED_KINDS.get(token.lower_)
        if kind is None:
            continue
        for run in listed_before(token):
            # the longest end of the run that names a place of the kind: "Small Hitchcock"
            name = next((run[start:] for start in range(len(run))
                         if finder.known(f"{run[start:].text} {kind}")), None)
            if name is None:
                continue
            finder.found = [t for t in finder.found
                            if t.end <= name.start_char or t.start >= name.end_char]
            finder.accept(name, "", cue=f"listed before '{token.text}'",
                          name=f"{name.text} {kind}")


def legislators_homes(finder: Finder) -> None:
    """The place after a US legislator's party, which may be a state's abbreviation the
    capitalised runs do not reach."""
    doc = finder.doc
    for index in range(len(doc)):
        if not is_party(doc, index) or index + 2 in finder.claimed:
            continue
        name = finder.known_from(index + 2)
        if name is not None and not finder.overlaps_claimed(name):
            finder.accept(name, "", cue="a legislator's home")


def repeated_names(finder: Finder) -> None:
    """The article's other uses of a name it has mostly used as a place: one name keeps one
    sense through an article. A name read as a place in fewer than half of its uses is left
    alone (one misread first name must not make all her other mentions places), as are uses
    inside a person's name or a longer place name ("Kansas" in "Kansas City")."""
    doc = finder.doc
    accepted: dict[tuple[str, ...], tuple[Toponym, bool]] = {}
    for toponym in finder.found:
        span = doc.char_span(toponym.start, toponym.end)
        if span is not None:
            # a people's name ("Iraqi") is one in every use; a modifier ("Lyon-based") not
            people = toponym.demonym and not is_modifier(span)
            accepted.setdefault(tuple(t.text for t in span), (toponym, people))
    starts: dict[str, list[int]] = {}
    for token in doc:
        starts.setdefault(token.text, []).append(token.i)
    for words, (first, people) in accepted.items():
        uses = [doc[start:start + len(words)] for start in starts[words[0]]
                if tuple(t.text for t in doc[start:start + len(words)]) == words]
        free = [span for span in uses if not finder.overlaps_claimed(span)]
        if 2 * len(free) > len(uses):
            continue
        for span in free:
            if _same_place_again(finder, span):
                finder.accept(span, first.label, demonym=people,
                              cue="named as a place elsewhere in the article", name=first.name)


def _same_place_again(finder: Finder, span: Span) -> bool:
    """Whether a further use of an accepted name is the same place."""
    doc = span.doc
    if any(token.ent_type_ == "PERSON" or token.i in finder.not_places for token in span) \
            or after_title(span) \
            or names_something_else(span):
        return False
    longer = []
    if span.start > 0 and capitalised(doc[span.start - 1]):
        longer.append(doc[span.start - 1:span.end])
    if span.end < len(doc) and capitalised(doc[span.end]):
        longer.append(doc[span.start:span.end + 1])
    return not any(finder.known(name.text) for name in longer)


# ---- the order -------------------------------------------------------------------------------

SPAN_RULES = (
    Rule("country_adjective", country_adjective, "the Peruvian coast", "a demonym of Peru"),
    Rule("numbered_name", numbered_name, "FRANCE 24 reported", "not a place"),
    Rule("country_body", country_body, "Environment Canada said", "not a place"),
    Rule("disease_name", disease_name, "the Zika virus", "not a place"),
    Rule("titled_person", titled_person, "Mayor Hudson", "not a place"),
    Rule("fine_place", fine_place, "a crash on Washington Avenue", "a street, in the town"),
    Rule("calendar_word", calendar_word, "in May", "not a place unless the model says so"),
    Rule("bare_direction", bare_direction, "out West", "not a place"),
    Rule("disease_again", disease_again, "Zika spread (after 'the Zika virus')", "not a place"),
    Rule("actor_name", actor_name, "Hezbollah said", "the actor, or the place in its name"),
    Rule("compass_region", compass_region, "South West Ohio", "Ohio (the part is told later)"),
    Rule("office_of", office_of, "Denver Mayor Ann Cole", "Denver"),
    Rule("organisation_name", organisation_name, "the Ohio State University", "the place in it"),
    Rule("person_surname", person_surname, "Hudson (after 'Mary Hudson')", "not a place"),
    Rule("person_given_name", person_given_name, "Paris Hudson (after 'Mary Hudson')",
         "not a place"),
    Rule("lower_case_description", lower_case_description, "the east bank", "not a place"),
    Rule("model_place", model_place, "troops entered Kirkuk", "the model's place, grown"),
    Rule("cued_name", cued_name, "shops in Bristol (read as a person)", "a place if cued"),
)
# The sub-rules `model_place`, `organisation_name` and `cued_name` consult, switchable alone.
SUB_RULES = (
    Rule("facility_place", facility_place, "Lyon International Airport", "Lyon"),
    Rule("named_after_place", named_after_place, "the Polk County Arts Council", "Polk County"),
    Rule("demonym_inside", demonym_inside, "the Ukrainian Football Association", "Ukraine"),
    Rule("named_a_kind", named_a_kind, "the Zaatari camp", "a place named by its kind"),
    Rule("large_organisation_place", large_place, "Peru beat Chile (read as teams)", "the places"),
    Rule("country_misread", country_misread, "Sri Lanka has (read as a person)", "the country"),
    Rule("airport_code", airport_code, "flights at LAX were delayed", "the airport"),
)
CUES = (
    Rule("before_people_or_office", before_people_or_office, "Tulsa residents", "a place"),
    Rule("dateline", dateline, "TULSA --", "a place"),
    Rule("after_locative_word", after_locative_word, "near Tulsa", "a place"),
    Rule("after_place_noun", after_place_noun, "Peru's second city Arequipa", "a place"),
    Rule("after_movement", after_movement, "rebels advancing on Tulsa", "a place"),
    Rule("determiner_modifier", determiner_modifier, "the Tulsa water plant", "a place"),
    Rule("in_address", in_address, "12 Elm St., Tulsa", "a place"),
    Rule("listed_with_place", listed_with_place, "Tulsa and Wichita", "a place"),
)
ARTICLE_PASSES = (
    Rule("shared_kinds", shared_kinds, "Polk and Story counties", "Polk County, Story County"),
    Rule("legislators_homes", legislators_homes, "Sen. Ann Cole, D-Ames", "Ames"),
    Rule("repeated_names", repeated_names, "Tulsa voted (after 'in Tulsa')", "Tulsa again"),
)
RULE_NAMES = tuple(rule.name for rules in (SPAN_RULES, SUB_RULES, CUES, ARTICLE_PASSES)
                   for rule in rules)
