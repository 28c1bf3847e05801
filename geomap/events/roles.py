"""Roles of a sentence's actors in an event, from the parse: who did it (the subject, the agent of
a passive, the owner of "coalition strikes"), and to whom (the object: a target, or victims when
civilians are harmed)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from geomap.events.actor_mentions import ActorMention
from geomap.events.records import HARMFUL_TYPES, Actor
from geomap.events.syntax import Distances

# How far in the parse (see `syntax`) an actor may stand from the trigger.
MAX_ACTOR_COST = 4.5


def event_roles(scorer: Distances, parsed: Doc, head: int, actors: list[ActorMention],
                event_type: str, table_nouns: dict[str, str]) -> list[Actor]:
    """The actors tied to the event in the parse, each with its role."""
    trigger = parsed[head]
    found: dict[tuple[str, str], Actor] = {}
    for mention in actors:
        anchor = parsed[mention.head]
        if anchor.dep_ in ("compound", "amod") \
                and table_nouns.get(anchor.head.lower_, mention.kind) == mention.kind:
            # "Daesh extremists", "Coalition aircraft": their role is Daesh's, the coalition's
            # (but "Islamic State leader": the leader's is his own)
            anchor = anchor.head
        role = _role(anchor, trigger, event_type, mention.kind)
        relative = _relative_pronoun(anchor)
        if role is None and relative is not None:  # "Baghdadi, who declared ..."
            anchor = relative
            role = _role(anchor, trigger, event_type, mention.kind)
        if role is None or scorer.cost(anchor.i) > MAX_ACTOR_COST:
            continue
        key = (mention.name, role)
        actor = found.setdefault(key, Actor(mention.name, role, mention.kind,
                                            generic=mention.generic))
        written = mention.text.strip()
        if written != mention.name and written not in actor.aliases_seen and not mention.reference:
            actor.aliases_seen.append(written)
    return list(found.values())


def _relative_pronoun(token: Token) -> Token | None:
    """The "who" of a relative clause about this token, which stands for it in that clause."""
    for clause in token.children:
        if clause.dep_ == "relcl":
            return next((child for child in clause.children
                         if child.lower_ in ("who", "which", "that") and child.dep_.startswith(
                             "nsubj")), None)
    return None


def _role(token: Token, trigger: Token, event_type: str, kind: str) -> str | None:
    """actor (who did it), target (to whom) or victim (civilians harmed), from the parse."""
    harmful = event_type in HARMFUL_TYPES
    victim_or_target = "victim" if harmful and kind == "civilians" else "target"
    # conjuncts share the role of the first ("Turkish troops and their rebel allies")
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ == "nsubj" and _governs(head, trigger):
        return "actor"
    if token.dep_ == "pobj" and head.lower_ == "by" and (
            _governs(head.head, trigger) or _carried_out(head.head, trigger)):
        return "actor"
    if token.dep_ in ("poss", "compound", "amod") and head.i == trigger.i:
        return "actor"  # "coalition strikes", "its raids"
    if token.dep_ == "nsubjpass" and head.i != trigger.i and _governs(head, trigger) \
            and any(t.dep_ == "xcomp" for t in _chain(trigger, head)):
        return "actor"  # "he is believed to have fled"
    if token.dep_ in ("dobj", "nsubjpass") and _governs(head, trigger):
        return victim_or_target
    if token.dep_ == "pobj" and head.lower_ in ("on", "against", "at", "targeting") \
            and head.head.i == trigger.i:
        return victim_or_target
    return None


def _chain(token: Token, until: Token) -> list[Token]:
    """The tokens from `token` up to (not including) its ancestor `until`."""
    chain = []
    while token.i != until.i and token.head.i != token.i:
        chain.append(token)
        token = token.head
    return chain


def _carried_out(verb: Token, trigger: Token) -> bool:
    """"Strikes ... thought to have been conducted by the coalition": the verb with the agent
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


def _governs(verb: Token, trigger: Token) -> bool:
    """The verb is the trigger, or the trigger hangs from it without another subject in
    between ("carried out frequent suicide bombings", "pushed south ... and driven")."""
    current = trigger
    for _ in range(4):
        if current.i == verb.i:
            return True
        if current.dep_ in ("ROOT", "ccomp", "relcl", "advcl") and current.i != trigger.i:
            return False
        if any(child.dep_ in ("nsubj", "nsubjpass") for child in current.children):
            return False  # it has a subject of its own
        current = current.head
    return current.i == verb.i
