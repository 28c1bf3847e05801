"""Whole-process cost of `geomap places DIR` against the floor it cannot go below: a process that
loads the same model package with spaCy's entity recogniser alone (every other pipe excluded,
the shared tok2vec too) and runs it over the same files' text.

Both are timed as a user runs them: a fresh process each, output to /dev/null, CPU (user + sys of
the child, all its threads) and wall time. The two alternate, so that this machine's minute-to-
minute changes of speed fall on both alike; each pair gives a ratio and the median is reported.
Then `geomap events DIR` and `geomap places DIR` alternate in pairs of their own
(GEOMAP_BENCH_EVENT_PAIRS, default 3), whose median ratio tells what events add to places.

The corpus is LGL from ../shared/corpora when it is there (else GEOMAP_BENCH_CORPUS, any corpus
`geomap evaluate` reads), written out as one .txt file per document. Run alone with
`python -m benchmarks places` or `python -m benchmarks.places_bench`.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geomap.evaluation.corpora import read_corpus
from geomap.nlp import MODEL

PAIRS = int(os.environ.get("GEOMAP_BENCH_PAIRS", "5"))
EVENT_PAIRS = int(os.environ.get("GEOMAP_BENCH_EVENT_PAIRS", "3"))
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "lgl.xml"

# The floor: the model's entity recogniser alone over every file's text, in one stream.
_FLOOR = """
import sys
from pathlib import Path
import spacy
from spacy.util import get_model_meta, get_package_path
pipes = get_model_meta(get_package_path(sys.argv[1]))["pipeline"]
nlp = spacy.load(sys.argv[1], exclude=[name for name in pipes if name != "ner"])
texts = (path.read_text(encoding="utf-8") for path in sorted(Path(sys.argv[2]).glob("*.txt")))
for doc in nlp.pipe(texts):
    doc.ents
"""


def write_texts(corpus: Path, folder: Path) -> int:
    """The corpus's documents as numbered .txt files in `folder`; how many."""
    _, documents = read_corpus(corpus)
    for number, document in enumerate(documents):
        (folder / f"{number:04d}.txt").write_text(document.text, encoding="utf-8")
    return len(documents)


def timed(command: list[str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak resident MiB) of one child process, its output thrown
    away."""
    with tempfile.TemporaryFile() as errors:  # a pipe could fill up while the child runs
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            said = errors.read().decode(errors="replace")[-500:]
            raise RuntimeError(f"{command[0]} exited {child.returncode}: {said}")
    # KiB on Linux; a forked child's peak counts this process's size at the fork, far below
    # either process measured here
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def compare(folder: Path, pairs: int = PAIRS, against: list[str] | None = None
            ) -> list[tuple[float, ...]]:
    """Alternating runs: (places CPU, other CPU, places wall, other wall, places RSS, other RSS)
    per pair; the other is the floor unless `against` names another command."""
    places = [_geomap(), "places", str(folder)]
    floor = against or [sys.executable, "-c", _FLOOR, MODEL, str(folder)]
    runs = []
    for index in range(pairs):
        # which goes first alternates too, so neither always runs on a warmer cache
        first, second = (places, floor) if index % 2 == 0 else (floor, places)
        one, two = timed(first), timed(second)
        ours, theirs = (one, two) if first is places else (two, one)
        runs.append((ours[0], theirs[0], ours[1], theirs[1], ours[2], theirs[2]))
    return runs


def run() -> dict[str, float | str]:
    corpus = Path(os.environ.get("GEOMAP_BENCH_CORPUS", DEFAULT_CORPUS))
    if not corpus.is_file():
        return {"skipped (no corpus; set GEOMAP_BENCH_CORPUS)": 0}
    with tempfile.TemporaryDirectory() as folder:
        documents = write_texts(corpus, Path(folder))
        runs = compare(Path(folder))
        events = compare(Path(folder), EVENT_PAIRS, [_geomap(), "events", str(folder)])
    figures: dict[str, float | str] = {"documents (one .txt file each)": documents}
    for number, (ours, theirs, ours_wall, theirs_wall, _, _) in enumerate(runs, start=1):
        figures[f"pair {number}: CPU s places / ner, wall s"] = (
            f"{ours:.2f} / {theirs:.2f} = {ours / theirs:.3f}, "
            f"{ours_wall:.1f} / {theirs_wall:.1f}")
    places_cpu = statistics.median(run[0] for run in runs)
    return figures | {
        "places CPU s, median": places_cpu,
        "ner alone CPU s, median": statistics.median(run[1] for run in runs),
        "places / ner alone CPU, median of pairs": statistics.median(
            run[0] / run[1] for run in runs),
        "places / ner alone wall, median of pairs": statistics.median(
            run[2] / run[3] for run in runs),
        "places peak RSS MiB, median": statistics.median(run[4] for run in runs),
        "ner alone peak RSS MiB, median": statistics.median(run[5] for run in runs),
        "geomap events CPU s, median": statistics.median(run[1] for run in events),
        "events / places CPU, median of pairs": statistics.median(
            run[1] / run[0] for run in events),
    }


def _geomap() -> str:
    """The console script installed beside this interpreter."""
    return shutil.which("geomap", path=str(Path(sys.executable).parent)) or "geomap"


if __name__ == "__main__":
    from .__main__ import main

    main(["places"])
