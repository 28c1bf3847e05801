"""The score floor: each gold corpus's dev F1 and accuracy within 161 km may not fall more than
0.005 below the figures recorded in eval/scores.json (slow: it parses the dev halves of LGL and
GeoVirus). Re-recording is part of a change that is meant to move them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.evaluation.record import CORPORA, FIGURES, SPLITS, figures

REPOSITORY = Path(__file__).resolve().parents[1]
CORPORA_DIR = REPOSITORY.parent / "shared" / "corpora"
RECORD = REPOSITORY / "eval" / "scores.json"
TOLERANCE = 0.005
FLOORED = ("f1", "accuracy_161km")
RE_RECORD = ("If the change is meant to move the figures, re-record them with `make scores` "
             "(python -m geomap.evaluation.record) and commit eval/scores.json with the change.")


@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_dev_figures_hold_the_floor(corpus, gazetteer):
    if not CORPORA_DIR.is_dir():
        pytest.skip(f"no gold corpora at {CORPORA_DIR}: the score floor needs "
                    f"{' and '.join(CORPORA.values())} there")
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))["corpora"][corpus]["dev"]
    measured = figures(CORPORA_DIR / CORPORA[corpus], "dev", gazetteer)
    assert measured["documents"] == recorded["documents"], (
        f"{corpus}'s dev split has {measured['documents']} documents, the record "
        f"{recorded['documents']}: the corpus or the split changed. {RE_RECORD}")
    fallen = [f"{corpus} dev {name} fell from {recorded[name]} to {measured[name]}"
              for name in FLOORED if measured[name] < recorded[name] - TOLERANCE]
    assert not fallen, "; ".join(fallen) + f" (more than {TOLERANCE} below eval/scores.json). " \
        + RE_RECORD


def test_the_record_command_writes_both_splits_of_every_corpus(data_dir, tmp_path):
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    for name, mini in (("LGL", "mini-lgl.xml"), ("GeoVirus", "mini-geovirus.xml")):
        (corpora / CORPORA[name]).write_bytes((data_dir / mini).read_bytes())
    output = tmp_path / "scores.json"
    done = subprocess.run([sys.executable, "-m", "geomap.evaluation.record", "--corpora",
                           str(corpora), "-o", str(output)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    written = json.loads(output.read_text(encoding="utf-8"))
    assert written["command"] == "python -m geomap.evaluation.record" and written["recorded"]
    for name in CORPORA:
        assert set(written["corpora"][name]) == {"file", *SPLITS}
        counts = [written["corpora"][name][split]["documents"] for split in SPLITS]
        assert sum(counts) == 1  # each mini corpus has one document, in one of the halves
        assert all(set(written["corpora"][name][split]) == set(FIGURES) for split in SPLITS)

