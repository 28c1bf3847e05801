"""Scoring events against gold: the matching rule, the figures, the keyword baseline and a whole
run, on records and an article written for these tests."""

from __future__ import annotations

import datetime
import json

import pytest
from click.testing import CliRunner

from geomap.actors import ActorTable
from geomap.cli import main
from geomap.evaluation.baseline import keyword_events, sentence_spans
from geomap.evaluation.events import (
    MATCHING_RULE,
    EventDocument,
    GoldError,
    ScoredEvent,
    canonical_actor,
    dates_agree,
    evaluate_events,
    gold_period,
    match,
    read_gold,
    score,
    sentence_span,
)
from geomap.evaluation.events import main as events_main
from geomap.pipeline import geoparse_articles
from geomap.read.article import Article

# Two towns 0.3 degrees of latitude apart (about 33 km), and one far from both.
NORTH = {"has_place": True, "lat": 10.0, "lon": 20.0}
SOUTH = {"has_place": True, "lat": 9.7, "lon": 20.0}
FAR = {"has_place": True, "lat": 12.0, "lon": 20.0}


def event(family: str = "conflict", sentence: tuple[int, int] | None = None,
          **fields) -> ScoredEvent:
    return ScoredEvent(family=family, sentences=(sentence,) if sentence else (), **fields)


def test_an_overlapping_sentence_matches_whatever_the_family_and_place():
    gold = [event("legal", (100, 180), **NORTH)]
    predicted = [event("conflict", (170, 240), **FAR)]
    assert [(p.gold, p.predicted, p.strict) for p in match(gold, predicted)] == [(0, 0, True)]


def test_same_family_near_place_and_agreeing_date_match_without_a_sentence():
    gold = [event("disaster", (0, 50), date="2019-03-04", precision="week", **NORTH)]
    inside_week = event("disaster", (60, 90), date="2019-03-09", **SOUTH)
    assert [(p.gold, p.strict) for p in match(gold, [inside_week])] == [(0, False)]
    assert match(gold, [event("accident", (60, 90), date="2019-03-09", **SOUTH)]) == []
    assert match(gold, [event("disaster", (60, 90), date="2019-03-11", **SOUTH)]) == []
    assert match(gold, [event("disaster", (60, 90), date="2019-03-09", **FAR)]) == []
    assert match(gold, [event("disaster", (60, 90), **SOUTH)]) == []  # no date against one


def test_matching_is_one_to_one_and_prefers_the_same_family():
    gold = [event("protest", (0, 80), type="peaceful protest")]
    predicted = [event("conflict", (0, 80)), event("protest", (10, 60))]
    (pair,) = match(gold, predicted)
    assert pair.predicted == 1


def test_sentence_matches_are_taken_before_place_matches():
    gold = [event("conflict", (0, 40), date="2020-05-01", **NORTH),
            event("conflict", (50, 90), date="2020-05-01", **NORTH)]
    # the first prediction is near both by place; its sentence is the second gold event's
    predicted = [event("conflict", (50, 90), date="2020-05-01", **NORTH),
                 event("conflict", (200, 240), date="2020-05-01", **SOUTH)]
    pairs = sorted((p.gold, p.predicted, p.strict) for p in match(gold, predicted))
    assert pairs == [(0, 1, False), (1, 0, True)]


def test_gold_periods():
    def period(date, precision, end=None):
        return gold_period(event(date=date, precision=precision, date_end=end))
    day = datetime.date.fromisoformat
    assert period("2016-02-01", "month") == (day("2016-02-01"), day("2016-02-29"))
    assert period("2016-01-01", "year") == (day("2016-01-01"), day("2016-12-31"))
    assert period("2016-03-09", "reported") == (day("2016-02-09"), day("2016-03-09"))
    assert period("2016-03-01", "range", "2016-03-05") == (day("2016-03-01"), day("2016-03-05"))
    assert period("2016-03-01", "day") == (day("2016-03-01"), day("2016-03-01"))


def test_null_dates_agree_only_with_each_other():
    assert dates_agree(event(), event())
    assert not dates_agree(event(date="2016-03-01"), event())
    assert not dates_agree(event(), event(date="2016-03-01"))


def test_figures_on_hand_made_documents():
    flood = event("disaster", (0, 60), date="2021-07-12", precision="day", fatalities=3,
                  injured=10, actors=("County Sheriff's Office",), **NORTH)
    arrest = event("legal", (61, 120), date="2021-07-14", precision="reported",
                   actors=("County Sheriff's Office", "Dana Fielding"), **NORTH)
    march = event("protest", (121, 200), date="2021-07-10", **SOUTH)
    with_events = EventDocument("seed", "a.txt", "dev", datetime.date(2021, 7, 14),
                                [flood, arrest, march])
    empty = EventDocument("lgl", "b", "dev", datetime.date(2021, 7, 14), [])
    predicted = [
        # the flood by its sentence: place 33 km off, date right, counts half right
        event("disaster", (0, 60), date="2021-07-12", fatalities=3, injured=12, **SOUTH),
        # the arrest by its sentence, undated, one of two actors (named as written otherwise)
        event("legal", (61, 120), actors=("the county sheriff's office",), **NORTH),
        # the march by place and date only
        event("protest", (300, 340), date="2021-07-10", **SOUTH),
    ]
    stray = [event("accident", (0, 30), **FAR), event("conflict", (40, 70))]
    scores = score("test", "dev", [with_events, empty], [predicted, stray])
    assert (scores.gold_events, scores.predicted_events, scores.matched) == (3, 5, 3)
    assert (scores.precision, scores.recall) == (pytest.approx(3 / 5), 1.0)
    assert scores.f1 == pytest.approx(0.75)
    assert (scores.strict_matched, scores.strict_recall) == (2, pytest.approx(2 / 3))
    assert scores.strict_f1 == pytest.approx(2 * (2 / 5) * (2 / 3) / (2 / 5 + 2 / 3))
    assert (scores.place_scored, scores.place_accuracy_25km) == (3, pytest.approx(2 / 3))
    assert scores.date_exact == 1.0  # the undated arrest says what a gold "reported" date says
    assert (scores.gold_actors, scores.actor_recall) == (3, pytest.approx(1 / 3))
    assert (scores.counts_scored, scores.counts_accuracy) == (2, 0.5)
    assert (scores.documents_without_events, scores.false_positives_without_events) == (1, 2)
    assert scores.recall_by_family["legal"] == {"gold": 1, "recall": 1.0}
    assert scores.by_group["corpus lgl"]["predicted"] == 2
    assert scores.by_group["corpus seed"]["precision"] == 1.0
    assert scores.by_group["split dev"]["documents"] == 2


def test_a_place_against_none_is_wrong_and_none_against_none_right():
    gold = EventDocument("seed", "c.txt", "dev", None,
                         [event("political", (0, 40)), event("political", (50, 90), **NORTH),
                          event("political", (100, 140), has_place=True)])  # a border: no point
    predicted = [event("political", (0, 40)), event("political", (50, 90)),
                 event("political", (100, 140), **NORTH)]
    scores = score("test", "dev", [gold], [predicted])
    assert (scores.place_scored, scores.place_accuracy_25km) == (2, 0.5)


def test_a_repeated_sentence_is_found_where_its_place_is():
    text = "Floods in Tarrow. Rain fell. Floods in Tarrow."
    assert sentence_span(text, "Floods in Tarrow.", near=39) == (29, 46)
    assert sentence_span(text, "Floods in Tarrow.") == (0, 17)
    assert sentence_span(text, "Snow in Tarrow.") is None
    assert sentence_span(text, "") is None


def test_gold_actor_aliases_take_the_table_name():
    table = ActorTable.load()
    assert canonical_actor("ISIS", table) == "Islamic State"
    assert canonical_actor("the Islamic State group", table) == "Islamic State"
    assert canonical_actor("Dana Fielding", table) == "Dana Fielding"


def test_gold_files_are_read_and_bad_lines_named(tmp_path):
    path = tmp_path / "gold.jsonl"
    record = {"corpus": "LGL", "doc_id": "17", "split": "test", "published": "2012-05-02",
              "events": [{"family": "legal", "type": "arrest", "sentences": [[5, 40]],
                          "place": None, "date": None, "date_precision": "reported",
                          "date_end": None, "actors": [{"name": "ISIL", "role": "target"}],
                          "fatalities": None, "injured": None}]}
    path.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    (document,) = read_gold([path], ActorTable.load())
    assert (document.corpus, document.split, document.published) == (
        "lgl", "test", datetime.date(2012, 5, 2))
    assert document.events[0].actors == ("Islamic State",)
    assert not document.events[0].has_place
    path.write_text('{"corpus": "LGL"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="gold.jsonl:1"):
        read_gold([path])


def test_keyword_baseline_takes_sentences_with_a_word_and_a_place(gazetteer):
    text = "A storm flooded streets in Dover. The mayor of Boston spoke. Two men were shot " \
           "in Boston on Sunday. Fire crews rested."
    (parsed,) = geoparse_articles([Article(file="t", text=text, raw=text)], gazetteer)
    found = keyword_events(text, parsed.places, datetime.date(2022, 4, 5))
    assert [(e.family, e.word, e.place.text, e.date) for e in found] == [
        ("disaster", "storm", "Dover", "2022-04-05"), ("crime", "shot", "Boston", "2022-04-05")]
    assert text[found[1].start:found[1].end] == "Two men were shot in Boston on Sunday."


def test_baseline_sentences_are_the_pipelines():
    text = "Heavy rain in Dover\n\nThe river rose. Roads closed."
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == [
        "Heavy rain in Dover", "The river rose.", "Roads closed."]


def test_a_whole_run_on_a_gold_file_written_for_the_tests(gazetteer, data_dir):
    folder = data_dir / "event-scoring"
    ours, baseline = evaluate_events([folder / "gold.jsonl"], gazetteer, split="all",
                                     seeds=folder)
    assert (ours.documents, ours.gold_events, ours.documents_without_events) == (2, 3, 1)
    # the raid, the arrest and the fire, each by its sentence, all fields right
    assert (ours.matched, ours.strict_matched, ours.recall) == (3, 3, 1.0)
    assert (ours.place_accuracy_25km, ours.date_exact) == (1.0, 1.0)
    assert (ours.actor_recall, ours.counts_accuracy) == (1.0, 1.0)  # "Al-Shabab", four killed
    # the baseline has no word for an arrest, and dates everything on the publication day
    assert (baseline.predicted_events, baseline.matched, baseline.precision) == (2, 2, 1.0)
    assert baseline.recall_by_family["legal"] == {"gold": 1, "recall": 0.0}
    assert (baseline.place_accuracy_25km, baseline.date_exact) == (1.0, 0.0)
    dev_only, _ = evaluate_events([folder / "gold.jsonl"], gazetteer, seeds=folder)
    assert (dev_only.split, dev_only.documents) == ("dev", 1)


def test_evaluate_command_scores_events_without_a_corpus(data_dir):
    folder = data_dir / "event-scoring"
    result = CliRunner().invoke(main, ["evaluate", "--events", str(folder / "gold.jsonl"),
                                       "--seeds", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["matching_rule"] == MATCHING_RULE
    assert figures["systems"]["geomap"]["split"] == "dev"
    assert figures["systems"]["keyword baseline"]["recall"] == pytest.approx(2 / 3, abs=1e-4)


def test_evaluate_command_still_needs_a_corpus_without_events(data_dir):
    result = CliRunner().invoke(main, ["evaluate"])
    assert result.exit_code == 2 and "Missing argument 'CORPUS.xml'" in result.output
    both = CliRunner().invoke(main, ["evaluate", str(data_dir / "mini-lgl.xml"), "--events",
                                     str(data_dir / "event-scoring" / "gold.jsonl")])
    assert both.exit_code == 2 and "give no CORPUS.xml" in both.output


def test_module_entry_point_prints_the_table(data_dir, capsys):
    folder = data_dir / "event-scoring"
    events_main([str(folder / "gold.jsonl"), "--seeds", str(folder), "--split", "test"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["split:", "test", "geomap", "keyword", "baseline"]
    assert lines[1].split() == ["documents", "1", "1"]
    assert any(line.split()[:4] == ["false", "positives", "without", "events"] for line in lines)
