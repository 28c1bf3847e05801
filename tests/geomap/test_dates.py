"""Event dates read from article words, anchored on the publication date (real dateparser)."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

import geomap
from geomap.actors import ActorTable
from geomap.events.dates import publication_date, resolve_date, widen
from geomap.events.records import EventDate

THURSDAY = date(2017, 3, 9)  # a Thursday


@pytest.mark.parametrize("expression, first", [
    ("late on Wednesday", "2017-03-08"),
    ("on Wednesday night", "2017-03-08"),
    ("Wednesday", "2017-03-08"),
    ("Wednesday's", "2017-03-08"),
    ("Thursday", "2017-03-09"),
    ("Friday", "2017-03-03"),
    ("last Thursday", "2017-03-02"),
    ("yesterday", "2017-03-08"),
    ("last night", "2017-03-08"),
    ("today", "2017-03-09"),
    ("earlier today", "2017-03-09"),
    ("the day before yesterday", "2017-03-07"),
    ("19 February", "2017-02-19"),
    ("February 19", "2017-02-19"),
    ("the 8th of March", "2017-03-08"),
    ("on March 8", "2017-03-08"),
    ("March 10", "2016-03-10"),
    ("Mar 09,2017", "2017-03-09"),
    ("March 9, 2017", "2017-03-09"),
    ("Wednesday, March 8, 2017", "2017-03-08"),
    ("March 8th at 10:30 pm", "2017-03-08"),
    ("Sept. 5, 2016", "2016-09-05"),
    ("2017-03-08", "2017-03-08"),
    ("23/03/2016", "2016-03-23"),
    ("two days ago", "2017-03-07"),
    ("2 days ago", "2017-03-07"),
    ("a day ago", "2017-03-08"),
    # a time of day before its day
    ("about 11:20 p.m. Wednesday", "2017-03-08"),
    ("shortly after 6 p.m. Tuesday", "2017-03-07"),
    ("11.30pm last night", "2017-03-08"),
    ("at 10:35 a.m. on March 3", "2017-03-03"),
])
def test_days(expression, first):
    assert resolve_date(expression, THURSDAY) == EventDate(first, "day", expression)


@pytest.mark.parametrize("expression, first, end", [
    ("last week", "2017-02-27", "2017-03-05"),
    ("this week", "2017-03-06", "2017-03-12"),
    ("early last week", "2017-02-27", "2017-03-05"),
    ("two weeks ago", "2017-02-20", "2017-02-26"),
    ("a couple of weeks ago", "2017-02-20", "2017-02-26"),
    ("a fortnight ago", "2017-02-20", "2017-02-26"),
])
def test_weeks_run_monday_to_sunday(expression, first, end):
    assert resolve_date(expression, THURSDAY) == EventDate(first, "week", expression, end)


@pytest.mark.parametrize("expression, first, end", [
    ("in October", "2016-10-01", "2016-10-31"),
    ("October", "2016-10-01", "2016-10-31"),
    ("in March", "2017-03-01", "2017-03-31"),
    ("last March", "2016-03-01", "2016-03-31"),
    ("July 2014", "2014-07-01", "2014-07-31"),
    ("July of 2014", "2014-07-01", "2014-07-31"),
    ("last month", "2017-02-01", "2017-02-28"),
    ("earlier this month", "2017-03-01", "2017-03-31"),
    ("five months ago", "2016-10-01", "2016-10-31"),
])
def test_months(expression, first, end):
    assert resolve_date(expression, THURSDAY) == EventDate(first, "month", expression, end)


@pytest.mark.parametrize("expression, first, end", [
    ("2014", "2014-01-01", "2014-12-31"),
    ("in 2014", "2014-01-01", "2014-12-31"),
    ("last year", "2016-01-01", "2016-12-31"),
    ("this year", "2017-01-01", "2017-12-31"),
    ("three years ago", "2014-01-01", "2014-12-31"),
    ("twenty-five years ago", "1992-01-01", "1992-12-31"),
])
def test_years(expression, first, end):
    assert resolve_date(expression, THURSDAY) == EventDate(first, "year", expression, end)


@pytest.mark.parametrize("expression, first, end", [
    ("over the past 10 days", "2017-02-27", "2017-03-09"),
    ("the past three days", "2017-03-06", "2017-03-09"),
    ("in the last two weeks", "2017-02-23", "2017-03-09"),
    ("the past week", "2017-03-02", "2017-03-09"),
    ("in the past year", "2016-03-09", "2017-03-09"),
    ("the past 24 hours", "2017-03-08", "2017-03-09"),
    ("over the past six months", "2016-09-09", "2017-03-09"),
    ("since 2014", "2014-01-01", "2017-03-09"),
    ("ever since the start of 2014", "2014-01-01", "2017-03-09"),
    ("since October", "2016-10-01", "2017-03-09"),
    ("since Monday", "2017-03-06", "2017-03-09"),
    ("summer 2014", "2014-06-01", "2014-08-31"),
    ("the summer of 2014", "2014-06-01", "2014-08-31"),
    ("winter 2014", "2014-12-01", "2015-02-28"),
    ("last summer", "2016-06-01", "2016-08-31"),
    ("mid-2014", "2014-05-01", "2014-08-31"),
    ("early 2014", "2014-01-01", "2014-04-30"),
    ("late 2014", "2014-09-01", "2014-12-31"),
    ("the end of last year", "2016-09-01", "2016-12-31"),
    ("in early February", "2017-02-01", "2017-02-10"),
    ("mid-March 2016", "2016-03-11", "2016-03-20"),
    ("late February", "2017-02-21", "2017-02-28"),
    ("between 2014 and 2016", "2014-01-01", "2016-12-31"),
    ("2014-16", "2014-01-01", "2016-12-31"),
    ("from January to March", "2017-01-01", "2017-03-09"),
    ("from October to March", "2016-10-01", "2017-03-09"),
    ("January to March 2016", "2016-01-01", "2016-03-31"),
    ("19-21 February 2017", "2017-02-19", "2017-02-21"),
    ("February 19-21, 2017", "2017-02-19", "2017-02-21"),
    ("from Monday to Wednesday", "2017-03-06", "2017-03-08"),
    ("Tuesday and Wednesday", "2017-03-07", "2017-03-08"),
    ("over the weekend", "2017-03-04", "2017-03-05"),
    ("the 1990s", "1990-01-01", "1999-12-31"),
])
def test_ranges(expression, first, end):
    assert resolve_date(expression, THURSDAY) == EventDate(first, "range", expression, end)


@pytest.mark.parametrize("expression", [
    "some point", "the night before", "recently", "the following day", "10 days", "until 2014", "by Wednesday", "03/09/2017", "February 30",
    "2014 and 2016", "",
])
def test_unresolvable_words_are_unknown(expression):
    assert resolve_date(expression, THURSDAY) == EventDate(None, "unknown", expression)


@pytest.mark.parametrize("expression", [
    "Wednesday", "yesterday", "two days ago", "last week", "in October", "19 February",
    "over the past 10 days", "since October", "last year",
])
def test_relative_words_need_a_publication_date(expression):
    assert resolve_date(expression, None) == EventDate(None, "unknown", expression)


@pytest.mark.parametrize("expression, expected", [
    ("July 2014", EventDate("2014-07-01", "month", "July 2014", "2014-07-31")),
    ("March 9, 2017", EventDate("2017-03-09", "day", "March 9, 2017")),
    ("in 2014", EventDate("2014-01-01", "year", "in 2014", "2014-12-31")),
    ("summer 2014", EventDate("2014-06-01", "range", "summer 2014", "2014-08-31")),
    ("between 2014 and 2016", EventDate("2014-01-01", "range", "between 2014 and 2016",
                                        "2016-12-31")),
    # Open-ended: no publication date to end on.
    ("since 2014", EventDate("2014-01-01", "range", "since 2014")),
])
def test_absolute_dates_resolve_without_a_publication_date(expression, expected):
    assert resolve_date(expression, None) == expected


@pytest.mark.parametrize("expression, published, first, end", [
    ("Wednesday", date(2016, 6, 1), "2016-06-01", None),
    ("Wednesday", date(2016, 6, 6), "2016-06-01", None),
    ("yesterday", date(2016, 1, 1), "2015-12-31", None),
    ("19 February", date(2016, 2, 18), "2015-02-19", None),
    ("last week", date(2016, 6, 6), "2016-05-30", "2016-06-05"),
    ("in October", date(2017, 11, 15), "2017-10-01", "2017-10-31"),
    ("last month", date(2016, 3, 15), "2016-02-01", "2016-02-29"),
    ("over the past 10 days", date(2016, 3, 1), "2016-02-20", "2016-03-01"),
])
def test_the_anchor_is_the_publication_date(expression, published, first, end):
    resolved = resolve_date(expression, published)
    assert (resolved.date, resolved.end) == (first, end)
    assert resolved.date != resolve_date(expression, THURSDAY).date


def test_past_words_never_fall_after_publication():
    for word in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                 "March 10", "December 31", "October"):
        resolved = resolve_date(word, THURSDAY)
        assert date.fromisoformat(resolved.date) <= THURSDAY, word


def test_future_words_go_forward():
    assert resolve_date("tomorrow", THURSDAY).date == "2017-03-10"
    assert resolve_date("next week", THURSDAY) == EventDate("2017-03-13", "week", "next week",
                                                            "2017-03-19")


def test_a_datetime_anchor_counts_by_its_day():
    assert resolve_date("yesterday", datetime(2017, 3, 9, 23, 59)).date == "2017-03-08"


def test_results_are_cached_and_fresh():
    first = resolve_date("19 February", date(2015, 5, 5))
    first.date = "changed"
    assert resolve_date("19 February", date(2015, 5, 5)).date == "2015-02-19"
    start = time.perf_counter()
    for _ in range(1000):
        resolve_date("19 February", date(2015, 5, 5))
    assert (time.perf_counter() - start) / 1000 < 1e-4


@pytest.mark.parametrize("text, expected", [
    ("By AFP - Mar 09,2017 - Last updated at Mar 10,2017\n\nAMMAN — Jordan said...",
     date(2017, 3, 9)),
    ("By John Smith, Reuters | March 9, 2017 | 3:45pm\nText.", date(2017, 3, 9)),
    ("Iraqi forces retake airport\nMarch 9, 2017\nBAGHDAD (Reuters) - Iraqi forces...",
     date(2017, 3, 9)),
    ("Thursday 9 March 2017 14.30 GMT\nSomething happened.", date(2017, 3, 9)),
    ("BAGHDAD, 9 March 2017 — Iraqi forces pushed on.", date(2017, 3, 9)),
    ("2017-03-09T10:00:00Z\nText", date(2017, 3, 9)),
    ("Headline\nUpdated: March 10, 2017 | Published: March 9, 2017\nText", date(2017, 3, 9)),
    ("Story text. " * 100 + "\nPublished: 9 March 2017\n", date(2017, 3, 9)),
])
def test_publication_date_from_bylines_and_datelines(text, expected):
    assert publication_date(text) == expected


@pytest.mark.parametrize("text", [
    "On March 20, 2003, US troops invaded Iraq. The war went on.",
    "The report, published on March 3, 2016, said that many had fled.",
    "Posted 03/09/2017\nText",
    "Story text. " * 100 + "\nMarch 9, 2017\n",
    "No date here at all.",
])
def test_publication_date_ignores_history_and_ambiguity(text):
    assert publication_date(text) is None


@pytest.mark.parametrize("text, entity, widened", [
    ("Clashes broke out late on Wednesday in Mosul.", "Wednesday", "late on Wednesday"),
    ("Fighting has continued since 2014 in the north.", "2014", "since 2014"),
    ("Over the past 10 days, 200 fled.", "the past 10 days", "Over the past 10 days"),
    ("It happened in mid-2014 near Aleppo.", "2014", "in mid-2014"),
    ("They came in early February.", "February", "in early February"),
    ("The attack on Wednesday killed five.", "Wednesday", "on Wednesday"),
    ("It lasted until late last year.", "last year", "until late last year"),
    ("The army has held it for the past two weeks.", "two weeks", "for the past two weeks"),
    ("Talks are planned for Wednesday.", "Wednesday", "Wednesday"),
    ("It ended at the end of 2014.", "2014", "at the end of 2014"),
    ("They fled earlier this month.", "this month", "earlier this month"),
    ("He left. Wednesday was calm.", "Wednesday", "Wednesday"),
    ("He left since. 2014 was calm.", "2014", "2014"),
    ("a humid-2014 typo", "2014", "2014"),
])
def test_widen_takes_the_qualifiers_before_an_entity(text, entity, widened):
    start = text.index(entity)
    new_start, new_end = widen(text, start, start + len(entity))
    assert text[new_start:new_end] == widened
    assert new_end == start + len(entity)


@pytest.mark.parametrize("expression, first", [
    ("this Wednesday", "2017-03-08"),
    ("this Saturday", "2017-03-11"),
    ("next Thursday", "2017-03-16"),
    ("next Monday", "2017-03-13"),
    ("past Friday", "2017-03-03"),
    ("on Tues.", "2017-03-07"),
    ("last evening", "2017-03-08"),
    ("this morning", "2017-03-09"),
    ("tonight", "2017-03-09"),
    ("yesterday afternoon", "2017-03-08"),
    ("two hours ago", "2017-03-09"),
    ("forty days ago", "2017-01-28"),
])
def test_more_days_of_a_thursday_paper(expression, first):
    assert resolve_date(expression, THURSDAY) == EventDate(first, "day", expression)


@pytest.mark.parametrize("expression, published, expected", [
    ("yesterday", date(2016, 3, 1), ("2016-02-29", "day", None)),
    ("tomorrow", date(2016, 12, 31), ("2017-01-01", "day", None)),
    ("last week", date(2017, 1, 2), ("2016-12-26", "week", "2017-01-01")),
    ("last month", date(2016, 3, 31), ("2016-02-01", "month", "2016-02-29")),
    ("six months ago", date(2017, 8, 31), ("2017-02-01", "month", "2017-02-28")),
    ("a year ago", date(2016, 2, 29), ("2015-01-01", "year", "2015-12-31")),
    ("next year", date(2017, 12, 31), ("2018-01-01", "year", "2018-12-31")),
    ("over the past month", date(2017, 3, 31), ("2017-02-28", "range", "2017-03-31")),
    ("in the past year", date(2016, 2, 29), ("2015-02-28", "range", "2016-02-29")),
    ("the past 36 hours", date(2017, 3, 9), ("2017-03-07", "range", "2017-03-09")),
    ("the past two weeks", date(2017, 1, 5), ("2016-12-22", "range", "2017-01-05")),
])
def test_relative_words_across_month_and_year_ends(expression, published, expected):
    resolved = resolve_date(expression, published)
    assert (resolved.date, resolved.precision, resolved.end) == expected


@pytest.mark.parametrize("expression, first, end", [
    ("winter 2015", "2015-12-01", "2016-02-29"),
    ("last winter", "2016-12-01", "2017-02-28"),
    ("autumn 2016", "2016-09-01", "2016-11-30"),
])
def test_seasons_last_three_months(expression, first, end):
    assert resolve_date(expression, THURSDAY) == EventDate(first, "range", expression, end)


@pytest.mark.parametrize("expression,published,first", [
    ("Last Saturday, March 5, 2005", None, "2005-03-05"),
    ("on Monday, June 3", date(2019, 6, 10), "2019-06-03"),
    ("Friday, 12 March 2010", None, "2010-03-12"),
])
def test_a_weekday_with_its_date_is_that_date(expression, published, first):
    resolved = resolve_date(expression, published)
    assert (resolved.date, resolved.precision) == (first, "day")


@pytest.mark.parametrize("expression,first,end", [
    ("in recent days", "2017-03-02", "2017-03-09"),
    ("over the past few weeks", "2017-02-09", "2017-03-09"),
    ("a few weeks ago", "2017-02-09", "2017-03-02"),
    ("several days ago", "2017-03-02", "2017-03-08"),
])
def test_vague_periods_are_ranges_before_publication(expression, first, end):
    resolved = resolve_date(expression, date(2017, 3, 9))
    assert (resolved.date, resolved.end, resolved.precision) == (first, end, "range")
    assert resolve_date(expression, None).precision == "unknown"


def test_an_endless_range_is_no_date():
    assert resolve_date("2021-" * 5000 + "2021", date(2021, 6, 10)).precision == "unknown"


def test_an_event_takes_the_date_a_later_sentence_gives_the_incident(gazetteer):
    text = ("A man was stabbed in the back four times in Chiefland. The victim was taken to the "
            "hospital. The incident happened at about 4:30 a.m. Saturday near Main Street.")
    parsed = geomap.parse(text, published="2009-03-23", gazetteer=gazetteer,
                          actors=ActorTable.load())
    (stabbing,) = [event for event in parsed.events if event.type == "attack"]
    assert (stabbing.date.date, stabbing.date.precision) == ("2009-03-21", "day")


def test_a_disease_found_takes_the_day_its_host_was_found(gazetteer):
    text = ("Bird flu in Dorset\n\nThe H5N1 virus has been found in a dead wild goose at a "
            "swannery in Dorset, England. This is the eleventh case in wild birds. The goose was "
            "discovered on February 25, 2008.")
    parsed = geomap.parse(text, published="2008-03-01", gazetteer=gazetteer,
                          actors=ActorTable.load())
    outbreak = next(event for event in parsed.events if event.type == "disaster")
    assert (outbreak.date.date, outbreak.date.precision) == ("2008-02-25", "day")
    # the finding of another thing tells no date of the event
    other = geomap.parse(text.replace("The goose was", "A car was"), published="2008-03-01",
                         gazetteer=gazetteer, actors=ActorTable.load())
    assert next(e for e in other.events if e.type == "disaster").date.precision == "reported"
