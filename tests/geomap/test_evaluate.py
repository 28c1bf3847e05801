"""The evaluation command: corpus formats, offset realignment and the scores, on tiny corpora."""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from gazetteer.geo import distance_km
from geomap.cli import main
from geomap.evaluation.corpora import CorpusError, read_corpus
from geomap.evaluation.score import evaluate, log_error_auc
from geomap.evaluation.split import split_of


def test_lgl_format_is_read(data_dir):
    corpus, documents = read_corpus(data_dir / "mini-lgl.xml")
    assert corpus == "LGL" and len(documents) == 1
    mosul, baghdad, unknown = documents[0].toponyms
    assert (mosul.name, mosul.geonameid, mosul.lat) == ("Mosul", 99072, 36.335)
    assert unknown.lat is None


def test_geovirus_offsets_shifted_by_a_character_are_realigned(data_dir):
    corpus, documents = read_corpus(data_dir / "mini-geovirus.xml")
    (aleppo,) = documents[0].toponyms
    assert corpus == "GeoVirus"
    assert documents[0].text[aleppo.start:aleppo.end] == "Aleppo"  # the file says 23..29


def test_geowebnews_format(tmp_path):
    path = tmp_path / "gwn.xml"
    path.write_text("<articles><article id='7'><text>Rain in Lyon.</text><toponyms><toponym>"
                    "<start>8</start><end>12</end><phrase>Lyon</phrase><latitude>45.75</latitude>"
                    "<longitude>4.85</longitude></toponym></toponyms></article></articles>")
    corpus, documents = read_corpus(path)
    assert corpus == "GeoWebNews" and documents[0].toponyms[0].lon == 4.85


@pytest.mark.parametrize("content, message", [
    ("<articles><article", "malformed XML"),
    ("<rss><item/></rss>", "no <article> elements"),
    ("<articles><article><text>x</text></article></articles>", "no <toponym> or <location>"),
])
def test_bad_corpora(tmp_path, content, message):
    path = tmp_path / "bad.xml"
    path.write_text(content)
    with pytest.raises(CorpusError, match=message):
        read_corpus(path)


def test_scores_on_a_tiny_corpus(gazetteer, data_dir):
    corpus, documents = read_corpus(data_dir / "mini-lgl.xml")
    scores = evaluate(corpus, documents, gazetteer, demonyms=True)
    # predicted: Mosul and Baghdad; gold: Mosul, Baghdad and an unknown village
    assert (scores.gold_toponyms, scores.predicted_toponyms) == (3, 2)
    assert scores.precision == 1.0 and scores.recall == pytest.approx(2 / 3)
    # Mosul is exact (same GeoNames id); Baghdad's gold point was put at Mosul on purpose
    baghdad_error = distance_km(33.3406, 44.4009, 36.335, 43.119)
    assert scores.resolved == 2
    assert scores.accuracy_161km == 0.5
    assert scores.mean_error_km == pytest.approx(baghdad_error / 2, rel=0.01)


def test_log_error_auc():
    assert log_error_auc([0, 0, 0]) == 0.0
    assert log_error_auc([20039, 20039]) == pytest.approx(1.0, abs=1e-4)
    assert log_error_auc([0, 20039]) == pytest.approx(math.log(20040) / 2 / math.log(20039), rel=1e-3)


def test_evaluate_command(data_dir):
    result = CliRunner().invoke(main, ["evaluate", str(data_dir / "mini-geovirus.xml"),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["corpus"] == "GeoVirus" and scores["demonyms_counted"] is False
    assert scores["f1"] == 1.0 and scores["accuracy_161km"] == 1.0


def test_evaluate_command_on_a_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "none.xml")])
    assert result.exit_code == 1 and "cannot read" in result.stderr


def test_area_accuracy_counts_a_gold_point_inside_the_chosen_territory(gazetteer, tmp_path):
    path = tmp_path / "areas.xml"
    # a point in northern Manitoba: inside Canada, over a thousand km from GeoNames' centre
    path.write_text("<articles><article><text>Wildfires spread across Canada.</text><locations>"
                    "<location><name>Canada</name><start>24</start><end>30</end><lat>57.0</lat>"
                    "<lon>-95.0</lon></location></locations></article></articles>")
    corpus, documents = read_corpus(path)
    scores = evaluate(corpus, documents, gazetteer, demonyms=False)
    assert scores.accuracy_161km == 0.0
    assert scores.accuracy_161km_area == 1.0


def test_calibration_error():
    from geomap.evaluation.score import calibration_error
    assert calibration_error([0.95] * 20, [True] * 19 + [False]) == pytest.approx(0.0, abs=1e-9)
    assert calibration_error([0.9, 0.9], [False, False]) == pytest.approx(0.9)
    assert calibration_error([0.25, 0.75], [False, True]) == pytest.approx(0.25)
    assert calibration_error([], []) == 0.0


CITIES = ["Cairo", "Lagos", "Nairobi", "Lima", "Oslo", "Hanoi"]


def _counted_corpus(path):
    """Six GeoVirus-style documents, ids "1".."6"; document k names k cities, so the gold
    toponyms' total tells which documents were scored (the coordinates do not matter here)."""
    articles = []
    for k in range(1, len(CITIES) + 1):
        text = "Reporters travelled to " + ", ".join(CITIES[:k]) + "."
        locations = "".join(
            f"<location><name>{city}</name><start>{text.index(city)}</start>"
            f"<end>{text.index(city) + len(city)}</end><lat>0</lat><lon>0</lon></location>"
            for city in CITIES[:k])
        articles.append(f"<article id='{k}'><text>{text}</text><locations>{locations}"
                        f"</locations></article>")
    path.write_text("<articles>" + "".join(articles) + "</articles>", encoding="utf-8")
    return path


def _scores(path, *options):
    result = CliRunner().invoke(main, ["evaluate", str(path), "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_evaluate_splits_add_up_to_the_corpus(tmp_path):
    path = _counted_corpus(tmp_path / "counted.xml")
    halves = {split: [k for k in range(1, 7) if split_of(str(k)) == split]
              for split in ("dev", "test")}
    assert halves["dev"] and halves["test"], "the ids fall in both halves"
    everything = _scores(path)  # no --split: every document, as before there were splits
    assert (everything["split"], everything["documents"], everything["gold_toponyms"]) \
        == ("all", 6, 21)
    scored = {split: _scores(path, "--split", split) for split in halves}
    for split, ids in halves.items():
        assert scored[split]["split"] == split
        assert (scored[split]["documents"], scored[split]["gold_toponyms"]) == (len(ids), sum(ids))
    assert scored["dev"]["documents"] + scored["test"]["documents"] == everything["documents"]


def test_evaluate_takes_the_split_before_the_limit(tmp_path):
    path = _counted_corpus(tmp_path / "counted.xml")
    first_two_tests = [k for k in range(1, 7) if split_of(str(k)) == "test"][:2]
    scores = _scores(path, "--split", "test", "--limit", "2")
    assert (scores["documents"], scores["gold_toponyms"]) == (2, sum(first_two_tests))


def test_evaluate_table_names_the_split(data_dir):
    (document,) = read_corpus(data_dir / "mini-lgl.xml")[1]
    split = split_of(document.id)
    result = CliRunner().invoke(main, ["evaluate", str(data_dir / "mini-lgl.xml"),
                                       "--split", split])
    assert result.exit_code == 0, result.output
    assert f"split                   {split}" in result.stdout.splitlines()
    assert "documents               1" in result.stdout.splitlines()


def test_evaluate_rejects_an_unknown_split(data_dir):
    result = CliRunner().invoke(main, ["evaluate", str(data_dir / "mini-lgl.xml"),
                                       "--split", "train"])
    assert result.exit_code == 2 and "'train' is not one of" in result.stderr
