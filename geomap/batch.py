"""Archives: the whole pipeline over many articles on all cores, resumable at any moment.

Each article is known by a hash of its content. Its result (places and events) is written to
`OUTDIR/articles/<hash>.json` the moment it is done, atomically, so a run stopped at any point
(kill -9 included) has lost only the articles in flight, and a re-run skips every article already
written. A result is kept only when it reads whole and was made by the same pipeline (geomap's
code and model) over the same gazetteer build; others are redone, and counted. The combined files
(GeoParquet, GeoJSON) and the summary map are rebuilt at the end from the per-article files, in
input order, so an interrupted run resumed gives the same output as an uninterrupted one. Articles
that fail are listed with their file and reason in `failures.jsonl`. Workers end when the run's
process does, however it ends.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from geomap.atomic import OutputError, write_text
from geomap.display import shown
from geomap.events.records import Event
from geomap.read.article import Article, read_articles
from geomap.read.files import MAX_BYTES, OUTPUT_MARK, InputError, expand_paths
from geomap.workers import end_with_parent

ARTICLES_DIR = "articles"
FAILURES_FILE = "failures.jsonl"
# Articles a worker takes at a time: enough for spaCy's batching, few enough to lose little.
CHUNK = 8
# Events in one part of the partitioned GeoParquet a Dask run writes.
PARTITION_EVENTS = 50_000


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """What every worker needs to read articles the same way."""

    gazetteer: Path | None = None
    default_date: datetime.date | None = None
    actor_files: tuple[Path, ...] = ()
    max_bytes: int = MAX_BYTES


@dataclass(slots=True)
class BatchReport:
    done: int = 0
    skipped: int = 0  # done by an earlier run
    redone: int = 0  # done by an earlier run, by another pipeline or gazetteer, or cut short
    failures: list[InputError] = field(default_factory=list)
    events: int = 0
    seconds: float = 0.0


def article_key(article: Article) -> str:
    """The article's identity: a hash of what the pipeline reads of it."""
    digest = hashlib.sha256()
    for part in (article.text, article.title, article.published, article.url, article.source):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:24]


def read_inputs(source: Path, outdir: Path, max_bytes: int = MAX_BYTES
                ) -> Iterator[Article | InputError]:
    """Articles of a folder (recursively; not the run's own output folder) or of one file (a
    JSONL file holds many), and the error of each file that cannot be read."""
    files, refused = expand_paths([source], skip=(outdir,))
    yield from refused
    for file in files:
        bad_lines: list[InputError] = []
        try:
            yield from read_articles(file, bad_lines, max_bytes=max_bytes)
        except InputError as error:
            yield error
        yield from bad_lines


def pipeline_version() -> str:
    """A hash of what makes an article's result: geomap's code and data, spaCy and its model."""
    from importlib.metadata import version

    from geomap import nlp

    digest = hashlib.sha256()
    for package in ("geomap", "spacy", nlp.MODEL.replace("_", "-")):
        digest.update(f"{package} {version(package)}\n".encode())
    package_dir = Path(__file__).parent
    for path in sorted(package_dir.rglob("*")):
        if path.suffix in (".py", ".csv", ".json", ".toml") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package_dir)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _made_by(settings: BatchSettings) -> dict[str, str]:
    """What a result records of how it was made, and a run compares with its own."""
    return {"pipeline": pipeline_version(), "gazetteer": gazetteer_version(settings.gazetteer)}


def gazetteer_version(path: Path | None) -> str:
    """The store's build: its sources' fingerprint and the build's own id (a rebuild with other
    user places differs)."""
    from gazetteer import store
    from gazetteer.paths import store_path

    connection = store.open_readonly(store_path(path))
    try:
        meta = store.meta(connection)
    finally:
        connection.close()
    return f"{meta.get('fingerprint', '')}-{meta.get(store.BUILD_ID, '')}"


def run_batch(source: Path, outdir: Path, *, workers: int | None = None,
              settings: BatchSettings = BatchSettings(), progress: bool = True,
              dask: str | None = None) -> BatchReport:
    """Read every article under `source` into `outdir`, skipping those already done.

    `dask` runs the work on a Dask cluster instead of local processes: a scheduler's address
    ("tcp://host:8786"), or "local" for a `distributed.LocalCluster` of `workers` processes. Every
    machine of a cluster needs geomap and its gazetteer store installed; results come back to
    this machine, which writes them. OutputError when `outdir` cannot be written.
    """
    started = time.perf_counter()
    report = BatchReport()
    articles_dir = _output_folder(source, outdir)
    made_by = _made_by(settings)
    order: list[str] = []
    todo: list[tuple[str, Article]] = []
    for item in read_inputs(source, outdir, settings.max_bytes):
        if isinstance(item, InputError):
            report.failures.append(item)
            continue
        key = article_key(item)
        order.append(key)
        state = _done_before(articles_dir / f"{key}.json", made_by)
        if state == "current":
            report.skipped += 1
        else:
            report.redone += state == "stale"
            todo.append((key, item))
    chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
    workers = max(1, workers or os.cpu_count() or 1)
    with tqdm(total=len(todo), desc="Reading articles", unit="article",
              disable=not progress) as bar:
        results = _dask_results(chunks, workers, settings, dask) if dask else \
            _results(chunks, workers, settings)
        for key, result in results:
            if isinstance(result, InputError):
                report.failures.append(result)
            else:
                write_text(articles_dir / f"{key}.json", json.dumps(result, ensure_ascii=False))
                report.done += 1
            bar.update(1)
    write_text(outdir / FAILURES_FILE, "".join(
        json.dumps({"file": error.file, "reason": str(error)}, ensure_ascii=False) + "\n"
        for error in report.failures))
    report.events = combine(outdir, order, settings.gazetteer, partitioned=dask is not None)
    report.seconds = time.perf_counter() - started
    return report


def _output_folder(source: Path, outdir: Path) -> Path:
    """The folder of per-article results, made if need be and marked as geomap's (no later run
    reads it as input), with what a killed run left half written cleared; OutputError when it
    cannot be made or is the input folder itself."""
    if os.path.realpath(outdir) == os.path.realpath(source):
        raise OutputError(f"{shown(outdir)}: the output folder is the input folder; choose "
                          "another (or a folder inside it)")
    articles_dir = outdir / ARTICLES_DIR
    try:
        articles_dir.mkdir(parents=True, exist_ok=True)
        (outdir / OUTPUT_MARK).touch()
        for partial in articles_dir.glob(".*.partial"):  # left by a run killed mid-write
            partial.unlink(missing_ok=True)
    except OSError as error:
        reason = "a part of its path is a file, not a folder" if isinstance(
            error, (FileExistsError, NotADirectoryError)) else error.strerror
        raise OutputError(f"{shown(outdir)}: cannot make the output folder ({reason})") from None
    return articles_dir


def _done_before(path: Path, made_by: dict[str, str]) -> str:
    """"current" when `path` holds a whole result made as this run would make it, "stale" when
    it holds another (cut short, or by another pipeline or gazetteer), "new" when none."""
    try:
        record = json.loads(path.read_bytes())
    except FileNotFoundError:
        return "new"
    except (OSError, ValueError, RecursionError):
        return "stale"
    if not isinstance(record, dict) or not isinstance(record.get("events"), list):
        return "stale"
    return "current" if all(record.get(key) == value for key, value in made_by.items()) \
        else "stale"


def _results(chunks: list[list[tuple[str, Article]]], workers: int,
             settings: BatchSettings) -> Iterator[tuple[str, dict | InputError]]:
    """(key, record or failure reason) for every article, as workers finish them."""
    if workers == 1 or len(chunks) <= 1:
        _start_worker(settings)
        for chunk in chunks:
            yield from read_chunk(chunk)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_child,
                             initargs=(settings,)) as pool:
        pending = [pool.submit(read_chunk, chunk) for chunk in chunks]
        for finished in as_completed(pending):
            yield from finished.result()


def _dask_results(chunks: list[list[tuple[str, Article]]], workers: int, settings: BatchSettings,
                  address: str) -> Iterator[tuple[str, dict | InputError]]:
    """The same work as `_results`, spread over a Dask cluster's workers."""
    import logging

    from distributed import Client, LocalCluster
    from distributed import as_completed as finished

    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    try:
        with Client(cluster if cluster is not None else address) as client:
            futures = client.map(_dask_chunk, chunks, settings=settings, ours=cluster is not None,
                                 pure=False)
            for future in finished(futures):
                yield from future.result()
    finally:
        if cluster is not None:
            cluster.close()


def _dask_chunk(chunk: list[tuple[str, Article]], settings: BatchSettings, ours: bool
                ) -> list[tuple[str, dict | InputError]]:
    """A chunk read on a Dask worker, which opens the model and the gazetteer once (and, when
    it is one of our local cluster's, ends with its nanny)."""
    if not _WORKER:
        (_start_child if ours else _start_worker)(settings)
    return read_chunk(chunk)


_WORKER: dict = {}


def _start_child(settings: BatchSettings) -> None:
    """A worker process this run started: it ends when its parent does, then opens what it
    needs. (Not the run's own process, when it works alone: that one may be meant to outlive
    its shell, under nohup; nor another's Dask worker.)"""
    end_with_parent()
    _start_worker(settings)


def _start_worker(settings: BatchSettings) -> None:
    """Open the gazetteer, the model and the actor table once per worker process."""
    from gazetteer import Gazetteer
    from geomap import nlp
    from geomap.actors import ActorTable
    from geomap.pipeline import EventOptions

    nlp.load()
    _WORKER["gazetteer"] = Gazetteer.open(settings.gazetteer, progress=False)
    _WORKER["made_by"] = _made_by(settings)  # a Dask worker's own, which may not be ours
    _WORKER["options"] = EventOptions(ActorTable.load(settings.actor_files),
                                      settings.default_date)


def read_chunk(chunk: list[tuple[str, Article]]) -> list[tuple[str, dict | InputError]]:
    """Places and events of a few articles, parsed together; a failing article is reported,
    the others go on."""
    from geomap.pipeline import geoparse_each

    parsed = geoparse_each([article for _, article in chunk], _WORKER["gazetteer"],
                           _WORKER["options"])
    return [(key, item if isinstance(item, InputError) else _record(item))
            for (key, _), item in zip(chunk, parsed)]


def _record(item) -> dict:
    article = item.article
    return {"file": article.file, "title": article.title, "url": article.url,
            "source": article.source,
            "published": item.published.isoformat() if item.published else "",
            "places": [place.to_dict() for place in item.places],
            "events": [event.to_dict() for event in item.events], **_WORKER["made_by"]}


def combine(outdir: Path, order: list[str], gazetteer: Path | None = None, *,
            partitioned: bool = False) -> int:
    """The combined events of every article done, in input order: `events.parquet`
    (GeoParquet: one file, or with `partitioned` a folder of parts that dask-geopandas reads as
    partitions), `events.geojson` and `summary.html`; the number of events."""
    from geomap.export.gis import write_events

    events: list[Event] = []
    seen: set[str] = set()
    for key in order:
        if key in seen:  # the same article twice in the input
            continue
        seen.add(key)
        path = outdir / ARTICLES_DIR / f"{key}.json"
        if path.exists():
            record = json.loads(path.read_text(encoding="utf-8"))
            events += [Event.from_dict(event) for event in record["events"]]
    if partitioned:
        _write_partitions(events, outdir / "events.parquet")
    else:
        write_events(events, "parquet", outdir / "events.parquet")
    write_events(events, "geojson", outdir / "events.geojson")
    _summary_map(events, outdir / "summary.html", gazetteer)
    return len(events)


def _write_partitions(events: list[Event], folder: Path) -> None:
    """GeoParquet parts of at most PARTITION_EVENTS events each, swapped in whole for the old
    folder (or file) only once all are written."""
    import dask_geopandas  # only for Dask runs

    from geomap.export.gis import events_to_geodataframe

    frame = events_to_geodataframe(events)
    parts = max(1, math.ceil(len(frame) / PARTITION_EVENTS))
    temp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".partial"))
    try:
        dask_geopandas.from_geopandas(frame, npartitions=parts).to_parquet(temp / folder.name)
        if folder.is_dir():
            shutil.rmtree(folder)
        else:
            folder.unlink(missing_ok=True)
        os.replace(temp / folder.name, folder)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _summary_map(events: list[Event], path: Path, gazetteer: Path | None) -> None:
    from gazetteer import Gazetteer
    from geomap.render import place_map, write_html

    countries = Gazetteer.open(gazetteer, progress=False).countries() if events else []
    write_html(place_map([], countries=countries, title="Archive",
                         subtitle=f"{len(events)} events", events=events), path)
