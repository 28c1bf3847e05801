"""Events over one long article: the CPU seconds for articles of 500 to 4,000 sentences written
from templates (our own text), per 1,000 sentences, and how the cost grows with length (about 2
each time the length doubles when the work is linear in it; 4 when it grows with its square)."""

from __future__ import annotations

import random
import time
from itertools import pairwise

from geomap.actors import ActorTable
from geomap.pipeline import EventOptions, default_gazetteer, geoparse_articles
from geomap.read.article import Article

LENGTHS = (500, 1000, 2000, 4000)
TOWNS = ("Mosul", "Tikrit", "Aleppo", "Raqqa", "Kirkuk", "Baghdad", "Homs", "Idlib")
TEMPLATES = (("Gunmen attacked a checkpoint near {town} on Monday, killing three soldiers, "
              "officials said."),
             "Police arrested two men in {town} after a bombing at a market.",
             "Residents of {town} said the water supply had been restored.",
             "Flooding forced hundreds of families to leave their homes in {town} on Tuesday.")


def article(sentences: int, seed: int = 5) -> Article:
    rng = random.Random(seed)
    text = " ".join(rng.choice(TEMPLATES).format(town=rng.choice(TOWNS))
                    for _ in range(sentences))
    return Article(file=f"long-{sentences}.txt", text=text, raw=text, published="2017-03-09")


def run() -> dict[str, float]:
    gazetteer, options = default_gazetteer(), EventOptions(ActorTable.load())
    list(geoparse_articles([article(50)], gazetteer, options))  # load the models first
    seconds = {}
    for length in LENGTHS:
        started = time.process_time()
        list(geoparse_articles([article(length)], gazetteer, options))
        seconds[length] = time.process_time() - started
    figures = {f"CPU s, {length} sentences": seconds[length] for length in LENGTHS}
    figures["CPU s per 1,000 sentences (longest)"] = seconds[LENGTHS[-1]] / LENGTHS[-1] * 1000
    figures["growth per doubling (median)"] = sorted(
        seconds[longer] / seconds[shorter] for shorter, longer in pairwise(LENGTHS))[1]
    return figures
