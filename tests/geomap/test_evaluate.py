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
