"""The event layer scored on the hand-annotated event sets (eval/events-dev*.jsonl), with a keyword
baseline (geomap.evaluation.baseline) scored the same way beside it, so that a change to the event
layer shows as a number and the number can be read against what a word list already gets.

    python -m geomap.evaluation.events eval/events-dev*.jsonl \
        [--split dev|test|all] [--format table|json]

The pipeline runs on each gold document as `geomap events` runs it, with the gold publication day.

Matching rule (MATCHING_RULE, printed with the figures): greedy one-to-one, candidate pairs ranked
best first; a predicted event matches a gold event when (a) its sentence overlaps one of the gold
event's sentences, or (b) it has the same family, both places are within 100 km of each other and
the dates agree (both null, or equal, or the predicted date inside the gold date's period: a week,
month or year whole, a range to its end, "reported" the 30 days up to publication). Strict figures
count matches by (a) only.

On matched pairs: place within 25 km (a place against none is wrong, none against none right, a
gold place with no coordinates is not scored); date exact (the same ISO day; a gold "reported" date
is also right against a predicted event with no date of its own, which says the same); actor recall
(gold names among the predicted actors' names and aliases, compared by `actor_key` after the actor
table's canonical names); counts (fatalities and injured equal, where the gold gives them).
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import json
import math
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from gazetteer import Gazetteer
from gazetteer.geo import distance_km
from geomap.actors import ActorTable, actor_key
from geomap.evaluation.baseline import KeywordEvent, keyword_events
from geomap.evaluation.corpora import CorpusError, read_corpus
from geomap.evaluation.split import SPLITS
from geomap.events.records import Event
from geomap.pipeline import EventOptions, geoparse_articles
from geomap.read.article import Article
from geomap.read.boilerplate import mask_for_parsing

REPOSITORY = Path(__file__).resolve().parents[2]
DEFAULT_CORPORA = REPOSITORY.parent / "shared" / "corpora"
DEFAULT_SEEDS = REPOSITORY.parent / "shared" / "seeds"
# The gold `corpus` field (lowercased) and the corpus file that holds its texts.
CORPUS_FILES = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}
SEED_CORPUS = "seed"  # texts are files of the seeds folder, named by doc_id
MATCH_KM = 100.0
PLACE_KM = 25.0
REPORTED_DAYS = 30
# The pipeline's event types and the guidelines' families, until events carry a family.
TYPE_FAMILIES = {"armed clash": "conflict", "attack": "conflict",
                 "violence against civilians": "conflict", "capture": "conflict",
                 "deployment": "conflict", "protest": "protest", "displacement": "displacement",
                 "arrest": "legal", "meeting": "political", "statement": "statement"}
COUNT_FIELDS = ("fatalities", "injured")
MATCHING_RULE = (
    "greedy one-to-one over candidate pairs ranked best first (sentence overlap before place "
    "and date, then same family, same type, larger overlap, smaller distance); a prediction "
    "matches a gold event when (a) its sentence overlaps one of the gold event's sentences, or "
    f"(b) same family, places within {MATCH_KM:g} km and dates agree (both null, equal, or the "
    f"predicted date inside the gold period; 'reported' = the {REPORTED_DAYS} days up to "
    "publication). Strict: (a) only.")


class GoldError(Exception):
    """A gold file or a gold document's text cannot be read; the message says which."""


@dataclass(frozen=True, slots=True)
class ScoredEvent:
    """An event as the scorer compares it, gold or predicted. `sentences` are (start, end) offsets
    into the document text (a prediction has its one sentence, or none when the text does not hold
    it); `lat`/`lon` are None without a place or when the place is not a point; `date` is ISO,
    `date_end` the last day of a range."""

    family: str
    type: str = ""
    sentences: tuple[tuple[int, int], ...] = ()
    has_place: bool = False
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    precision: str = "day"
    date_end: str | None = None
    actors: tuple[str, ...] = ()
    fatalities: int | None = None
    injured: int | None = None


@dataclass(slots=True)
class EventDocument:
    """One gold document: where its text is (`corpus`, lowercased, and `doc_id`) and its events."""

    corpus: str
    doc_id: str
    split: str
    published: datetime.date | None
    events: list[ScoredEvent]


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold event and the prediction matched to it, by their indices in their lists."""

    gold: int
    predicted: int
    strict: bool  # matched by its sentence (rule a)


def read_gold(paths: Iterable[Path], table: ActorTable | None = None) -> list[EventDocument]:
    """Every document of the gold files, in order, actor names made canonical by `table`."""
    documents = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise GoldError(f"{path}: cannot read ({error.strerror})") from None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                documents.append(_gold_document(json.loads(line), table))
            except (ValueError, KeyError, TypeError) as error:
                raise GoldError(f"{path}:{number}: not a gold event record ({error})") from None
    return documents


def _gold_document(record: dict, table: ActorTable | None) -> EventDocument:
    published = record.get("published")
    return EventDocument(
        record["corpus"].lower(), record["doc_id"], record["split"],
        datetime.date.fromisoformat(published) if published else None,
        [_gold_event(event, table) for event in record["events"]])


def _gold_event(record: dict, table: ActorTable | None) -> ScoredEvent:
    place = record["place"] or {}
    return ScoredEvent(
        family=record["family"], type=record["type"],
        sentences=tuple((start, end) for start, end in record["sentences"]),
        has_place=bool(place), lat=place.get("lat"), lon=place.get("lon"),
        date=record["date"], precision=record["date_precision"], date_end=record["date_end"],
        actors=tuple(canonical_actor(actor["name"], table) for actor in record["actors"]),
        fatalities=record["fatalities"], injured=record["injured"])


def canonical_actor(name: str, table: ActorTable | None) -> str:
    """The actor table's name for `name` when it is one of its aliases ("ISIS"), else `name`."""
    if table is None:
        return name
    known = table.acronyms.get(name.replace(".", "")) or table.by_key.get(actor_key(name))
    return known.name if known is not None else name


def document_texts(documents: Sequence[EventDocument], corpora: Path,
                   seeds: Path) -> dict[tuple[str, str], str]:
    """Each gold document's text, as its offsets index it; each corpus file is read once."""
    texts: dict[tuple[str, str], str] = {}
    for corpus in sorted({document.corpus for document in documents} - {SEED_CORPUS}):
        if corpus not in CORPUS_FILES:
            raise GoldError(f"unknown corpus {corpus!r} (known: {', '.join(CORPUS_FILES)}, "
                            f"{SEED_CORPUS})")
        try:
            _, gold = read_corpus(corpora / CORPUS_FILES[corpus])
        except CorpusError as error:
            raise GoldError(str(error)) from None
        texts.update(((corpus, document.id), document.text) for document in gold)
    for document in documents:
        if document.corpus == SEED_CORPUS:
            try:
                texts[SEED_CORPUS, document.doc_id] = (seeds / document.doc_id).read_text(
                    encoding="utf-8")
            except OSError as error:
                raise GoldError(f"{seeds / document.doc_id}: cannot read ({error.strerror})"
                                ) from None
    missing = [document.doc_id for document in documents
               if (document.corpus, document.doc_id) not in texts]
    if missing:
        raise GoldError(f"{len(missing)} gold documents not in their corpus, e.g. {missing[0]}")
    return texts


def event_family(event: Event) -> str:
    """The event's family: its own when events carry one, else its type's."""
    family = getattr(event, "family", None)
    return family or TYPE_FAMILIES.get(event.type, event.type)


def sentence_span(text: str, sentence: str, near: int | None = None) -> tuple[int, int] | None:
    """Where a predicted event's sentence is in `text` (the text as parsed, links masked): the
    occurrence holding `near` (its place) or else nearest it, since a headline may repeat a
    sentence; None when the text does not hold it."""
    starts: list[int] = []
    at = text.find(sentence) if sentence else -1
    while at != -1:
        starts.append(at)
        at = text.find(sentence, at + 1)
    if not starts:
        return None
    if near is None:
        return starts[0], starts[0] + len(sentence)
    best = min(starts, key=lambda start: (not start <= near < start + len(sentence),
                                          abs(start - near)))
    return best, best + len(sentence)


def predicted_event(event: Event, parsed_text: str) -> ScoredEvent:
    """A pipeline event as the scorer reads it; `parsed_text` is the document as parsed
    (`mask_for_parsing`), which its sentence was cut from."""
    place = event.place
    span = sentence_span(parsed_text, event.sentence, place.start if place is not None else None)
    names = {name for actor in event.actors for name in (actor.name, *actor.aliases_seen)}
    return ScoredEvent(
        family=event_family(event), type=event.type, sentences=(span,) if span else (),
        has_place=place is not None, lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None, date=event.date.date,
        precision=event.date.precision, date_end=event.date.end, actors=tuple(sorted(names)),
        fatalities=event.fatalities, injured=event.injured)


def baseline_event(event: KeywordEvent) -> ScoredEvent:
    """A keyword baseline event as the scorer reads it."""
    return ScoredEvent(family=event.family, type=event.word.lower(),
                       sentences=((event.start, event.end),), has_place=True,
                       lat=event.place.lat, lon=event.place.lon, date=event.date)


def gold_period(gold: ScoredEvent) -> tuple[datetime.date, datetime.date]:
    """The days a (non-null) gold date stands for."""
    day = datetime.date.fromisoformat(gold.date)
    if gold.precision == "week":
        return day, day + datetime.timedelta(days=6)
    if gold.precision == "month":
        return day, day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if gold.precision == "year":
        return day, day.replace(month=12, day=31)
    if gold.precision == "range" and gold.date_end:
        return day, datetime.date.fromisoformat(gold.date_end)
    if gold.precision == "reported":
        return day - datetime.timedelta(days=REPORTED_DAYS - 1), day
    return day, day


def dates_agree(gold: ScoredEvent, predicted: ScoredEvent) -> bool:
    """Rule (b)'s dates: both null, or the predicted day inside the gold period."""
    if gold.date is None or predicted.date is None:
        return gold.date is None and predicted.date is None
    first, last = gold_period(gold)
    return first <= datetime.date.fromisoformat(predicted.date) <= last


def _distance(gold: ScoredEvent, predicted: ScoredEvent) -> float | None:
    if None in (gold.lat, gold.lon, predicted.lat, predicted.lon):
        return None
    return distance_km(gold.lat, gold.lon, predicted.lat, predicted.lon)


def _overlap(gold: ScoredEvent, predicted: ScoredEvent) -> int:
    """The most characters a predicted sentence shares with one of the gold sentences."""
    return max([0, *(min(g_end, p_end) - max(g_start, p_start)
                     for g_start, g_end in gold.sentences
                     for p_start, p_end in predicted.sentences)])


def _candidates(gold: Sequence[ScoredEvent], predicted: Sequence[ScoredEvent]
                ) -> Iterator[tuple[tuple, int, int, bool]]:
    """Every pair either rule accepts, with its rank key (smaller is better)."""
    for g, gold_event in enumerate(gold):
        for p, event in enumerate(predicted):
            overlap = _overlap(gold_event, event)
            km = _distance(gold_event, event)
            by_place = gold_event.family == event.family and km is not None \
                and km <= MATCH_KM and dates_agree(gold_event, event)
            if overlap or by_place:
                rank = (not overlap, gold_event.family != event.family,
                        gold_event.type != event.type, -overlap,
                        km if km is not None else math.inf, g, p)
                yield rank, g, p, overlap > 0


def match(gold: Sequence[ScoredEvent], predicted: Sequence[ScoredEvent]) -> list[Pair]:
    """Greedy one-to-one matching of MATCHING_RULE, best-ranked pair first."""
    pairs: list[Pair] = []
    taken_gold: set[int] = set()
    taken_predicted: set[int] = set()
    for _, g, p, strict in sorted(_candidates(gold, predicted)):
        if g in taken_gold or p in taken_predicted:
            continue
        taken_gold.add(g)
        taken_predicted.add(p)
        pairs.append(Pair(g, p, strict))
    return pairs


def place_right(gold: ScoredEvent, predicted: ScoredEvent) -> bool | None:
    """Within 25 km; a place against none is wrong, none against none right; None (not scored)
    when the gold place has no coordinates."""
    if gold.has_place != predicted.has_place:
        return False
    if not gold.has_place:
        return True
    km = _distance(gold, predicted)
    return None if km is None else km <= PLACE_KM


def date_right(gold: ScoredEvent, predicted: ScoredEvent) -> bool:
    """The same ISO day; a gold "reported" date (no date of its own) is also right against a
    prediction without a date."""
    return gold.date == predicted.date or (gold.precision == "reported" and predicted.date is None)


@dataclass(slots=True)
class Ratio:
    """How many of the scored cases were right."""

    right: int = 0
    of: int = 0

    def add(self, right: bool) -> None:
        self.right += right
        self.of += 1

    @property
    def value(self) -> float:
        return self.right / self.of if self.of else 0.0


@dataclass(slots=True)
class Tally:
    """Counts over documents, from which every figure is a ratio."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    strict: int = 0
    place: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    actors: Ratio = field(default_factory=Ratio)
    counts: Ratio = field(default_factory=Ratio)
    families: dict[str, Ratio] = field(default_factory=dict)
    empty_documents: int = 0
    empty_false_positives: int = 0

    def add(self, gold: Sequence[ScoredEvent], predicted: Sequence[ScoredEvent],
            pairs: Sequence[Pair]) -> None:
        """One document's events and their matching."""
        self.documents += 1
        self.gold, self.predicted = self.gold + len(gold), self.predicted + len(predicted)
        self.matched += len(pairs)
        self.strict += sum(pair.strict for pair in pairs)
        if not gold:
            self.empty_documents += 1
            self.empty_false_positives += len(predicted)
        found = {pair.gold for pair in pairs}
        for index, event in enumerate(gold):
            self.families.setdefault(event.family, Ratio()).add(index in found)
        for pair in pairs:
            self._add_fields(gold[pair.gold], predicted[pair.predicted])

    def _add_fields(self, gold: ScoredEvent, predicted: ScoredEvent) -> None:
        place = place_right(gold, predicted)
        if place is not None:
            self.place.add(place)
        self.date.add(date_right(gold, predicted))
        names = {actor_key(name) for name in predicted.actors}
        for name in gold.actors:
            self.actors.add(actor_key(name) in names)
        for count in COUNT_FIELDS:
            if getattr(gold, count) is not None:
                self.counts.add(getattr(gold, count) == getattr(predicted, count))


def _prf(matched: int, gold: int, predicted: int) -> tuple[float, float, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall)
                               if precision + recall else 0.0)


@dataclass(slots=True)
class EventScores:
    """One system's figures on one split (what each means: the module's docstring)."""

    system: str
    split: str
    documents: int
    gold_events: int
    predicted_events: int
    matched: int
    precision: float
    recall: float
    f1: float
    strict_matched: int
    strict_precision: float
    strict_recall: float
    strict_f1: float
    place_scored: int
    place_accuracy_25km: float
    date_exact: float
    gold_actors: int
    actor_recall: float
    counts_scored: int
    counts_accuracy: float
    documents_without_events: int
    false_positives_without_events: int
    recall_by_family: dict[str, dict[str, float]]  # family: {gold, recall}
    by_group: dict[str, dict[str, float]]  # "corpus lgl", "split dev": {documents, gold, ...}

    def to_dict(self) -> dict:
        return _rounded(asdict(self))


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    return value


def score(system: str, split: str, documents: Sequence[EventDocument],
          predictions: Sequence[Sequence[ScoredEvent]]) -> EventScores:
    """The figures of one system's predictions (one list per document) against the gold."""
    total, groups = Tally(), {}
    for document, predicted in zip(documents, predictions):
        pairs = match(document.events, predicted)
        for tally in (total, groups.setdefault(f"corpus {document.corpus}", Tally()),
                      groups.setdefault(f"split {document.split}", Tally())):
            tally.add(document.events, predicted, pairs)
    precision, recall, f1 = _prf(total.matched, total.gold, total.predicted)
    strict = _prf(total.strict, total.gold, total.predicted)
    return EventScores(
        system=system, split=split, documents=total.documents, gold_events=total.gold,
        predicted_events=total.predicted, matched=total.matched, precision=precision,
        recall=recall, f1=f1, strict_matched=total.strict, strict_precision=strict[0],
        strict_recall=strict[1], strict_f1=strict[2], place_scored=total.place.of,
        place_accuracy_25km=total.place.value, date_exact=total.date.value,
        gold_actors=total.actors.of, actor_recall=total.actors.value,
        counts_scored=total.counts.of, counts_accuracy=total.counts.value,
        documents_without_events=total.empty_documents,
        false_positives_without_events=total.empty_false_positives,
        recall_by_family={family: {"gold": ratio.of, "recall": ratio.value}
                          for family, ratio in sorted(total.families.items())},
        by_group={name: _group(tally) for name, tally in sorted(groups.items())})


def _group(tally: Tally) -> dict[str, float]:
    precision, recall, f1 = _prf(tally.matched, tally.gold, tally.predicted)
    return {"documents": tally.documents, "gold": tally.gold, "predicted": tally.predicted,
            "precision": precision, "recall": recall, "f1": f1}


def predict(document: EventDocument, text: str, gazetteer: Gazetteer, table: ActorTable
            ) -> tuple[list[ScoredEvent], list[ScoredEvent]]:
    """The document's events by the pipeline (as `geomap events` finds them, with the gold
    publication day) and by the keyword baseline, from one parse."""
    published = document.published.isoformat() if document.published is not None else ""
    article = Article(file=document.doc_id, text=text, raw=text, published=published)
    (parsed,) = geoparse_articles([article], gazetteer,
                                  EventOptions(table, default_date=document.published))
    parsed_text = mask_for_parsing(text)
    ours = [predicted_event(event, parsed_text) for event in parsed.events]
    keywords = keyword_events(text, parsed.places, parsed.published)
    return ours, [baseline_event(event) for event in keywords]


def evaluate_events(gold_paths: Sequence[Path], gazetteer: Gazetteer, *, split: str = "dev",
                    corpora: Path = DEFAULT_CORPORA, seeds: Path = DEFAULT_SEEDS
                    ) -> list[EventScores]:
    """The pipeline's and the keyword baseline's scores on the gold documents of `split` (their
    `split` field; "all" keeps every one)."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    table = ActorTable.load()
    documents = [document for document in read_gold(gold_paths, table)
                 if split == "all" or document.split == split]
    texts = document_texts(documents, corpora, seeds)
    runs = [predict(document, texts[document.corpus, document.doc_id], gazetteer, table)
            for document in documents]
    return [score("geomap", split, documents, [ours for ours, _ in runs]),
            score("keyword baseline", split, documents, [baseline for _, baseline in runs])]


def as_json(results: Sequence[EventScores]) -> dict:
    """The figures of every system, with the rule that matched events."""
    return {"matching_rule": MATCHING_RULE,
            "systems": {scores.system: scores.to_dict() for scores in results}}


def as_table(results: Sequence[EventScores]) -> str:
    """The systems side by side, one figure a row, the matching rule below."""
    rows = [(name.replace("_", " "), [scores.to_dict()[name] for scores in results])
            for name in ("documents", "gold_events", "predicted_events", "matched", "precision",
                         "recall", "f1", "strict_precision", "strict_recall", "strict_f1",
                         "place_scored", "place_accuracy_25km", "date_exact", "gold_actors",
                         "actor_recall", "counts_scored", "counts_accuracy",
                         "documents_without_events", "false_positives_without_events")]
    families = sorted({family for scores in results for family in scores.recall_by_family})
    rows += [(f"recall {family} (of {results[0].recall_by_family[family]['gold']})",
              [round(scores.recall_by_family.get(family, {}).get("recall", 0.0), 4)
               for scores in results]) for family in families]
    rows += [(f"{group} P/R/F1", ["/".join(f"{scores.by_group[group][key]:.3f}"
                                           for key in ("precision", "recall", "f1"))
                                  for scores in results])
             for group in results[0].by_group]
    header = [f"split: {results[0].split}", *(scores.system for scores in results)]
    lines = [_row(header)] + [_row([label, *map(str, values)]) for label, values in rows]
    return "\n".join(lines) + f"\n\nmatching: {MATCHING_RULE}"


def _row(cells: Sequence[str]) -> str:
    return f"{cells[0]:<36}" + "".join(f"{cell:>20}" for cell in cells[1:])


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m geomap.evaluation.events GOLD.jsonl... [--split] [--format]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold event files (JSONL)")
    parser.add_argument("--split", default="dev", choices=SPLITS)
    parser.add_argument("--format", dest="output_format", default="table",
                        choices=("table", "json"))
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                        help="folder of lgl.xml and GeoVirus.xml")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of the seeds")
    arguments = parser.parse_args(argv)
    try:
        with Gazetteer.open() as gazetteer:
            results = evaluate_events(arguments.gold, gazetteer, split=arguments.split,
                                      corpora=arguments.corpora, seeds=arguments.seeds)
    except GoldError as error:
        sys.exit(f"error: {error}")
    print(json.dumps(as_json(results), indent=2) if arguments.output_format == "json"
          else as_table(results))


if __name__ == "__main__":
    main()
