"""Throughput on one core: the whole `geomap places` pipeline, and `geomap events` (places, then
events), against spaCy's own NER (tok2vec + ner, nothing else, as a user loading the model for
entities runs it) on the same texts in the same process, median of alternating runs.

The corpus is LGL from ../shared/corpora when it is there (else GEOMAP_BENCH_CORPUS, any corpus
`geomap evaluate` reads). The measuring runs in a child process pinned to one core with one BLAS
thread, so "one core" means one core.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RUNS = 3
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "lgl.xml"
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}

_CHILD = """
import json, os, statistics, sys, time
from pathlib import Path
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
import spacy
from gazetteer import Gazetteer
from geomap import nlp
from geomap.actors import ActorTable
from geomap.article import Article
from geomap.corpora import read_corpus
from geomap.pipeline import EventOptions, geoparse_articles

_, documents = read_corpus(Path(sys.argv[1]))
texts = [document.text for document in documents]
articles = [Article(file=document.id, text=document.text, raw=document.text) for document in documents]
ner = spacy.load(nlp.MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
gazetteer = Gazetteer.open(progress=False)
nlp.load()
options = EventOptions(ActorTable.load())
spacy_rates, geomap_rates, event_rates, events = [], [], [], 0
for _ in range(int(sys.argv[2])):
    started = time.perf_counter()
    for _doc in ner.pipe(texts):
        pass
    spacy_rates.append(len(texts) / (time.perf_counter() - started))
    gazetteer.forget_answers()  # every run starts with nothing remembered
    started = time.perf_counter()
    for _parsed in geoparse_articles(articles, gazetteer):
        pass
    geomap_rates.append(len(texts) / (time.perf_counter() - started))
    gazetteer.forget_answers()
    started = time.perf_counter()
    events = sum(len(parsed.events) for parsed in geoparse_articles(articles, gazetteer, options))
    event_rates.append(len(texts) / (time.perf_counter() - started))
print(json.dumps({"documents": len(texts), "spacy": statistics.median(spacy_rates),
                  "geomap": statistics.median(geomap_rates),
                  "events": statistics.median(event_rates), "event_count": events}))
"""


def run() -> dict[str, float]:
    corpus = Path(os.environ.get("GEOMAP_BENCH_CORPUS", DEFAULT_CORPUS))
    if not corpus.is_file():
        return {"skipped (no corpus; set GEOMAP_BENCH_CORPUS)": 0}
    child = subprocess.run([sys.executable, "-c", _CHILD, str(corpus), str(RUNS)], check=True,
                           capture_output=True, text=True, env={**os.environ, **ONE_THREAD})
    figures = json.loads(child.stdout)
    return {"corpus documents": figures["documents"],
            "spaCy NER only, docs/s (one core)": figures["spacy"],
            "geomap places, docs/s (one core)": figures["geomap"],
            "geomap time / spaCy NER time": figures["spacy"] / figures["geomap"],
            "geomap events, docs/s (one core)": figures["events"],
            "events found": figures["event_count"],
            "events time / places time": figures["geomap"] / figures["events"]}
