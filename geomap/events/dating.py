"""When an event happened: the date its sentence's parse ties to the trigger, else the day the
article was published (news of the day), and that day read from the article itself."""

from __future__ import annotations

import datetime

from spacy.tokens import Doc, Span, Token

from geomap.events.dates import publication_date, resolve_date, widen
from geomap.events.records import Event, EventDate
from geomap.events.syntax import Distances
from geomap.read.article import Article
from geomap.read.published import embedded_post_date
from geomap.vocabulary import OCCURRENCE_VERBS, REPORTING_WORDS, RETELLING_NOUNS

MAX_DATE_COST = 4.0
# How many sentences before an undated event one that dates another may lend it its day.
STORY_ORDER_REACH = 1
UNDATED = ("reported", "unknown")
# How many sentences after an event one that tells when it happened may come.
WHEN_TOLD_REACH = 3
# Verbs that tell when what an event was found in was found: "The goose was discovered on ...".
DISCOVERY_VERBS = frozenset({"found", "discovered", "detected", "spotted", "sampled",
                             "collected"})


def event_date(scorer: Distances, parsed: Doc, published: datetime.date | None, *,
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
        if _model_year(entity) or _count(entity):
            continue  # "a 2005 Honda Odyssey": which model; "1926 cases": how many
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


def _model_year(entity: Span) -> bool:
    """A bare year qualifying a name is a model's year ("a 2000 Mercury Sable"), unlike one
    qualifying an event word ("the 2004 tsunami")."""
    root = entity.root
    return len(entity) == 1 and root.text.isdigit() and len(root.text) == 4 \
        and root.dep_ in ("nummod", "compound", "amod", "nmod") and root.head.tag_ == "NNP"


def _count(entity: Span) -> bool:
    """A bare number counting a plural noun ("1926 cases of polio") is no year."""
    root = entity.root
    return len(entity) == 1 and root.text.isdigit() and root.dep_ == "nummod" \
        and root.head.tag_ == "NNS"


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


def publication_day(article: Article, default: datetime.date | None) -> datetime.date | None:
    """The article's publication date: its metadata, else the user's `--date`, else its dateline
    or byline ("By AFP - Mar 09,2017"), else the latest of the posts it embeds."""
    if article.published:
        resolved = resolve_date(article.published[:10] if article.published[:4].isdigit()
                                else article.published, None)
        if resolved.precision == "day" and resolved.date:
            return datetime.date.fromisoformat(resolved.date)
    return default or publication_date(article.text) or embedded_post_date(article.text)


def date_from_retellings(events: list[Event], told_in: list[int], sentences: list[Span],
                         entities: list[list[Span]], published: datetime.date | None) -> None:
    """An event with no date of its own takes the one date of a sentence soon after that tells
    when "the incident" (or "the shooting", "the crash" ...) happened: news gives the story
    first and its time after ("The incident happened at about 4:30 a.m. Saturday")."""
    for event, index in zip(events, told_in):
        if event.date.precision not in UNDATED:
            continue
        told = {token.lower_ for token in sentences[index] if token.is_alpha and not token.is_stop}
        for later in range(index + 1, min(index + 1 + WHEN_TOLD_REACH, len(sentences))):
            when = _told_when(sentences[later], entities[later], published, told)
            if when is not None:
                event.date = when
                break


def date_from_the_story_so_far(events: list[Event], told_in: list[int]) -> None:
    """An event with no date of its own, told after another in its sentence or in the sentence
    after one, happened on that event's day: news tells a story in order ("He was stabbed Friday
    night. A man was arrested a short time later"). Only a day is lent; a month or year may be
    background."""
    for position, (event, index) in enumerate(zip(events, told_in)):
        if event.date.precision not in UNDATED:
            continue
        told_before = [other for other, at in zip(events[:position], told_in[:position])
                       if index - at <= STORY_ORDER_REACH]
        lender = next((other for other in reversed(told_before)
                       if other.date.precision == "day"), None)
        if lender is not None:
            event.date = lender.date


def _told_when(sentence: Span, entities: list[Span], published: datetime.date | None,
               told: set[str]) -> EventDate | None:
    """The date of a sentence that says when the event told before happened ("The incident
    happened at about 4:30 a.m. Saturday"), or when what it was found in was found ("The goose
    was discovered on February 25"; `told` holds the words of the event's sentence), if it is
    one."""
    words = [token.lower_ for token in sentence]
    definite = [word for index, word in enumerate(words)
                if index > 0 and words[index - 1] in ("the", "this")]
    retold = any(word in RETELLING_NOUNS for word in definite) \
        and set(words) & OCCURRENCE_VERBS
    found = any(word in told for word in definite) and set(words) & DISCOVERY_VERBS
    if not (retold or found):
        return None
    dated = [resolve_date(entity.text, published) for entity in entities
             if entity.label_ in ("DATE", "TIME")]
    dated = [date for date in dated if date.precision == "day"]
    return dated[0] if len(dated) == 1 else None
