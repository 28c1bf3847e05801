"""Shared fixtures: the real gazetteer store and the real spaCy model, opened once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer
from geomap import nlp

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The store `make test` builds (or finds current) before the suite runs."""
    with Gazetteer.open(progress=False) as opened:
        yield opened


@pytest.fixture(scope="session")
def language():
    return nlp.load()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA
