"""What finding events in one article reads from the article as a whole before its sentences:
who it names where (for "he", "the group", a surname alone), its institutions, its governments,
and the place and country it is about."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span

from gazetteer.model import Kind
from geomap.actors import ActorTable, KnownActor
from geomap.events.agencies import named_agencies, with_county
from geomap.events.governments import countries_by_government
from geomap.events.headlines import headlines, ledes
from geomap.events.person_names import office_of, person_name
from geomap.events.placing import Located, article_focus
from geomap.places.mention import PlaceMention
from geomap.read.article import Article

# How many sentences back a country may be what "the government" refers to.
RECENT_SENTENCES = 3
# Words longer than this are all capitalised in a headline in title case (a sentence full of
# names has its verb in lower case).
TITLE_CASE_LENGTH = 3


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
    county: str = ""  # the one county the article names, as written ("" for none or several)
    # the governments the article's countries name, with their countries' codes, and the name
    # of the country the story is about ("" when it names none)
    governments: dict[str, str] = field(default_factory=dict)
    story_country: str = ""
    headlines: set[int] = field(default_factory=set)  # the sentences that are headlines
    ledes: set[int] = field(default_factory=set)  # the first sentence, when it is the story's
    # the headlines in title case, and the text of the sentences that are not headlines, lowered
    title_cased: set[int] = field(default_factory=set)
    body: str = ""
    # offices ("governor") and the persons the article styles with them ("Gov. Ann Cole")
    offices: dict[str, set[str]] = field(default_factory=dict)
    # per sentence index: the countries it names, by name, in order (demonyms as their country)
    countries: dict[int, list[str]] = field(default_factory=dict)
    main_country: str = ""  # the code of the country most of its places are in


def read_article(article: Article, published: datetime.date | None, table: ActorTable,
                 places: list[PlaceMention], sentences: list[Span], entities: list[list[Span]],
                 located: Located) -> ArticleEvents:
    """The article's context for its events; `entities` are each sentence's, `located` each
    sentence's places (`placing.places_by_sentence`)."""
    context = ArticleEvents(article, published, table)
    context.focus = article_focus(places, article)
    context.headlines = headlines(sentences)
    context.ledes = ledes(sentences)
    context.title_cased = {index for index in context.headlines if _title_cased(sentences[index])}
    context.body = " ".join(sentence.text for index, sentence in enumerate(sentences)
                            if index not in context.headlines).lower()
    entities = [[entity for entity in found if named_in_body(context, index, entity.text)]
                for index, found in enumerate(entities)]
    _note_actors(context, sentences, entities)
    context.county = _one_county(places)
    with_county(context.agencies, context.county)
    context.governments = countries_by_government(places)
    context.story_country = _story_country(places, context.focus)
    for index, found in located.items():
        context.countries[index] = [place.name for _, _, place in found
                                    if place.kind in (Kind.COUNTRY, Kind.DEMONYM)]
    counted = Counter(place.country for found in located.values() for _, _, place in found)
    context.main_country = counted.most_common(1)[0][0] if counted else ""
    return context


def named_in_body(context: ArticleEvents, index: int, name: str) -> bool:
    """Whether a name the model found in sentence `index` may be taken as written: in a
    headline in title case, only when the article's body names it too, as the capitals make the
    model's names run on ("Hartford Police Find Guns")."""
    return index not in context.title_cased or name.lower() in context.body


def _title_cased(sentence: Span) -> bool:
    """All the sentence's longer words capitalised ("Police Find Guns In Raids")."""
    words = [token for token in sentence if token.is_alpha and len(token) > TITLE_CASE_LENGTH]
    return bool(words) and all(token.text[0].isupper() for token in words)


def recent_country(context: ArticleEvents, index: int) -> str:
    """The country named last in this sentence or the two before ("The government announced"
    in a round-up's paragraph on China is China's), else the story's."""
    for sentence in range(index, index - RECENT_SENTENCES, -1):
        if context.countries.get(sentence):
            return context.countries[sentence][-1]
    return context.story_country


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
                context.persons.setdefault(index, []).append(person_name(entity))
                office = office_of(entity)
                if office:
                    context.offices.setdefault(office, set()).add(person_name(entity))


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
