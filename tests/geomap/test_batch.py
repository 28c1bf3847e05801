"""Batch runs over an archive: every article read once, failures reported and the run going on,
a killed run resumed to exactly the output of an uninterrupted one, one or two workers alike."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import geopandas
from click.testing import CliRunner

from geomap.batch import run_batch
from geomap.cli import main

TOWNS = ("Afgooye", "Kismayo", "Baidoa", "Jilib", "Mogadishu", "Beledweyne")


def write_archive(folder: Path, count: int) -> Path:
    """A JSONL file of `count` short articles of our own, each telling of two events."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for index in range(count):
        town, other = TOWNS[index % len(TOWNS)], TOWNS[(index + 2) % len(TOWNS)]
        lines.append(json.dumps({
            "title": f"Report {index}", "published": "2021-06-10",
            "url": f"https://example.org/{index}",
            "text": f"Gunmen attacked a market in {town} on Tuesday, killing {index + 2} people. "
                    f"Somali troops recaptured {other} on Monday, officials said. (No. {index})"}))
    path = folder / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def features(outdir: Path) -> list[dict]:
    return json.loads((outdir / "events.geojson").read_text(encoding="utf-8"))["features"]


def test_batch_reads_every_article_and_reports_failures(tmp_path, gazetteer):
    archive = write_archive(tmp_path / "in", 12).parent
    (archive / "broken.json").write_text("{not json", encoding="utf-8")
    (archive / "empty.txt").write_text("   \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(archive), "-o", str(tmp_path / "out"),
                                       "--workers", "1", "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "12 articles read" in result.output and "2 failed" in result.output
    assert "broken.json: malformed JSON" in result.output and "empty.txt" in result.output
    out = tmp_path / "out"
    assert len(list((out / "articles").glob("*.json"))) == 12
    found = features(out)
    assert len(found) == 24
    assert {f["properties"]["type"] for f in found} == {"attack", "capture"}
    first = found[0]["properties"]
    assert first["place"]["name"] == "Afgooye" and first["date"] == "2021-06-08"
    assert first["fatalities"] == 2
    frame = geopandas.read_parquet(out / "events.parquet")
    assert len(frame) == 24 and frame.crs.to_epsg() == 4326
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert len(failures) == 2
    assert (out / "summary.html").read_text(encoding="utf-8").rstrip().endswith("</html>")

    again = CliRunner().invoke(main, ["batch", str(archive), "-o", str(out), "--no-progress"])
    assert "0 articles read, 12 already done" in again.output


def test_two_workers_give_what_one_gives(tmp_path, gazetteer):
    archive = write_archive(tmp_path / "in", 20)
    one = run_batch(archive, tmp_path / "one", workers=1, progress=False)
    two = run_batch(archive, tmp_path / "two", workers=2, progress=False)
    assert (one.done, two.done, one.events) == (20, 20, 40)
    assert features(tmp_path / "one") == features(tmp_path / "two")


def test_a_killed_batch_resumes_to_the_same_output(tmp_path, gazetteer):
    archive = write_archive(tmp_path / "in", 60)
    whole = tmp_path / "whole"
    run_batch(archive, whole, workers=1, progress=False)

    resumed = tmp_path / "resumed"
    geomap = shutil.which("geomap", path=str(Path(sys.executable).parent))
    process = subprocess.Popen([geomap, "batch", str(archive), "-o", str(resumed),
                                "--workers", "1", "--no-progress"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    articles = resumed / "articles"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(articles.glob("*.json"))) < 10:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    written = list(articles.glob("*.json"))
    assert 10 <= len(written) < 60, "killed halfway"
    for path in written:  # whatever was reported done is whole
        json.loads(path.read_text(encoding="utf-8"))
    assert not (resumed / "events.geojson").exists()

    report = run_batch(archive, resumed, workers=2, progress=False)
    assert report.skipped == len(written) and report.done == 60 - len(written)
    assert not list(articles.glob(".*.partial"))
    assert (resumed / "events.geojson").read_bytes() == (whole / "events.geojson").read_bytes()
    assert geopandas.read_parquet(resumed / "events.parquet").equals(
        geopandas.read_parquet(whole / "events.parquet"))


def test_dask_cluster_gives_the_local_events(tmp_path, gazetteer):
    import dask_geopandas

    archive = write_archive(tmp_path / "in", 16)
    local = run_batch(archive, tmp_path / "local", workers=1, progress=False)
    on_dask = run_batch(archive, tmp_path / "dask", workers=2, progress=False, dask="local")
    assert (on_dask.done, on_dask.events) == (16, local.events)
    assert features(tmp_path / "dask") == features(tmp_path / "local")
    parts = tmp_path / "dask" / "events.parquet"
    assert parts.is_dir() and list(parts.glob("*.parquet"))
    frame = dask_geopandas.read_parquet(parts).compute()
    assert len(frame) == 32 and sorted(frame["event_id"]) == sorted(
        geopandas.read_parquet(tmp_path / "local" / "events.parquet")["event_id"])
    assert len(geopandas.read_parquet(parts)) == 32
