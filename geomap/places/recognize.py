"""Finding place names in parsed text: which spans of an article name a place.

Candidates are the model's entities and every other run of capitalised words. Each candidate is grown
to the longest name the gazetteer knows ("Deir" -> "Deir ez-Zor", "Euphrates" -> "Euphrates river
valley", "Nineveh" -> "Nineveh province") and kept on evidence:

- the model labelled it a place (GPE, LOC, FAC);
- a demonym the gazetteer knows (NORP "Iraqi") becomes a mention of its country;
- otherwise (a name the model took for a person or organisation, or did not label at all) it must
  not be the name of a person named in the article, and it needs a cue: a locative word ("in Tal
  Afar", "the outskirts of Baghuz"), a list with an accepted place ("Mosul and Tal Afar"), a
  place-type word that grows it into a known name ("the al-Hol camp"), a dateline ("MANSFIELD --"),
  the place's people or offices ("Alexandria woman", "Fargo officials"), or, for an organisation
  label only, a large known place ("lost Raqqa"). A place inside an organisation's name ("Texas
  Southern University") is kept and flagged, as is a demonym in it ("the Syrian Observatory").

Then, over the whole article: names listed before a plural kind are places of that kind ("Jackson
and Barrow counties"), a legislator's home follows the party ("Rep. Jane Roe, D-Story City"), and
a name the article mostly uses as a place is one in its other uses too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from gazetteer import Candidate, Gazetteer
from gazetteer.normalize import exact_key, loose_key
from geomap.actors import ActorTable

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels that never hold a place name.
NON_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                              "CARDINAL", "LAW", "LANGUAGE", "WORK_OF_ART", "EVENT", "PRODUCT"})
# A preposition right before a name that says the name is a place.
LOCATIVE_WORDS = frozenset({
    "in", "near", "at", "from", "to", "into", "outside", "around", "towards", "toward", "across",
    "through", "inside", "via", "of", "between", "along", "within", "nearby", "throughout",
})
# Verbs whose object is mostly a place: "fled Jilib", "recaptured Afmadow", "shelled Idlib".
PLACE_OBJECT_VERBS = frozenset({
    "fled", "left", "entered", "reached", "captured", "recaptured", "seized", "retook", "retaken",
    "stormed", "shelled", "bombed", "besieged", "liberated", "evacuated", "abandoned",
    "surrounded", "encircled", "overran", "raided", "visited", "toured", "invaded", "occupied",
    "attack", "attacked", "capture", "seize", "enter", "flee", "shell", "bomb", "retake",
})
LIST_WORDS = frozenset({"and", "or", ",", "&"})
# A plural kind after a list of names is each one's: "Jackson and Barrow counties".
SHARED_KINDS = {"counties": "County", "parishes": "Parish", "provinces": "Province",
                "districts": "District", "townships": "Township", "regions": "Region",
                "governorates": "Governorate", "rivers": "River"}
# Directions: a lower-case side of a place ("west Mosul"), or the words of a region's name before
# the place it is part of ("North East Texas").
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "northeast", "northwest", "southeast",
                           "southwest", "north-east", "north-west", "south-east", "south-west"})
# Lower-case words that may continue a name: particles of transliterated names and generic words
# the news puts after a name ("Deir ez-Zor", "Euphrates river valley", "Nineveh province").
PLACE_TYPE_WORDS = frozenset({
    "river", "valley", "basin", "delta", "province", "governorate", "district", "region", "county",
    "parish", "oblast", "desert", "mountains", "plains", "plain", "peninsula", "strip", "heights",
    "sea", "lake", "dam", "camp", "airport", "crossing", "island", "islands", "gulf", "bay",
})
NAME_PARTICLES = PLACE_TYPE_WORDS | {
    "al", "el", "ez", "ad", "as", "ash", "ar", "an", "at", "az", "ed", "es", "bin", "bint", "ibn",
    "de", "del", "la", "le", "di", "da", "do", "dos", "das", "van", "von", "of", "the", "upon",
    "sur", "-", "state",
}
# Words after a name that make it the name of something else: a disease ("Marburg virus",
# "Rift Valley fever") is not a mention of the place.
NOT_A_PLACE_AFTER = frozenset({"virus", "viruses", "fever", "disease", "flu", "influenza", "strain",
                               "syndrome", "hemorrhagic", "haemorrhagic", "ebolavirus"})
# Words that make a span an organisation's name: a place inside it ("Texas Southern University",
# "the Gainesville Police Department", "University of Florida") is kept, flagged by its cue.
ORGANISATION_HEADS = frozenset({
    "university", "college", "school", "academy", "institute", "hospital", "clinic", "police",
    "sheriff", "department", "service", "services", "council", "commission", "committee", "board",
    "agency", "authority", "office", "ministry", "court", "chamber", "association", "society",
    "club", "team", "bank", "company", "corporation", "corp", "inc", "times", "post", "news",
    "herald", "tribune", "journal", "gazette", "press", "observer", "courier", "museum", "library",
    "church", "airport", "port", "party", "government", "assembly", "parliament", "senate",
    "fire", "guard", "army", "forces", "district", "center", "centre", "foundation", "zoo",
    "census", "bureau", "house", "congress", "legislature", "embassy", "consulate", "navy",
    "administration", "treasury", "cabinet",
})
# Words after a name that say it is a place: its people ("Alexandria woman", "Mosul residents")
# or its civic offices ("Mansfield Mayor", "Fargo city administrator").
PLACE_PEOPLE_AND_OFFICES = frozenset({
    "woman", "man", "women", "men", "resident", "residents", "native", "natives", "couple",
    "family", "families", "teen", "teenager", "boy", "girl", "mayor", "police", "sheriff",
    "council", "councilman", "councilwoman", "commissioner", "commissioners", "officials", "city",
    "schools", "township", "area", "areas", "authorities", "detectives", "firefighters",
})
# A US legislator's party and home after the name: "Rep. Jane Roe, D-Westfield".
PARTY_CODES = frozenset({"D", "R", "I", "DFL"})
# Words of PLACE_PEOPLE_AND_OFFICES that may also end a place's own name ("Pinecrest Township").
PLACE_TYPE_NOUNS = frozenset({"city", "township"})
# What follows a dateline's place: "MANSFIELD --", "HAJIN, Syria -", "CAIRO (Reuters) -", "BEIRUT:".
DATELINE_FOLLOWERS = frozenset({"--", "—", "–", "-", ",", "(", ":"})
# Verbs of saying and deciding after a name make it its government: "Washington said".
SPEECH_VERBS = frozenset({
    "said", "says", "say", "announced", "announces", "warned", "warns", "accused", "accuses",
    "denied", "denies", "urged", "urges", "demanded", "demands", "rejected", "rejects", "insisted",
    "insists", "claimed", "claims", "condemned", "condemns", "told", "tells", "agreed", "agrees",
    "refused", "refuses", "vowed", "vows", "threatened", "threatens", "responded", "responds",
    "confirmed", "confirms", "declared", "declares", "stated", "states", "argued", "argues",
})
AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "could", "may", "might", "did",
                         "is", "was", "also", "again", "repeatedly", "quickly"})
MAX_NAME_TOKENS = 7
# An organisation-labelled name is read as a place without a cue only when it is this big.
BIG_PLACE_POPULATION = 100_000
ORGANISATION_PLACE_POPULATION = 20_000
# Months and days, which are towns too ("March", Cambridgeshire) but rarely meant as such.
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "christmas", "easter",
})
# Kinds of place an actor's name may also be: "the EU" acts, and is where things happen.
TERRITORY_KINDS = frozenset({"country", "continent", "region"})
# Words that make a name a facility's, which stands where the place it is named after is.
FACILITY_WORDS = frozenset({
    "airport", "station", "stadium", "arena", "bridge", "harbour", "harbor", "hospital",
    "university", "college", "prison", "jail", "base", "mosque", "church", "cathedral", "temple",
    "palace", "hotel", "mall", "center", "centre", "terminal", "port", "zoo", "museum",
})
# Words before a person's name: "coach Ripley", "Mrs. Lincoln".
PERSONAL_TITLES = frozenset({
    "mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr", "sen.", "rep.", "gov.", "lt.",
    "sgt.", "capt.", "col.", "gen.", "maj.", "cpl.", "pvt.", "det.", "officer", "coach", "judge",
    "justice", "president", "senator", "governor", "minister", "sheikh", "imam", "rev.",
    "reverend", "pastor", "prof.", "professor", "princess", "lord", "lady", "sir",
})
# Titles that are also everyday words, titles only with a capital: "Miss Lee", not "to miss Rochester".
TITLES_ALSO_WORDS = frozenset({"miss", "lady", "justice"})
# Words before a name used as a modifier: "the Gainesville sewer system", "another Fargo business".
DETERMINERS = frozenset({"the", "a", "an", "another", "every", "each", "this", "that"})
# Nouns after a person's name as often as after a place's: "the Clinton administration".
PERSONAL_NOUNS = frozenset({
    "administration", "family", "families", "campaign", "era", "years", "camp", "government",
    "presidency", "estate", "brothers", "sisters", "twins", "name", "case", "trial", "story",
})
# Words before a name that place it in a postal address: "1935 Orchard St., Alexandria".
STREET_WORDS = frozenset({"st.", "st", "street", "ave.", "ave", "avenue", "road", "rd.", "rd",
                          "drive", "dr.", "blvd.", "boulevard", "lane", "ln.", "way", "court",
                          "ct.", "place", "pl.", "highway", "hwy.", "pike", "parkway"})
_POSSESSIVE = re.compile(r"[’']s?")


@dataclass(slots=True)
class Toponym:
    """A span of the article's clean text that names a place.

    `label` is the model's entity label ("" when the model saw no entity); `demonym` marks an
    adjective or people name ("Iraqi") or a name used as one ("US-led", "Damascus-backed"),
    standing for its place rather than saying something happened there; `cue` says why a span the
    model did not label as a place was kept; `metonym` marks a name standing for its government
    ("Washington said"); `name` is the place's full name where the text gives only part of it
    ("Jackson" in "Jackson and Barrow counties" is Jackson County).
    """

    start: int
    end: int
    text: str
    label: str
    demonym: bool = False
    cue: str = ""
    metonym: bool = False
    name: str = ""

    @property
    def full_name(self) -> str:
        return self.name or self.text


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Place-name spans in `doc`, in text order, without overlaps."""
    finder = _Finder(doc, gazetteer)
    for start, end, label in _candidate_spans(doc):
        finder.consider(start, end, label)
    finder.read_shared_kinds()
    finder.read_legislators_homes()
    finder.repeat_names()
    return sorted(finder.found, key=lambda toponym: toponym.start)


def _candidate_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start token, end token, label) of every entity and every unlabelled capitalised run."""
    spans = [(ent.start, ent.end, ent.label_) for ent in doc.ents
             if ent.label_ not in NON_PLACE_LABELS]
    index = 0
    while index < len(doc):
        token = doc[index]
        if token.ent_type_ or not _capitalised(token):
            index += 1
            continue
        end = index + 1
        while end < len(doc) and not doc[end].ent_type_ and _capitalised(doc[end]):
            end += 1
        spans.append((index, end, ""))
        index = end
    return sorted(spans)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


class _Finder:
    """Accepts candidate spans one by one, remembering accepted ones for list cues."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer):
        self.doc = doc
        self.gazetteer = gazetteer
        self.found: list[Toponym] = []
        self._taken_until = 0  # token index up to which text is already claimed
        self._place_tokens: set[int] = set()  # names of places, not adjectives ("Kurdish")
        self._claimed: set[int] = set()  # tokens of every accepted name
        self._person_names = _person_names(doc)
        self._disease_names = _disease_names(doc)

    def consider(self, start: int, end: int, label: str) -> None:
        if start < self._taken_until:
            return
        span = _trim(self.doc[start:end])
        if not span.text.strip():
            return
        # "the Sri Lankan government": an adjective of a country, whatever the model calls it
        adjective = label == "NORP" or (span.end < len(self.doc) and self.doc[span.end].is_lower
                                        and self.doc[span.end].is_alpha)
        if adjective and self.gazetteer.lookup(span.text, kind="demonym", limit=1, fuzzy=False):
            self._accept(span, label, demonym=True)
            return
        # otherwise a NORP is a name the model misread ("in Afgooye"), judged on its cues
        if _names_something_else(span) or _after_title(span) \
                or (span.text.lower() in CALENDAR_WORDS and label not in PLACE_LABELS):
            return  # "in March" is a month, not the town in Cambridgeshire
        # "South", "the West": a direction, not Cameroon's South or West Region
        if _only_compass(span) and (len(span) == 1 or label not in PLACE_LABELS):
            return
        # "Marburg kills more slowly", after "the Marburg virus": the disease again
        if loose_key(span.text) in self._disease_names and not self._cue(span):
            return
        # "al-Shabaab", "Hamas": an armed group or body, not the village that shares its name
        # (the EU is both a body and an area)
        if ActorTable.load().known(list(span)) is not None and not self._is_big_place(span.text) \
                and not self._body_and_area(span):
            # "the U.S. Defense Department", "the Free Syrian Army": the place it is named after
            self._place_inside_organisation(span)
            return
        grown = self._longest_known(span)
        if label in PLACE_LABELS and (grown is None or _only_compass(grown)) \
                and self._after_compass(span, label):
            return  # "North Texas": Texas, and the part of it is told later
        if label in ("ORG", "FAC") and grown is None and self._possessor(span, label):
            return  # "Mosul's Great Mosque": the place that owns the name
        if grown is None and self._office_of(span, label):
            return  # "Dublin Mayor Jane Roe": the place whose mayor is named
        if label == "ORG" and (grown is None or grown.end < span.end):
            self._place_inside_organisation(span)
            return
        if label in PLACE_LABELS:
            # "coach Ripley", once the article has named Darren Ripley: him, not a town
            surname = loose_key(span.text) in self._person_names \
                and not self._is_big_place(span.text)
            if not _has_capital(span) or surname:  # "the east bank" is a description
                return
            inner = grown or self._facility_place(span)
            # "the Guernsey County Courthouse", "the Province of Ontario": the place in the name
            # (one word of an unknown name is a place only with a word such as Province or Court
            # in it: not "Abu" of "Abu Shok"; and "Nyanza Province" is a province, whatever else
            # is Nyanza)
            headed = bool({t.lower_ for t in span} & (ORGANISATION_HEADS | PLACE_TYPE_WORDS))
            if inner is None and span[-1].lower_ not in PLACE_TYPE_WORDS \
                    and self._named_after_place(span, headed, label, cue=""):
                return
            self._accept(inner or span, label)
            return
        if grown is None or loose_key(grown.text) in self._person_names \
                or (len(grown) == 1 and grown[0].is_stop):  # "A man said", "Both men"
            return
        cue = self._cue(grown)
        if not cue and len(grown) > 1 and grown[-1].lower_ in PLACE_TYPE_WORDS:
            cue = f"named a {grown[-1].lower_}"
        if not cue and label == "ORG" and (self._is_big_place(grown.text)
                                           or self._body_and_area(grown)):
            cue = "a large place"
        if cue:
            self._accept(grown, label, cue=cue)

    def read_shared_kinds(self) -> None:
        """Read each name of a list before a plural kind as a place of that kind ("Cooke,
        Grayson and Love counties" are three counties, not two towns and a word), in place of
        whatever the names were read as alone."""
        for token in self.doc:
            kind = SHARED_KINDS.get(token.lower_)
            if kind is None:
                continue
            for run in _listed_before(token):
                # the longest end of the run that names a place of the kind: "Small Hitchcock"
                name = next((run[start:] for start in range(len(run))
                             if self._known(f"{run[start:].text} {kind}")), None)
                if name is None:
                    continue
                self.found = [t for t in self.found
                              if t.end <= name.start_char or t.start >= name.end_char]
                self._accept(name, "", cue=f"listed before '{token.text}'",
                             name=f"{name.text} {kind}")

    def read_legislators_homes(self) -> None:
        """Accept the place after a US legislator's party ("Sen. Jane Roe, D-Story City,", "(R-Pa.)"),
        which may be a state's abbreviation the capitalised runs do not reach."""
        doc = self.doc
        for index in range(len(doc)):
            if not _is_party(doc, index) or index + 2 in self._claimed:
                continue
            name = self._longest_known(doc[index + 2:index + 3])
            if name is not None and not self._claimed & set(range(name.start, name.end)):
                self._accept(name, "", cue="a legislator's home")

    def repeat_names(self) -> None:
        """Accept the article's other uses of a name it has mostly used as a place: one name keeps
        one sense through an article, so "Fargo" opening a sentence or starting "Fargo City
        Commissioner" is the Fargo read elsewhere. A name read as a place in fewer than half of
        its uses is left alone (one misread "Kristina" must not make all her other mentions
        places), as are uses inside a person's name or a longer place name ("Kansas" in "Kansas
        City")."""
        accepted: dict[tuple[str, ...], tuple[Toponym, bool]] = {}
        for toponym in self.found:
            span = self.doc.char_span(toponym.start, toponym.end)
            if span is not None:
                # a people's name ("Iraqi") is one in every use; a modifier ("Fargo-based") not
                people = toponym.demonym and not _is_modifier(span)
                accepted.setdefault(tuple(t.text for t in span), (toponym, people))
        starts: dict[str, list[int]] = {}
        for token in self.doc:
            starts.setdefault(token.text, []).append(token.i)
        for words, (first, people) in accepted.items():
            uses = [self.doc[start:start + len(words)] for start in starts[words[0]]
                    if tuple(t.text for t in self.doc[start:start + len(words)]) == words]
            free = [span for span in uses if not self._claimed & set(range(span.start, span.end))]
            if 2 * len(free) > len(uses):
                continue
            for span in free:
                if self._repeats(span):
                    self._accept(span, first.label, demonym=people,
                                 cue="named as a place elsewhere in the article", name=first.name)

    def _repeats(self, span: Span) -> bool:
        """Whether a further use of an accepted name is the same place."""
        doc = span.doc
        if any(token.ent_type_ == "PERSON" for token in span) or _after_title(span) \
                or _names_something_else(span):
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        longer = []
        if before is not None and _capitalised(before):
            longer.append(doc[span.start - 1:span.end])
        if after is not None and _capitalised(after):
            longer.append(doc[span.start:span.end + 1])
        return not any(self._known(name.text) for name in longer)

    def _after_compass(self, name: Span, label: str) -> bool:
        """Accept the known place a region's name ends with after compass words ("North Texas",
        "North East Georgia"); whether there was one."""
        doc = name.doc
        start = name.start
        while start < len(doc) and doc[start].lower_ in COMPASS_WORDS:
            start += 1
        if start == name.start or start == len(doc):
            return False
        inner = self._longest_known(doc[start:start + 1])
        # by its own name ("Prince" is only an old name of Cabaret, Haiti)
        if inner is None or inner.end < name.end \
                or not self._is_big_place(inner.text, ORGANISATION_PLACE_POPULATION):
            return False
        self._accept(inner, label)
        return True

    def _facility_place(self, name: Span) -> Span | None:
        """The known place an unknown facility is named after: "Vancouver International
        Airport" is at Vancouver."""
        if not any(token.lower_ in FACILITY_WORDS for token in name[1:]):
            return None
        inner = self._longest_known(name.doc[name.start:name.start + 1])
        if inner is None or inner.end >= name.end \
                or any(token.lower_ in FACILITY_WORDS for token in inner):
            return None
        return inner

    def _office_of(self, name: Span, label: str) -> bool:
        """Accept the known place a name starts with when its people or an office of it follow
        within the name ("Anderson County Sheriff Greg Taylor"); whether there was one."""
        inner = self._longest_known(name.doc[name.start:name.start + 1])
        if inner is None or inner.end >= name.end:
            return False
        office = name.doc[inner.end].lower_
        # a name the model calls a place may go on with its own kind: "Pinecrest Township"
        if office not in PLACE_PEOPLE_AND_OFFICES or (label in PLACE_LABELS
                                                      and office in PLACE_TYPE_NOUNS):
            return False
        self._accept(inner, label, cue=f"before '{name.doc[inner.end].text}'")
        return True

    def _possessor(self, name: Span, label: str) -> bool:
        """Accept the known place a name starts with in the possessive ("Mosul's Great Mosque",
        "Iraq's Rapid Response Unit"); whether there was one."""
        apostrophe = next((t.i for t in name if t.lower_ in ("'s", "’s")), None)
        if apostrophe is None or apostrophe == name.start:
            return False
        inner = self._longest_known(self.doc[name.start:name.start + 1])
        if inner is None or inner.end != apostrophe:
            return False
        self._accept(inner, label, cue="owner of a name")
        return True

    def _place_inside_organisation(self, organisation: Span) -> None:
        """The place an organisation is named after, when its name says so: a known place at the
        start or after "of", and a word such as University or Police elsewhere in the name; else
        the country of a demonym in it ("the Syrian Observatory for Human Rights")."""
        headed = bool({token.lower_ for token in organisation} & ORGANISATION_HEADS)
        if not self._named_after_place(organisation, headed, "ORG", "inside an organisation name"):
            self._demonym_inside(organisation)

    def _demonym_inside(self, organisation: Span) -> None:
        """Accept the first demonym that qualifies a later word of an organisation's name."""
        for token in organisation[:-1]:
            if _capitalised(token) and self.gazetteer.lookup(
                    token.text, kind="demonym", limit=1, fuzzy=False):
                self._accept(self.doc[token.i:token.i + 1], "ORG", demonym=True,
                             cue="inside an organisation name")
                return

    def _named_after_place(self, organisation: Span, headed: bool, label: str, cue: str) -> bool:
        """Accept the known place at the start of a name or after its "of"; whether there was
        one. Unless the name is `headed` by a word such as University, Police or Province, only a
        place of several words ("the Butler County Health Consortium") is surely a place's."""
        starts = [organisation.start] + [t.i + 1 for t in organisation[:-1] if t.lower_ == "of"]
        for start in starts:
            inner = self._longest_known(self.doc[start:start + 1])
            # "the North East Texas Water Group": Texas, not a district called North East
            while inner is not None and start < organisation.end - 1 and _only_compass(inner):
                start += 1
                inner = self._longest_known(self.doc[start:start + 1])
            # at the start, a prefix: "al-Shabaab" is a village too, but names only itself
            if inner is None or inner.end > organisation.end \
                    or (start == organisation.start and inner.end == organisation.end) \
                    or {t.lower_ for t in inner} & ORGANISATION_HEADS:
                continue
            # a one-word name inside an organisation is often a common word ("State", "Federal")
            if len(inner) > 1 or headed and self._is_big_place(inner.text,
                                                               ORGANISATION_PLACE_POPULATION):
                self._accept(inner, label, cue=cue)
                return True
        return False

    def _accept(self, span: Span, label: str, *, demonym: bool = False, cue: str = "",
                name: str = "") -> None:
        demonym = demonym or _is_modifier(span)
        self.found.append(Toponym(span.start_char, span.end_char, span.text, label, demonym, cue,
                                  metonym=not demonym and _speaks(span), name=name))
        self._taken_until = span.end
        self._claimed.update(range(span.start, span.end))
        if not demonym:  # "Kurdish and Arab fighters": a word listed with an adjective is one too
            self._place_tokens.update(range(span.start, span.end))

    def _longest_known(self, span: Span) -> Span | None:
        """The longest span from `span.start` (at least `span`) naming a known place, or None."""
        doc = self.doc
        limit = span.end
        while limit < len(doc) and limit - span.start < MAX_NAME_TOKENS and (
                _capitalised(doc[limit]) or doc[limit].lower_ in NAME_PARTICLES):
            limit += 1
        for end in range(limit, span.end - 1, -1):
            candidate = _trim(doc[span.start:end])
            if candidate.end < span.end or not _has_letters(candidate[-1]):
                continue
            if self._known(candidate.text):
                return candidate
        return None

    def _known(self, name: str) -> list[Candidate]:
        return [c for c in self.gazetteer.lookup(name, limit=3, fuzzy=False) if c.kind != "demonym"]

    def _is_big_place(self, name: str, min_population: int = BIG_PLACE_POPULATION) -> bool:
        """A country, a province or a large city, named by its own name (not an alternate name
        such as "White House" for Casablanca, nor a code; "U.S." is an abbreviation)."""
        found = self._known(name)
        if not found or found[0].match != "exact" or (name.isupper() and "." not in name):
            return False
        best = found[0]
        return best.kind in ("country", "admin1", "continent") or (
            exact_key(best.matched_name) == exact_key(best.name)
            and (best.population or 0) >= min_population)

    def _body_and_area(self, name: Span) -> bool:
        """Whether the name is both a known body and, likeliest, a territory ("the EU"; not
        "MAC", Macao's code)."""
        found = self._known(name.text)
        return bool(found) and found[0].match == "exact" and found[0].kind in TERRITORY_KINDS \
            and ActorTable.load().known(list(name)) is not None

    def _cue(self, span: Span) -> str:
        """Why a span the model did not call a place reads as one here, or ""."""
        doc = self.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in PLACE_PEOPLE_AND_OFFICES:
            return f"before '{after.text}'"
        if _is_dateline(span):
            return "a dateline"
        if span.start == 0:
            return ""
        before = doc[span.start - 1]
        if before.lower_ in LOCATIVE_WORDS or before.lower_ in PLACE_OBJECT_VERBS:
            return f"after '{before.text}'"
        if before.lower_ in DETERMINERS and after is not None and after.is_lower \
                and after.is_alpha and after.lower_ not in PERSONAL_NOUNS \
                and self._is_big_place(span.text, ORGANISATION_PLACE_POPULATION):
            return f"naming a {after.text}"
        if before.text == "," and span.start > 1 and doc[span.start - 2].lower_ in STREET_WORDS:
            return "in an address"
        if before.lower_ in LIST_WORDS and span.start - 2 in self._place_tokens:
            return "listed with a place"
        return ""


def _person_names(doc: Doc) -> set[str]:
    """Keys of the surnames of people named in full in the article: once "Abu Bakr al-Baghdadi"
    is named, a later "Baghdadi" is him, not a town. (Full names are left out: the model calls
    some places persons, and those are judged on their cues.)"""
    # a name that is only an article and a word ("Al Bab") is a place the model misread, not a
    # person
    return {loose_key(ent[-1].text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
            and loose_key(ent.text) != loose_key(ent[-1].text)}


def _disease_names(doc: Doc) -> set[str]:
    """Keys of the names the article gives a disease ("Marburg virus", "Rift Valley fever")."""
    names = set()
    for token in doc[1:]:
        if token.lower_ in NOT_A_PLACE_AFTER:
            start = token.i
            while start > 0 and _capitalised(doc[start - 1]) and not doc[start - 1].is_stop:
                start -= 1
            if start < token.i:
                names.add(loose_key(doc[start:token.i].text))
    return names


def _listed_before(token: Token) -> list[Span]:
    """The capitalised runs listed right before a token ("Cooke", "Grayson", "Love" before
    "counties" in "Cooke, Grayson and Love counties"): commas between them and "and", "or" or
    "&" before the last. Fewer than two runs is no list."""
    doc = token.doc
    runs: list[Span] = []
    index = token.i
    while True:
        start = index
        while start > 0 and _capitalised(doc[start - 1]):
            start -= 1
        if start == index:
            break
        runs.append(doc[start:index])
        index = start
        if len(runs) == 1:
            if index == 0 or doc[index - 1].lower_ not in ("and", "or", "&"):
                break
            index -= 1
            if index > 0 and doc[index - 1].text == ",":
                index -= 1  # "Butler, Clark, and Warren counties"
        elif index > 0 and doc[index - 1].text == ",":
            index -= 1
        else:
            break
    return runs[::-1] if len(runs) >= 2 else []


def _is_party(doc: Doc, index: int) -> bool:
    """A legislator's party letter after the name and before the home: the "D" of ", D-Story"."""
    return 0 < index < len(doc) - 2 and doc[index].text in PARTY_CODES \
        and doc[index + 1].text == "-" and doc[index - 1].text in (",", "(")


def _after_title(span: Span) -> bool:
    """"Mrs. Lincoln", "coach Ripley", "Sen. Jordan": a person named by a title."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in PERSONAL_TITLES \
        and (before.lower_ not in TITLES_ALSO_WORDS or before.text[:1].isupper())


def _only_compass(span: Span) -> bool:
    """"North East": directions, which name a region only when nothing follows them."""
    return all(token.lower_ in COMPASS_WORDS for token in span)


def _has_letters(token: Token) -> bool:
    """A word or an abbreviation ("U.S.", "Mo."), not a comma or a dash."""
    return any(character.isalpha() for character in token.text)


def _trim(span: Span) -> Span:
    """The span without a leading "the", side ("west Mosul") or legislator's party ("D-"), a
    trailing possessive "'s", or spaces at either end (where a masked link was)."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[end - 1].is_space:
        end -= 1
    while end - start > 1 and span.doc[start].is_space:
        start += 1
    if end - start > 1 and span.doc[start].lower_ == "the":
        start += 1
    # "Rep. Jane Roe, D-Iowa City": a legislator's party before the place (not "I-35")
    if end - start > 2 and _is_party(span.doc, start) and _capitalised(span.doc[start + 2]):
        start += 2
    # "west Mosul": a side of the place, which is the place on a map ("West Bank" is capitalised)
    if end - start > 1 and span.doc[start].text in COMPASS_WORDS:
        start += 1
    if end - start > 1 and _POSSESSIVE.fullmatch(span.doc[end - 1].text):
        end -= 1
    return span.doc[start:end]


def _speaks(span: Span) -> bool:
    """The name is the subject of a verb of saying ("Washington said", "Moscow has warned"): it
    stands for a government, not a location."""
    doc = span.doc
    index = span.end
    while index < len(doc) and doc[index].lower_ in AUXILIARIES:
        index += 1
    return index < len(doc) and doc[index].lower_ in SPEECH_VERBS


def _is_dateline(span: Span) -> bool:
    """A name in capitals opening a line or a sentence (a headline may run on into the story),
    then a dash, comma, bracket or colon: "MANSFIELD -- ...", "BEIRUT: ..."."""
    doc = span.doc
    opens_line = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws \
        or doc[span.start - 1].is_space or doc[span.start - 1].text in (".", "!", "?")
    return opens_line and span.text.isupper() and span.end < len(doc) \
        and doc[span.end].text in DATELINE_FOLLOWERS


def _names_something_else(span: Span) -> bool:
    """A name followed by "virus", "fever" ... names a disease, not a place."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in NOT_A_PLACE_AFTER


def _is_modifier(span: Span) -> bool:
    """A name joined by a hyphen to a following word ("US-led", "Iran-backed") is an adjective."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_ \
        and doc[span.end + 1].is_lower


def _has_capital(span: Span) -> bool:
    return any(token.text[:1].isupper() for token in span)
