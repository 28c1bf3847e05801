"""Events in one article: for each sentence that tells of something happening, what happened (type
and subtype from its trigger words), who did it to whom, when, where, and how many were hurt.

Only sentences with a trigger are parsed. The parse decides which of a sentence's places, dates and
actors belong to the event (see `syntax`): a place inside a clause about something else
("Baghdadi, who declared a caliphate in Mosul, fled ...") is not where the flight happened.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from gazetteer.model import Kind
from geomap import nlp
from geomap.actors import ActorTable, KnownActor, actor_key
from geomap.events.actor_mentions import PRONOUNS, ActorMention, find_actors
from geomap.events.agencies import (
    acting_institution,
    institution,
    local_forces,
    named_agencies,
    with_county,
)
from geomap.events.counts import Counts, find_counts
from geomap.events.dates import publication_date, resolve_date, widen
from geomap.events.fuse import combine, event_kind, near, retells
from geomap.events.governments import (
    acting_countries,
    as_forces,
    countries_by_government,
    name_generic,
)
from geomap.events.modality import (
    is_descriptive,
    is_habitual,
    is_negated,
    is_reported,
    is_speculative,
)
from geomap.events.records import (
    HARMFUL_TYPES,
    MOVEMENT_TYPES,
    Actor,
    ArticleRef,
    Event,
    EventDate,
    Report,
)
from geomap.events.roles import event_roles
from geomap.events.senses import (
    is_aggregate,
    is_generic,
    is_modifier,
    is_name_part,
    is_offence,
    is_possibility,
    is_unrealised,
)
from geomap.events.syntax import Distances, depth, has_subject, token_at
from geomap.events.taxonomy import FAMILY_OF_TYPE
from geomap.events.triggers import (
    Trigger,
    find_triggers,
    lemmatise,
    settle,
    trigger_token,
)
from geomap.places.mention import PlaceMention
from geomap.read.article import Article
from geomap.read.published import embedded_post_date
from geomap.vocabulary import REPORTING_WORDS

MAX_PLACE_COST = 4.5
MAX_DATE_COST = 4.0
ORIGIN_PREPOSITIONS = frozenset({"from", "out"})
DESTINATION_PREPOSITIONS = frozenset({"to", "into", "toward", "towards", "for", "onto"})
# Verbs whose object is where a movement started: "fled Mosul", "abandoned the city".
DEPARTURE_VERBS = frozenset({"fled", "flee", "flees", "fleeing", "left", "leave", "leaves",
                             "leaving", "abandoned", "abandon", "abandons", "abandoning", "escaped",
                             "escape", "escapes", "escaping", "evacuated", "evacuate", "quit"})
# Nouns standing for a place named before ("the city" after "Mosul"), and the kinds they mean.
PLACE_NOUN_KINDS = {"city": ("city", "town"), "town": ("city", "town", "village"),
                    "village": ("village", "town", "city"),
                    "country": (Kind.COUNTRY, Kind.DEMONYM)}
REFERRING_DETERMINERS = frozenset({"the", "its", "their", "this"})
# Families whose events a people's name on the event word places: "the Haitian cholera
# outbreak", "the Indonesian tsunami" (of violence it says who: "Syrian air strikes").
LOCATED_BY_DEMONYM = frozenset({"disaster", "accident"})
# A country adjective may place an event only where it qualifies a place word
# ("a northern Syrian village", "the Iraqi desert").
PLACE_WORDS = frozenset({"village", "villages", "town", "towns", "city", "cities", "area", "areas",
                         "region", "countryside", "desert", "border", "province", "territory",
                         "side", "capital", "coast", "mountains", "camp"})
# Sites a place name may qualify: "a Mosul mosque" is in Mosul.
SITE_WORDS = frozenset({"mosque", "church", "market", "hospital", "school", "university",
                        "airport", "prison", "base", "bridge", "road", "street", "square",
                        "neighbourhood", "neighborhood", "district", "quarter", "outskirts",
                        "suburb", "suburbs", "centre", "center", "headquarters", "checkpoint",
                        "camp", "port", "station", "hotel", "building", "dam", "highway"})
DEMONYM_PLACE_COST = 1.5
BASE_CONFIDENCE = 0.4
# Events whose sentence may give killed, injured or displaced figures.
COUNTED_TYPES = HARMFUL_TYPES | {"displacement", "disaster", "accident", "protest", "arrest",
                                 "legal proceedings"}
DEFINITE_WORDS = frozenset({"the", "this", "these", "that", "those"})
# What marks a sentence as a photo's caption or credit.
CAPTION_MARKERS = ("file photo", "file picture", "(photo:", "photo credit", "(afp photo",
                   "(reuters photo", "photo/", "(picture:", "getty images", "| photo")
# A place taken from the sentence before is less sure; from a neighbouring sentence or the
# article's focus, less sure still.
INHERITED_PLACE_CONFIDENCE = 0.85
NEIGHBOUR_PLACE_CONFIDENCE = 0.75
FOCUS_PLACE_CONFIDENCE = 0.6
SETTLEMENT_KINDS = frozenset({Kind.CITY, Kind.TOWN, Kind.VILLAGE, Kind.NEIGHBOURHOOD, Kind.CAMP})
# A neighbouring sentence's country or region is too often whose officials spoke ("according to
# U.S. officials"), not where: only its finer places are lent.
WIDE_KINDS = frozenset({Kind.DEMONYM, Kind.COUNTRY, Kind.CONTINENT, Kind.REGION})
# Dependencies of a word that qualifies a noun rather than naming where something went.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# How much farther in the parse a place inside the nearest one may be and still be preferred.
FINER_PLACE_SLACK = 4.0
# Titles before a surname that still name a person by surname alone.
TITLE_PREFIXES = ("mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "dr ", "dr. ", "president ",
                  "gov. ", "governor ", "sen. ", "senator ", "rep. ", "judge ", "mayor ")
# How far back a definite mention ("the attack") may refer.
CONTINUATION_SENTENCES = 3
# Events whose other side, untold, is the armed group the story is about.
OPPOSED_TYPES = frozenset({"capture", "armed clash"})
# The marks that end a sentence of an article's body (a headline has none).
CLOSING_PUNCTUATION = frozenset('.!?"\'”’:;')
# Legal steps whose subject is the defendant: "Reyes appeared in court", "she pleaded guilty".
DEFENDANT_SUBTYPES = frozenset({"court appearance"})
# A referent is clear when it is named this many times more than the next candidate.
DOMINANCE = 3


@dataclass(slots=True)
class ArticleEvents:
    """What finding events in one article needs from the rest of the pipeline."""

    article: Article
    published: datetime.date | None
    table: ActorTable
    # per sentence index: canonical names of persons and of armed groups named in it
    persons: dict[int, list[str]] = field(default_factory=dict)
    groups: dict[int, list[str]] = field(default_factory=dict)
    # per sentence index: the table's names found in it, (start, end, actor) by token in the
    # sentence, which its parsed copy shares
    named: dict[int, list[tuple[int, int, KnownActor]]] = field(default_factory=dict)
    # institutions named in full, by category (see `agencies`), and the place the story is about
    agencies: dict[str, list[str]] = field(default_factory=dict)
    focus: PlaceMention | None = None
    # the governments the article's countries name, with their countries' codes, and the name
    # of the country the story is about ("" when it names none)
    governments: dict[str, str] = field(default_factory=dict)
    story_country: str = ""


def find_events(article: Article, doc: Doc, places: list[PlaceMention],
                published: datetime.date | None, table: ActorTable, *,
                statements: bool = False) -> list[Event]:
    """The events one article tells of, one per event type per sentence, in text order.

    A definite mention of an event just told ("The bombings ... also wounded 25") adds to that
    event; other retellings are merged later (see `fuse`). Statements (claims, threats,
    accusations) are events only when `statements` asks for them."""
    context = ArticleEvents(article, published, table)
    sentences = list(doc.sents)
    lemmatise(doc)
    triggered = [(index, sentence, triggers) for index, sentence in enumerate(sentences)
                 if not is_caption(sentence.text) and (triggers := find_triggers(sentence))
                 and (statements or _beyond_statements(triggers))]
    entities = nlp.entities_by_sentence(doc, sentences)
    parsed = nlp.parse([sentence for _, sentence, _ in triggered],
                       [entities[index] for index, _, _ in triggered])
    located = _places_by_sentence(article, places, sentences)
    context.focus = _focus(places)
    _note_actors(context, sentences, entities)
    with_county(context.agencies, _one_county(places))
    context.governments = countries_by_government(places)
    context.story_country = _story_country(places, context.focus)
    events: list[Event] = []
    told_in: list[int] = []  # each event's sentence
    latest: dict[str, tuple[int, int]] = {}  # kind of event -> (sentence, position in events)
    last_place: tuple[int, PlaceMention] | None = None  # (sentence, place) of the latest event
    for (index, sentence, triggers), sentence_doc in zip(triggered, parsed):
        for event, definite in _sentence_events(context, index, sentence, sentence_doc, triggers,
                                                located.get(index, []), located):
            if event.place is None and definite and last_place is not None \
                    and index - last_place[0] <= 1:
                event.place = last_place[1]  # "launched the assault": on the place just told of
                event.confidence *= INHERITED_PLACE_CONFIDENCE
            if event.place is not None:
                last_place = (index, event.place)
            kind = event_kind(event)
            before = latest.get(kind)
            if definite and before is not None and index - before[0] <= CONTINUATION_SENTENCES:
                # told on the word of whoever told the event it continues, where it was told to
                # be (a place far from it is another matter's: "the spill ... a court in Denver")
                told = events[before[1]]
                event.reported = event.reported or told.reported
                if event.place is not None and told.place is not None \
                        and not near(event.place, told.place):
                    event.place = None
                events[before[1]] = combine([told, event])
                latest[kind] = (index, before[1])
                continue
            latest[kind] = (index, len(events))
            events.append(event)
            told_in.append(index)
    # a headline is folded before the unplaced are placed: its place is the story's, not its
    # neighbour's ("Wedding party suicide attack" below a paragraph on the Euphrates valley)
    events, told_in = _fold_headline(events, told_in, _headlines(sentences))
    _place_the_unplaced(events, told_in, located, context.focus)
    return [event for event in events if _informative(event)
            and (statements or event.type != "statement")]


def _beyond_statements(triggers: list[Trigger]) -> bool:
    """Whether a sentence's triggers may tell of more than statements (which, when statements are
    not asked for, are not worth parsing it for)."""
    return any(sense.type != "statement" for trigger in triggers for sense in trigger.senses)


def is_caption(text: str) -> bool:
    """A photo caption or credit is no telling of an event: "AFP file photo shows ...",
    "(Photo: Reuters)"."""
    lowered = text.lower()
    return any(marker in lowered for marker in CAPTION_MARKERS)


def _headlines(sentences: list[Span]) -> set[int]:
    """The sentences that are headlines: the article's first, and any that stands on a line of
    its own without a closing stop (a headline below a site's menu line, a crosshead such as
    "Marines deployed to Syria" above the paragraphs that tell it)."""
    found = {0}
    for index, sentence in enumerate(sentences):
        text = sentence.text.strip()
        following = sentence.doc[sentence.end:sentence.end + 1].text
        if text and text[-1] not in CLOSING_PUNCTUATION and "\n" in sentence.text + following:
            found.add(index)
    return found


def _fold_headline(events: list[Event], told_in: list[int], headlines: set[int]
                   ) -> tuple[list[Event], list[int]]:
    """A headline's event that the article goes on to tell is that event, told once more; the
    events left, with the sentence each was told in."""
    kept: list[Event] = []
    kept_in: list[int] = []
    for event, index in zip(events, told_in):
        if index in headlines:
            later = next((i for i, (other, where) in enumerate(zip(events, told_in))
                          if where > index and where not in headlines
                          and retells(event, other)), None)
            if later is not None:
                events[later] = combine([events[later], event])
                continue
        kept.append(event)  # (zip reads the list as it goes, so a folded event is its new self)
        kept_in.append(index)
    return kept, kept_in


def _place_the_unplaced(events: list[Event], told_in: list[int],
                        located: dict[int, list[tuple[int, int, PlaceMention]]],
                        focus: PlaceMention | None) -> None:
    """An event its sentence does not place happened where the sentence before it is (news sets
    the scene, then tells; the sentence after begins something else), else at the article's
    focus (see `_focus`)."""
    for event, index in zip(events, told_in):
        if event.place is not None:
            continue
        nearby = [place for _, _, place in located.get(index - 1, [])
                  if place.kind not in WIDE_KINDS and not place.metonym]
        if nearby:
            event.place = nearby[-1]
            event.confidence *= NEIGHBOUR_PLACE_CONFIDENCE
        elif focus is not None:
            event.place = focus
            event.confidence *= FOCUS_PLACE_CONFIDENCE


def _focus(places: list[PlaceMention]) -> PlaceMention | None:
    """The place an article is about: the place it names most (a town before a wider place on a
    tie, then the first named). None when it names none."""
    counted = Counter(place.place_key for place in places if place.kind != Kind.DEMONYM)
    if not counted:
        return None
    first: dict = {}
    for place in places:
        first.setdefault(place.place_key, place)
    best = max(counted, key=lambda key: (
        counted[key], first[key].kind in SETTLEMENT_KINDS, -places.index(first[key])))
    return first[best]


def _informative(event: Event) -> bool:
    """An event needs a place, a date, a named party or a figure to be worth a record: a bare
    "the offensive" says nothing a reader could map or count."""
    return event.place is not None or event.date.precision not in ("unknown", "reported") or any(
        not actor.generic for actor in event.actors) or event.fatalities is not None \
        or event.injured is not None or event.displaced is not None


def _places_by_sentence(article: Article, places: list[PlaceMention],
                        sentences: list[Span]) -> dict[int, list[tuple[int, int, PlaceMention]]]:
    """Each sentence's places, with their character span relative to the sentence."""
    starts = [sentence.start_char for sentence in sentences]
    found: dict[int, list[tuple[int, int, PlaceMention]]] = {}
    index = 0
    for place in places:
        start, end = article.text_span(place.start, place.end)
        while index + 1 < len(starts) and starts[index + 1] <= start:
            index += 1
        base = starts[index]
        found.setdefault(index, []).append((start - base, end - base, place))
    return found


def _note_actors(context: ArticleEvents, sentences: list[Span], entities: list[list[Span]]
                 ) -> None:
    """Persons and armed groups named in each sentence, for resolving "he" and "the group", and
    the institutions the article names. `entities` are each sentence's."""
    table = context.table
    context.agencies = named_agencies(entities)
    for index, sentence in enumerate(sentences):
        context.named[index] = list(table.named(list(sentence)))
        for _, _, known in context.named[index]:
            if known.kind == "person":
                context.persons.setdefault(index, []).append(known.name)
            elif known.kind == "armed group":
                context.groups.setdefault(index, []).append(known.name)
        for entity in entities[index]:
            if entity.label_ == "PERSON" and len(entity) > 1 \
                    and table.known(list(entity)) is None:
                context.persons.setdefault(index, []).append(entity.text)


def _sentence_events(context: ArticleEvents, index: int, sentence: Span, parsed: Doc,
                     triggers: list[Trigger], places: list[tuple[int, int, PlaceMention]],
                     all_places: dict[int, list[tuple[int, int, PlaceMention]]]
                     ) -> list[tuple[Event, bool]]:
    """The sentence's events, one per type and clause (see `_clause_groups`), each with whether
    it is a definite mention of one told before ("the attack")."""
    triggers = _telling_triggers(parsed, triggers)
    groups = _clause_groups(parsed, triggers)
    heads = [_main_token(parsed, found) for _, found in groups]
    demonyms = {token_at(parsed, start): place.text for start, _, place in places
                if place.kind == Kind.DEMONYM}
    place_tokens = {i for start, end, place in places if place.kind != Kind.DEMONYM
                    for i in range(token_at(parsed, start), token_at(parsed, end - 1) + 1)}
    trigger_tokens = {i for trigger in triggers for i in range(trigger.start, trigger.end)}
    actors = _sentence_actors(context, index, parsed, demonyms, place_tokens, trigger_tokens,
                              places)
    shared = _SentenceParts(
        parsed, places, actors, trigger_tokens, all_places, index,
        taken=trigger_tokens | {i for mention in actors if not mention.reference
                                for i in range(mention.start, mention.end)},
        counts=find_counts(sentence.text)
        if COUNTED_TYPES & {event_type for event_type, _ in groups} else None)
    events = []
    seen_types: set[str] = set()
    for (event_type, found), head in zip(groups, heads):
        # what hangs from another event's trigger (or another event noun, or the other clause
        # of the same type) is that event's
        rivals = ({trigger_token(parsed, t).i for t in triggers if t.sense.type != event_type
                   or t.sense.part == "noun"} | set(heads)) - {head}
        event = _clause_event(context, shared, sentence, event_type, found,
                              Distances(parsed, head, rivals), alone=len(groups) == 1,
                              again=event_type in seen_types)
        seen_types.add(event_type)
        events.append((event, _definite(parsed[head])))
    _credit_claims([event for event, _ in events])
    return [(told, definite) for event, definite in events
            for told in _at_each_listed_place(parsed, event, places)]


@dataclass(slots=True)
class _SentenceParts:
    """What every event of one parsed sentence is read from."""

    parsed: Doc
    places: list[tuple[int, int, PlaceMention]]
    actors: list[ActorMention]
    triggers: set[int]
    all_places: dict[int, list[tuple[int, int, PlaceMention]]]
    index: int
    taken: set[int]  # tokens of actor names and trigger words
    counts: Counts | None


def _clause_groups(parsed: Doc, triggers: list[Trigger]) -> list[tuple[str, list[Trigger]]]:
    """The sentence's triggers by event type, and within a type by clause: a verb coordinated
    with another of its type that has a subject of its own tells another event ("Coker was
    arrested Friday, and Davis was arrested Monday"); "attacked and killed" is one."""
    groups: list[tuple[str, list[Trigger]]] = []
    for trigger in triggers:
        token = trigger_token(parsed, trigger)
        own_clause = token.dep_ == "conj" and has_subject(token) and any(
            trigger_token(parsed, other).i == token.head.i for other in triggers
            if other.sense.type == trigger.sense.type)
        home = None if own_clause else next(
            (found for event_type, found in groups if event_type == trigger.sense.type), None)
        if home is None:
            groups.append((trigger.sense.type, [trigger]))
        else:
            home.append(trigger)
    return groups


def _clause_event(context: ArticleEvents, parts: _SentenceParts, sentence: Span,
                  event_type: str, found: list[Trigger], scorer: Distances, *, alone: bool,
                  again: bool) -> Event:
    """One event of the sentence, from its triggers and the parse around its main one."""
    parsed, head = parts.parsed, scorer.head.i
    article = _article_ref(context)
    best = max(found, key=lambda trigger: (trigger.specificity, -trigger.start))
    place, origin, destination = _event_places(
        scorer, parsed, event_type, parts.places, parts.taken, parts.all_places, parts.index,
        triggers=parts.triggers)
    date = _event_date(scorer, parsed, context.published, alone=alone)
    event_actors = event_roles(scorer, parsed, head, parts.actors, event_type,
                               context.table.nouns)
    if FAMILY_OF_TYPE[event_type] == "conflict":
        as_forces(event_actors, context.governments, context.table)
    event_actors += _story_opponent(context, event_type, event_actors)
    if best.sense.subtype in DEFENDANT_SUBTYPES:
        _defendants(event_actors)
    event_actors += _justice_actor(context, event_type, event_actors, parts.actors)
    event_actors += _crowd(event_type, best.sense.subtype, event_actors)
    counts = parts.counts if event_type in COUNTED_TYPES else None
    speculative, negated = is_speculative(parsed, head), is_negated(parsed, head)
    event = Event(
        id=_event_id(article.file, sentence.start_char, event_type,
                     found[0].start if again else None),
        type=event_type, subtype=best.sense.subtype,
        triggers=[trigger.text for trigger in found], date=date, actors=event_actors,
        place=place, sentence=sentence.text.strip(), article=article,
        confidence=_confidence(place, date, event_actors, speculative, negated),
        origin=origin, destination=destination,
        fatalities=counts.fatalities if counts else None,
        injured=counts.injured if counts else None,
        displaced=counts.displaced if counts else None,
        counts_at_least=bool(counts and counts.at_least),
        reported=is_reported(parsed, head), negated=negated, speculative=speculative,
        aggregate=any(is_aggregate(trigger_token(parsed, t)) for t in found))
    event.sources = [Report(article, event.sentence, event.fatalities, event.injured,
                            event.displaced)]
    return event


def _at_each_listed_place(parsed: Doc, event: Event,
                          places: list[tuple[int, int, PlaceMention]]) -> list[Event]:
    """An event at several places the sentence lists alike is an event at each ("Flooding hit
    Benin, Ghana and Niger": three floods), as ACLED counts one event per place; not a movement,
    whose places are its ends."""
    if event.place is None or event.type in MOVEMENT_TYPES:
        return [event]
    roots = {id(place): parsed[token_at(parsed, start):token_at(parsed, end - 1) + 1].root
             for start, end, place in places}
    root = roots.get(id(event.place))
    if root is None:
        return [event]
    listed = {token.i for token in root.conjuncts}
    others = [place for _, _, place in places if roots[id(place)].i in listed
              and place.kind == event.place.kind and place.place_key != event.place.place_key]
    distinct = list({place.place_key: place for place in others}.values())
    copies = [dataclasses.replace(event, id=f"{event.id}-{number}", place=place, sources=[
        dataclasses.replace(report) for report in event.sources])
              for number, place in enumerate(distinct, start=2)]
    return [event, *copies]


def _telling_triggers(parsed: Doc, triggers: list[Trigger]) -> list[Trigger]:
    """The sentence's triggers with their senses settled by the parse, those that tell of an
    event."""
    settled = [trigger for trigger in (settle(parsed, t) for t in triggers) if trigger is not None]
    heads = {trigger_token(parsed, trigger).i for trigger in settled}
    return [trigger for trigger in settled if _tells(parsed, trigger, heads)]


def _tells(parsed: Doc, trigger: Trigger, heads: set[int]) -> bool:
    """Whether a settled trigger tells of something that happened: not a word that describes
    ("the besieged city") or qualifies ("fire insurance"), a pattern, an offence named in a
    charge, a generic truth, or (outside politics, where a plan is news) what was only planned or
    threatened."""
    token = trigger_token(parsed, trigger)
    if is_descriptive(parsed, trigger) or is_habitual(parsed, trigger) or is_offence(token) \
            or is_generic(token) or is_modifier(token, heads) or is_possibility(token) \
            or is_name_part(token):
        return False
    return FAMILY_OF_TYPE.get(trigger.sense.type) == "political" or not is_unrealised(token)


def _credit_claims(events: list[Event]) -> None:
    """Who claims responsibility for an attack told in the same sentence is its actor."""
    claimants = [actor for event in events if event.subtype == "claim of responsibility"
                 for actor in event.actors if actor.role == "actor" and not actor.generic]
    for event in events:
        if event.type in HARMFUL_TYPES and not any(a.role == "actor" and not a.generic
                                                   for a in event.actors):
            event.actors += [Actor(a.name, a.role, a.kind, list(a.aliases_seen))
                             for a in claimants]


def _definite(token: Token) -> bool:
    return any(child.dep_ in ("det", "poss") and child.lower_ in DEFINITE_WORDS
               for child in token.children)


def _main_token(parsed: Doc, triggers: list[Trigger]) -> int:
    """The trigger token highest in the tree stands for the event ("attacked" over "bombers")."""
    tokens = [trigger_token(parsed, t) for t in triggers]
    return min(tokens, key=lambda token: (depth(token), token.i)).i


def _event_places(scorer: Distances, parsed: Doc, event_type: str,
                  places: list[tuple[int, int, PlaceMention]], taken: set[int],
                  all_places: dict, index: int, *, triggers: set[int] = frozenset()
                  ) -> tuple[PlaceMention | None, PlaceMention | None, PlaceMention | None]:
    """Where the event happened, and for a movement where from and where to. `taken` holds the
    tokens of actor names and trigger words ("the Mosul offensive" is where, "Mosul residents"
    is who), `triggers` those of trigger words alone."""
    scored: list[tuple[float, int, PlaceMention]] = []
    for start, end, place in places:
        token = parsed[token_at(parsed, start)]
        root = parsed[token.i:token_at(parsed, end - 1) + 1].root
        if token.i in taken and place.kind != Kind.DEMONYM:
            continue  # "Syrian Observatory": part of who, not where
        if root.dep_ in ("compound", "amod", "nmod") and root.head.i not in taken \
                and root.head.lower_ not in PLACE_WORDS | SITE_WORDS:
            continue  # "a US defence official", "Mosul residents": says whose, not where
        cost = scorer.cost(root.i)
        if place.kind == Kind.DEMONYM:
            # "a Syrian village"; of a disaster or accident, "the Haitian cholera outbreak"
            # (but "Syrian air strikes": whose)
            modified = _modified(root, triggers)
            of_event = FAMILY_OF_TYPE[event_type] in LOCATED_BY_DEMONYM and modified is not None
            if root.head.lower_ not in PLACE_WORDS and not of_event:
                continue
            if of_event:  # as near as the event word it names (another trigger's, perhaps)
                cost = min(cost, scorer.cost(modified.i), 0.0)
            cost += DEMONYM_PLACE_COST
        scored.append((cost, root.i, place))
    for token in parsed:  # "the city", "their country": standing for the place named before
        if token.lower_ in PLACE_NOUN_KINDS \
                and any(c.lower_ in REFERRING_DETERMINERS for c in token.children) \
                and not any(token.i == i for _, i, _ in scored) and not _qualified(token):
            earlier = _earlier_place(all_places, index, token.lower_, token.idx)
            if earlier is not None:
                scored.append((scorer.cost(token.i) + 0.5, token.i, earlier))
    scored = [item for item in scored if item[0] <= MAX_PLACE_COST]
    if not scored:
        return None, None, None
    origin = destination = None
    if event_type in MOVEMENT_TYPES:
        for cost, token, place in sorted(scored, key=lambda item: item[0]):
            direction = _direction(parsed[token], scorer.head)
            if direction == "from" and origin is None:
                origin = place
            elif direction == "to" and destination is None:
                destination = place
    best = _finest(scored)
    if event_type == "deployment":
        return destination or best, origin, destination
    if event_type == "displacement":
        return origin or best, origin, destination
    return best, origin, destination


def _modified(token: Token, words: set[int]) -> Token | None:
    """The one of `words` the token qualifies, directly or through the nouns of a compound
    ("the Haitian cholera outbreak"), or None."""
    head = token.head
    while head.i not in words and head.dep_ in MODIFIER_DEPS and head.head.i != head.i:
        head = head.head
    return head if head.i in words else None


def _finest(scored: list[tuple[float, int, PlaceMention]]) -> PlaceMention:
    """The nearest place in the parse, or a place inside it that the sentence also names ("in
    Philippi, West Virginia, United States": Philippi), the finest the text supports."""
    cost, _, best = min(scored, key=lambda item: item[0])
    inside = [(c, place) for c, _, place in scored
              if c <= cost + FINER_PLACE_SLACK and _within(place, best)]
    return min(inside, key=lambda item: item[0])[1] if inside else best


def _within(inner: PlaceMention, outer: PlaceMention) -> bool:
    if inner.kind in WIDE_KINDS or not inner.country or inner.country != outer.country:
        return False
    if outer.kind in (Kind.COUNTRY, Kind.DEMONYM):
        return True
    return outer.kind == Kind.ADMIN1 and inner.kind != Kind.ADMIN1 \
        and inner.admin1 == outer.admin1


def _qualified(token: Token) -> bool:
    """"the city of Tikrit" names its place itself."""
    return any(child.lower_ == "of" for child in token.children)


def _earlier_place(all_places: dict, index: int, noun: str, char: int) -> PlaceMention | None:
    """The latest place of the kind a noun stands for, in this sentence before it or in the two
    sentences before; for "the country", else the country the article names most."""
    kinds = PLACE_NOUN_KINDS[noun]
    for sentence in range(index, index - 3, -1):
        candidates = [place for start, _, place in all_places.get(sentence, [])
                      if place.kind in kinds and (sentence < index or start < char)]
        if candidates:
            return candidates[-1]
    if noun != "country":
        return None
    countries = [place for found in all_places.values() for _, _, place in found
                 if place.kind == Kind.COUNTRY]
    counted = Counter(place.place_key for place in countries)
    return max(countries, key=lambda place: counted[place.place_key], default=None)


def _direction(token: Token, trigger: Token) -> str:
    """"from"/"out of" Mosul, "to"/"into" Syria, or the object of "fled"/"left". Only a place the
    movement itself goes from or to: not one that qualifies a noun ("U.S. officials") nor one
    in who says so ("according to Iraqi officials")."""
    if token.dep_ in MODIFIER_DEPS or any(t.lower_ in REPORTING_WORDS for t in token.ancestors
                                          if t.i != trigger.i and not _governs(t, trigger)):
        return ""
    current = token
    while current.i != trigger.i and current.head.i != current.i:
        if current.dep_ == "pobj" and current.head.lower_ in ORIGIN_PREPOSITIONS | {"of"}:
            preposition = current.head
            if preposition.lower_ == "of" and preposition.head.lower_ == "out":
                return "from"
            if preposition.lower_ in ORIGIN_PREPOSITIONS:
                return "from"
        if current.dep_ == "pobj" and current.head.lower_ in DESTINATION_PREPOSITIONS:
            return "to"
        if current.dep_ == "dobj" and current.head.lower_ in DEPARTURE_VERBS:
            return "from"
        current = current.head
    return ""


def _governs(token: Token, other: Token) -> bool:
    return any(ancestor.i == token.i for ancestor in other.ancestors)


def _event_date(scorer: Distances, parsed: Doc, published: datetime.date | None, *,
                alone: bool) -> EventDate:
    """The date nearest the trigger in the parse that resolves, or unknown. When the sentence
    tells of this event alone and gives one date, that date is the event's wherever the parse
    hangs it (the small model's parse of long sentences goes astray); else a date the sentence's
    main clause carries ("Several fires broke out Tuesday, including a brush fire ...") dates
    every event of the sentence that has none of its own."""
    dated: list[tuple[float, EventDate, bool]] = []
    for entity in parsed.ents:
        if entity.label_ not in ("DATE", "TIME"):
            continue
        if entity.root.head.lower_ in REPORTING_WORDS:
            continue  # "officials said Wednesday": when it was said
        start, end = widen(parsed.text, entity.start_char, entity.end_char)
        if _comparison(entity.root, scorer.head, parsed.text[start:end]):
            continue  # "the deadliest flood since 1998": a record, not when it happened
        resolved = resolve_date(parsed.text[start:end], published)
        if resolved.precision != "unknown":
            dated.append((scorer.cost(entity.root.i), resolved, _on_main_clause(entity.root)))
    near = [item for item in dated if item[0] <= MAX_DATE_COST]
    if near:
        return min(near, key=lambda item: item[0])[1]
    if alone and len(dated) == 1 and dated[0][0] != float("inf"):
        return dated[0][1]
    main = [resolved for _, resolved, on_main in dated if on_main]
    if len(main) == 1:
        return main[0]
    if published is not None:  # news of the day: on or before the day it was published
        return EventDate(published.isoformat(), "reported")
    return EventDate.unknown()


def _comparison(date: Token, trigger: Token, expression: str) -> bool:
    """A "since" date of a superlative event ("the worst floods since 1998", "the biggest battle
    since the invasion of 2003") says what it is measured against, not when it happened."""
    superlative = any(token.tag_ == "JJS" for token in trigger.children)
    if expression.lower().lstrip().startswith("since"):
        return superlative or any(token.lower_ in ("first", "worst", "last")
                                  for token in trigger.children)
    return superlative and any(token.lower_ == "since" for token in list(date.ancestors)[:4])


def _on_main_clause(token: Token) -> bool:
    """Whether the first verb above a token is the sentence's root."""
    verb = next((t for t in token.ancestors if t.tag_.startswith("VB")), None)
    return verb is not None and verb.dep_ == "ROOT"


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
    if name is None or any(actor_key(actor.name) == actor_key(name) for actor in actors):
        return []
    return [Actor(name, "actor", "government")]


def _sentence_actors(context: ArticleEvents, index: int, parsed: Doc, demonyms: dict[int, str],
                     places: set[int], triggers: set[int],
                     located: list[tuple[int, int, PlaceMention]]) -> list[ActorMention]:
    """The sentence's actor mentions under the names the article gives them: full names for
    surnames, institutions for their nouns, governments for acting countries, and references
    resolved (a pronoun after the names, so that it may be the person its own sentence names
    before it). `located` holds the sentence's places, `places` their tokens."""
    found = find_actors(parsed, context.table, demonyms, places, triggers,
                        named=context.named[index])
    named = [_institution(context, _full_name(context, mention))
             for mention in found if not mention.reference]
    named += _surnames(context, parsed, named, places | triggers)
    named += acting_countries(parsed, located)
    name_generic(named, located, parsed, context.story_country)
    resolved = [_resolve_reference(context, index, mention,
                                   {other.name for other in named if other.kind == "person"
                                    and other.start < mention.start})
                for mention in found if mention.reference]
    return sorted(named + [mention for mention in resolved if mention is not None],
                  key=lambda mention: mention.start)


def _one_county(places: list[PlaceMention]) -> str:
    """The county the article names, as written, when it names exactly one ("" otherwise)."""
    counties = {place.text for place in places if place.kind == Kind.ADMIN2}
    return counties.pop() if len(counties) == 1 else ""


def _story_country(places: list[PlaceMention], focus: PlaceMention | None) -> str:
    """The name the article gives the country its focus is in ("" when it names no country)."""
    if focus is None:
        return ""
    return next((place.name for place in places if place.country == focus.country
                 and place.kind in (Kind.COUNTRY, Kind.DEMONYM)), "")


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
    surname the article names in full ("Charles S. Williams"); two such people leave it as is.
    A lone word the model took for an organisation may be such a surname too."""
    if mention.reference or not mention.name or mention.kind != "person" and not (
            mention.kind == "organisation" and " " not in mention.name and not mention.agency):
        return mention
    surname = mention.name.split()[-1].lower()
    if len(mention.name.split()) > 1 and not mention.name.lower().startswith(TITLE_PREFIXES):
        return mention
    full = {name for names in context.persons.values() for name in names
            if name.split()[-1].lower() == surname and name.lower() != mention.name.lower()}
    if len(full) == 1:
        mention.name, mention.kind = full.pop(), "person"
    return mention


def _institution(context: ArticleEvents, mention: ActorMention) -> ActorMention:
    """"Deputies", "the council", "police" with no country: the institution the article names in
    full, else police or the army named after the story's country or town (see `agencies`)."""
    if not mention.generic or mention.reference:
        return mention
    name = institution(mention.agency, context.agencies) if mention.agency else None
    if name is None and context.focus is not None:
        focus = context.focus
        town = focus.name if focus.kind in SETTLEMENT_KINDS else ""
        name = local_forces(mention.agency or None, mention.text.split(), focus.country, town) \
            if mention.kind == "state forces" else None
    if name is not None:
        mention.name, mention.generic = name, False
        known = context.table.by_key.get(actor_key(name))
        if known is not None:  # "Lebanese forces": the Lebanese Armed Forces
            mention.name = known.name
    return mention


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


def _confidence(place: PlaceMention | None, date: EventDate, actors: list[Actor],
                speculative: bool, negated: bool) -> float:
    """How sure the reading is: a trigger alone is weak; a tied place, date and actor make it
    strong; speculation and negation weaken it."""
    confidence = BASE_CONFIDENCE
    if place is not None:
        confidence += 0.25 * place.confidence
    if date.precision not in ("unknown", "reported"):
        confidence += 0.1
    if any(actor.role == "actor" for actor in actors):
        confidence += 0.15
    if any(actor.role != "actor" for actor in actors):
        confidence += 0.05
    if speculative:
        confidence *= 0.7
    if negated:
        confidence *= 0.4
    return min(confidence, 0.95)


def _article_ref(context: ArticleEvents) -> ArticleRef:
    article = context.article
    return ArticleRef(file=article.file, title=article.title, source=article.source,
                      url=article.url,
                      published=context.published.isoformat() if context.published else "")


def _event_id(file: str, start: int, event_type: str, clause: int | None = None) -> str:
    """Stable across runs: the article, the sentence, the type (and for a sentence's second
    event of one type, where its clause starts)."""
    key = f"{file}\0{start}\0{event_type}" + ("" if clause is None else f"\0{clause}")
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def publication_day(article: Article, default: datetime.date | None) -> datetime.date | None:
    """The article's publication date: its metadata, else the user's `--date`, else its dateline
    or byline ("By AFP - Mar 09,2017"), else the latest of the posts it embeds."""
    if article.published:
        resolved = resolve_date(article.published[:10] if article.published[:4].isdigit()
                                else article.published, None)
        if resolved.precision == "day" and resolved.date:
            return datetime.date.fromisoformat(resolved.date)
    return default or publication_date(article.text) or embedded_post_date(article.text)
