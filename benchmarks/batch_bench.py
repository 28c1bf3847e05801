"""Batch throughput: a generated archive read by `geomap batch` on one core and on all cores
(articles per second, the speed-up), and a run killed halfway then resumed, checked to give the
same combined output as the uninterrupted run."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geomap.batch import run_batch

ARTICLES = int(os.environ.get("GEOMAP_BENCH_ARTICLES", "1000"))
TOWNS = ("Mosul", "Tikrit", "Kirkuk", "Ramadi", "Fallujah", "Baiji", "Samarra", "Tal Afar",
         "Raqqa", "Deir ez-Zor", "Aleppo", "Idlib", "Homs", "Kismayo", "Baidoa", "Afgooye",
         "Jilib", "Maiduguri", "Gao", "Timbuktu")
GROUPS = ("Islamic State", "ISIS", "al-Shabaab", "Boko Haram", "Daesh")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def write_archive(path: Path, count: int, seed: int = 11) -> Path:
    """A JSONL archive of short reports written from templates (our own text)."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for index in range(count):
            town, other = rng.sample(TOWNS, 2)
            group, day = rng.choice(GROUPS), rng.choice(DAYS)
            text = (f"{group} fighters attacked a checkpoint in {town} late on {day}, killing at "
                    f"least {rng.randint(2, 40)} people and wounding {rng.randint(1, 60)}, "
                    f"officials said. Government troops later recaptured villages north of "
                    f"{other}. More than {rng.randint(2, 90) * 100} people have fled {town} over "
                    f"the past week, the United Nations said. Report {index}.")
            out.write(json.dumps({"title": f"Report {index}", "published": "2017-03-09",
                                  "text": text}) + "\n")
    return path


def _rate(archive: Path, workers: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        run_batch(archive, Path(folder), workers=workers, progress=False)
        return ARTICLES / (time.perf_counter() - started)


def _resumes_identically(archive: Path) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        whole, resumed = Path(folder) / "whole", Path(folder) / "resumed"
        run_batch(archive, whole, progress=False)
        geomap = shutil.which("geomap", path=str(Path(sys.executable).parent)) or "geomap"
        process = subprocess.Popen([geomap, "batch", str(archive), "-o", str(resumed)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while len(list((resumed / "articles").glob("*.json"))) < ARTICLES // 2:
            time.sleep(0.1)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        run_batch(archive, resumed, progress=False)
        return (resumed / "events.geojson").read_bytes() == (whole / "events.geojson").read_bytes()


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        archive = write_archive(Path(folder) / "archive.jsonl", ARTICLES)
        one = _rate(archive, 1)
        cores = os.cpu_count() or 1
        many = _rate(archive, cores)
        same = _resumes_identically(archive)
    return {"articles": ARTICLES, "articles/s, one core": one,
            f"articles/s, {cores} cores": many, "speed-up": many / one,
            "killed halfway and resumed: same output": "yes" if same else "NO"}
