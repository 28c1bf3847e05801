"""`geomap evaluate`: the pipeline scored on a corpus with gold toponyms."""

from __future__ import annotations

import json
from pathlib import Path

import click

from geomap.cli.errors import EXIT_INPUT, Failure, guarded
from geomap.cli.options import open_gazetteer
from geomap.evaluation.split import SPLITS


@click.command()
@click.argument("corpus_file", metavar="CORPUS.xml", type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--split", type=click.Choice(SPLITS), default="all", show_default=True,
              help="Only the development or the test half of the corpus (a fixed split by "
                   "document id: rules are tuned on dev, figures reported on test); --limit "
                   "counts within it.")
@click.option("--limit", type=click.IntRange(1), help="Only the first N documents.")
@click.option("--demonyms/--no-demonyms", default=None,
              help="Count adjectival mentions (\"Iraqi\") as toponyms. Default: as the corpus's "
                   "annotation guidelines do (LGL and GeoWebNews yes, GeoVirus no).")
@guarded
def evaluate(corpus_file: Path, output_format: str, split: str, limit: int | None,
             demonyms: bool | None) -> None:
    """Score geoparsing on a corpus with gold toponyms (LGL, TR-News, GeoVirus, GeoWebNews XML)."""
    from geomap.evaluation.corpora import CorpusError, read_corpus
    from geomap.evaluation.score import evaluate as score

    try:
        corpus, documents = read_corpus(corpus_file)
    except CorpusError as error:
        raise Failure(str(error), EXIT_INPUT) from None
    scores = score(corpus, documents, open_gazetteer(), demonyms=demonyms, split=split,
                   limit=limit).to_dict()
    if output_format == "json":
        click.echo(json.dumps(scores, indent=2))
        return
    for key, value in scores.items():
        click.echo(f"{key.replace('_', ' '):<24}{value}")
