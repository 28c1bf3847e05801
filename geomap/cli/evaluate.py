"""`geomap evaluate`: the pipeline scored on a corpus with gold toponyms, or its event layer on
gold event files (`--events`)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.core import ParameterSource

from geomap.cli.errors import EXIT_INPUT, EXIT_USAGE, Failure, guarded
from geomap.cli.options import open_gazetteer
from geomap.evaluation.split import SPLITS


@click.command()
@click.argument("corpus_file", metavar="CORPUS.xml", type=click.Path(path_type=Path),
                required=False)
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
@click.option("--events", "event_gold", multiple=True, metavar="GOLD.jsonl",
              type=click.Path(dir_okay=False, path_type=Path),
              help="Score events instead, on gold event files (eval/events-dev*.jsonl; repeat "
                   "for several), beside a keyword baseline; no CORPUS.xml then, and --split "
                   "selects by the records' split field (default dev).")
@click.option("--corpora", type=click.Path(file_okay=False, path_type=Path),
              help="With --events: the folder of lgl.xml and GeoVirus.xml "
                   "[default: ../shared/corpora beside the repository].")
@click.option("--seeds", type=click.Path(file_okay=False, path_type=Path),
              help="With --events: the folder of the seed articles "
                   "[default: ../shared/seeds beside the repository].")
@guarded
def evaluate(corpus_file: Path | None, output_format: str, split: str, limit: int | None,
             demonyms: bool | None, event_gold: tuple[Path, ...], corpora: Path | None,
             seeds: Path | None) -> None:
    """Score geoparsing on a corpus with gold toponyms (LGL, TR-News, GeoVirus, GeoWebNews XML).

    With --events, score the event layer on gold event files instead, beside a keyword
    baseline (matching rule and figures: geomap.evaluation.events)."""
    from geomap.evaluation.corpora import CorpusError, read_corpus
    from geomap.evaluation.score import evaluate as score

    context = click.get_current_context()
    if event_gold:
        if corpus_file is not None or limit is not None or demonyms is not None:
            raise Failure("--events scores gold event files: give no CORPUS.xml, --limit or "
                          "--demonyms with it (repeat --events for several files)", EXIT_USAGE)
        if context.get_parameter_source("split") == ParameterSource.DEFAULT:
            split = "dev"
        _evaluate_events(list(event_gold), output_format, split, corpora, seeds)
        return
    if corpus_file is None:
        argument = next(p for p in context.command.params if p.name == "corpus_file")
        raise click.MissingParameter(ctx=context, param=argument)
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


def _evaluate_events(gold: list[Path], output_format: str, split: str, corpora: Path | None,
                     seeds: Path | None) -> None:
    """The event layer's and the keyword baseline's figures on the gold event files."""
    from geomap.evaluation import events

    try:
        results = events.evaluate_events(gold, open_gazetteer(), split=split,
                                         corpora=corpora or events.DEFAULT_CORPORA,
                                         seeds=seeds or events.DEFAULT_SEEDS)
    except events.GoldError as error:
        raise Failure(str(error), EXIT_INPUT) from None
    if output_format == "json":
        click.echo(json.dumps(events.as_json(results), indent=2))
        return
    click.echo(events.as_table(results))
