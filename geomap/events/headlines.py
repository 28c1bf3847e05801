"""What in an article is not its body's telling: photo captions, questions, and headlines and
crossheads, whose event is the one the paragraphs below them go on to tell."""

from __future__ import annotations

from spacy.tokens import Span

from geomap.events.fuse import combine, retells
from geomap.events.records import Event

# What marks a sentence as a photo's caption or credit.
CAPTION_MARKERS = ("file photo", "file picture", "(photo:", "photo credit", "(afp photo",
                   "(reuters photo", "photo/", "(picture:", "getty images", "| photo")
# Marks that close a quotation, and what may follow a sentence's last word.
QUOTE_MARKS = ("\"", "”", "’", "'", "»")
CLOSING_QUOTES = " \n\t\"'”’»"
# The most words a headline runs to (news headlines keep to about a dozen).
HEADLINE_WORDS = 16
# The marks that end a sentence of an article's body (a headline has none).
CLOSING_PUNCTUATION = frozenset('.!?"\'”’:;')


def is_caption(text: str) -> bool:
    """A photo caption or credit is no telling of an event: "AFP file photo shows ...",
    "(Photo: Reuters)"."""
    lowered = text.lower()
    return any(marker in lowered for marker in CAPTION_MARKERS)


def is_question(text: str) -> bool:
    """A question tells of no event ("Why was there such a conviction?"), nor a sentence that
    quotes one: what it asks about is told, if at all, elsewhere."""
    return text.rstrip(CLOSING_QUOTES).endswith("?") or any(
        f"?{quote}" in text for quote in QUOTE_MARKS)  # '"Why ...?" she asked.'


def headlines(sentences: list[Span]) -> set[int]:
    """The sentences that are headlines: the article's first, and any that stands on a line of
    its own without a closing stop (a headline below a site's menu line, a crosshead such as
    "Marines deployed to Syria" above the paragraphs that tell it)."""
    found = {0}
    for index, sentence in enumerate(sentences):
        if not _closed(sentence) and _on_a_line(sentence):
            found.add(index)
    return found


def ledes(sentences: list[Span]) -> set[int]:
    """The first sentence when it is a lede, not a headline: longer than headlines run, with its
    stop, on no line of its own (an article that begins with its story)."""
    if not sentences:
        return set()
    first = sentences[0]
    long = sum(token.is_alpha for token in first) > HEADLINE_WORDS
    return {0} if long and _closed(first) and not _on_a_line(first) else set()


def _closed(sentence: Span) -> bool:
    """Whether the sentence ends with a stop, as a sentence of a body does (or holds nothing
    that could be a headline)."""
    last = next((token for token in reversed(sentence) if not token.is_space), None)
    return last is None or last.text[-1] in CLOSING_PUNCTUATION


def _on_a_line(sentence: Span) -> bool:
    """Whether a line break is in or right after the sentence."""
    return "\n" in sentence.text + sentence.doc[sentence.end:sentence.end + 1].text


def fold_headline(events: list[Event], told_in: list[int], headlines: set[int],
                  ledes: set[int]) -> tuple[list[Event], list[int]]:
    """A headline's event that the article goes on to tell is that event, told once more; the
    events left, with the sentence each was told in."""
    kept: list[Event] = []
    kept_in: list[int] = []
    for event, index in zip(events, told_in):
        if index in headlines:
            body = [i for i, where in enumerate(told_in)
                    if where > index and where not in headlines]
            later = next((i for i in body if retells(event, events[i])), None)
            if later is None and index not in ledes:  # the story's first event of its kind,
                # the lede's, placed apart
                later = next((i for i in body if retells(event, events[i], anywhere=True)), None)
            if later is not None:
                events[later] = combine([events[later], event])
                continue
        kept.append(event)  # (zip reads the list as it goes, so a folded event is its new self)
        kept_in.append(index)
    return kept, kept_in
