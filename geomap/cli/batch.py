"""`geomap batch`: a folder or JSONL archive of articles on all cores (or Dask), resumably."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gazetteer.paths import store_path
from geomap.cli.errors import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    Failure,
    echo_error,
    guarded,
)
from geomap.cli.options import (
    actor_table,
    actors_option,
    date_option,
    max_size_option,
    open_gazetteer,
)
from geomap.display import shown


@click.command()
@click.argument("source", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Folder for per-article results and the combined files.")
@click.option("--workers", type=click.IntRange(1), help="Processes to use (default: all cores).")
@date_option
@actors_option
@click.option("--dask", "dask_local", is_flag=True,
              help="Run on a local Dask cluster (distributed.LocalCluster) of --workers processes.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).")
@max_size_option
@click.option("--progress/--no-progress", default=True, show_default=True)
@guarded
def batch(source: Path, output_dir: Path, workers: int | None, default_date,
          actor_files: tuple[Path, ...], dask_local: bool, scheduler: str | None,
          max_bytes: int, progress: bool) -> None:
    """Read a folder (recursively) or a JSONL file of articles on all cores, resumably.

    Each article's places and events go to OUTPUT/articles/<hash>.json as soon as it is done;
    a re-run skips those. At the end: events.parquet (GeoParquet; with Dask a folder of
    partitions), events.geojson, summary.html and failures.jsonl.
    """
    from geomap.batch import BatchSettings, run_batch

    if not source.exists():
        raise Failure(f"{shown(source)}: no such file or folder", EXIT_USAGE)
    actor_table(actor_files)  # a bad actor file fails here, not in every worker
    store = store_path(click.get_current_context().obj["gazetteer"])
    open_gazetteer().close()  # a missing or broken store is one clear error, before workers
    settings = BatchSettings(store, default_date, actor_files, max_bytes)
    dask = scheduler or ("local" if dask_local else None)
    report = run_batch(source, output_dir, workers=workers, settings=settings, progress=progress,
                       dask=dask)
    redone = f" ({report.redone} of them redone: made by another version of geomap or of the " \
        "gazetteer, or cut short)" if report.redone else ""
    click.echo(f"{report.done} articles read{redone}, {report.skipped} already done, "
               f"{len(report.failures)} failed; {report.events} events in {shown(output_dir)} "
               f"({report.seconds:.1f} s)", err=True)
    for error in report.failures:
        echo_error(str(error))
    sys.exit(EXIT_INPUT if report.failures else EXIT_OK)
