"""Gazetteer figures: store build time and size, lookup latency, memory of an opened store."""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gazetteer import Gazetteer
from gazetteer.build import build
from gazetteer.names import indexes_of

LOOKUPS = 3000
SEED = 7


def build_figures() -> dict[str, float]:
    """Build a fresh store in a temp folder (the user's store is left alone)."""
    with tempfile.TemporaryDirectory() as folder:
        report = build(Path(folder) / "bench.sqlite", progress=False)
        index = sum(path.stat().st_size for path in indexes_of(report.path))
        return {"build seconds (with the name index)": report.seconds,
                "store MiB": report.size_bytes / 2**20, "name index MiB": index / 2**20,
                "places": report.places}


def sample_names(gazetteer: Gazetteer, count: int = LOOKUPS) -> list[str]:
    """Real names drawn from the store, weighted towards the places the news names."""
    names = gazetteer.prominent_names(20_000)
    return random.Random(SEED).sample(names, min(count, len(names)))


def misspell(name: str, rng: random.Random) -> str:
    """Drop one inner letter, as a hurried typist does."""
    if len(name) < 6:
        return name + "x"
    index = rng.randrange(1, len(name) - 1)
    return name[:index] + name[index + 1:]


def lookup_figures(gazetteer: Gazetteer) -> dict[str, float]:
    names = sample_names(gazetteer)
    rng = random.Random(SEED)
    figures = {}
    unknown = [f"{name} Police Department" for name in names]  # most runs a recogniser tries
    for label, queries, fuzzy in (("exact", names, True),
                                  ("misspelled", [misspell(n, rng) for n in names[:500]], True),
                                  ("unknown, not fuzzy", unknown, False)):
        gazetteer.lookup(queries[0])  # first use loads the fuzzy key list
        timings = []
        for name in queries:
            started = time.perf_counter()
            gazetteer.lookup(name, fuzzy=fuzzy)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        figures[f"lookup {label} median ms"] = statistics.median(timings)
        figures[f"lookup {label} p99 ms"] = timings[int(len(timings) * 0.99) - 1]
        figures[f"lookup {label} n"] = len(timings)
    return figures


def memory_figures(store: Path) -> dict[str, float]:
    """Peak resident memory of a fresh process that opens the store and looks names up (including
    a misspelling, which loads the fuzzy key list), beside one that only imports the package.

    Read from VmHWM, which starts afresh at exec (ru_maxrss would carry this process's peak over).
    """
    peak = "print(int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]))"
    script = ("import sys; from gazetteer import Gazetteer\n"
              "g = Gazetteer.open(sys.argv[1], build_if_needed=False)\n"
              "for name in ('Mosul', 'Mosl', 'Alexandria', 'Raqa', 'Nineveh province'): g.lookup(name)\n"
              + peak)
    baseline = subprocess.run([sys.executable, "-c", "import gazetteer\n" + peak],
                              capture_output=True, text=True, check=True)
    opened = subprocess.run([sys.executable, "-c", script, str(store)],
                            capture_output=True, text=True, check=True)
    return {"opened gazetteer peak RSS MiB": int(opened.stdout) / 1024,
            "of which the interpreter and imports MiB": int(baseline.stdout) / 1024}


def run() -> dict[str, float]:
    figures = build_figures()
    with Gazetteer.open(progress=False) as gazetteer:
        figures |= lookup_figures(gazetteer)
        figures |= memory_figures(gazetteer.path)
    return figures
