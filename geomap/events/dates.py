"""When events happened: dates read from an article's words, anchored on its publication date.

News says "on Wednesday", "last month" or "over the past 10 days"; those words only mean a date
relative to the day the article came out, never to the day we read it. dateparser, with the
publication day as its `RELATIVE_BASE`, reads the date words themselves: absolute ones ("19
February", "Mar 09,2017", "July 2014") and relative ones ("yesterday", "two days ago", "last
week", "next Wednesday"). News reports the past, so words that do not say otherwise resolve to
the most recent such day or month on or before publication.

The regex layer here does what dateparser does not: it sorts an expression into a shape and its
precision (a day, a week, a month, a year, or a range with its end: dateparser gives one instant),
and reads ranges and qualifiers ("over the past 10 days", "since 2014", "between ... and ...",
"early", "summer"), a bare weekday that is the publication's own ("Thursday" in a Thursday paper:
dateparser goes back a week), "this Wednesday" (the week of publication: dateparser goes
forward), "last October" (dateparser reads none), "two hours ago" (the day of publication: the
base has no time of day), and day-first or month-first numbers only where one order makes
sense. Which date belongs to an event (not the day something was said) is `extract`'s rule.

`publication_date` finds the article's own date in its byline or dateline, and `widen` extends a
spaCy DATE entity over the qualifiers it tends to leave out ("late on", "since", "over the past").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

import dateparser

from geomap.events.counts import CARDINALS
from geomap.events.records import EventDate

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_UNIT = r"(?P<unit>hour|day|week|month|year)s?"
# The longest words for a date ("between the night of 19 February and the morning of 21
# February 2017" is 64): longer ones are read as no date.
MAX_EXPRESSION_CHARS = 120
# How far back "recent days", "a few weeks ago" reach, and the unit's own length, in days.
VAGUE_REACH_DAYS = {"day": (7, 1), "week": (28, 7), "month": (120, 30)}
# Season: first month; each lasts three months ("winter 2014" is December 2014 to February 2015).
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# early/mid/late part of a year (months) and of a month (days).
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_QUALIFIERS = {"early": "early", "mid": "mid", "late": "late", "beginning": "early",
               "start": "early", "middle": "mid", "end": "late"}
# Words for one day, each with the words dateparser reads it by (it knows no "last evening").
_DAY_WORDS = {word: word for word in ("today", "tonight", "this morning", "this afternoon",
                                      "this evening", "yesterday", "last night",
                                      "day before yesterday", "tomorrow")}
_DAY_WORDS["last evening"] = "last night"
# dateparser's parsers for words counted from its base ("2 days ago", "last week"), and for
# weekdays, which it reads as absolute time even with "next" or "last" before them.
_RELATIVE = ("relative-time",)
_WEEKDAY_PARSERS = ("absolute-time",)


class _When(NamedTuple):
    """A resolved span: first and last day (last is None for an open range), its precision, and
    whether the words named the year (so it does not lean on the publication date)."""

    first: date
    last: date | None
    precision: str
    explicit: bool = False


def resolve_date(expression: str, published: date | None) -> EventDate:
    """The date `expression` names, read as of `published` (unknown if it cannot be read)."""
    if isinstance(published, datetime):
        published = published.date()
    if len(expression) > MAX_EXPRESSION_CHARS:  # no date is written so long; ranges recurse
        return EventDate(None, "unknown", expression)
    first, precision, end = _resolve(expression, published)
    if first is None:
        return EventDate(None, "unknown", expression)
    return EventDate(first, precision, expression, end)


@lru_cache(maxsize=8192)
def _resolve(expression: str, published: date | None) -> tuple[str | None, str, str | None]:
    when = _interpret(_normalise(expression), published)
    if when is None:
        return None, "unknown", None
    end = None if when.precision == "day" or when.last is None else when.last.isoformat()
    return when.first.isoformat(), when.precision, end


def _normalise(expression: str) -> str:
    """Lower case, plain punctuation, single spaces and numbers as digits."""
    text = expression.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"\s+", " ", text).strip(" .,;:()\"'")
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
                  r"(one|two|three|four|five|six|seven|eight|nine)\b",
                  lambda m: str(CARDINALS[m[1]] + CARDINALS[m[2]]), text)
    text = re.sub(r"\b(?:a couple of|a couple|couple of)\b", "2", text)
    text = re.sub(r"\ban?\b(?= (?:hour|day|week|month|year|fortnight)s?\b)", "1", text)
    text = re.sub(r"\b(?:" + "|".join(CARDINALS) + r")\b",
                  lambda m: str(CARDINALS[m[0]]), text)
    return re.sub(r"\b(\d+) fortnights?\b", lambda m: f"{2 * int(m[1])} weeks", text)


# A time of day before the day it falls on: "about 11:20 p.m.", "shortly after 6 p.m.", "11.30pm".
CLOCK_TIME = re.compile(r"^(?:(?:about|around|at|approximately|shortly|just|after|before|"
                        r"roughly|some)\s+)*\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)"
                        r"(?:\s+|,\s*)(?=\S)")


def _interpret(text: str, published: date | None) -> _When | None:
    """Try each shape in turn: periods back from publication, then (after dropping leading
    prepositions) single points, ranges, "since", early/mid/late and seasons."""
    when = _past_period(text, published) or _vague_period(text, published)
    if when is not None:
        return when
    text = CLOCK_TIME.sub("", text) or text  # "about 11:20 p.m. wednesday": the day
    text = re.sub(r"^(?:(?:on|in|at|during|throughout|over|the)\s+)+", "", text)
    dated = re.fullmatch(rf"(?:(?:last|this|past) )?{_WEEKDAY},? (?P<rest>.*\d.*)", text)
    if dated is not None:  # "last Saturday, March 5, 2005": the date says which Saturday
        when = _point(dated["rest"], published)
        if when is not None:
            return when
    for rule in (_point, _between, _since, _qualified, _season):
        when = rule(text, published)
        if when is not None:
            return when
    return None


def _past_period(text: str, published: date | None) -> _When | None:
    """"over the past 10 days", "in the last two weeks", "the past year": a range that ends on
    the day of publication. Bare "last week" is the calendar week, not this."""
    match = re.fullmatch(rf"(?:(?:over|in|during|within|throughout|for) )?(?P<the>the )?"
                         rf"(?P<word>past|last) (?:(?P<n>\d+) )?{_UNIT}", text)
    if match is None or published is None:
        return None
    if match["n"] is None and match["word"] == "last" and not match["the"]:
        return None
    first = _parse_relative(f"{match['n'] or 1} {match['unit']}s ago", published)
    return None if first is None else _When(first, published, "range")


def _vague_period(text: str, published: date | None) -> _When | None:
    """"In recent days", "over the past few weeks": a range ending on the day of publication;
    "a few weeks ago", "several days ago": a range that ends a unit before it. A few is taken as
    up to four, recent as the last few; days reach back a week."""
    if published is None:
        return None
    recent = re.fullmatch(r"(?:(?:in|over|during|within) )?(?:the )?(?:recent|(?:past|last) "
                          r"(?:few|several|couple of)) (?P<unit>day|week|month)s", text)
    ago = re.fullmatch(r"(?:a few|several|some) (?P<unit>day|week|month)s ago", text)
    found = recent or ago
    if found is None:
        return None
    reach, unit = VAGUE_REACH_DAYS[found["unit"]]
    first = published - timedelta(days=reach)
    return _When(first, published - timedelta(days=unit) if ago else published, "range")


def _point(text: str, published: date | None) -> _When | None:
    """A single day, week, month, year or decade, or None."""
    text = re.sub(r"^(?:(?:the )?(?:night|morning|afternoon|evening) of )", "", text)
    if text not in _DAY_WORDS:
        text = _drop_time_of_day(text)
    if text in _DAY_WORDS:
        return _day(_parse_relative(_DAY_WORDS[text], published))
    for rule in (_weekday, _ago, _calendar_unit, _weekend, _numeric, _named_date, _year):
        when = rule(text, published)
        if when is not None:
            return when
    return None


def _drop_time_of_day(text: str) -> str:
    """"wednesday night" -> "wednesday", "march 8 at 10:30 pm" -> "march 8"."""
    text = re.sub(r",? (?:at )?(?:around |about )?\d{1,2}(?:[:.]\d\d)? ?"
                  r"(?:[ap]\.?m\.?|gmt|utc|hours|hrs|h)(?: local time)?$", "", text)
    return re.sub(r",? (?:at )?(?:night|morning|afternoon|evening|dawn|noon|midday|midnight)$",
                  "", text)


def _day(day: date | None) -> _When | None:
    return None if day is None else _When(day, day, "day")


def _weekday(text: str, published: date | None) -> _When | None:
    """"wednesday": the latest on or before publication; "last wednesday": strictly before;
    "this wednesday": in the week of publication; "next wednesday": the first after it.

    dateparser reads "last" and "next", and a bare weekday other than the publication's; the
    publication's own weekday and "this" are counted here, where dateparser would go a week
    back or forward."""
    match = re.fullmatch(rf"(?:(?P<which>last|this|next|past) )?(?P<day>{_WEEKDAY})", text)
    if match is None or published is None:
        return None
    wanted = _WEEKDAYS.index(match["day"][:3])
    which = match["which"]
    if which == "this" or (which is None and wanted == published.weekday()):
        return _day(published + timedelta(days=wanted - published.weekday()))
    words = f"{'last' if which == 'past' else which or ''} {calendar.day_name[wanted]}"
    return _day(_parse_relative(words.strip(), published, _WEEKDAY_PARSERS))


def _ago(text: str, published: date | None) -> _When | None:
    """"two days ago" (day), "two weeks ago" (that week), "five months ago" (that month),
    "three years ago" (that year)."""
    match = re.fullmatch(rf"(?P<n>\d+) {_UNIT} ago", text)
    if match is None or published is None:
        return None
    if match["unit"] == "hour":
        # The publication date has no time of day, so hours back are still that day.
        return _day(published)
    return _span(match["unit"], _parse_relative(text, published))


def _calendar_unit(text: str, published: date | None) -> _When | None:
    """"last week", "this month", "next year": the calendar week (Monday to Sunday), month or
    year before, of or after publication."""
    match = re.fullmatch(r"(?:last|this|next) (?P<unit>week|month|year)", text)
    if match is None or published is None:
        return None
    return _span(match["unit"], _parse_relative(text, published))


def _span(unit: str, day: date | None) -> _When | None:
    """The calendar day, week, month or year around the day dateparser found."""
    if day is None:
        return None
    spans = {"day": _day, "week": _week, "month": _month, "year": lambda d: _year_span(d.year)}
    return spans[unit](day)


def _weekend(text: str, published: date | None) -> _When | None:
    """"the weekend", "last weekend", "this past weekend": the latest Saturday and Sunday that
    began on or before publication."""
    if published is None or not re.fullmatch(r"(?:(?:this )?past |last |this )?weekend", text):
        return None
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    return _When(saturday, min(saturday + timedelta(days=1), published), "range")


def _numeric(text: str, published: date | None) -> _When | None:
    """ISO "2017-03-08", and 9/3/2017 or 3/29/2017 when only one order makes sense."""
    match = re.fullmatch(rf"(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)", text)
    if match is not None:
        return _valid_day(int(match["y"]), int(match["m"]), int(match["d"]))
    match = re.fullmatch(rf"(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>{_YEAR})", text)
    if match is None:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    if a <= 12 and b <= 12 and a != b:
        return None
    return _valid_day(year, a, b) if b > 12 else _valid_day(year, b, a)


def _valid_day(year: int, month: int, day: int) -> _When | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return _When(found, found, "day", True)


def _named_date(text: str, published: date | None) -> _When | None:
    """Dates with a month name, read by dateparser: "19 february", "mar 09,2017", "july 2014",
    "october", "last october"."""
    text = re.sub(rf"^{_WEEKDAY},? (?=\d|{_MONTH})", "", text)
    day_month = re.fullmatch(
        rf"(?:the )?(?P<day>{_DAY}) (?:of )?{_MONTH},?(?: (?P<year>{_YEAR}))?"
        rf"|{_MONTH} (?P<day2>{_DAY})(?:(?:, ?| )(?P<year2>{_YEAR}))?", text)
    if day_month is not None:
        year = day_month["year"] or day_month["year2"]
        found = _parse_absolute(text, published, ("day", "month"), bool(year))
        wanted = int(re.match(r"\d+", day_month["day"] or day_month["day2"])[0])
        if found is None or found.day != wanted:
            return None
        return _When(found, found, "day", bool(year))
    match = re.fullmatch(rf"(?:(?P<which>last|this|next) )?(?P<words>{_MONTH}"
                         rf"(?:,? (?:of )?(?P<year>{_YEAR}))?)", text)
    if match is None or (match["which"] and match["year"]):
        return None
    found = _parse_absolute(match["words"], published, ("month",), bool(match["year"]))
    if found is None:
        return None
    if match["which"] == "last" and (found.year, found.month) == (published.year,
                                                                    published.month):
        found = found.replace(year=found.year - 1)
    elif match["which"] == "this":
        found = found.replace(year=published.year)
    elif match["which"] == "next":
        found = found.replace(year=found.year + 1)
    return _month(found, bool(match["year"]))


def _parse_absolute(words: str, published: date | None, parts: tuple[str, ...],
                    has_year: bool) -> date | None:
    """Date words with a month name, anchored on publication; None when the words need an
    anchor (no year) and there is none, or fall after it."""
    if published is None and not has_year:
        return None
    found = _dateparser(words, published, {"PREFER_DAY_OF_MONTH": "first",
                                           "REQUIRE_PARTS": list(parts),
                                           "PARSERS": ["absolute-time"]})
    if found is None:
        return None
    return None if not has_year and published is not None and found > published else found


def _parse_relative(words: str, published: date | None,
                    parsers: tuple[str, ...] = _RELATIVE) -> date | None:
    """Words relative to the publication day ("2 days ago", "last week"); None without one, as
    dateparser would count from today. Days of the month stay as they are ("6 months ago" from
    9 March is 9 September), which is why this is apart from `_parse_absolute`."""
    if published is None:
        return None
    return _dateparser(words, published, {"PARSERS": list(parsers)})


def _dateparser(words: str, published: date | None, settings: dict) -> date | None:
    """dateparser's day for `words` as of the start of the publication day, in English only
    (detecting the language is slow, and news words in other languages are not for here)."""
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, **settings}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(words, languages=["en"], settings=settings)
    return None if parsed is None else parsed.date()


def _year(text: str, published: date | None) -> _When | None:
    """"2014" (a year) and "1990s" (a decade, as a range)."""
    if re.fullmatch(_YEAR, text):
        return _year_span(int(text), True)
    match = re.fullmatch(r"(?P<decade>1[89]\d|20\d)0'?s", text)
    if match is None:
        return None
    start = int(match["decade"]) * 10
    return _When(date(start, 1, 1), date(start + 9, 12, 31), "range", True)


def _between(text: str, published: date | None) -> _When | None:
    """"between 2014 and 2016", "from january to march", "19-21 february 2017",
    "tuesday and wednesday": the first day of one to the last day of the other. The right side
    is read first, and the left side as of its start, so "january to march" ends in the past."""
    match = (re.fullmatch(r"between (?P<left>.+?) and (?P<right>.+)", text)
             or re.fullmatch(r"(?:from )?(?P<left>.+?)(?: (?:to|until|till|through|thru) | - "
                             r"|(?<=\d)-(?=\d))(?P<right>.+)", text))
    days_only = match is None
    match = match or re.fullmatch(r"(?P<left>.+?) and (?P<right>.+)", text)
    if match is None:
        return None
    left, right = _share_parts(match["left"], match["right"])
    last = _interpret(right, published)
    if last is None:
        return None
    anchor = published if last.explicit else last.first
    year = re.search(rf"\b{_YEAR}$", right)
    first = None
    if year and not re.search(_YEAR, left):
        first = _interpret(f"{left} {year[0]}", anchor)
    first = first or _interpret(left, anchor)
    if first is None or first.first > last.first:
        return None
    if days_only and not first.precision == last.precision == "day":
        return None
    end = last.last
    if not last.explicit and published is not None and end is not None:
        end = min(end, published)
    return _When(first.first, end, "range", last.explicit)


def _share_parts(left: str, right: str) -> tuple[str, str]:
    """Fill in what one side of a range leaves to the other: "19-21 february" has its month on
    the right, "february 19-21" on the left, "2014-16" its century on the left."""
    bare_day = rf"(?P<day>{_DAY})(?:,? (?P<year>{_YEAR}))?"
    month_first = re.fullmatch(rf"(?P<month>{_MONTH}) {_DAY}", left)
    right_day = re.fullmatch(bare_day, right)
    if month_first and right_day:
        right = f"{month_first['month']} {right_day['day']}"
        if right_day["year"]:
            right, left = f"{right} {right_day['year']}", f"{left} {right_day['year']}"
        return left, right
    day_first = re.fullmatch(rf"{_DAY} (?:of )?(?P<rest>{_MONTH}.*)", right)
    if day_first and re.fullmatch(_DAY, left):
        return f"{left} {day_first['rest']}", right
    if re.fullmatch(_YEAR, left) and re.fullmatch(r"\d\d", right):
        return left, left[:2] + right
    return left, right


def _since(text: str, published: date | None) -> _When | None:
    """"since 2014", "since october", "from march": from then to publication (open-ended, with
    no end, when the publication date is not known)."""
    match = re.fullmatch(r"(?:ever )?(?:since|from|starting (?:in |on |from )?"
                         r"|beginning (?:in |on )?)\s*(?P<rest>.+)", text)
    if match is None:
        return None
    start = _interpret(match["rest"], published)
    if start is None or (published is not None and start.first > published):
        return None
    return _When(start.first, published, "range", start.explicit)


def _qualified(text: str, published: date | None) -> _When | None:
    """"early 2014", "mid-march", "the end of last year": part of a year (thirds) or a month
    (first, middle, last ten days); "late on wednesday", "earlier this month" keep the core."""
    match = re.fullmatch(r"(?:(?P<q>early|mid|late|earlier|later)|(?:the )?(?P<part>beginning"
                         r"|start|middle|end) of)(?:-| )(?:(?:on|in|of) )?(?P<rest>.+)", text)
    if match is None:
        return None
    core = _interpret(match["rest"], published)
    qualifier = _QUALIFIERS.get(match["q"] or match["part"])
    if core is None or qualifier is None or core.precision not in ("month", "year"):
        return core
    if core.precision == "year":
        low, high = _YEAR_PARTS[qualifier]
        first = core.first.replace(month=low)
        last = _month(core.first.replace(month=high)).last
    else:
        low, high = _MONTH_PARTS[qualifier]
        first = core.first.replace(day=low)
        last = core.first.replace(day=min(high, core.last.day))
    return _When(first, last, "range", core.explicit)


def _season(text: str, published: date | None) -> _When | None:
    """"summer 2014", "last winter", "the spring": three months; without a year, the latest
    season begun by publication ("last" or "past": the latest over by then; "this": the one of
    the publication year, a winter counted from its December)."""
    match = re.fullmatch(r"(?:(?P<which>last|this|past) )?(?:the )?(?P<season>spring|summer|"
                         rf"autumn|fall|winter)(?:,? (?:of )?(?P<year>{_YEAR}))?", text)
    if match is None or (match["year"] and match["which"]):
        return None
    start_month = _SEASONS[match["season"]]
    if match["year"]:
        return _season_span(int(match["year"]), start_month, True)
    if published is None:
        return None
    if match["which"] == "this":
        return _season_span(published.year - (start_month == 12 and published.month <= 2),
                            start_month)
    year = published.year if published.month >= start_month else published.year - 1
    season = _season_span(year, start_month)
    if match["which"] in ("last", "past") and season.last >= published:
        season = _season_span(year - 1, start_month)
    return season


def _season_span(year: int, start_month: int, explicit: bool = False) -> _When:
    """Three months from `start_month` (a winter ends in the next year's February)."""
    third_month, year_carry = (start_month + 1) % 12 + 1, (start_month + 1) // 12
    last = _month(date(year + year_carry, third_month, 1)).last
    return _When(date(year, start_month, 1), last, "range", explicit)


def _week(day: date) -> _When:
    monday = day - timedelta(days=day.weekday())
    return _When(monday, monday + timedelta(days=6), "week")


def _month(day: date, explicit: bool = False) -> _When:
    length = calendar.monthrange(day.year, day.month)[1]
    return _When(day.replace(day=1), day.replace(day=length), "month", explicit)


def _year_span(year: int, explicit: bool = False) -> _When:
    return _When(date(year, 1, 1), date(year, 12, 31), "year", explicit)


# --- the article's own date -------------------------------------------------------------------

# How far into an article its byline or dateline may be.
_HEAD = 800
_FULL_DATE = re.compile(
    rf"(?:{_WEEKDAY},? )?(?:{_DAY} (?:of )?{_MONTH},? {_YEAR}|{_MONTH} {_DAY}(?:, ?| ){_YEAR})"
    rf"(?!\d)|(?<!\d){_YEAR}-\d\d-\d\d(?!\d)|(?<![\d/.])\d{{1,2}}/\d{{1,2}}/{_YEAR}(?!\d)",
    re.IGNORECASE)
_LABEL = (r"(?:last |first )?(?:published|posted|updated|date|dated)(?: (?:on|at))?"
          r"[ \t]*:?[ \t]*")
_LABELLED = re.compile(rf"(?:^|[|\u2013\u2014\u2022\u00b7-])[ \t]*{_LABEL}$", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"published|posted", re.IGNORECASE)
_BYLINE = re.compile(r"^[ \t]*by\b[^.\n]{1,80}?[,|\u2013\u2014\u2022\u00b7-][ \t]*$",
                     re.IGNORECASE)
# What may follow a date on a dateline: nothing, a time, or a separator before the story.
_AFTER_DATELINE = re.compile(
    r"(?:[T ,]*\d{1,2}[:.]\d\d(?::\d\d)?(?:\.\d+)?[ \t]*(?:[ap]\.?m\.?)?[ \t]*"
    r"(?:Z|[A-Z]{2,4}|[+-]\d\d:?\d\d)?)?[ \t]*(?:$|[-|(\u2013\u2014:])", re.IGNORECASE)


def publication_date(text: str) -> date | None:
    """The article's date from its byline, dateline or "Published:" line, or None.

    Only dates near the top (or on a line of their own labelled Published/Posted anywhere) count,
    and only where a byline or dateline puts them: after a label ("Published", "Last updated
    at"), after "By ... -", or on a line with nothing but capitals (a place, an agency) before
    and nothing but a time or a separator after. A "Published" date wins over the others.
    """
    found = None
    for match in _FULL_DATE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        before = text[line_start:match.start()]
        after = text[match.end():len(text) if line_end < 0 else line_end]
        label = _LABELLED.search(before)
        published_label = label is not None and _PUBLISHED_LABEL.search(label[0]) is not None
        if match.start() >= _HEAD and not (published_label and not before[:label.start()].strip()):
            continue
        if not (label or _BYLINE.match(before)
                or (not re.search(r"[a-z]", before) and _AFTER_DATELINE.match(after))):
            continue
        resolved = resolve_date(match[0], None)
        if resolved.precision != "day":
            continue
        day = date.fromisoformat(resolved.date)
        if published_label:
            return day
        found = found or day
    return found


# --- widening a DATE entity -------------------------------------------------------------------

_GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
_WIDEN = re.compile(
    rf"\b(?:(?:ever{_GAP})?(?:since|until|till|before|after|by|from|between|as{_GAP}of){_GAP})?"
    rf"(?:(?:on|in|at|during|over|within|throughout"
    rf"|for(?={_GAP}(?:the{_GAP})?(?:past|last)\b)){_GAP})?"
    rf"(?:(?:late|early|later|earlier|mid){_GAP}(?:(?:on|in|of){_GAP})?"
    rf"|the{_GAP}(?:beginning|start|middle|end){_GAP}of{_GAP})?"
    rf"(?:(?:the{_GAP})?(?:past|last){_GAP})?"
    r"(?:mid-?)?$", re.IGNORECASE)
# Longer than any run of qualifiers the pattern above can take.
_LOOKBACK = 100


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of a DATE entity in `text`, moved left over the qualifiers right before it
    that belong to the expression ("late on", "since", "over the past", "mid-")."""
    match = _WIDEN.search(text, max(0, start - _LOOKBACK), start)
    return (start if match is None else match.start()), end
