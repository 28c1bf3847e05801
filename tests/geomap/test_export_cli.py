"""`geomap events` writing the export formats: nothing written when no input was read, and the
events a format cannot hold counted on stderr."""

from __future__ import annotations

import csv

import geopandas as gpd
import pytest
from click.testing import CliRunner

from geomap.cli import main

# No place in it: the event it tells has none.
UNPLACED = "A car bomb went off beside a crowded bus stop on Tuesday, killing nine people, police said."


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("fmt", ["gpkg", "kml", "parquet", "csv"])
def test_no_input_read_writes_no_file(runner, tmp_path, fmt):
    (tmp_path / "broken.json").write_bytes(b'{"text": ')
    output = tmp_path / f"events.{fmt}"
    result = runner.invoke(main, ["events", str(tmp_path / "missing.txt"),
                                  str(tmp_path / "broken.json"), "--format", fmt, "-o", str(output)])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr and "broken.json" in result.stderr
    assert "wrote" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]


def test_a_failed_run_leaves_the_old_output(runner, tmp_path):
    output = tmp_path / "events.gpkg"
    output.write_bytes(b"the previous export")
    result = runner.invoke(main, ["events", str(tmp_path / "missing.txt"), "--format", "gpkg",
                                  "-o", str(output)])
    assert result.exit_code == 1 and output.read_bytes() == b"the previous export"


def test_kml_counts_the_events_it_leaves_out(runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(UNPLACED, encoding="utf-8")
    common = ["events", str(article), "--date", "2020-05-01"]
    table = runner.invoke(main, [*common, "--format", "csv", "-o", str(tmp_path / "e.csv")])
    assert table.exit_code == 0, table.output
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["latitude"] == row["location"] == "" for row in rows)
    assert "left out" not in table.stderr

    kml = runner.invoke(main, [*common, "--format", "kml", "-o", str(tmp_path / "e.kml")])
    assert kml.exit_code == 0, kml.output
    assert f"geomap: note: {len(rows)} of {len(rows)} events left out of the kml" in kml.stderr
    assert "wrote 0 events" in kml.stderr
    assert gpd.read_file(tmp_path / "e.kml").empty
