"""The score floor: the dev and test figures of the gold corpora, recorded in eval/scores.json so
that a change which lowers them does not pass unnoticed (tests/test_score_floor.py holds the dev
figures to the record). When a change is meant to move them, re-record and commit the file with it:

    make scores
    .venv/bin/python -m geomap.evaluation.record [--corpora DIR] [-o FILE]

The corpora are read from ../shared/corpora beside the repository unless --corpora names a folder;
they are scored as `geomap evaluate CORPUS.xml --split dev` (and `--split test`) scores them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
from pathlib import Path

from gazetteer import Gazetteer
from geomap.evaluation.corpora import read_corpus
from geomap.evaluation.score import evaluate

# The corpora of the floor, by the name `geomap evaluate` gives their format, and their files.
CORPORA = {"LGL": "lgl.xml", "GeoVirus": "GeoVirus.xml"}
SPLITS = ("dev", "test")
FIGURES = ("documents", "f1", "precision", "recall", "accuracy_161km")
COMMAND = "python -m geomap.evaluation.record"
REPOSITORY = Path(__file__).resolve().parents[2]
DEFAULT_CORPORA = REPOSITORY.parent / "shared" / "corpora"
DEFAULT_RECORD = REPOSITORY / "eval" / "scores.json"


def figures(corpus_file: Path, split: str, gazetteer: Gazetteer) -> dict[str, float | int]:
    """The floor's figures of one split of a corpus, as `geomap evaluate --split` gives them."""
    corpus, documents = read_corpus(corpus_file)
    scores = evaluate(corpus, documents, gazetteer, split=split).to_dict()
    return {name: scores[name] for name in FIGURES}


def measure(corpora: Path, gazetteer: Gazetteer) -> dict[str, dict]:
    """Every corpus's figures, split by split."""
    return {name: {"file": file, **{split: figures(corpora / file, split, gazetteer)
                                    for split in SPLITS}}
            for name, file in CORPORA.items()}


def _revision() -> str:
    """The commit the figures were taken at ("-dirty" when the tree had uncommitted changes)."""
    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=REPOSITORY,
                              capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip()


def record(corpora: Path, output: Path, gazetteer: Gazetteer) -> dict:
    """Measure the corpora and write the record; the record."""
    measured = measure(corpora, gazetteer)
    written = {
        "about": "The score floor: tests/test_score_floor.py fails when a corpus's dev F1 or "
                 "accuracy_161km falls more than 0.005 below these figures. Re-record with the "
                 "command below (or `make scores`) when a change is meant to move them.",
        "command": COMMAND,
        "recorded": datetime.date.today().isoformat(),
        "commit": _revision(),
        "corpora": measured,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(written, indent=2) + "\n", encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                        help=f"folder holding {' and '.join(CORPORA.values())}")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_RECORD)
    arguments = parser.parse_args()
    with Gazetteer.open() as gazetteer:
        written = record(arguments.corpora, arguments.output, gazetteer)
    for name, splits in written["corpora"].items():
        for split in SPLITS:
            shown = ", ".join(f"{key} {value}" for key, value in splits[split].items())
            print(f"{name} {split}: {shown}")
    print(f"wrote {arguments.output}")


if __name__ == "__main__":
    main()
