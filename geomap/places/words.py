"""What a token or a short span says by itself and its neighbours: a capital, a title before it, a
direction, a legislator's party, a dateline, a hyphenated modifier. The recognition rules read
these; none of them consults the gazetteer."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from geomap.vocabulary import (
    AUXILIARIES,
    COMPASS_WORDS,
    DATELINE_FOLLOWERS,
    DETERMINERS,
    NOT_A_PLACE_AFTER,
    PARTY_CODES,
    PERSONAL_TITLES,
    SPEECH_VERBS,
    TITLES_ALSO_WORDS,
)

_POSSESSIVE = re.compile(r"[’']s?")


def capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def abbreviated_word(token: Token) -> bool:
    """"St." or "MT." opening a name ("ST. PAUL --", "Mt. Vernon"), as part of it."""
    return token.lower_ in NAME_ABBREVIATIONS and token.text[:1].isupper() \
        and token.i + 1 < len(token.doc) and capitalised(token.doc[token.i + 1])


# Abbreviated words that open place names.
NAME_ABBREVIATIONS = frozenset({"st.", "ste.", "mt.", "ft.", "pt."})


def has_letters(token: Token) -> bool:
    """A word or an abbreviation ("U.S.", "Mo."), not a comma or a dash."""
    return any(character.isalpha() for character in token.text)


def has_capital(span: Span) -> bool:
    return any(token.text[:1].isupper() for token in span)


def only_compass(span: Span) -> bool:
    """"North East": directions, which name a region only when nothing follows them."""
    return all(token.lower_ in COMPASS_WORDS for token in span)


def after_title(span: Span) -> bool:
    """"Mrs. Lincoln", "coach Ripley", "Sen. Jordan": a person named by a title."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in PERSONAL_TITLES \
        and (before.lower_ not in TITLES_ALSO_WORDS or before.text[:1].isupper())


def is_party(doc: Doc, index: int) -> bool:
    """A legislator's party letter after the name and before the home: the "D" of ", D-Story"."""
    return 0 < index < len(doc) - 2 and doc[index].text in PARTY_CODES \
        and doc[index + 1].text == "-" and doc[index - 1].text in (",", "(")


def trim(span: Span) -> Span:
    """The span without a leading "the", side ("west Mosul") or legislator's party ("D-"), a
    trailing possessive "'s", or spaces at either end (where a masked link was)."""
    doc = span.doc
    start, end = span.start, span.end
    while end - start > 1 and doc[end - 1].is_space:
        end -= 1
    while end - start > 1 and doc[start].is_space:
        start += 1
    if end - start > 1 and doc[start].lower_ in DETERMINERS:  # "An Alexandria man"
        start += 1
    # "Rep. Jane Roe, D-Iowa City": a legislator's party before the place (not "I-35")
    if end - start > 2 and is_party(doc, start) and capitalised(doc[start + 2]):
        start += 2
    # "west Mosul": a side of the place, which is the place on a map ("West Bank" is capitalised)
    if end - start > 1 and doc[start].text in COMPASS_WORDS:
        start += 1
    if end - start > 1 and _POSSESSIVE.fullmatch(doc[end - 1].text):
        end -= 1
    return doc[start:end]


def speaks(span: Span) -> bool:
    """The name is the subject of a verb of saying ("Washington said", "Moscow has warned"): it
    stands for a government, not a location."""
    doc = span.doc
    index = span.end
    while index < len(doc) and doc[index].lower_ in AUXILIARIES:
        index += 1
    return index < len(doc) and doc[index].lower_ in SPEECH_VERBS


def is_dateline(span: Span) -> bool:
    """A name in capitals opening a line or a sentence (a headline may run on into the story),
    then a dash, comma, bracket or colon: "DENTON -- ...", "AMMAN: ..."."""
    doc = span.doc
    opens_line = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws \
        or doc[span.start - 1].is_space or doc[span.start - 1].text in (".", "!", "?")
    return opens_line and span.text.isupper() and span.end < len(doc) \
        and doc[span.end].text in DATELINE_FOLLOWERS


def names_something_else(span: Span) -> bool:
    """A name followed by "virus", "fever" ... names a disease, not a place."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in NOT_A_PLACE_AFTER


def is_modifier(span: Span) -> bool:
    """A name joined by a hyphen to a following word ("US-led", "Iran-backed") is an adjective."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" \
        and not doc[span.end - 1].whitespace_ and doc[span.end + 1].is_lower


def listed_before(token: Token) -> list[Span]:
    """The capitalised runs listed right before a token ("Linn", "Benton", "Tama" before
    "counties" in "Linn, Benton and Tama counties"): commas between them and "and", "or" or
    "&" before the last. Fewer than two runs is no list."""
    doc = token.doc
    runs: list[Span] = []
    index = token.i
    while True:
        start = index
        while start > 0 and capitalised(doc[start - 1]):
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
