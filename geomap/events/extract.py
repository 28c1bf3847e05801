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
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from gazetteer.model import FINE_KINDS, Kind
from geomap import nlp
from geomap.actors import ActorTable
from geomap.events.actor_mentions import ActorMention
from geomap.events.article_context import ArticleEvents, read_article
from geomap.events.counts import Counts, find_counts
from geomap.events.dating import (
    date_from_retellings,
    date_from_the_story_so_far,
    event_date,
)
from geomap.events.fuse import combine, event_kind, near, subtypes_agree
from geomap.events.governments import as_forces
from geomap.events.headlines import fold_headline, is_caption, is_question
from geomap.events.modality import (
    is_descriptive,
    is_habitual,
    is_negated,
    is_reported,
    is_speculative,
    is_timeless,
)
from geomap.events.participants import (
    continue_the_case,
    implied_parties,
    involve_the_named,
    name_the_unnamed,
    sentence_actors,
)
from geomap.events.placing import (
    Located,
    event_places,
    place_the_unplaced,
    places_by_sentence,
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
from geomap.events.requirements import STORY_WORDS
from geomap.events.roles import event_roles
from geomap.events.senses import (
    SPORTS_STORY,
    is_aggregate,
    is_circumstance,
    is_demanded,
    is_figurative,
    is_generic,
    is_modifier,
    is_name_part,
    is_offence,
    is_possibility,
    is_sporting,
    is_targeted,
    is_unrealised,
    is_wished,
    sports_story,
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
from geomap.events.units import fold_charges, fold_hazard_effects, fold_tolls
from geomap.places.mention import PlaceMention
from geomap.read.article import Article

BASE_CONFIDENCE = 0.4
# Legal steps of the police that are events apart from the arrest they lead to.
POLICE_ACTIONS = frozenset({"raid", "seizure"})
# The sentences that open a story and say what it is about (its headline and lede).
STORY_OPENING = 3
# Events whose sentence may give killed, injured or displaced figures.
COUNTED_TYPES = HARMFUL_TYPES | {"displacement", "disaster", "accident", "protest", "arrest",
                                 "legal proceedings"}
DEFINITE_WORDS = frozenset({"the", "this", "these", "that", "those"})
# A place taken from the sentence before is less sure (one from a neighbouring sentence or the
# article's focus, less sure still: see `placing`).
INHERITED_PLACE_CONFIDENCE = 0.85
# How far back a definite mention ("the attack") may refer.
CONTINUATION_SENTENCES = 3


def find_events(article: Article, doc: Doc, places: list[PlaceMention],
                published: datetime.date | None, table: ActorTable, *,
                statements: bool = False) -> list[Event]:
    """The events one article tells of, one per event type per sentence, in text order.

    A definite mention of an event just told ("The bombings ... also wounded 25") adds to that
    event; other retellings are merged later (see `fuse`). Statements (claims, threats,
    accusations) are events only when `statements` asks for them."""
    sentences = list(doc.sents)
    lemmatise(doc)
    opening = frozenset(token.lower_ for sentence in sentences[:STORY_OPENING]
                        for token in sentence)
    sporting = sports_story(doc)
    entities = nlp.entities_by_sentence(doc, sentences)
    triggered = [(index, sentence, triggers) for index, sentence in enumerate(sentences)
                 if not is_caption(sentence.text) and not is_question(sentence.text)
                 and (triggers := find_triggers(sentence, opening, entities[index]))
                 and (statements or _beyond_statements(triggers))]
    parsed = nlp.parse([sentence for _, sentence, _ in triggered],
                       [entities[index] for index, _, _ in triggered])
    for sentence_doc in parsed:
        sentence_doc.user_data[STORY_WORDS] = opening
        sentence_doc.user_data[SPORTS_STORY] = sporting
    located = places_by_sentence(article, places, sentences)
    context = read_article(article, published, table, places, sentences, entities, located)
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
            if definite and before is not None and (index - before[0] <= CONTINUATION_SENTENCES
                                                    or event.place is None) \
                    and subtypes_agree(events[before[1]], event):
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
    events, told_in = fold_headline(events, told_in, context.headlines, context.ledes)
    name_the_unnamed(events, told_in, context.persons)
    involve_the_named(events, told_in, context.persons, sentences)
    events, told_in = fold_charges(events, told_in)
    continue_the_case(events, told_in)
    events, told_in = fold_hazard_effects(events, told_in)
    events, told_in = fold_tolls(events, told_in)
    place_the_unplaced(events, told_in, located, context.focus)
    date_from_retellings(events, told_in, sentences, entities, context.published)
    date_from_the_story_so_far(events, told_in)
    return [event for event in events if _informative(event)
            and (statements or event.type != "statement")]


def _beyond_statements(triggers: list[Trigger]) -> bool:
    """Whether a sentence's triggers may tell of more than statements (which, when statements are
    not asked for, are not worth parsing it for)."""
    return any(sense.type != "statement" for trigger in triggers for sense in trigger.senses)


def _informative(event: Event) -> bool:
    """An event needs a place, a date, a named party or a figure to be worth a record: a bare
    "the offensive" says nothing a reader could map or count."""
    return event.place is not None or event.date.precision not in ("unknown", "reported") or any(
        not actor.generic for actor in event.actors) or event.fatalities is not None \
        or event.injured is not None or event.displaced is not None


def _sentence_events(context: ArticleEvents, index: int, sentence: Span, parsed: Doc,
                     triggers: list[Trigger], places: list[tuple[int, int, PlaceMention]],
                     all_places: Located
                     ) -> list[tuple[Event, bool]]:
    """The sentence's events, one per type and clause (see `_clause_groups`), each with whether
    it is a definite mention of one told before ("the attack")."""
    triggers = _telling_triggers(parsed, triggers, headline=index in context.headlines)
    groups = _clause_groups(parsed, triggers)
    heads = [_main_token(parsed, found) for _, found in groups]
    demonyms = {token_at(parsed, start): place.text for start, _, place in places
                if place.kind == Kind.DEMONYM}
    place_tokens = {i for start, end, place in places if place.kind != Kind.DEMONYM
                    for i in range(token_at(parsed, start), token_at(parsed, end - 1) + 1)}
    trigger_tokens = {i for trigger in triggers for i in range(trigger.start, trigger.end)}
    actors = sentence_actors(context, index, parsed, demonyms, place_tokens, trigger_tokens,
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
    all_places: Located
    index: int
    taken: set[int]  # tokens of actor names and trigger words
    counts: Counts | None


def _clause_groups(parsed: Doc, triggers: list[Trigger]) -> list[tuple[str, list[Trigger]]]:
    """The sentence's triggers by event type, and within a type by clause: a verb coordinated
    with another of its type that has a subject of its own tells another event ("Coker was
    arrested Friday, and Davis was arrested Monday"), and so does a relative clause ("the judge
    sentenced Roe, who pleaded guilty in May"), which no trigger outside it joins; "attacked and
    killed" is one."""
    groups: list[tuple[str, list[Trigger]]] = []
    relative: dict[int, Token] = {}  # group's position -> the relative clause it is told in
    for trigger in triggers:
        token = trigger_token(parsed, trigger)
        own_clause = (token.dep_ == "conj" and has_subject(token) and any(
            trigger_token(parsed, other).i == token.head.i for other in triggers
            if other.sense.type == trigger.sense.type)) or token.dep_ == "relcl"
        home = None if own_clause else next(
            (found for position, (event_type, found) in enumerate(groups)
             if event_type == trigger.sense.type and not _steps_apart(found[0], trigger)
             and (position not in relative or token in relative[position].subtree)), None)
        if home is None:
            if token.dep_ == "relcl":
                relative[len(groups)] = token
            groups.append((trigger.sense.type, [trigger]))
        else:
            home.append(trigger)
    return groups


def _steps_apart(one: Trigger, other: Trigger) -> bool:
    """A police raid or seizure and the arrest it led to are two legal steps, though one type
    ("were arrested after deputies seized a meth lab")."""
    return one.sense.type == other.sense.type == "arrest" \
        and (one.sense.subtype in POLICE_ACTIONS) != (other.sense.subtype in POLICE_ACTIONS)


def _clause_event(context: ArticleEvents, parts: _SentenceParts, sentence: Span,
                  event_type: str, found: list[Trigger], scorer: Distances, *, alone: bool,
                  again: bool) -> Event:
    """One event of the sentence, from its triggers and the parse around its main one."""
    parsed, head = parts.parsed, scorer.head.i
    article = _article_ref(context)
    best = max(found, key=lambda trigger: (trigger.specificity, -trigger.start))
    place, origin, destination = event_places(
        scorer, parsed, event_type, parts.places, parts.taken, parts.all_places, parts.index,
        triggers=parts.triggers, main_country=context.main_country)
    date = event_date(scorer, parsed, context.published, alone=alone)
    others = tuple({trigger_token(parsed, trigger).i for trigger in found} - {head})
    event_actors = event_roles(scorer, parsed, head, parts.actors, event_type,
                               context.table.nouns, others)
    if FAMILY_OF_TYPE[event_type] == "conflict":
        as_forces(event_actors, context.governments, context.table)
    event_actors += implied_parties(context, event_type, best.sense.subtype, event_actors,
                                    parts.actors)
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
    whose places are its ends, nor streets and buildings, which a sentence lists as one scene
    ("at the intersection of Main Street and Elm Avenue")."""
    if event.place is None or event.type in MOVEMENT_TYPES or event.place.kind in FINE_KINDS:
        return [event]
    roots = {id(place): parsed[token_at(parsed, start):token_at(parsed, end - 1) + 1].root
             for start, end, place in places}
    root = roots.get(id(event.place))
    if root is None:
        return [event]
    listed = _listed_with(root)
    others = [place for _, _, place in places if roots[id(place)].i in listed
              and place.kind == event.place.kind and place.place_key != event.place.place_key]
    distinct = list({place.place_key: place for place in others}.values())
    copies = [dataclasses.replace(event, id=f"{event.id}-{number}", place=place, sources=[
        dataclasses.replace(report) for report in event.sources])
              for number, place in enumerate(distinct, start=2)]
    return [event, *copies]


def _listed_with(token: Token) -> set[int]:
    """The words listed with a word: its conjuncts, and those the parse takes for its
    appositions with theirs ("in Greece, Bulgaria, Italy and Germany", where Bulgaria leads a
    list in apposition); the caller keeps those of the same kind ("Paris, France" is no list)."""
    found: set[int] = set()
    todo = [token]
    while todo:
        word = todo.pop()
        for other in [*word.conjuncts, *(c for c in word.children if c.dep_ == "appos")]:
            if other.i not in found and other.i != token.i:
                found.add(other.i)
                todo.append(other)
    return found


def _telling_triggers(parsed: Doc, triggers: list[Trigger], *, headline: bool) -> list[Trigger]:
    """The sentence's triggers with their senses settled by the parse, those that tell of an
    event."""
    settled = [trigger for trigger in (settle(parsed, t) for t in triggers) if trigger is not None]
    heads = {trigger_token(parsed, trigger).i for trigger in settled}
    return [trigger for trigger in settled if _tells(parsed, trigger, heads)
            and (headline or not is_timeless(parsed, trigger))]


def _tells(parsed: Doc, trigger: Trigger, heads: set[int]) -> bool:
    """Whether a settled trigger tells of something that happened: not a word that describes
    ("the besieged city") or qualifies ("fire insurance"), a pattern, an offence named in a
    charge, a generic truth, or (outside politics, where a plan is news) what was only planned or
    threatened."""
    token = trigger_token(parsed, trigger)
    if is_descriptive(parsed, trigger) or is_habitual(parsed, trigger) or is_offence(token) \
            or is_generic(token) or is_figurative(token) or is_circumstance(token) \
            or is_modifier(token, heads) \
            or is_possibility(token) or is_name_part(token) or is_demanded(token) \
            or is_wished(token) or is_sporting(token, FAMILY_OF_TYPE[trigger.sense.type]) \
            or (trigger.sense.type in MOVEMENT_TYPES and is_targeted(token, heads)):
        return False
    return FAMILY_OF_TYPE.get(trigger.sense.type) == "political" or not is_unrealised(token)


def _credit_claims(events: list[Event]) -> None:
    """Who claims responsibility for an attack told in the same sentence is its actor."""
    claimants = [actor for event in events if event.subtype == "claim of responsibility"
                 for actor in event.named("actor")]
    for event in events:
        if event.type in HARMFUL_TYPES and not event.named("actor"):
            event.actors += [Actor(a.name, a.role, a.kind, list(a.aliases_seen))
                             for a in claimants]


def _definite(token: Token) -> bool:
    return any(child.dep_ in ("det", "poss") and child.lower_ in DEFINITE_WORDS
               for child in token.children)


def _main_token(parsed: Doc, triggers: list[Trigger]) -> int:
    """The trigger token highest in the tree stands for the event ("attacked" over "bombers")."""
    tokens = [trigger_token(parsed, t) for t in triggers]
    return min(tokens, key=lambda token: (depth(token), token.i)).i


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
