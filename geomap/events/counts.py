"""Casualty and displacement figures in a sentence: "at least 26 people were killed", "also
wounded 25", "40,000 people have fled", "killing 12". A figure said to be a minimum ("at least",
"more than") is kept as that lower bound and flagged, so nobody reads it as exact."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Numbers written out, zero to nineteen and the tens (dates read them too: "three days ago").
CARDINALS = {
    word: value for value, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"])
} | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
     "eighty": 80, "ninety": 90}
NUMBER_WORDS = {word: value for word, value in CARDINALS.items() if value} | {
    "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100}
MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000}
# Words that make a figure a lower bound.
AT_LEAST = r"(?:at\s+least|more\s+than|over|upwards\s+of|no\s+fewer\s+than|in\s+excess\s+of)"
# Words that make a figure approximate (kept as the figure, not flagged as a minimum).
ABOUT = r"(?:about|around|some|nearly|almost|roughly|approximately|up\s+to|an\s+estimated)"
_NUMBER = (r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len,
                                                                     reverse=True))
           + r")(?:\s+(?:thousand|million))?")
_FIGURE = rf"(?P<qualifier>{AT_LEAST}|{ABOUT})?\s*(?P<number>{_NUMBER})"
# Who is counted: "people", "Iraqi soldiers", "of them" ... up to three words, none a unit of
# time or distance ("12 hours later") nor a conjunction ("14 people and injured 30").
_WHO = r"(?:\s+(?!(?:years?|months?|weeks?|days?|hours?|minutes?|percent|per|km|kilomet\w*|" \
       r"miles?|times?|and|or|but|while|as)\b)[A-Za-z][\w-]*){0,3}?"
_BE = r"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|been|have|has|had|reportedly|" \
      r"also|now))*"
# Others counted with them: "200 protesters and police officers were injured" (before the verb
# of being, so not "killed 14 people and injured 30").
_ALSO_WHO = r"(?:\s+and(?!\s+(?:\d|" + "|".join(NUMBER_WORDS) + r")\b)(?:\s+[A-Za-z][\w-]*){1,3}?" \
            r"(?=\s+(?:were|are|have\s+been|had\s+been)\b))?"
_OUTCOMES = {
    "fatalities": r"killed|dead|died|slain|massacred|executed|perished|drowned|"
                  r"lost\s+their\s+lives|burned\s+to\s+death",
    "injured": r"wounded|injured|hurt|hospitali[sz]ed|taken\s+to\s+hospital",
    "displaced": r"displaced|fled|uprooted|forced\s+from\s+their\s+homes|made\s+homeless",
}
_VERBS = {  # the verb before the figure: "killed 12", "wounding at least 25"
    "fatalities": r"kill(?:ed|ing|s)?",
    "injured": r"wound(?:ed|ing|s)?|injur(?:ed|ing|es)",
    "displaced": r"displac(?:ed|ing|es)|uproot(?:ed|ing|s)",
}


@dataclass(frozen=True, slots=True)
class Counts:
    fatalities: int | None = None
    injured: int | None = None
    displaced: int | None = None
    at_least: bool = False  # some figure is a lower bound

    def __bool__(self) -> bool:
        return any(value is not None for value in (self.fatalities, self.injured, self.displaced))


def _patterns() -> dict[str, list[re.Pattern]]:
    found = {}
    for field, outcome in _OUTCOMES.items():
        before = rf"\b{_FIGURE}{_WHO}{_ALSO_WHO}{_BE}\s+(?:{outcome})\b"
        after = rf"\b(?:{_VERBS[field]})\s+{_FIGURE}\b"
        toll = rf"\b(?:death\s+toll|toll)\s+(?:rose\s+to|of|reached|climbed\s+to|stood\s+at)\s+" \
               rf"{_FIGURE}\b" if field == "fatalities" else None
        # "100 deaths", "the deaths of three people"
        deaths = rf"\b{_FIGURE}\s+(?:deaths|fatalities)\b" if field == "fatalities" else None
        deaths_of = rf"\bdeaths\s+of\s+{_FIGURE}\b" if field == "fatalities" else None
        found[field] = [re.compile(p, re.IGNORECASE)
                        for p in (before, after, toll, deaths, deaths_of) if p]
    return found


_PATTERNS = _patterns()

# One person, told as such: "a Dayton man remains hospitalized", "a 58-year-old woman was
# killed", "killing a pedestrian", "Louis Jensen, 87, of Williston, was killed".
PERSONS = r"(?:man|woman|boy|girl|child|baby|infant|toddler|teen|teenager|youth|driver|" \
          r"passenger|pedestrian|person|resident|motorist|motorcyclist|cyclist|bicyclist|" \
          r"worker|student|officer|policeman|policewoman|soldier|firefighter|farmer|patient)"
_ONE_BE = r"(?:\s+(?:was|is|remains|remained|has\s+been|had\s+been|also))+" \
          r"(?:\s+(?:suspected|believed|thought|reported|said)\s+to\s+have)?"
# What befell the one person before the outcome: "was hit by a car and killed".
_ONE_FIRST = r"(?:\s+[a-z]+(?:\s+[\w'-]+){0,4}?\s+and)?"
_ONE_NAMED = r"[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+,\s+\d{1,3},(?:\s+of\s+[A-Z][\w. ]{0,30},)?"


def _singular_patterns() -> dict[str, list[re.Pattern]]:
    found = {}
    for field, outcome in _OUTCOMES.items():
        if field == "displaced":
            continue
        described = rf"\b(?:a|an|one)\s+(?:[\w'-]+\s+){{0,3}}?{PERSONS}\b{_ONE_BE}" \
                    rf"{_ONE_FIRST}\s+(?:{outcome})\b"
        named = rf"\b{_ONE_NAMED}{_ONE_BE}\s+(?:{outcome})\b"
        objects = rf"\b(?:{_VERBS[field]})\s+(?:a|an)\s+(?:[\w'-]+\s+){{0,2}}?{PERSONS}\b"
        found[field] = [re.compile(described, re.IGNORECASE), re.compile(named),
                        re.compile(objects, re.IGNORECASE)]
    return found


_SINGULAR = _singular_patterns()


def find_counts(sentence: str) -> Counts:
    """The killed, injured and displaced figures a sentence gives (the first of each; one
    person told as such counts one)."""
    values: dict[str, int] = {}
    at_least = False
    for field, patterns in _PATTERNS.items():
        for pattern in patterns:
            match = pattern.search(sentence)
            if match is None:
                continue
            number = parse_number(match.group("number"))
            if number is None or _is_year(match.group("number"), sentence, match):
                continue
            if _no_one(sentence, match):
                number = 0  # "no one was injured"
            values[field] = number
            qualifier = (match.group("qualifier") or "").lower()
            at_least |= bool(qualifier) and re.fullmatch(AT_LEAST, qualifier) is not None
            break
    for field, patterns in _SINGULAR.items():
        if field not in values and any(pattern.search(sentence) for pattern in patterns):
            values[field] = 1
    return Counts(values.get("fatalities"), values.get("injured"), values.get("displaced"),
                  at_least)


def parse_number(text: str) -> int | None:
    """An integer from "40,000", "26", "two", "a dozen", "3.5 million"."""
    words = text.lower().split()
    multiplier = 1
    if words and words[-1] in MULTIPLIERS:
        multiplier = MULTIPLIERS[words.pop()]
    head = " ".join(words)
    if head in NUMBER_WORDS:
        return NUMBER_WORDS[head] * multiplier
    try:
        return round(float(head.replace(",", "")) * multiplier)
    except ValueError:
        return None


def _no_one(sentence: str, match: re.Match) -> bool:
    """"No one was hurt": the figure "one" is denied."""
    return match.group("number").lower() == "one" \
        and sentence[:match.start("number")].rstrip().lower().endswith("no")


def _is_year(number: str, sentence: str, match: re.Match) -> bool:
    """"killed in 2014" is a date: a bare four-digit figure from 1900 to 2100 after "in"."""
    if not re.fullmatch(r"(19|20)\d\d", number):
        return False
    return sentence[:match.start("number")].rstrip().lower().endswith(("in", "since", "of"))
