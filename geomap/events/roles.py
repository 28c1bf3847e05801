"""Roles of a sentence's actors in an event, from the parse: who did it and to whom.

- actor: the subject of the trigger verb, the agent of a passive ("were arrested by police"), the
  owner of a noun trigger ("coalition strikes", "an attack by militants"), the subject of a verb
  the trigger is a complement of ("failed to capture", "is believed to have fled", "launched an
  offensive"), the object of a verb that makes it act ("forced residents to flee"), and the noun
  an active participle describes ("Kenyan troops advancing towards the port");
- target: the object ("arrested two men"), the subject of a passive ("two men were arrested"),
  the object of "on", "against" or "at" ("strikes on the convoy"), the other side of a clash,
  whoever a capture takes from ("seized the town from the militants");
- victim: a target that is civilians ("civilians", "a four-year-old boy", "residents",
  "worshippers") when the event harms people, and whoever a clause of killing or wounding tied to
  the event names as hurt ("..., killing two children", "26 people were killed when ...", "five
  people died in the attack").
An actor takes one role in one event: the one its nearest mention in the parse gives. Where a
movement went ("advanced on Raqa", "fled to Syria") is a place, not a party to it; a name that
qualifies a thing ("fled the rebel stronghold", "retook the government headquarters") is a party
only to an event that harms ("strikes on IS positions"). "Thousands of protesters" stand where
"thousands" stands.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from geomap.events.actor_mentions import ActorMention
from geomap.events.records import HARMFUL_TYPES, MOVEMENT_TYPES, Actor
from geomap.events.senses import AIMING_PREPOSITIONS
from geomap.events.syntax import Distances, has_subject
from geomap.vocabulary import SUPPORT_VERBS

# How far in the parse (see `syntax`) an actor may stand from the trigger.
MAX_ACTOR_COST = 4.5
# When two mentions of one actor are equally near, the role more often right.
ROLE_ORDER = {"actor": 0, "target": 1, "victim": 2}
# "strikes on the convoy", "an offensive against the militants".
TARGET_PREPOSITIONS = AIMING_PREPOSITIONS | {"targeting"}
# "along with", "together with": who is named with another shares the other's role.
COMPANION_WORDS = frozenset({"along", "together"})
# Verbs whose agent leads the group they describe ("protesters led by Imran Khan").
LEADING_VERBS = frozenset({"led", "headed", "commanded", "organised", "organized", "spearheaded"})
# Where a movement went or came from.
DIRECTION_PREPOSITIONS = frozenset({"on", "to", "into", "toward", "towards", "at", "upon",
                                    "from", "for", "onto", "against"})
# Verbs of harm whose subject does the harm ("killing two children").
HARM_VERBS = frozenset({"killed", "kill", "kills", "killing", "wounded", "wound", "wounds",
                        "wounding", "injured", "injure", "injures", "injuring", "hurt",
                        "hurting", "maimed", "maiming", "slain", "slew", "slaying"})
# Verbs and adjectives whose subject suffers it ("five people died in the attack").
SUFFERING_WORDS = frozenset({"died", "die", "dies", "dying", "perished", "dead", "missing"})
# Prepositions tying a toll to its event: "killed in the attack", "died during the raid".
TOLL_PREPOSITIONS = frozenset({"in", "during", "by", "after", "from"})
# Verbs whose object does what their infinitive tells: "forced residents to flee", "ordered
# troops to advance" (but "began an operation to recapture": the subject does it).
OBJECT_CONTROL_VERBS = frozenset({
    "forced", "force", "forces", "forcing", "ordered", "order", "orders", "ordering", "told",
    "tell", "urged", "urge", "urging", "asked", "ask", "allowed", "allow", "compelled", "sent",
    "send", "sending", "prompted", "prompting", "drove", "driving", "caused", "causing",
    "pushed", "pushing", "instructed", "commanded", "authorised", "authorized", "encouraged",
    "warned", "called", "persuaded", "helped", "enabled"})
# "left two commanders behind to hold the port": the ones left behind do it.
LEAVING_VERBS = frozenset({"left", "leave", "leaves", "leaving"})
# Words for how many: "thousands of protesters", "a group of gunmen".
QUANTITIES = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions",
                        "handful", "number", "group", "groups", "band", "crowd", "crowds",
                        "some", "many", "several", "most", "all", "both", "each", "none"})
DASHES = " -‐–—"
# Participles that give a name: "a militia called the Dawn Brigade", "known as the SDF".
NAMING_PARTICIPLES = frozenset({"known", "called", "named", "dubbed", "styled", "calling"})
# What a name may stand for the members of: "an alliance of fighters known as the SDF".
COLLECTIVES = frozenset({"alliance", "alliances", "coalition", "coalitions", "union",
                         "federation", "front", "bloc", "umbrella"})
# Steps up from the trigger that keep its governor's subject as its own: complements
# ("failed to capture"), shared conjuncts, participles ("..., forcing them to flee").
SHARED_LINKS = frozenset({"xcomp", "conj", "advcl", "pcomp"})


def event_roles(scorer: Distances, parsed: Doc, head: int, actors: list[ActorMention],
                event_type: str, table_nouns: dict[str, str], others: tuple[int, ...] = ()
                ) -> list[Actor]:
    """The actors tied to the event in the parse, each once, with its role and every name the
    sentence writes it under ("Islamic State militants, also known as ISIS or Daesh").

    A mention the parse does not tie to the main trigger (`head`) may be tied to another of the
    event's trigger words (`others`): in "air strikes by the coalition killed 23 civilians" the
    parse may hang "killed" from the coalition, and the civilians are still the strikes'
    victims."""
    scorers = [scorer, *(Distances(parsed, other, scorer.rivals) for other in others)]
    best: dict[str, tuple[tuple[float, int], Actor]] = {}
    for mention in actors:
        placed = next((placed for near in scorers if (placed := _placed(
            mention, parsed, near.head, event_type, table_nouns, near)) is not None), None)
        if placed is None:
            continue
        role, cost = placed
        rank = (cost, ROLE_ORDER[role])
        kept = best.get(mention.name)
        if kept is None or rank < kept[0]:
            generic = mention.generic and (kept is None or kept[1].generic)
            best[mention.name] = (rank, Actor(mention.name, role, mention.kind, generic=generic))
        else:
            kept[1].generic = kept[1].generic and mention.generic
    for mention in actors:
        written = mention.text.strip(DASHES)  # "KISMAYO — Shabaab": matched with its dash
        if mention.name in best and written != mention.name and not mention.reference:
            seen = best[mention.name][1].aliases_seen
            if written not in seen:
                seen.append(written)
    return [actor for _, actor in best.values()]


def _placed(mention: ActorMention, parsed: Doc, trigger: Token, event_type: str,
            table_nouns: dict[str, str], scorer: Distances) -> tuple[str, float] | None:
    """The mention's role in the event and how far it stands from the trigger, or None."""
    anchor = _quantified(parsed[mention.head])
    while anchor.dep_ == "appos" and anchor.head.i != anchor.i:
        anchor = anchor.head  # "the mayor of Albany, Tom Reyes, imposed ...": the mayor's role
    anchor = _called(anchor) or anchor  # "an alliance known as the SDF advanced": its role
    qualifier = False
    if anchor.dep_ in ("compound", "amod") and anchor.head.i != trigger.i \
            and table_nouns.get(anchor.head.lower_, mention.kind) == mention.kind:
        # "Daesh extremists", "Coalition aircraft": their role is Daesh's, the coalition's
        # (but "Islamic State leader": the leader's is his own)
        qualifier = anchor.head.lower_ not in table_nouns
        anchor = anchor.head
    if qualifier and event_type not in HARMFUL_TYPES:
        return None  # "retook the government headquarters": whose place, not who
    found = _role(anchor, trigger, event_type, mention.kind)
    relative = _relative_pronoun(anchor)
    if found is None and relative is not None:  # "Baghdadi, who declared ..."
        found = _role(relative, trigger, event_type, mention.kind)
    if found is None:
        return None
    role, measured = found
    cost = scorer.cost(measured.i)
    return (role, cost) if cost <= MAX_ACTOR_COST else None


def _called(token: Token) -> Token | None:
    """What the token names in "a noun known as / called / dubbed <name>": that noun (or the
    alliance or group it is the members of: "an alliance of fighters known as the SDF")."""
    preposition = token.head
    if token.dep_ == "pobj" and preposition.lower_ == "as":
        verb = preposition.head
    elif token.dep_ in ("oprd", "dobj", "attr"):
        verb = preposition
    else:
        return None
    if verb.lower_ not in NAMING_PARTICIPLES or verb.dep_ != "acl" or verb.head.i == verb.i:
        return None
    return _quantified(verb.head, COLLECTIVES)


def _quantified(token: Token, wholes: frozenset[str] = frozenset()) -> Token:
    """"Thousands of townspeople", "two of the attackers": the phrase stands where its quantity
    (or one of `wholes`) does."""
    preposition = token.head
    quantity = preposition.head
    if token.dep_ == "pobj" and preposition.lower_ == "of" and quantity.i != preposition.i \
            and (quantity.lower_ in QUANTITIES | wholes or quantity.tag_ == "CD"):
        return quantity
    return token


def _relative_pronoun(token: Token) -> Token | None:
    """The "who" of a relative clause about this token, which stands for it in that clause (or
    for a list it begins: "Tom Hale and Ann Lee, who were appointed in May")."""
    for clause in token.children:
        if clause.dep_ == "relcl":
            return next((child for child in clause.children
                         if child.lower_ in ("who", "which", "that") and child.dep_.startswith(
                             "nsubj")), None)
    joined = next((child for child in token.children if child.dep_ == "conj"), None)
    return None if joined is None else _relative_pronoun(joined)


def _role(token: Token, trigger: Token, event_type: str, kind: str
          ) -> tuple[str, Token] | None:
    """actor, target or victim, from where the token stands in the parse relative to the
    trigger, with the token whose distance from the trigger says how close the tie is (for a
    word tied through another verb, the point where that tie reaches the trigger's side: the
    verb's own step to the word is part of the tie); None when the parse does not tie it to the
    event."""
    harmed = "victim" if event_type in HARMFUL_TYPES | {"disaster"} and kind == "civilians" \
        else "target"
    if token.i == trigger.i:
        return "actor", token  # "suicide bombers", "protesters": the trigger names its doers
    if trigger.dep_ == "acl" and trigger.head.i == token.i:
        # "Kenyan troops advancing towards the port" / "a village shelled by the army"
        return ("actor" if trigger.tag_ == "VBG" else harmed), token
    while token.dep_ in ("conj", "appos") and token.head.i not in (token.i, trigger.i):
        token = token.head  # "Kenyan troops and their militia allies": the first's role
        # ("Tom Hale, 34; Ann Lee, 29; and Joe Roe, 8, died": a list the parse hangs in turns)
    companion = _companion(token, trigger) or _led(token)
    if companion is not None:
        return _role(companion, trigger, event_type, kind)
    head = token.head
    if token.dep_ == "poss" and event_type == "political decision" \
            and head.dep_ in ("dobj", "nsubjpass") and head.head.i == trigger.i:
        return harmed, token  # "accepted Halliburton's plan": whose plan a decision is on
    if head.i == trigger.i:
        role = _argument_role(token, trigger, event_type, harmed)
    elif token.dep_ == "pobj" and head.head.i == trigger.i:
        role = _prepositional_role(head.lower_, event_type, harmed)
    elif token.dep_ == "pobj" and head.lower_ in TARGET_PREPOSITIONS \
            and _supported(head.head, trigger):
        role = harmed  # "launched its offensive on al-Shabaab"
    else:
        return _indirect_role(token, trigger, harmed)
    return None if role is None else (role, token)


def _companion(token: Token, trigger: Token) -> Token | None:
    """Whom a word "along with" or "together with" accompanies, whose role it shares: the noun
    the phrase hangs from, or, when it hangs from the trigger, the trigger's subject if the
    phrase comes before the trigger ("Williams, along with Garnes, was charged") and its
    object if after ("police arrested Reyes along with his brother")."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "with":
        return None
    # the parse hangs "with" from "along", or "together" from "with"
    if preposition.head.lower_ in COMPANION_WORDS and preposition.head.i != preposition.i:
        attached = preposition.head.head
    elif any(child.lower_ in COMPANION_WORDS for child in preposition.children):
        attached = preposition.head
    else:
        return None
    if attached.i != trigger.i:
        return attached if attached.tag_.startswith(("NN", "PRP")) else None
    wanted = ("nsubj", "nsubjpass") if preposition.i < trigger.i else ("dobj",)
    return next((child for child in trigger.children if child.dep_ in wanted), None)


def _led(token: Token) -> Token | None:
    """Whom the word leads, whose part it takes: "protesters led by Imran Khan marched", "a
    march headed by the mayor"."""
    agent = token.head
    verb = agent.head
    if token.dep_ != "pobj" or agent.dep_ != "agent" or verb.lower_ not in LEADING_VERBS \
            or verb.dep_ != "acl" or verb.head.i == verb.i:
        return None
    group = verb.head  # "thousands of protesters led by": the protesters
    members = [grand for child in group.children if child.lower_ == "of"
               for grand in child.children if grand.dep_ == "pobj"]
    return members[0] if group.lower_ in QUANTITIES and members else group


def _argument_role(token: Token, trigger: Token, event_type: str, harmed: str) -> str | None:
    """The role of a word the trigger governs directly."""
    dep = token.dep_
    if dep in ("nsubj", "csubj"):
        # "four people contracted HIV": in a disaster people are struck, not doers
        return "victim" if event_type == "disaster" and harmed == "victim" else "actor"
    if dep == "nsubjpass":
        moved = event_type in MOVEMENT_TYPES and not any(c.dep_ == "agent"
                                                         for c in trigger.children)
        return "actor" if moved else harmed  # "troops were deployed" / "men were arrested"
    if dep == "dobj":
        return harmed
    if dep in ("poss", "compound", "amod", "nmod"):
        # "coalition strikes", "its raids" (but "civilian deaths": those harmed)
        return harmed if harmed == "victim" else "actor"
    return None


def _prepositional_role(preposition: str, event_type: str, harmed: str) -> str | None:
    """The role of the object of a preposition the trigger governs."""
    if preposition == "by":
        return "actor"  # "were arrested by police", "an attack by militants"
    if event_type in MOVEMENT_TYPES:
        if preposition == "of":
            return "actor"  # "the deployment of troops", "the flight of civilians"
        if preposition in DIRECTION_PREPOSITIONS:
            return None  # "advanced on Raqa": where it went
    if preposition in TARGET_PREPOSITIONS or preposition == "of":
        return harmed  # "strikes on the convoy", "the arrest of two men"
    if event_type == "capture" and preposition == "from":
        return harmed  # "seized the town from the militants"
    if event_type == "armed clash":
        return {"with": "target", "between": "actor"}.get(preposition)
    return None


def _indirect_role(token: Token, trigger: Token, harmed: str) -> tuple[str, Token] | None:
    """The role of a word hanging from a verb the trigger is tied to: a clause of killing or
    wounding, a verb the trigger completes ("failed to capture"), a support verb ("launched an
    offensive"), or a verb whose agent did what the trigger names ("raids thought to have been
    carried out by the army"). A clause of killing tells the event's own toll: its words are
    measured as near as the trigger."""
    verb = token.head
    if token.dep_ == "nsubj" and verb.dep_ in ("ccomp", "xcomp", "oprd") \
            and verb.head.i == trigger.i and verb.tag_.startswith("JJ"):
        return harmed, verb  # "found the defendant guilty": whom the verdict is on
    if token.dep_ == "pobj" and verb.lower_ == "by":
        verb = verb.head
        if _toll_clause(verb, trigger):
            return "actor", trigger  # "were killed by militants in an attack"
        return ("actor", verb) if _carried_out(verb, trigger) else None
    if _toll_clause(verb, trigger):
        if token.dep_ in ("dobj", "nsubjpass") or verb.lower_ in SUFFERING_WORDS:
            return harmed, trigger  # "killing two children", "five people died in the attack"
        # "militants killed 12 civilians in an attack": the killers did it
        killers = token.dep_ == "nsubj" and verb.head.i != trigger.i
        return ("actor", trigger) if killers else None
    chain = _shared_chain(trigger, verb)
    if not chain:
        return None
    # "forced residents to flee": the object of the verb the trigger completes is its doer
    controller = next((link.head for link in chain
                       if link.dep_ in ("xcomp", "advcl") and _controls(link.head)), None)
    if token.dep_ in ("dobj", "dative"):
        role = "actor" if controller is not None and controller.i == verb.i else None
    elif controller is not None:
        role = None  # "left two commanders behind to hold the port": not the one who left
    elif token.dep_ == "nsubj":
        role = "actor"
    elif token.dep_ == "nsubjpass":
        # "the town was shelled and captured", "is believed to have been arrested" / "he is
        # believed to have fled", "police were ordered to arrest"
        shared = all(link.dep_ == "conj" for link in chain) or _passive(trigger)
        role = harmed if shared else "actor"
    else:
        role = None
    # measured where the chain meets the verb: a reporting verb raising its subject ("is
    # reported to have abandoned") is no step away from what is told
    return None if role is None else (role, chain[-1])


def _controls(verb: Token) -> bool:
    """Its object does what its infinitive tells: "forced residents to flee", "left local
    commanders behind to hold the port"."""
    if verb.lower_ in LEAVING_VERBS:
        return any(child.lower_ == "behind" for child in verb.children)
    return verb.lower_ in OBJECT_CONTROL_VERBS and any(
        child.dep_ in ("dobj", "dative") for child in verb.children)


def _supported(word: Token, trigger: Token) -> bool:
    """The word and the trigger are a support verb and its object, whichever of the two the
    trigger is: "launched its offensive", "carried out strikes"."""
    if word.dep_ == "dobj" and word.head.i == trigger.i:
        return trigger.lower_ in SUPPORT_VERBS
    return trigger.dep_ == "dobj" and trigger.head.i == word.i and word.lower_ in SUPPORT_VERBS


def _toll_clause(verb: Token, trigger: Token) -> bool:
    """A clause of killing or dying that tells the event's toll: "..., killing two children",
    "the bombing killed nine", "26 people were killed when bombers attacked", "died in the
    attack"."""
    if verb.lower_ not in HARM_VERBS | SUFFERING_WORDS or verb.i == trigger.i:
        return False
    if verb.head.i == trigger.i and verb.dep_ in ("advcl", "conj", "xcomp", "acl"):
        return True
    if trigger.head.i == verb.i and trigger.dep_ in ("nsubj", "advcl", "conj"):
        return True
    preposition = trigger.head
    if trigger.dep_ != "pobj" or preposition.lower_ not in TOLL_PREPOSITIONS:
        return False
    attached = preposition.head
    # "killed by militants in an attack": the parse often hangs "in" from the agent
    by_agent = attached.dep_ == "pobj" and attached.head.dep_ == "agent" \
        and attached.head.head.i == verb.i
    return attached.i == verb.i or by_agent


def _shared_chain(trigger: Token, verb: Token) -> list[Token] | None:
    """The tokens from the trigger up to (not including) `verb` when the verb's subject is the
    trigger's doer: each step is a complement, conjunct or participle without a subject of its
    own, or a noun trigger the object of a support verb ("launched an offensive", "carried out a
    series of raids", "began an operation to recapture", "to lead the battle"). None otherwise:
    "fled the fighting" and "condemned the attack" do not name their doers."""
    chain: list[Token] = []
    current = trigger
    while current.i != verb.i:
        if current.head.i == current.i or has_subject(current):
            return None
        link = current.dep_
        if link == "dobj" and current.head.lower_ not in SUPPORT_VERBS:
            return None
        after_complement = bool(chain) and chain[-1].dep_ == "pcomp"
        if link == "prep" and not (current.lower_ == "of" or after_complement):
            return None  # "after shelling the town" shares; "in the attack" does not
        if link not in SHARED_LINKS | {"dobj", "acl", "pobj", "prep"} \
                or (link == "pobj" and current.head.lower_ != "of"):
            return None
        chain.append(current)
        current = current.head
    return chain


def _carried_out(verb: Token, trigger: Token) -> bool:
    """"Raids ... thought to have been carried out by the army": the verb with the agent
    hangs (through "thought to", "said to") from the verb whose subject is the trigger."""
    current = verb
    for _ in range(3):
        if any(child.i == trigger.i and child.dep_.startswith("nsubj")
               for child in current.children):
            return True
        if current.dep_ not in ("xcomp", "ccomp", "acl", "relcl") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _passive(token: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in token.children)
