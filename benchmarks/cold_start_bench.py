"""Cold start: wall time of `geomap places one-article.txt` as a user runs it, several runs."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

RUNS = 5


def run() -> dict[str, float]:
    geomap = shutil.which("geomap", path=str(Path(sys.executable).parent)) or "geomap"
    sample = resources.files("geomap") / "samples" / "sample-article.txt"
    timings = []
    with resources.as_file(sample) as path:
        for _ in range(RUNS):
            started = time.perf_counter()
            subprocess.run([geomap, "places", str(path)], check=True, capture_output=True)
            timings.append(time.perf_counter() - started)
    return {"geomap places cold start median s": statistics.median(timings),
            "geomap places cold start min s": min(timings), "runs": RUNS}
