"""What each recognition rule is worth: the dev figures with that rule switched off.

    python -m geomap.evaluation.ablation ../shared/corpora/lgl.xml ../shared/corpora/GeoVirus.xml \
        --split dev -o docs/ablation.md

Each corpus is parsed once; then recognition and resolution run once with every rule and once per
rule switched off. `moved` counts the mentions that change (found or lost, or placed elsewhere):
a rule that moves few toponyms and stands for no general principle is a candidate for deletion.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from gazetteer import Gazetteer
from gazetteer.model import Kind
from geomap import nlp
from geomap.actors import ActorTable
from geomap.context import ReadingContext
from geomap.evaluation.corpora import ANNOTATES_DEMONYMS, GoldDocument, read_corpus
from geomap.evaluation.score import Scores, score
from geomap.evaluation.split import select
from geomap.places.mention import PlaceMention
from geomap.places.resolve import find_places
from geomap.places.rules import ARTICLE_PASSES, CUES, SPAN_RULES, SUB_RULES, Rule
from geomap.read.article import Article
from geomap.read.boilerplate import mask_for_parsing


@dataclass(slots=True)
class ParsedCorpus:
    name: str
    documents: list[GoldDocument]
    articles: list[Article]
    docs: list
    demonyms: bool


def parse_corpus(path: Path, split: str) -> ParsedCorpus:
    name, documents = read_corpus(path)
    documents = select(documents, split)
    articles = [Article(file=d.id, text=d.text, raw=d.text) for d in documents]
    docs = list(nlp.load().pipe(mask_for_parsing(a.text) for a in articles))
    return ParsedCorpus(name, documents, articles, docs, ANNOTATES_DEMONYMS.get(name, True))


def predictions(corpus: ParsedCorpus, context: ReadingContext) -> list[list[PlaceMention]]:
    return [[p for p in find_places(article, doc, context)
             if corpus.demonyms or p.kind != Kind.DEMONYM]
            for article, doc in zip(corpus.articles, corpus.docs)]


def moved(before: list[list[PlaceMention]], after: list[list[PlaceMention]]) -> int:
    """Mentions found, lost or placed elsewhere between two runs."""
    def keyed(runs):
        return {(i, p.start, p.end, round(p.lat, 2), round(p.lon, 2))
                for i, run in enumerate(runs) for p in run}
    return len(keyed(before) ^ keyed(after))


def ablate(corpora: list[ParsedCorpus], gazetteer: Gazetteer, rules: list[Rule]
           ) -> list[tuple[str, list[tuple[Scores, int]]]]:
    """Per rule (the first row: none switched off), each corpus's scores and moved mentions."""
    actors = ActorTable.load()
    full = [predictions(c, ReadingContext(gazetteer, actors)) for c in corpora]
    rows = [("(none)", [(score(c.name, c.documents, p, demonyms=c.demonyms), 0)
                        for c, p in zip(corpora, full)])]
    for rule in rules:
        context = ReadingContext(gazetteer, actors, frozenset({rule.name}))
        cells = []
        for corpus, baseline in zip(corpora, full):
            ablated = predictions(corpus, context)
            cells.append((score(corpus.name, corpus.documents, ablated, demonyms=corpus.demonyms),
                          moved(baseline, ablated)))
        rows.append((rule.name, cells))
    return rows


def as_markdown(rows, corpora: list[ParsedCorpus], split: str) -> str:
    names = [c.name for c in corpora]
    head = "| rule switched off | " + " | ".join(
        f"{n} F1 | {n} acc@161 | {n} moved" for n in names) + " |"
    lines = [head, "|" + "---|" * (1 + 3 * len(names))]
    base = rows[0][1]
    for rule, cells in rows:
        parts = []
        for (scores, count), (full, _) in zip(cells, base):
            if rule == "(none)":
                parts += [f"{scores.f1:.3f}", f"{scores.accuracy_161km:.3f}", "0"]
            else:
                parts += [f"{scores.f1 - full.f1:+.3f}",
                          f"{scores.accuracy_161km - full.accuracy_161km:+.3f}", str(count)]
        lines.append(f"| {rule} | " + " | ".join(parts) + " |")
    sizes = ", ".join(f"{c.name} {len(c.documents)} documents" for c in corpora)
    return f"Split: {split} ({sizes}). First row: figures with every rule; others: the change " \
           f"when that rule alone is switched off.\n\n" + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    parser.add_argument("-o", "--output", type=Path)
    arguments = parser.parse_args()
    corpora = [parse_corpus(path, arguments.split) for path in arguments.corpora]
    rules = [*SPAN_RULES, *SUB_RULES, *CUES, *ARTICLE_PASSES]
    with Gazetteer.open() as gazetteer:
        table = as_markdown(ablate(corpora, gazetteer, rules), corpora, arguments.split)
    print(table)
    if arguments.output is not None:
        arguments.output.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
