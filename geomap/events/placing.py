"""Where an event happened: the place of its sentence the parse ties to its trigger (for a
movement, where from and where to), else the sentence before's, else the article's focus."""

from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from gazetteer.model import Kind
from geomap.events.records import MOVEMENT_TYPES, Event
from geomap.events.syntax import Distances, token_at
from geomap.events.taxonomy import FAMILY_OF_TYPE
from geomap.places.mention import PlaceMention
from geomap.read.article import Article
from geomap.vocabulary import REPORTING_WORDS

# A lower-case word right after a name, which the name qualifies ("U.S. beef") unless it is a
# function word or a verb of saying ("the US has", "the US said").
FOLLOWING_WORD = re.compile(r" ?([a-z]+)\b")
# Each sentence's places, with their character span relative to the sentence, by sentence index.
Located = dict[int, list[tuple[int, int, PlaceMention]]]

MAX_PLACE_COST = 4.5
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
                        "camp", "port", "station", "hotel", "building", "dam", "highway",
                        "house", "home", "farm", "farms", "plant", "factory", "mine", "facility",
                        "store", "mall", "park", "zoo", "jail", "courthouse", "stadium", "hall",
                        "residence", "warehouse", "refinery", "slaughterhouse", "field"})
DEMONYM_PLACE_COST = 1.5
# A town that says whose ("Louisville Metro Council", "Mosul residents") is where they act when
# the sentence names no nearer place.
TOWN_OF_ACTOR_COST = 2.0
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


def places_by_sentence(article: Article, places: list[PlaceMention],
                       sentences: list[Span]) -> Located:
    """Each sentence's places, with their character span relative to the sentence."""
    starts = [sentence.start_char for sentence in sentences]
    found: Located = {}
    index = 0
    for place in places:
        start, end = article.text_span(place.start, place.end)
        while index + 1 < len(starts) and starts[index + 1] <= start:
            index += 1
        base = starts[index]
        found.setdefault(index, []).append((start - base, end - base, place))
    return found


def article_focus(places: list[PlaceMention], article: Article) -> PlaceMention | None:
    """The place an article is about: the place it names most (a town before a wider place on a
    tie, then the first named), not counting a country named as a qualifier ("U.S. beef",
    "US officials": whose, not where). None when it names none."""
    counted = Counter(place.place_key for place in places if place.kind != Kind.DEMONYM
                      and not _qualifier(place, article))
    if not counted:
        return None
    first: dict = {}
    for place in places:
        first.setdefault(place.place_key, place)
    best = max(counted, key=lambda key: (
        counted[key], first[key].kind in SETTLEMENT_KINDS, -places.index(first[key])))
    return first[best]


def _qualifier(place: PlaceMention, article: Article) -> bool:
    """A country's name right before a lower-case word qualifies that word."""
    if place.kind != Kind.COUNTRY:
        return False
    following = FOLLOWING_WORD.match(article.text, article.text_span(place.start, place.end)[1])
    return following is not None and following[1] not in STOP_WORDS \
        and following[1] not in REPORTING_WORDS


def place_the_unplaced(events: list[Event], told_in: list[int],
                       located: Located,
                       focus: PlaceMention | None) -> None:
    """An event its sentence does not place happened where another event of the sentence did
    (a town or finer: "the mayor declared an emergency as 700 cases were reported"), else where
    the sentence before it is (news sets the scene, then tells; the sentence after begins
    something else), else at the article's focus (see `article_focus`); a town its own
    sentence names inside the place so lent is finer, and is taken."""
    placed_in = {index: other.place for other, index in zip(events, told_in)
                 if other.place is not None and other.place.kind not in WIDE_KINDS}
    for event, index in zip(events, told_in):
        if event.place is not None:
            continue
        nearby = [place for _, _, place in located.get(index - 1, [])
                  if place.kind not in WIDE_KINDS and not place.metonym]
        if index in placed_in:  # "the mayor declared an emergency as cases were reported"
            event.place = placed_in[index]
            event.confidence *= NEIGHBOUR_PLACE_CONFIDENCE
        elif nearby:
            event.place = nearby[-1]
            event.confidence *= NEIGHBOUR_PLACE_CONFIDENCE
        elif focus is not None:
            event.place = focus
            event.confidence *= FOCUS_PLACE_CONFIDENCE
        else:
            continue
        # a place of its own sentence inside the one lent is finer ("near Tyler" in Texas)
        event.place = next((place for _, _, place in located.get(index, [])
                            if not place.metonym and place.kind in SETTLEMENT_KINDS
                            and _within(place, event.place)), event.place)


def event_places(scorer: Distances, parsed: Doc, event_type: str,
                 places: list[tuple[int, int, PlaceMention]], taken: set[int],
                 all_places: Located, index: int, *, triggers: set[int] = frozenset(),
                 main_country: str = ""
                  ) -> tuple[PlaceMention | None, PlaceMention | None, PlaceMention | None]:
    """Where the event happened, and for a movement where from and where to. `taken` holds the
    tokens of actor names and trigger words ("the Mosul offensive" is where, "Mosul residents"
    is who), `triggers` those of trigger words alone; `main_country` is the code of the
    country most of the article's places are in (a town of it that says whose may say where)."""
    scored: list[tuple[float, int, PlaceMention]] = []
    for start, end, place in places:
        token = parsed[token_at(parsed, start)]
        root = parsed[token.i:token_at(parsed, end - 1) + 1].root
        cost = scorer.cost(root.i)
        qualifies = root.dep_ in ("compound", "amod", "nmod")
        site = qualifies and _qualified_noun(root).lower_ in PLACE_WORDS | SITE_WORDS
        whose = not site and ((token.i in taken and place.kind != Kind.DEMONYM)
                              or (qualifies and root.head.i not in taken))
        if whose and (place.kind not in SETTLEMENT_KINDS or place.country != main_country):
            continue  # "Syrian Observatory", "a US defence official": says whose, not where
        if whose:  # "Louisville council voted": a town's people and offices act in it
            cost += TOWN_OF_ACTOR_COST
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


def _qualified_noun(token: Token) -> Token:
    """The noun a name qualifies, past the nouns of a compound: "the Nandurbar Slaughter House"
    qualifies the house."""
    head = token.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head


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


def _earlier_place(all_places: Located, index: int, noun: str, char: int) -> PlaceMention | None:
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
