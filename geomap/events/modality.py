"""How a sentence tells of an event: as fact or as someone's report, as done or not done, as sure
or speculated; and trigger words that only describe ("the besieged city") or tell of a pattern
("frequent bombings") rather than an event.

Each flag is read from the parse around the event's main trigger token:
- reported: a reporting verb the trigger's clause hangs from ("officials said", "the ministry
  announced that ..."), or one attached to it ("..., Iraqi officials said", "according to");
- speculative: a hedge on the trigger or on a word whose complement it is ("allegedly fled",
  "may have fled", "is believed to have fled", "officials believe he has fled", "X claimed
  that he was wounded", "a suspected drone strike", "reports of his death", "if they attack");
- negated: a negation on the trigger or on a word whose complement it is ("did not attack",
  "never entered", "no order to advance", "failed to capture", "denied attacking", "without a
  fight").
A casualty clause is not the event: "no one was hurt in the attack" and "dozens are feared dead
in the attack" neither negate nor hedge the attack (the clause speaks of its toll), so a trigger
reached through a prepositional adjunct of a clause does not take that clause's negation or hedge.
A hedge on who did it ("suspected militants attacked") leaves the event itself asserted.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from spacy.tokens import Doc, Token

from geomap.events.triggers import Trigger, trigger_token
from geomap.vocabulary import REPORTING_WORDS, SUPPORT_VERBS

# Verbs that attribute what their clause tells to a source.
ATTRIBUTION_VERBS = REPORTING_WORDS | frozenset({
    "say", "announce", "announces", "confirm", "confirms", "report", "state", "states", "add",
    "adds", "claim", "claims", "tweeted", "wrote", "writes", "insisted", "acknowledged",
    "admitted", "testified", "informed", "briefed", "disclosed", "revealed", "alleged",
    "warned", "estimated", "estimates", "citing", "quoting"})
# Dependency links by which a reporting verb is attached to the clause it attributes.
ATTRIBUTION_LINKS = frozenset({"parataxis", "advcl", "ccomp"})
# Clause markers that make an attached reporting verb a clause of its own ("after police said").
SUBORDINATORS = frozenset({"after", "before", "when", "while", "because", "since", "as", "until",
                           "although", "though", "once", "if", "unless"})
# Finite verb forms (past, present), which no "to" governs.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Modal auxiliaries and hedging adverbs on the trigger or a verb governing it.
MODALS = frozenset({"may", "might", "could", "would", "can", "should"})
HEDGE_ADVERBS = frozenset({
    "allegedly", "reportedly", "apparently", "possibly", "probably", "likely", "perhaps",
    "supposedly", "purportedly", "presumably", "seemingly", "maybe", "reputedly", "ostensibly"})
# "a suspected drone strike", "an alleged massacre".
HEDGE_ADJECTIVES = frozenset({"suspected", "alleged", "possible", "apparent", "unconfirmed",
                              "presumed", "likely", "probable", "purported", "rumoured",
                              "rumored", "feared"})
# Verbs of belief and suspicion: "is believed to", "officials believe he has fled".
BELIEF_VERBS = frozenset({
    "believed", "believe", "believes", "thought", "think", "thinks", "suspected", "suspect",
    "suspects", "rumoured", "rumored", "alleged", "feared", "fear", "fears", "presumed",
    "presume", "understood", "expected", "expect", "expects", "speculated", "speculate",
    "assumed", "assume", "appears", "appeared", "seems", "seemed", "suggests", "suggested",
    "likely", "unlikely", "possible", "unclear", "accused", "accuses", "accusing"})
# Verbs of unverified assertion, hedging the clause they take: "claimed that he was wounded"
# (not "claimed responsibility for the attack", which asserts it).
CLAIM_VERBS = frozenset({"claimed", "claims", "claim", "claiming", "alleged", "alleges",
                         "allege", "alleging"})
# Reporting verbs that hedge only in the passive with an infinitive: "is said to have fled".
HEARSAY_VERBS = frozenset({"said", "reported", "claimed"})
# Nouns whose content is unconfirmed: "reports of his death", "rumours that he fled".
HEDGE_NOUNS = frozenset({"reports", "report", "rumours", "rumors", "rumour", "rumor",
                         "speculation", "claims", "allegations", "allegation", "suspicion",
                         "suspicions", "fears", "possibility", "likelihood"})
CONDITIONALS = frozenset({"if", "unless", "whether"})
# Governors that say their complement did not happen: "failed to capture", "denied attacking".
NEGATING_VERBS = frozenset({
    "failed", "fail", "fails", "failing", "unable", "refused", "refuse", "refuses", "refusing",
    "denied", "deny", "denies", "denying", "prevented", "prevent", "avoided", "rejected"})
# Denials take a whole clause or an object: "denied that troops shelled", "denied the attack".
DENIAL_VERBS = frozenset({"denied", "deny", "denies", "denying", "rejected"})
# "Did not hesitate to attack": the negation cancels, the event happened.
CANCELLING_VERBS = frozenset({"hesitate", "hesitated", "fail", "failed", "stop", "cease"})
# Words inside a complement clause that depends on the governor's modality (not a clause of its
# own, which carries its own subject and auxiliaries).
COMPLEMENT_LINKS = frozenset({"xcomp", "acl", "pcomp"})
# "did not attack" and "never entered" are labelled neg; "not only attacked" is a preconj.
NEGATORS = frozenset({"not", "n't", "never", "no"})
# Modals of ability: negated, they say the event did not happen rather than that it may have.
ABILITY_MODALS = frozenset({"can", "could"})
# Prepositions a verbal complement hangs from: "accused of attacking", "prevented from fleeing".
COMPLEMENT_PREPOSITIONS = frozenset({"of", "from", "to"})
# "frequent bombings", "is regularly shelled": a pattern, not one event.
HABITUAL_WORDS = frozenset({"frequent", "frequently", "regular", "regularly", "often", "routinely",
                            "usually", "typically", "repeatedly", "habitually", "periodic",
                            "currently", "normally", "generally", "traditionally", "annually",
                            "customarily", "commonly", "daily", "weekly", "yearly"})
# Periods that recur ("die of AIDS every day", "each year") and spans that hold every time ("has
# caused many epidemics in history"): a pattern, not one event.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Subjects of a verb in the present that do what they say ("I resign", "we declare").
PERFORMERS = frozenset({"i", "we"})
RECURRING_DETERMINERS = frozenset({"every", "each"})
ALL_TIME_WORDS = frozenset({"history", "centuries", "decades"})


def is_descriptive(parsed: Doc, trigger: Trigger) -> bool:
    """A verb used as an adjective describes, it does not tell: "the self-declared caliph", "the
    besieged city"."""
    token = trigger_token(parsed, trigger)
    return trigger.sense.part == "verb" and (
        token.dep_ == "amod" or (trigger.start >= 2 and parsed[trigger.start - 1].text == "-"
                                 and parsed[trigger.start - 2].lower_ == "self"))


def is_timeless(parsed: Doc, trigger: Trigger) -> bool:
    """"it specifically infects the lungs", "the virus kills birds": a verb in the simple present
    tells what holds, not what happened; news tells events in the past or the perfect (its
    headlines, which tell them in the present, aside; and what one does by saying it: "I
    resign")."""
    token = trigger_token(parsed, trigger)
    return trigger.sense.part == "verb" and token.tag_ in PRESENT_TAGS and not any(
        child.dep_ in ("aux", "auxpass") or child.lower_ in PERFORMERS
        for child in token.children)


def is_habitual(parsed: Doc, trigger: Trigger) -> bool:
    """"carries out frequent suicide bombings", "is regularly shelled", "die of AIDS every day":
    a pattern, not an event."""
    token = trigger_token(parsed, trigger)
    near = [*token.children, *token.head.children] if token.head.i != token.i else [
        *token.children]
    return any(word.lower_ in HABITUAL_WORDS or _recurring(word) for word in near)


def _recurring(word: Token) -> bool:
    """"every day", "each year"; "in history", "throughout history"."""
    if word.dep_ in ("npadvmod", "advmod", "obl", "nmod") and any(
            child.lower_ in RECURRING_DETERMINERS for child in word.children):
        return True
    return word.dep_ == "prep" and word.lower_ in ("in", "throughout") and any(
        child.dep_ == "pobj" and child.lower_ in ALL_TIME_WORDS for child in word.children)


def is_reported(parsed: Doc, head: int) -> bool:
    """Told on someone's word: the trigger's clause hangs from a reporting verb ("officials said
    militants attacked", "the ministry announced that ...", "is reported to have fled"), or a
    reporting verb or "according to" is attached to it ("..., Iraqi officials said", "X told
    reporters"). A sentence inside quotation marks with no reporting verb of its own is not: the
    speaker is named elsewhere."""
    trigger = parsed[head]
    path = [trigger, *trigger.ancestors]
    for child, governor in pairwise(path):
        if governor.lower_ in ATTRIBUTION_VERBS and not _nominal(governor) \
                and _attributes(governor, child):
            return True
    on_path = {token.i for token in path}
    return any(_attribution(child) for token in path for child in token.children
               if child.i not in on_path)


def _attributes(verb: Token, child: Token) -> bool:
    """The reporting verb vouches for what hangs from it through `child`: not its speaker ("the
    protesters said"), nor what a passive with no agent reports ("no arrests were reported"),
    nor an order ("told residents to leave"), nor a claim of responsibility (which asserts the
    attack)."""
    if child.dep_ in ("nsubj", "csubj"):
        return False
    if child.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in verb.children):
        return False  # "no arrests were reported", "cases have been reported": by no one
    if child.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # "told residents to leave": an order
    return not any(c.dep_ == "dobj" and c.lower_ in ("responsibility", "credit")
                   for c in verb.children)


def _attribution(token: Token) -> bool:
    """A reporting clause or phrase attached beside the event's clause: "..., officials said",
    "the bombing, police said, ...", "according to residents"."""
    if token.lower_ == "according" or (token.lower_ in ("citing", "quoting")
                                       and token.dep_ in ("advcl", "prep", "xcomp")):
        return True
    if token.lower_ not in ATTRIBUTION_VERBS or token.dep_ not in ATTRIBUTION_LINKS:
        return False
    return not any(child.dep_ in ("mark", "advmod") and child.lower_ in SUBORDINATORS
                   for child in token.children)


def is_speculative(parsed: Doc, head: int) -> bool:
    """Told as a possibility: "allegedly fled", "may have fled", "is believed to have fled",
    "officials believe he has fled", "a suspected drone strike", "reports of his death", "if
    they attack"."""
    trigger = parsed[head]
    if _hedged(trigger) or any(child.dep_ == "acl" and child.lower_ in BELIEF_VERBS
                               for child in trigger.children):
        return True  # "raids thought to have been carried out by the army"
    crossed = False  # past a reported clause a modal is the speaker's ("would say that ...")
    adjuncts = not _definite(trigger)  # "wounded in a drone strike": part of the claim
    for link, governor in _scope(trigger, clauses=True, adjuncts=adjuncts):
        crossed = crossed or link == "ccomp"
        if link == "adjunct":
            continue  # "dozens are feared dead in it": the hedge is on the toll
        if _hedged(governor, modals=not crossed) or governor.lower_ in BELIEF_VERBS:
            return True
        if link == "ccomp" and governor.lower_ in CLAIM_VERBS:
            return True  # "claimed that the governor was wounded"
        if governor.lower_ in HEDGE_NOUNS and _nominal(governor):
            return True
        if governor.lower_ in HEARSAY_VERBS and link == "xcomp" and _passive(governor):
            return True  # "is said to have fled", "is reported to have abandoned"
    return False


def _hedged(token: Token, *, modals: bool = True) -> bool:
    """A modal (when `modals`), a hedging adverb or adjective, or a condition on this very word
    ("could not enter" tells of a failure, not of a possibility)."""
    for child in token.children:
        word, dep = child.lower_, child.dep_
        modal = modals and word in MODALS and not (word in ABILITY_MODALS and _negative(token))
        if (dep in ("aux", "auxpass") and modal) or word in HEDGE_ADVERBS \
                or (dep == "amod" and word in HEDGE_ADJECTIVES) \
                or (dep in ("mark", "advmod") and word in CONDITIONALS):
            return True
    return False


def is_negated(parsed: Doc, head: int) -> bool:
    """Told as not done: "did not attack", "never entered", "no attack", "no order to advance",
    "failed to capture", "denied attacking", "denied that troops shelled", "without a fight".
    A negated toll ("no one was hurt in the attack") leaves the attack done."""
    trigger = parsed[head]
    if _negative(trigger) or (trigger.dep_ in ("pobj", "pcomp")
                              and trigger.head.lower_ == "without"):
        return True
    for link, governor in _scope(trigger, clauses=False):
        if governor.lower_ in CANCELLING_VERBS and _negative(governor):
            return False  # "did not hesitate to attack"
        if _negative(governor) or (governor.lower_ in NEGATING_VERBS and link != "conj"):
            return True  # (what one did after failing is done: "failed to yield and collided")
        if governor.lower_ in DENIAL_VERBS and link in ("ccomp", "dobj"):
            return True
    return False


def _negative(token: Token) -> bool:
    """Negated itself: "not"/"never" on a verb, "no" on a noun ("no attack"); "not only" is not."""
    for child in token.children:
        if child.lower_ not in NEGATORS:
            continue
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            following = token.doc[child.i + 1] if child.i + 1 < len(token.doc) else None
            if following is None or following.lower_ != "only":
                return True
    return False


def _scope(trigger: Token, *, clauses: bool, adjuncts: bool = False
           ) -> Iterator[tuple[str, Token]]:
    """The words whose negation or hedge reaches the trigger, each with the link by which it was
    reached: up through complements ("failed to capture", "no order to advance", "denied
    attacking"), objects of support verbs ("launched an offensive"), "of" phrases ("reports of
    his death"), subjects of raising verbs ("is believed to have"), shared conjuncts, and (when
    `clauses`) the clauses it is the content of ("officials believe he has fled"). It stops at a
    clause of its own, and at a prepositional adjunct ("no one was hurt in the attack") unless
    `adjuncts`, when it goes on past the clause ("claimed that he was wounded in a drone strike")
    by an "adjunct" link whose governor's own words are about something else."""
    current = trigger
    while (step := _step(current, clauses, adjuncts)) is not None:
        link, current = step
        yield link, current


def _step(current: Token, clauses: bool, adjuncts: bool) -> tuple[str, Token] | None:
    """The link and the word one step up from `current` in the trigger's scope, or None."""
    if current.head.i == current.i:
        return None
    governor, link = current.head, current.dep_
    if link in ("pobj", "pcomp") and governor.lower_ in COMPLEMENT_PREPOSITIONS \
            and governor.head.i != governor.i:
        current, governor = governor, governor.head  # "reports of", "accused of attacking"
        link = "of" if link == "pobj" and current.lower_ == "of" else link
    elif link == "pobj" and adjuncts and governor.dep_ == "prep" \
            and governor.head.i != governor.i:
        return "adjunct", governor.head
    if link in ("nsubj", "nsubjpass") and _raising(governor):
        return "raised", governor  # "the raids, thought to have been carried out by ..."
    if link in COMPLEMENT_LINKS | {"of"}:
        return link, governor
    if link == "ccomp" and (clauses or governor.lower_ in DENIAL_VERBS):
        return link, governor
    if link in ("dobj", "nsubjpass") and governor.lower_ in SUPPORT_VERBS | DENIAL_VERBS:
        return link, governor
    if link == "conj" and current.tag_ in FINITE_TAGS and governor.tag_ == "VB":
        return None  # "failed to stop and collided": a past tense is no infinitive's conjunct
    if link == "conj" and not _has_subject(current) and not any(
            child.dep_ == "cc" and child.lower_ in ("but", "yet") for child in governor.children):
        return link, governor
    if link == "advcl" and _complement_like(current):
        return link, governor
    return None


def _complement_like(clause: Token) -> bool:
    """An infinitive or participle without subject or marker says more of its governor's action
    ("moved in to capture the town"); a "when" or "after" clause is a clause of its own."""
    return not _has_subject(clause) and not any(
        child.dep_ in ("mark", "advmod") and child.lower_ in SUBORDINATORS | CONDITIONALS
        for child in clause.children)


def _raising(verb: Token) -> bool:
    """A verb of belief or hearsay whose subject is what its infinitive tells of: "is believed
    to have", "thought to have been carried out"."""
    return verb.lower_ in BELIEF_VERBS | HEARSAY_VERBS and any(
        child.dep_ == "xcomp" for child in verb.children)


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for child in token.children)


def _definite(token: Token) -> bool:
    """"the attack", "its offensive": told before, so not part of what a claim adds."""
    return any(child.dep_ in ("det", "poss") and child.lower_ not in ("a", "an", "no", "any")
               for child in token.children)


def _passive(token: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in token.children)


def _nominal(token: Token) -> bool:
    """A noun, not a verb: "the reports", "amid reports that" (not "Reuters reports that")."""
    return token.tag_.startswith("NN")
