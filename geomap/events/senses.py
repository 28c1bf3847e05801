"""The words that tell of no event at all, whatever their sense: the offence named in a charge
("charged with escape" is no flight), a word that only qualifies another ("fire insurance") or
belongs to a name ("the Kansas Highway Patrol"), a generic truth ("gas explosions are common"), a
series told as one, what is only possible ("may seek charges"), demanded of others ("calling for
the council to resign"), or planned, threatened or expected ("will attack"), except in the
political family where a plan or a vote is the event. What each sense asks of its sentence is
`requirements`'.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from geomap.events.syntax import infinitive
from geomap.vocabulary import SUPPORT_VERBS

# Verbs and adjectives whose complement names the offence: "charged with escape".
OFFENCE_HEADS = frozenset({"charged", "charge", "charges", "accused", "convicted", "suspected",
                           "guilty", "indicted", "arrested", "jailed", "sentenced", "detained",
                           "wanted", "counts", "count", "tried", "acquitted", "prosecuted",
                           "investigated", "questioned", "booked", "cited"})


GENERIC_ADJECTIVES = frozenset({"common", "rare", "frequent", "routine", "usual", "typical",
                                "commonplace", "uncommon", "widespread", "familiar"})


# Heads of what was only meant, asked for or expected to happen: "plans to attack", "threatened
# to strike", "asked Algeria to release him".
INTENT_HEADS = frozenset({"plan", "plans", "planned", "planning", "threaten", "threatens",
                          "threatened", "vow", "vows", "vowed", "intend", "intends", "intended",
                          "want", "wants", "wanted", "seek", "seeks", "sought", "prepare",
                          "prepares", "preparing", "prepared", "aim", "aims", "hope", "hopes",
                          "expect", "expects", "expected", "promise", "promised", "pledged",
                          "pledge", "urge", "urged", "call", "called", "warn", "warned", "try",
                          "tried", "attempt", "attempted", "ready", "able", "likely",
                          "scheduled", "due", "slated", "set", "poised", "yet", "ask", "asks",
                          "asked", "asking", "demand", "demands", "demanded", "request",
                          "requested", "appeal", "appealed", "beg", "begged", "calling",
                          "calls", "demanding", "urging", "urges", "appealing", "vowing",
                          "threatening", "seeking", "hoping", "trying"})


FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "would"})


DEMAND_VERBS = frozenset({"call", "calls", "called", "calling", "demand", "demands", "demanded",
                          "demanding", "urge", "urges", "urged", "urging", "ask", "asks", "asked",
                          "asking", "appeal", "appealed", "appealing", "beg", "begged",
                          "request", "requested", "pressed", "pressing", "petitioned"})

# Verbs of wishing: what one only hopes or wants to do is no plan, in any family.
DESIRE_VERBS = frozenset({"hope", "hopes", "hoped", "hoping", "want", "wants", "wanted",
                          "wanting", "wish", "wishes", "wished", "wishing", "like", "love"})


# What is kept from happening does not happen: "to prevent his arrest", "evaded capture".
PREVENTION_VERBS = frozenset({"prevent", "prevents", "prevented", "preventing", "avoid", "avoids",
                              "avoided", "avoiding", "avert", "averts", "averted", "averting",
                              "evade", "evades", "evaded", "evading", "thwart", "thwarts",
                              "thwarted", "thwarting", "foil", "foils", "foiled", "foiling"})


# Predicates that say an event is only in prospect: "a sentence of four years is possible".
PROSPECT_WORDS = frozenset({"possible", "likely", "unlikely", "probable", "expected", "imminent",
                            "due", "pending", "planned", "scheduled"})


BE_FORMS = frozenset({"is", "are", "was", "were", "be", "'s", "'re"})


# Entities whose names hold event words that tell of no event ("Highway Patrol"); not works
# of art, which the model calls "The Battle of Mosul".
NAMING_ENTITIES = frozenset({"ORG", "FAC", "LAW", "PRODUCT"})


# Nouns of preparing or planning whose object is not done yet: "preparations for the fight".
PREPARATION_NOUNS = frozenset({"preparation", "preparations", "plan", "plans", "bid", "calls",
                               "call", "run-up", "prelude"})


# Words that make a clause a condition, not a telling: "if he is killed".
CONDITIONS = frozenset({"if", "unless", "whether", "lest"})


# What makes a plural event noun a series: "a wave of bombings", "repeated attacks".
SERIES_WORDS = frozenset({"series", "wave", "spate", "string", "campaign", "number", "dozens",
                          "hundreds", "scores", "thousands", "succession"})


MANY_WORDS = frozenset({"repeated", "several", "many", "multiple", "numerous", "countless",
                        "frequent", "dozens", "hundreds", "scores", "thousands", "series"})


# "may seek charges", "you can vote": possible, not done ("may have fled" is done, speculated).
MODAL_AUXILIARIES = frozenset({"can", "could", "may", "might", "should", "must", "ca"})


# "speculation that he would resign": the would of a rumour tells no event.
CONDITIONAL_AUXILIARIES = frozenset({"would", "'d"})


# Nouns of what may come, whose "of" or "for" is not done: "raises the likelihood of a lawsuit",
# "the potential for an explosion in cases".
PROSPECT_NOUNS = frozenset({"likelihood", "possibility", "possibilities", "risk", "risks",
                            "danger", "dangers", "chance", "chances", "prospect", "prospects",
                            "spectre", "specter", "odds", "potential", "threat", "threats"})


# How many nouns up a prospect may govern ("the potential for a surge in cases": two).
PROSPECT_REACH = 2
# What grows or falls: an event word said of one is figurative.
QUANTITY_NOUNS = frozenset({"cases", "numbers", "number", "prices", "price", "demand", "sales",
                            "applications", "requests", "calls", "complaints", "orders",
                            "growth", "popularity", "costs", "rates", "interest", "spending",
                            "traffic", "visitors", "enrolment", "enrollment", "emails",
                            "letters", "offers"})


# The key under which a parsed sentence says its article is a match report (`Doc.user_data`).
SPORTS_STORY = "geomap.sports_story"
# Words of match reports, and how many distinct ones make an article one.
SPORTS_WORDS = frozenset({"league", "coach", "striker", "strikers", "midfielder", "goalkeeper",
                          "defender", "referee", "goals", "scored", "championship",
                          "tournament", "playoff", "playoffs", "semifinal", "quarterfinal",
                          "innings", "wicket", "touchdown", "quarterback", "halftime",
                          "match", "substitutions", "penalties", "midfield"})
SPORTS_STORY_WORDS = 4
# Words of violence or protest that are also words of play.
PLAY_WORDS = frozenset({"attack", "attacker", "strike", "striker", "shoot", "shot", "capture",
                        "battle", "clash", "fight", "beat", "raid", "assault", "offensive",
                        "bombard", "blitz", "ambush", "invade", "invasion", "siege", "defeat",
                        "rout", "thrash", "demolish", "crush", "storm"})


# Nouns whose infinitive is only allowed or owed, not done: "has the right to dismiss governors".
ABILITY_NOUNS = frozenset({"right", "rights", "power", "powers", "authority", "ability",
                           "freedom", "duty", "obligation", "permission", "mandate", "option"})


# What another event is aimed at: "opened fire on an army patrol" (the patrol is its target).
AIMING_PREPOSITIONS = frozenset({"on", "at", "against", "upon"})


# Comparisons: "it looked like an explosion", "sounded like gunfire" (what it was is told apart).
LIKENING_WORDS = frozenset({"like", "resembling"})


RUMOUR_NOUNS = frozenset({"speculation", "rumour", "rumours", "rumor", "rumors", "fears",
                          "fear", "talk", "suggestion", "suggestions", "possibility"})


def is_offence(token: Token) -> bool:
    """The offence named in a legal event ("charged with escape", "accused of the bombing",
    "arrested for arson"): the charge is the event, not what it names. A deed told with whom it
    was done to ("accused of killing Doris Lane", "of beating his stepson") is the crime itself,
    alleged (`modality` hedges it)."""
    if token.tag_ == "VBG" and any(child.dep_ == "dobj" for child in token.children):
        return False
    for ancestor in [token, *token.ancestors][:4]:
        head = ancestor.head
        if ancestor.dep_ == "pobj" and head.lower_ in ("with", "of", "for") \
                and head.head.lower_ in OFFENCE_HEADS:
            return True
        if ancestor.dep_ in ("pobj", "dobj") and head.lower_ in OFFENCE_HEADS:
            return True
    return False


def is_modifier(token: Token, triggers: set[int]) -> bool:
    """A noun trigger that only qualifies another noun names no event: "fire insurance", "the
    fire marshal", "a trial lawyer", "a tsunami warning system" (but "a car bomb attack" is the
    attack's): the noun at the end of its run of compounds is no trigger. (The parser sometimes
    links a noun before a compound as its "npadvmod".)"""
    if token.dep_ not in ("compound", "npadvmod") or not token.head.tag_.startswith("NN"):
        return False
    head = token.head
    while head.dep_ in ("compound", "npadvmod") and head.head.tag_.startswith("NN") \
            and head.head.i != head.i:
        head = head.head
    return head.i not in triggers


def is_targeted(token: Token, triggers: set[int]) -> bool:
    """A noun trigger that names what another event was aimed at ("opened fire on an army
    patrol", "an attack on refugees") tells of that event, not one of its own."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in AIMING_PREPOSITIONS \
        and head.head.i in triggers and head.head.i != token.i


def is_name_part(token: Token) -> bool:
    """A word inside the name of an organisation, a building or a law names no event: "the
    Kansas Highway Patrol", "the Flood Control Act": tagged so by the model, or the last word of a
    run of capitalised words within the sentence ("Hurricane Katrina" is an event)."""
    if token.is_title and token.ent_type_ in NAMING_ENTITIES:
        return True
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.is_title and token.i > 1 and doc[token.i - 1].is_title \
        and not doc[token.i - 1].is_sent_start and (after is None or not after.is_title)


def is_generic(token: Token) -> bool:
    """A truth about a kind of event, not an event: "gas explosions are common in China", "it is
    an infection of the gut"."""
    head = token.head
    if token.dep_ not in ("nsubj", "attr") or head.lower_ not in ("are", "is", "remain",
                                                                  "remains"):
        return False
    if token.dep_ == "attr" and any(child.dep_ == "det" and child.lower_ in ("a", "an")
                                    for child in token.children):
        return True  # "salmonellosis is an infection of the gut": what a thing is
    return any(child.lower_ in GENERIC_ADJECTIVES for child in head.children)


# The determiners of "in this case", "in her case": circumstances, not a disease's case.
CIRCUMSTANCE_DETERMINERS = frozenset({"this", "that", "which", "any", "either", "each", "such",
                                      "her", "his", "their", "its", "my", "our", "your"})


def is_figurative(token: Token) -> bool:
    """An event word said of a quantity: "an explosion in HIV cases", "a flood of applications"
    is a rise, not a blast or a flood."""
    return any(child.dep_ == "prep" and child.lower_ in ("in", "of") and any(
        grand.dep_ == "pobj" and grand.lower_ in QUANTITY_NOUNS for grand in child.children)
        for child in token.children)


def is_circumstance(token: Token) -> bool:
    """"In this case", "in her case", "in any case": the circumstances spoken of, not a case of
    a disease."""
    return token.lower_ == "case" and token.dep_ == "pobj" and token.head.lower_ == "in" \
        and any(child.dep_ in ("det", "poss") and child.lower_ in CIRCUMSTANCE_DETERMINERS
                for child in token.children)


def is_sporting(token: Token, family: str) -> bool:
    """In a match report, "his side's attack", "the strikers", "capturing the league crown" are
    play, not violence or protest."""
    return family in ("conflict", "protest") and token.lemma_.lower() in PLAY_WORDS \
        and bool(token.doc.user_data.get(SPORTS_STORY))


def sports_story(doc: Doc) -> bool:
    """An article whose words are those of a match report (several of `SPORTS_WORDS`)."""
    counted = doc.count_by(LOWER)
    strings = doc.vocab.strings
    return sum(strings[word] in counted for word in SPORTS_WORDS) >= SPORTS_STORY_WORDS


def is_aggregate(token: Token) -> bool:
    """A series or campaign told as one: "a wave of bombings", "dozens of air strikes", "repeated
    attacks" (a plural event noun counted or qualified as many)."""
    if not token.tag_.startswith("NNS") and not (token.tag_ == "NN" and token.lower_.endswith("s")):
        return False
    if any(child.lower_ in MANY_WORDS for child in token.children):
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in SERIES_WORDS


def is_possibility(token: Token) -> bool:
    """Only possible, allowed or likened, in any family: "may seek charges", "you can vote",
    "the likelihood of a lawsuit", "has the right to dismiss", "it looked like an explosion"
    ("may have fled" is done, and speculated)."""
    if _likened(token) or _likely_or_allowed(token):
        return True
    auxiliaries = _auxiliaries(token)
    if token.dep_ in ("dobj", "xcomp"):  # "may seek charges": the verb that governs it
        auxiliaries |= _auxiliaries(token.head)
    if auxiliaries & CONDITIONAL_AUXILIARIES and _rumoured(token):
        return True  # "speculation that he would step down"
    return bool(auxiliaries & MODAL_AUXILIARIES) and not auxiliaries & {"have", "'ve", "been"}


def _likened(token: Token) -> bool:
    """"sounded like gunfire", "it looked like an explosion blew out the wall"."""
    if token.dep_ == "pobj" and token.head.lower_ in LIKENING_WORDS:
        return True
    clause = token.head if token.dep_ in ("nsubj", "nsubjpass") else token
    return any(child.dep_ == "mark" and child.lower_ in LIKENING_WORDS
               for child in clause.children)


def _likely_or_allowed(token: Token) -> bool:
    """What a noun of prospect is of or for ("the likelihood of a lawsuit"), or what one has the
    right or the power to do ("the right to appoint and dismiss governors")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "a chance of showers and thunderstorms"
    if _prospect_of(token):
        return True
    return token.dep_ in ("acl", "xcomp") and infinitive(token) \
        and token.head.lower_ in ABILITY_NOUNS


def _prospect_of(token: Token) -> bool:
    """What a noun of prospect is of or for, directly or through the noun it is said of: "the
    potential for an explosion", "the potential for a surge in cases"."""
    for _ in range(PROSPECT_REACH):
        if token.dep_ != "pobj" or token.head.head.i == token.head.i:
            return False
        preposition, noun = token.head, token.head.head
        if preposition.lower_ in ("of", "for") and noun.lower_ in PROSPECT_NOUNS:
            return True
        token = noun
    return False


def _rumoured(token: Token) -> bool:
    """Whether the clause of the token tells what a rumour or a fear is of."""
    clause = next((t for t in [token, *token.ancestors][:3] if t.dep_ in ("acl", "ccomp")),
                  None)
    return clause is not None and clause.head.lower_ in RUMOUR_NOUNS


def is_demanded(token: Token) -> bool:
    """What others call for, demand or ask ("a crowd calling for the council to resign", "urged
    the minister to step down", "called for a boycott"): not done, in any family (a plan of
    one's own, in politics, is news; someone else's demand is not their deed)."""
    if token.dep_ == "pobj" and token.head.lower_ == "for":
        return token.head.head.lower_ in DEMAND_VERBS  # "clerics called for a boycott"
    if token.dep_ not in ("xcomp", "ccomp", "advcl") or not infinitive(token):
        return False
    return token.head.lower_ in DEMAND_VERBS


def is_wished(token: Token) -> bool:
    """What someone hopes or wants to do, or to carry out ("hopes to complete the appointment
    at its April 6 meeting"): not done, and in politics no decision either."""
    if token.dep_ == "dobj" and token.head.lower_ in SUPPORT_VERBS:
        token = token.head
    return token.dep_ == "xcomp" and infinitive(token) and token.head.lower_ in DESIRE_VERBS


def _in_prospect(token: Token) -> bool:
    """The subject of a predicate of prospect ("a sentence ... is possible"), or what it is
    possible upon ("upon conviction")."""
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head
    elif token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(child.dep_ == "acomp" and child.lower_ in PROSPECT_WORDS
               for child in token.head.children)


def _auxiliaries(token: Token) -> set[str]:
    """The token's auxiliaries, or, for a verb joined to another with no subject nor auxiliary
    of its own, that verb's ("would become weak and die")."""
    found = {child.lower_ for child in token.children if child.dep_ in ("aux", "auxpass")}
    if not found and token.dep_ == "conj" and token.head.i != token.i \
            and not any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
        return _auxiliaries(token.head)
    return found


def is_unrealised(token: Token) -> bool:
    """Only planned, threatened or expected: "will attack", "plans to strike", "threatened to
    bomb", "the planned offensive"."""
    governing = _auxiliaries(token.head) if token.dep_ in ("dobj", "xcomp") else set()
    if (_auxiliaries(token) | governing) & FUTURE_AUXILIARIES:  # "will attack", "will face charges"
        return True
    if token.dep_ in ("xcomp", "ccomp") and token.head.lower_ in INTENT_HEADS:
        return True
    if token.dep_ == "dobj" and token.head.lower_ in PREVENTION_VERBS:
        return True  # "in order to prevent his arrest"
    if _in_prospect(token):
        return True  # "a prison sentence of four to 15 years is possible upon conviction"
    if token.dep_ == "xcomp" and token.head.lower_ in BE_FORMS and infinitive(token):
        return True  # "is to be sentenced on July 13", "are to meet next week"
    if token.dep_ == "acl" and infinitive(token):
        return True  # "the fight to retake the town": what it is for, not yet done
    if token.dep_ == "pobj" and token.head.lower_ == "for" \
            and token.head.head.lower_ in PREPARATION_NOUNS:
        return True  # "preparations for the fight to oust the jihadists"
    if token.dep_ == "advcl" and any(child.dep_ == "mark" and child.lower_ in CONDITIONS
                                     for child in token.children):
        return True  # "even if Baghdadi is killed", "unless troops withdraw"
    return any(child.dep_ == "amod" and child.lower_ in ("planned", "proposed", "possible",
                                                          "threatened", "expected", "potential",
                                                          "future", "upcoming", "imminent")
               for child in token.children)
