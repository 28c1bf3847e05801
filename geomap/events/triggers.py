"""Event triggers: the words that say something happened ("fled", "suicide bombers", "floods",
"was charged"), matched by their lemmas, each sense settled by the parse.

The table (`data/event_triggers.csv`) has one row per sense: the lemma(s), the part of speech, the
type and subtype (`taxonomy.py`), what the sense requires of its sentence (a check of
`requirements.py`) and an example. Finding triggers takes two steps:

- before parsing, a spaCy `PhraseMatcher` over lemmas (and a `Matcher` for a verb and its
  particle apart) finds candidates in every sentence, so that only sentences with one are parsed. The lemmas come from spaCy's lookup table (spacy-lookups-data),
  which needs no tagger: "fled", "flees" and "fleeing" are all "flee".
- after parsing (`settle`), a candidate takes the first of its senses whose part of speech (from
  the tagger) and requirement (`requirements`) hold, or is no trigger at all.
"""

from __future__ import annotations

import csv
import functools
import gzip
import json
from dataclasses import dataclass, replace
from importlib import resources

import spacy_lookups_data
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from geomap.events.requirements import PARTY_ENTITIES, REQUIREMENTS, may_hold

# Words that complete a verb across its object: particles ("drove the militants out") and
# a verdict's adjectives ("found the banker guilty").
PARTICLES = frozenset({"out", "off", "back", "away", "down", "up", "guilty"})
# How many words an object between a verb and its particle may take: "drove the militants out".
MAX_OBJECT_TOKENS = 4
# What may not stand between them (a hyphen may: "drove al-Shabaab out").
CLAUSE_PUNCTUATION = frozenset({",", ".", ";", ":", "!", "?", "(", ")", '"', "“", "”", "—", "–"})


@dataclass(frozen=True, slots=True)
class TriggerSense:
    type: str
    subtype: str
    part: str  # "verb", "noun", or "" for either (settled from the parse)
    requires: str = ""  # a check of senses.REQUIREMENTS, or "" for none
    words: int = 0  # of a longer phrase, how many of its first words this sense is of; 0: all


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger in a sentence: token span [start, end) of the sentence and its senses, the
    likeliest first (one once `settle` has chosen)."""

    start: int
    end: int
    text: str
    senses: tuple[TriggerSense, ...]

    @property
    def sense(self) -> TriggerSense:
        return self.senses[0]

    @property
    def specificity(self) -> int:
        """Longer triggers name the event more exactly ("suicide bombers" over "attacked")."""
        return self.end - self.start


@functools.cache
def lemma_table() -> dict[str, str]:
    """spaCy's English lookup lemmas (word -> lemma), read straight from the package's file."""
    path = resources.files(spacy_lookups_data) / "data" / "en_lemma_lookup.json.gz"
    with path.open("rb") as handle:
        return json.loads(gzip.decompress(handle.read()))


def lemmatise(tokens: Span | Doc) -> None:
    """Give each token its lookup lemma (lower case), which the trigger matcher reads."""
    table = lemma_table()
    for token in tokens:
        token.lemma_ = table.get(token.lower_, token.lower_)


@functools.cache
def senses_by_lemma() -> dict[str, tuple[TriggerSense, ...]]:
    found: dict[str, list[TriggerSense]] = {}
    with (resources.files("geomap") / "data" / "event_triggers.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            found.setdefault(row["lemma"], []).append(
                TriggerSense(row["type"], row["subtype"], row["part"], row["requires"]))
    return {lemma: tuple(senses) for lemma, senses in found.items()}


@functools.cache
def _phrase_matcher(vocab: Vocab) -> PhraseMatcher:
    """Every listed lemma or phrase of lemmas, matched by hash (a `Matcher` of as many token
    patterns walks them all at every token)."""
    matcher = PhraseMatcher(vocab, attr="LEMMA")
    for lemma in senses_by_lemma():
        words = lemma.split()
        pattern = Doc(vocab, words=words)
        for token, word in zip(pattern, words):
            token.lemma_ = word
        matcher.add(lemma, [pattern])
    return matcher


@functools.cache
def _particle_matcher(vocab: Vocab) -> Matcher:
    """A verb and its particle with a few words between them: "drove the militants out",
    "found the banker guilty"."""
    matcher = Matcher(vocab)
    gap = {"TEXT": {"NOT_IN": list(CLAUSE_PUNCTUATION)}, "OP": f"{{1,{MAX_OBJECT_TOKENS}}}"}
    for lemma, senses in senses_by_lemma().items():
        words = lemma.split()
        if len(words) == 2 and words[1] in PARTICLES and any(s.part != "noun" for s in senses):
            matcher.add(f"{lemma}\t…", [[{"LEMMA": words[0]}, gap, {"LOWER": words[1]}]])
    return matcher


def find_triggers(sentence: Span, opening: frozenset[str] = frozenset(),
                  entities: list[Span] | None = None) -> list[Trigger]:
    """The candidate triggers of a lemmatised sentence, the longest at each place, without
    overlaps, each with the senses the sentence's words leave possible (`requirements.may_hold`;
    `opening` holds the words of its story's opening, `entities` the sentence's entities when
    the caller has them: `Span.ents` reads the whole article's). Token indices are relative to
    the sentence, so they index its parsed Doc."""
    vocab = sentence.doc.vocab
    strings = vocab.strings
    spans = []
    # (a PhraseMatcher gives offsets in the Doc, a Matcher offsets in the Span)
    matches = [(key, start - sentence.start, end - sentence.start)
               for key, start, end in _phrase_matcher(vocab)(sentence)]
    for match_id, start, end in matches + _particle_matcher(vocab)(sentence):
        key = strings[match_id]
        span = Span(sentence.doc, sentence.start + start, sentence.start + end, label=key)
        spans.append(span)
    if not spans:
        return []
    words = opening | {token.lower_ for token in sentence} | {token.lemma_ for token in sentence}
    parties = any(entity.label_ in PARTY_ENTITIES
                  for entity in (sentence.ents if entities is None else entities))
    found = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        lemma, separated = span.label_.partition("\t")[::2]
        start, end = span.start - sentence.start, span.end - sentence.start
        text = span.text
        if separated:  # "drove … out": the verb carries the trigger
            text, end = f"{span[0].text} … {span[-1].text}", start + 1
        # the senses of the words it starts with come after its own: "a fire at a factory" is
        # no "fire at" once the parse says "fire" is a noun
        inner = [(other.label_, len(other)) for other in spans if other.start == span.start
                 and other.end < span.end and "\t" not in other.label_]
        senses = tuple(replace(sense, words=length) if length else sense
                       for key, length in ((lemma, 0), *inner)
                       for sense in senses_by_lemma()[key]
                       if may_hold(sense.requires, words, parties))
        if senses:
            found.append(Trigger(start, end, text, senses))
    return found


def trigger_token(parsed: Doc, trigger: Trigger) -> Token:
    """The token that carries a trigger in the parse ("claim" of "claim of responsibility")."""
    return parsed[trigger.start:trigger.end].root


# Where a word stands as a noun, whatever its tag says.
NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "compound"})


def settle(parsed: Doc, trigger: Trigger) -> Trigger | None:
    """The trigger with the first of its senses that fits the parse, or None when none does. A
    sense of the phrase's first words alone leaves the trigger those words ("fire" of "a fire on
    Friday", once "fire on" is no shooting)."""
    for sense in trigger.senses:
        told = trigger if not sense.words else replace(
            trigger, end=trigger.start + sense.words,
            text=parsed[trigger.start:trigger.start + sense.words].text)
        token = trigger_token(parsed, told)
        # (the tagger takes some plural nouns for verbs: "in motor vehicle crashes")
        part = "verb" if token.tag_.startswith(("VB", "MD")) \
            and token.dep_ not in NOMINAL_DEPS else "noun"
        if sense.part and sense.part != part:
            continue
        check = REQUIREMENTS.get(sense.requires) if sense.requires else None
        if check is not None and not check(parsed, token):
            continue
        return replace(told, senses=(replace(sense, part=part, words=0),))
    return None
