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
import pytest
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


def bad_folder(folder: Path) -> dict[str, str]:
    """Beside an archive of good articles, one file of each kind that used to stop or hang a
    run; the reason each bad one must be named with."""
    write_archive(folder, 40)
    (folder / "plain.txt").write_text("Shelling hit Kismayo on Monday.", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as file:
        file.write(b"Troops entered Baidoa on Friday.")
    (folder / "lines.jsonl").write_text(json.dumps(
        {"text": "Gunmen attacked Jilib.\u2028Troops fled Afgooye.", "published": "2021-06-10"},
        ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "lone.json").write_text('{"text": "Clashes in \\ud800Beledweyne."}', encoding="ascii")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="ascii")
    (folder / "number.json").write_text('{"text": "x", "n": ' + "9" * 5000 + "}", encoding="ascii")
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (folder / "big.txt").write_bytes(b"Fighting in Kismayo. " * 60_000)  # 1.2 MiB
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "gone.html").symlink_to(folder / "nowhere.html")
    return {"deep.json": "JSON nested too deeply", "number.json": "unusable JSON",
            "scan.txt": "looks like a PDF file", "big.txt": "larger than the 1 MiB limit",
            "pipe.txt": "a FIFO", "zero.txt": "a character device",
            "gone.html": "a link to nothing"}


def geomap_batch(*args: str, **popen) -> subprocess.Popen:
    geomap = shutil.which("geomap", path=str(Path(sys.executable).parent))
    return subprocess.Popen([geomap, "batch", *args, "--no-progress", "--max-size", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **popen)


def test_one_file_of_every_bad_kind_fails_alone_and_a_killed_run_resumes(tmp_path, gazetteer):
    folder = tmp_path / "in"
    expected = bad_folder(folder)
    out = folder / "results"  # inside the input folder: never read back as input
    run = geomap_batch(str(folder), "-o", str(out), "--workers", "2")
    _, stderr = run.communicate(timeout=600)
    assert run.returncode == 1, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("geomap: error:")]
    assert len(errors) == len(expected) and "Traceback" not in stderr
    for name, reason in expected.items():
        (line,) = [line for line in errors if f"/{name}:" in line]
        assert reason in line
    assert "44 articles read" in stderr  # 40 + plain, café, lines, lone
    rows = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert sorted(Path(row["file"]).name for row in rows) == sorted(expected)
    assert all(row["reason"].startswith(row["file"]) for row in rows)
    files = {json.loads(p.read_text(encoding="utf-8"))["file"] for p in (out / "articles").iterdir()}
    assert f"{folder}/caf\\xe9.txt" in files

    again = geomap_batch(str(folder), "-o", str(out))
    _, stderr = again.communicate(timeout=600)
    assert again.returncode == 1 and "0 articles read, 44 already done" in stderr
    assert len((out / "failures.jsonl").read_text().splitlines()) == len(expected)

    killed_out = tmp_path / "killed"
    killed = geomap_batch(str(folder), "-o", str(killed_out), "--workers", "2")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list(killed_out.glob("articles/*.json"))) < 8:
        time.sleep(0.05)
    killed.kill()
    killed.communicate()
    assert 8 <= len(list(killed_out.glob("articles/*.json"))) < 44
    resumed = geomap_batch(str(folder), "-o", str(killed_out))
    resumed.communicate(timeout=600)
    assert resumed.returncode == 1
    for name in ("events.geojson", "failures.jsonl"):
        assert (killed_out / name).read_bytes() == (out / name).read_bytes()


@pytest.mark.parametrize("dask", [False, True])
def test_workers_end_when_the_batch_is_killed(tmp_path, gazetteer, dask):
    import psutil

    archive = write_archive(tmp_path / "in", 300)
    out = tmp_path / "out"
    run = geomap_batch(str(archive), "-o", str(out), "--workers", "2",
                       *(["--dask"] if dask else []))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list(out.glob("articles/*.json"))) < 4:
        time.sleep(0.05)
    workers = psutil.Process(run.pid).children(recursive=True)
    assert len(workers) >= 2
    os.kill(run.pid, signal.SIGKILL)
    run.communicate()
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == [], f"{len(alive)} workers outlived their batch"


def test_results_cut_short_or_made_otherwise_are_redone(tmp_path, gazetteer):
    archive = write_archive(tmp_path / "in", 12)
    out = tmp_path / "out"
    first = run_batch(archive, out, workers=1, progress=False)
    whole = (out / "events.geojson").read_bytes()
    results = sorted((out / "articles").glob("*.json"))
    cut = results[0]
    cut.write_bytes(cut.read_bytes()[:40])  # a full disk, a copy cut short
    older = results[1]
    record = json.loads(older.read_text(encoding="utf-8"))
    older.write_text(json.dumps({**record, "pipeline": "an older geomap"}), encoding="utf-8")
    rebuilt = results[2]
    record = json.loads(rebuilt.read_text(encoding="utf-8"))
    rebuilt.write_text(json.dumps({**record, "gazetteer": "another build"}), encoding="utf-8")

    again = run_batch(archive, out, workers=1, progress=False)
    assert (again.done, again.redone, again.skipped) == (3, 3, 9)
    assert (out / "events.geojson").read_bytes() == whole and first.events == again.events
    result = CliRunner().invoke(main, ["batch", str(archive), "-o", str(out), "--no-progress"])
    assert "0 articles read, 12 already done" in result.stderr


def test_a_batch_working_alone_outlives_its_shell(tmp_path, gazetteer):
    """Only the workers a batch starts end with it: the batch itself, run in the background of a
    shell that then exits (nohup, a cron job), goes on to the end."""
    archive = write_archive(tmp_path / "in", 4)
    out = tmp_path / "out"
    geomap = shutil.which("geomap", path=str(Path(sys.executable).parent))
    command = f"'{geomap}' batch '{archive}' -o '{out}' --workers 1 --no-progress >/dev/null 2>&1 &"
    subprocess.run(["sh", "-c", command], check=True, timeout=30)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not (out / "summary.html").exists():
        time.sleep(0.2)
    assert len(features(out)) == 8
