"""Who took part in an event beyond what its parse says: the names the article gives its
sentence's mentions (full names for surnames, institutions for their nouns, the person "he"
is), and the parties news leaves implied (the story's armed group, the court's defendant,
the police that made an arrest, the crowd of a protest)."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from gazetteer.model import Kind
from geomap.actors import actor_key
from geomap.events.actor_mentions import PRONOUNS, ActorMention, find_actors
from geomap.events.agencies import (
    JUSTICE_CATEGORIES,
    acting_institution,
    bare_council,
    category_of_name,
    institution,
    local_forces,
    local_institution,
    town_police,
)
from geomap.events.article_context import ArticleEvents, named_in_body, recent_country
from geomap.events.governments import acting_countries, name_generic
from geomap.events.person_names import OFFICES
from geomap.events.placing import SETTLEMENT_KINDS
from geomap.events.records import Actor, Event
from geomap.events.syntax import token_at
from geomap.events.taxonomy import FAMILY_OF_TYPE
from geomap.places.mention import PlaceMention
from geomap.vocabulary import SPEECH_VERBS

# Titles before a surname that still name a person by surname alone.
TITLE_PREFIXES = ("mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "dr ", "dr. ", "president ",
                  "gov. ", "governor ", "sen. ", "senator ", "rep. ", "judge ", "mayor ")
# Events whose other side, untold, is the armed group the story is about.
OPPOSED_TYPES = frozenset({"capture", "armed clash"})
# Legal steps whose subject is the defendant: "Reyes appeared in court", "she pleaded guilty".
DEFENDANT_SUBTYPES = frozenset({"court appearance"})
# How many sentences after a legal step may name its unnamed defendants, and how many persons
# named there may be them (more are a list of others: witnesses, officials, relatives).
NAMING_REACH = 2
NAMED_AT_MOST = 2
# How far on from an accident's sentence (the next one) may name the people in it, and how many
# they may be.
ACCIDENT_REACH = 2
ACCIDENT_PEOPLE = 4
# Dependencies by which a place's name qualifies an institution's noun.
QUALIFYING_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
# A referent is clear when it is named this many times more than the next candidate.
DOMINANCE = 3
# A story that speaks of police.
POLICE_MENTION = re.compile(r"\b(?:police|policemen|policeman|officers)\b")


def implied_parties(context: ArticleEvents, event_type: str, subtype: str, actors: list[Actor],
                    mentions: list[ActorMention]) -> list[Actor]:
    """The parties an event's sentence leaves implied, given the `actors` its parse found (a
    defendant among them becomes a target): the armed group of the story, the institution
    that made an arrest, the crowd of a protest. `mentions` are the sentence's actors."""
    if subtype in DEFENDANT_SUBTYPES:
        _defendants(actors)
    if FAMILY_OF_TYPE[event_type] == "legal":
        _justice_acts(actors)
    implied = _story_opponent(context, event_type, actors)
    implied += _justice_actor(context, event_type, actors + implied, mentions)
    return implied + _crowd(event_type, subtype, actors + implied)


def _story_opponent(context: ArticleEvents, event_type: str, actors: list[Actor]) -> list[Actor]:
    """The other side of a fight or capture by state forces that names none: the armed group the
    article is about ("Iraqi forces recaptured the east of the city": from Islamic State), when it
    names one far more than any other."""
    if event_type not in OPPOSED_TYPES or any(a.role != "actor" for a in actors) \
            or not any(a.role == "actor" and a.kind == "state forces" for a in actors):
        return []
    ranked = Counter(name for names in context.groups.values() for name in names).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2
                                          and ranked[0][1] < DOMINANCE * ranked[1][1]):
        return []
    return [Actor(ranked[0][0], "target", "armed group")]


def _crowd(event_type: str, subtype: str, actors: list[Actor]) -> list[Actor]:
    """Who holds a protest or riot is protesters or rioters, ACLED's actor for every
    demonstration: the people the sentence says protested ("thousands of townspeople"), or,
    when it names no one, the crowd itself."""
    if event_type != "protest":
        return []
    name = "Rioters" if subtype == "riot" else "Protesters"
    for actor in actors:
        if actor.role == "actor" and actor.kind == "civilians":
            actor.name = name
    if any(actor.role == "actor" for actor in actors):
        return []
    return [Actor(name, "actor", "civilians", generic=True)]


def _justice_acts(actors: list[Actor]) -> None:
    """A court, jury, prosecutor or police force in a legal step is the one taking it, whatever
    the parse ("appeared at Feltham Magistrates' Court": the court, not its object)."""
    for actor in actors:
        if actor.role != "actor" and actor.kind != "person" \
                and category_of_name(actor.name.split()) in JUSTICE_CATEGORIES:
            actor.role = "actor"


def _story_police(context: ArticleEvents) -> str | None:
    """Who arrested someone in a story that says police but names no force: the police of the
    story's town (where policing is local) or country ("was arrested": Kenyan police)."""
    focus = context.focus
    if focus is None or not POLICE_MENTION.search(context.article.text.lower()):
        return None
    town = focus.name if focus.kind in SETTLEMENT_KINDS else ""
    return local_forces("police", [], focus.country, town)


def _defendants(actors: list[Actor]) -> None:
    """Who appears in court or pleads undergoes the step: a target of the court's act."""
    for actor in actors:
        if actor.role == "actor" and actor.kind == "person":
            actor.role = "target"


def _justice_actor(context: ArticleEvents, event_type: str, actors: list[Actor],
                   mentions: list[ActorMention]) -> list[Actor]:
    """The institution that made an arrest or a legal step the sentence names no one making (see
    `agencies.acting_institution`)."""
    if FAMILY_OF_TYPE[event_type] != "legal" or any(actor.role == "actor" for actor in actors):
        return []
    named = {mention.agency: mention.name for mention in reversed(mentions)
             if mention.agency and not mention.generic}
    name = acting_institution(named, context.agencies)
    if name is None and event_type == "arrest":
        name = _story_police(context)
    if name is None or any(actor_key(actor.name) == actor_key(name) for actor in actors):
        return []
    return [Actor(name, "actor", "government")]


def sentence_actors(context: ArticleEvents, index: int, parsed: Doc, demonyms: dict[int, str],
                    places: set[int], triggers: set[int],
                    located: list[tuple[int, int, PlaceMention]]) -> list[ActorMention]:
    """The sentence's actor mentions under the names the article gives them: full names for
    surnames, institutions for their nouns, governments for acting countries, and references
    resolved (a pronoun after the names, so that it may be the person its own sentence names
    before it). `located` holds the sentence's places, `places` their tokens."""
    found = [mention for mention in find_actors(parsed, context.table, demonyms, places, triggers,
                                                named=context.named[index])
             if _taken_as_named(context, index, mention)]
    named = [_institution(context, _full_name(context, mention), parsed, located)
             for mention in found if not mention.reference]
    named += _surnames(context, parsed, named, places | triggers)
    named += acting_countries(parsed, located)
    for mention in named:
        _office_holder(context, parsed, mention, located)
        _town_police(parsed, mention, located)
    name_generic(named, located, parsed, recent_country(context, index))
    resolved = [_resolve_reference(context, index, mention,
                                   {other.name for other in named if other.kind == "person"
                                    and other.start < mention.start})
                for mention in found if mention.reference]
    return sorted(named + [mention for mention in resolved if mention is not None],
                  key=lambda mention: mention.start)


def _taken_as_named(context: ArticleEvents, index: int, mention: ActorMention) -> bool:
    """A mention stands as the actor it names unless it is a name a title-case headline ran on
    (see `article_context.named_in_body`): references, nouns and the table's actors always do."""
    return mention.reference or mention.generic or actor_key(mention.name) in context.table.by_key \
        or named_in_body(context, index, mention.text)


def _surnames(context: ArticleEvents, parsed: Doc, mentions: list[ActorMention],
              taken: set[int]) -> list[ActorMention]:
    """A surname the model did not tag ("Garnes appeared in court") is the one person of that
    surname the article names in full."""
    taken = taken | {i for mention in mentions for i in range(mention.start, mention.end)}
    full: dict[str, set[str]] = {}
    for names in context.persons.values():
        for name in names:
            full.setdefault(name.split()[-1].lower(), set()).add(name)
    found = []
    for token in parsed:
        names = full.get(token.lower_, set())
        if token.i not in taken and token.is_title and len(names) == 1:
            found.append(ActorMention(token.i, token.i + 1, token.i, next(iter(names)),
                                      "person", token.text))
    return found


def _full_name(context: ArticleEvents, mention: ActorMention) -> ActorMention:
    """A person named by surname alone ("Williams", "Mr Yudhoyono") is the one person of that
    surname the article names in full ("Charles S. Williams"), else the one of that first name;
    two such people leave it as is.
    A lone word the model took for an organisation may be such a surname too."""
    if mention.reference or not mention.name or mention.kind != "person" and not (
            mention.kind == "organisation" and " " not in mention.name and not mention.agency):
        return mention
    surname = mention.name.split()[-1].lower()
    if len(mention.name.split()) > 1 and not mention.name.lower().startswith(TITLE_PREFIXES):
        return mention
    everyone = {name for names in context.persons.values() for name in names
                if name.lower() != mention.name.lower()}
    full = {name for name in everyone if name.split()[-1].lower() == surname}
    if not full and len(mention.name.split()) == 1:  # "McDonald and Barry": a first name
        full = {name for name in everyone if name.split()[0].lower() == surname}
    if len(full) == 1:
        mention.name, mention.kind = full.pop(), "person"
    return mention


def _institution(context: ArticleEvents, mention: ActorMention, parsed: Doc,
                 located: list[tuple[int, int, PlaceMention]]) -> ActorMention:
    """"Deputies", "the council", "police" with no country: the institution the article names in
    full, else police or the army named after the country its sentence is in, or else after
    the story's country or town (see `agencies`), or after the county or town that qualifies it
    ("Lexington County sheriff's deputies"). `located` holds the sentence's places."""
    bare = mention.agency == "council" and bare_council(mention.text.split())
    if not (mention.generic or bare) or mention.reference:
        return mention
    noun = parsed[mention.head].text
    name = institution(mention.agency, context.agencies, noun) if mention.agency else None
    qualifier = _qualifying_place(parsed, mention, located) if mention.agency else None
    if qualifier is not None and (name is None or qualifier.text.lower() not in name.lower()):
        name = local_institution(mention.agency, noun, qualifier.text,
                                 qualifier.kind == Kind.ADMIN2, qualifier.country) or name
    if name is None and mention.agency == "council":
        name = _story_council(context, noun)
    if name is None and context.focus is not None and mention.kind == "state forces":
        focus = context.focus
        country, town = focus.country, focus.name if focus.kind in SETTLEMENT_KINDS else ""
        here = {place.country for _, _, place in located
                if place.country and place.kind != Kind.DEMONYM}  # ("Russian-backed")
        if len(here) == 1 and here != {country}:
            # "government troops swept east from Syria's second city Aleppo": Syria's
            (country,), town = here, ""
        name = local_forces(mention.agency or None, mention.text.split(), country, town)
    if name is not None:
        mention.name, mention.generic = name, False
        known = context.table.by_key.get(actor_key(name))
        if known is not None:  # "Lebanese forces": the Lebanese Armed Forces
            mention.name = known.name
    return mention


def _town_police(parsed: Doc, mention: ActorMention,
                 located: list[tuple[int, int, PlaceMention]]) -> None:
    """"DeKalb Police", a town's name and "Police", is the town's police force in full."""
    words = mention.name.split()
    if mention.agency != "police" or len(words) < 2 or words[-1].lower() != "police":
        return
    town = next((place for start, end, place in located if place.kind in SETTLEMENT_KINDS
                 and token_at(parsed, start) == mention.start
                 and token_at(parsed, end - 1) == mention.end - 2), None)
    name = town_police(" ".join(words[:-1]), town.country) if town is not None else None
    if name is not None:
        mention.name = name


def _story_council(context: ArticleEvents, noun: str) -> str | None:
    """"The City Council", "council members", "commissioners" of an article that names no such
    body in full: the council of the town the story is about, the commission of its one county."""
    if noun.lower().startswith("commission"):
        county = context.county
        return local_institution("council", noun, county, True, "") if county else None
    focus = context.focus
    if focus is None or focus.kind not in SETTLEMENT_KINDS:
        return None
    return local_institution("council", noun, focus.name, False, focus.country)


def _office_holder(context: ArticleEvents, parsed: Doc, mention: ActorMention,
                   located: list[tuple[int, int, PlaceMention]]) -> None:
    """"The governor" is the one person the article styles governor ("Gov. Ann Cole"); an
    office of a place with no one so styled is named by it ("the mayor of Boston": Mayor of
    Boston)."""
    noun = parsed[mention.head]
    office = OFFICES.get(noun.lower_)
    if not mention.generic or mention.reference or office is None:
        return
    holders = context.offices.get(office, set())
    if len(holders) == 1 and any(child.lower_ == "the" for child in noun.children):
        mention.name, mention.kind, mention.generic = next(iter(holders)), "person", False
        return
    spans = {token_at(parsed, start): place for start, _, place in located
             if place.kind in SETTLEMENT_KINDS}
    place = next((spans.get(token.i) for child in noun.children if child.lower_ == "of"
                  for token in child.children if token.dep_ == "pobj"), None)
    if place is not None:
        mention.name, mention.generic = f"{office.title()} of {place.text}", False


def _qualifying_place(parsed: Doc, mention: ActorMention,
                      located: list[tuple[int, int, PlaceMention]]) -> PlaceMention | None:
    """The county or town whose name qualifies the mention's noun in the parse ("Lexington
    County sheriff's deputies", "Madison County commissioners")."""
    head = mention.head
    for start, end, place in reversed(located):  # the nearest: not a dateline before it
        if place.kind != Kind.ADMIN2 and place.kind not in SETTLEMENT_KINDS:
            continue
        token = parsed[token_at(parsed, start):token_at(parsed, end - 1) + 1].root
        while token.i != head and token.dep_ in QUALIFYING_DEPS and token.i < head:
            token = token.head
        if token.i == head:
            return place
    return None


def _resolve_reference(context: ArticleEvents, index: int, mention: ActorMention,
                       before: set[str]) -> ActorMention | None:
    """"he" is the one person named before it in its sentence (`before`), else the one person
    named in this or the three sentences before; "the leader" is the person the article names
    far more than any other; "the group" and "the militants" are the one armed group named so
    far (or the one named far more than any other)."""
    if mention.kind == "person" and mention.text.lower() in PRONOUNS:
        recent = before if len(before) == 1 else {
            name for i in range(index - 3, index + 1) for name in context.persons.get(i, [])}
        if len(recent) != 1:
            return None
        mention.name, mention.generic = recent.pop(), False
        return mention
    if mention.kind == "person":  # "the leader", "ISIL leader": the person the article is about
        named = [name for names in context.persons.values() for name in names]
    else:
        named = [name for i in range(index + 1) for name in context.groups.get(i, [])]
    ranked = Counter(named).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < DOMINANCE * ranked[1][1]):
        return None if mention.kind == "person" or not mention.name else mention
    mention.name, mention.generic = ranked[0][0], False
    return mention


def name_the_unnamed(events: list[Event], told_in: list[int],
                     persons: dict[int, list[str]]) -> None:
    """People a legal step leaves unnamed ("two people have been arrested") are those the next
    sentence names in the next step of the same case ("Hall and Ross were charged with
    murder"), else the one or two persons the next sentences name in full ("... was charged.
    Stephen Morris, 49, told deputies ..."): news names the defendants right after the step that
    makes them news. `told_in` holds each event's sentence, `persons` the full names of each
    sentence (see `ArticleEvents`)."""
    for index, (event, sentence) in enumerate(zip(events, told_in)):
        if FAMILY_OF_TYPE[event.type] != "legal" or event.named("target"):
            continue
        named = [Actor(actor.name, "target", actor.kind, list(actor.aliases_seen))
                 for actor in _next_step_defendants(events, told_in, index)]
        if not named and any(actor.generic and actor.role == "target" for actor in event.actors):
            taking_part = {actor.name for actor in event.actors}  # no one on both sides
            names = list(dict.fromkeys(
                name for i in range(sentence + 1, sentence + 1 + NAMING_REACH)
                for name in persons.get(i, []) if name not in taking_part))
            if len(names) <= NAMED_AT_MOST:
                named = [Actor(name, "target", "person") for name in names]
        if named:
            event.actors = [actor for actor in event.actors
                            if not (actor.role == "target" and actor.generic)] + named


def continue_the_case(events: list[Event], told_in: list[int]) -> None:
    """A legal step that names no one undergoing it ("Both were charged with assault", "Bail was
    set at $5,000") is taken against those the legal steps of the sentence before name."""
    for index, event in enumerate(events):
        if FAMILY_OF_TYPE[event.type] != "legal" \
                or any(actor.role == "target" for actor in event.actors):
            continue
        before = told_in[index] - 1
        found = {actor.name: actor for i in range(index) if told_in[i] == before
                 and FAMILY_OF_TYPE[events[i].type] == "legal"
                 for actor in events[i].named("target")}
        event.actors += [Actor(actor.name, "target", actor.kind, list(actor.aliases_seen))
                         for actor in found.values()]


def _next_step_defendants(events: list[Event], told_in: list[int], index: int) -> list[Actor]:
    """Who the next legal step, told in the very next sentence, names as its targets."""
    sentence = told_in[index]
    # the first event after this sentence's (the events are in text order)
    later = next((i for i in range(index + 1, len(events)) if told_in[i] != sentence), None)
    if later is None or told_in[later] != sentence + 1 \
            or FAMILY_OF_TYPE[events[later].type] != "legal":
        return []
    return events[later].named("target")


def involve_the_named(events: list[Event], told_in: list[int], persons: dict[int, list[str]],
                      sentences: list[Span]) -> None:
    """The persons the sentence after an accident's names in full, when the accident names no
    one taking part, are those it happened to ("... a two-car crash. Tom Hale of Dover was driving
    a Ford and Ann Lee of Camden a Honda"), not those who speak of it ("Fire Chief Ann Cole
    said"): news names the people in a crash or a fire right after telling it. Whom the
    accident's own sentence names and its parse does not tie to it is someone else, a witness
    ("Scott Randall cried when he saw the home ravaged by a fire"). `persons` holds each
    sentence's full names (see `ArticleEvents`)."""
    for event, index in zip(events, told_in):
        if FAMILY_OF_TYPE[event.type] != "accident" or any(not a.generic for a in event.actors):
            continue
        names = list(dict.fromkeys(
            name for i in range(index + 1, min(index + ACCIDENT_REACH, len(sentences)))
            for name in persons.get(i, []) if not _speaks(name, sentences[i].text)))
        if len(names) <= ACCIDENT_PEOPLE:
            event.actors += [Actor(name, "victim", "person") for name in names]


def _speaks(name: str, sentence: str) -> bool:
    """Whether the sentence has the person say something ("Keefe said", "said Ann Cole")."""
    words = re.findall(r"[\w'’-]+", sentence.lower())
    last = name.lower().split()[-1]
    return any(word == last and set(words[max(0, at - 2):at + 4]) & SPEECH_VERBS
               for at, word in enumerate(words))
