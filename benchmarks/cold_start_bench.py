"""Cold start: wall time of `geomap places one-article.txt` as a user runs it, several runs,
interleaved for scale with a plain `spacy.load` of the same model package, every pipe included
(this machine's speed varies from minute to minute; the ratio varies less)."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

from geomap.nlp import MODEL

RUNS = 9


def run() -> dict[str, float]:
    geomap = shutil.which("geomap", path=str(Path(sys.executable).parent)) or "geomap"
    sample = resources.files("geomap") / "samples" / "sample-article.txt"
    bare_spacy = [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"]
    timings, spacy_timings = [], []
    with resources.as_file(sample) as path:
        for _ in range(RUNS):
            timings.append(_timed([geomap, "places", str(path)]))
            spacy_timings.append(_timed(bare_spacy))
    return {"geomap places cold start median s": statistics.median(timings),
            "geomap places cold start min s": min(timings),
            "spaCy import and model load median s": statistics.median(spacy_timings),
            "geomap cold start / spaCy load": statistics.median(
                [ours / theirs for ours, theirs in zip(timings, spacy_timings)]),
            "runs": RUNS}


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started
