"""Distances in a sentence's dependency parse, for deciding which of its places, dates and actors
belong to an event: steps inside a phrase count half, a step into another clause or past a
reporting verb counts extra, and whatever hangs from another event's trigger is out of reach."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from geomap.vocabulary import REPORTING_WORDS

# Dependency steps that stay inside one phrase cost half a step.
LIGHT_DEPS = frozenset({"prep", "pobj", "pcomp", "compound", "amod", "det", "nummod", "poss",
                        "npadvmod", "agent", "dative"})
# Dependency steps down into another clause: what is said there is about something else (but a
# clause the trigger takes as its object, "proclaimed himself emir in Kismayo", is its own).
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "parataxis", "csubj"})
# Leaving the trigger's own clause for the clause it hangs from: a "when" clause (advcl) shares
# its main clause's time and place; a relative or reported clause does not.
ENCLOSING_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "parataxis", "csubj"})
CLAUSE_PENALTY = 2.5
# What hangs from the trigger itself is its own more often than what its head governs.
UPWARD_COST = 1.0
# Participles that record an event noun ("cases reported in Ohio"): where it was recorded.
RECORDED_PARTICIPLES = frozenset({"reported", "confirmed", "recorded", "detected", "found",
                                  "registered", "identified", "documented", "diagnosed"})
# Past a reporting verb ("officials said"): what is told and who told it are apart.
REPORTING_PENALTY = 3.0


class Distances:
    """Distance in the parse from an event's trigger to any token of the sentence."""

    def __init__(self, parsed: Doc, head: int, rivals: set[int]):
        self.parsed = parsed
        self.head = parsed[head]
        self.rivals = rivals
        self.trigger_path = [self.head, *self.head.ancestors]
        self._on_trigger_path = {token.i: step for step, token in enumerate(self.trigger_path)}

    def cost(self, index: int) -> float:
        """Tree steps from the trigger to token `index` (light steps half), plus penalties for
        crossing into another clause, past a reporting verb or into another event's clause."""
        token = self.parsed[index]
        upward = [token, *token.ancestors]
        climb = next(step for step, up in enumerate(upward) if up.i in self._on_trigger_path)
        meeting = upward[climb]
        cost = 0.0
        for token in upward[:climb]:  # from the token up to the meeting point
            cost += step_cost(token, frozenset() if self._recorded(token) else CLAUSE_DEPS)
            if token.i in self.rivals and token.i != index:
                return float("inf")  # it belongs to the other event
        for token in self.trigger_path[:self._on_trigger_path[meeting.i]]:  # up from the trigger
            cost += step_cost(token, ENCLOSING_CLAUSE_DEPS) + UPWARD_COST
        if meeting.i != self.head.i and meeting.lower_ in REPORTING_WORDS \
                and not self._reported_itself(meeting):
            cost += REPORTING_PENALTY
        return cost + 0.02 * abs(index - self.head.i)

    def _recorded(self, token: Token) -> bool:
        """A participle that records the trigger's noun where it was recorded ("cases reported
        in Massachusetts", "cases of measles confirmed in Kano") is no clause of its own."""
        noun = token.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "cases of measles reported"
            noun = noun.head.head
        return token.dep_ == "acl" and noun.i == self.head.i \
            and token.lower_ in RECORDED_PARTICIPLES

    def _reported_itself(self, verb: Token) -> bool:
        """The trigger is what the reporting verb's passive tells of ("a case has been
        confirmed in Brattleboro"): where it was confirmed is where it happened."""
        below = self.trigger_path[self._on_trigger_path[verb.i] - 1]
        return below.dep_ == "nsubjpass"


def step_cost(token: Token, clauses: frozenset[str]) -> float:
    """The cost of the step from a token to its head, more when it leaves one of `clauses`."""
    cost = 0.5 if token.dep_ in LIGHT_DEPS else 1.0
    if token.dep_ in clauses or (token.dep_ == "conj" and any(
            child.dep_ in ("nsubj", "nsubjpass") for child in token.children)):
        cost += CLAUSE_PENALTY  # into a clause of its own
    return cost


def has_subject(token: Token) -> bool:
    """The word heads a clause with a subject of its own."""
    return any(child.dep_ in ("nsubj", "nsubjpass", "csubj") for child in token.children)


def token_at(parsed: Doc, char: int) -> int:
    """The index of the token of `parsed` that holds character `char` of its text."""
    for token in parsed:
        if token.idx <= char < token.idx + len(token.text) or token.idx > char:
            return token.i
    return len(parsed) - 1


def depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def infinitive(token: Token) -> bool:
    """A verb with "to" before it: "to be sentenced", "the fight to retake"."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)
