"""The field's standard geoparsing scores for the pipeline on a corpus with gold toponyms.

Recognition: precision, recall and F1 over spans, where a prediction overlapping a gold span counts.
Resolution, on the gold toponyms that were recognised and have coordinates: accuracy within 161 km
(100 miles), mean and median error in km, and the area under the curve of log errors (AUC, lower is
better; Gritta et al. 2018). The same GeoNames id counts as no error at all.

The scores name the part of the corpus they were taken on: its development or test half
(geomap.evaluation.split), or all of it.

`calibration_error` (expected calibration error, ten bins) says whether a place's confidence can be
read as the probability that it is right (within 161 km, or the gold point inside the chosen
territory, as for the area-aware accuracy).

Corpora place a country or a province at one conventional point, and conventions differ (GeoNames,
Wikipedia, a centroid): Canada's points lie a thousand kilometres apart. So beside the standard
accuracy, `accuracy_161km_area` also counts a gold point inside the predicted place's outline as
exact; it measures whether the right territory was chosen rather than which centre was used.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from shapely.geometry import Point

from gazetteer import Gazetteer
from gazetteer.geo import distance_km
from gazetteer.model import Kind
from geomap.evaluation.corpora import ANNOTATES_DEMONYMS, GoldDocument
from geomap.evaluation.split import select
from geomap.pipeline import geoparse_articles
from geomap.places.mention import PlaceMention
from geomap.read.article import Article

ACCURATE_KM = 161.0
# Half the Earth's circumference: the largest possible error, which normalises the AUC.
MAX_ERROR_KM = 20039.0


@dataclass(slots=True)
class Scores:
    corpus: str
    split: str  # "dev", "test" or "all" (geomap.evaluation.split)
    demonyms_counted: bool
    documents: int
    gold_toponyms: int
    predicted_toponyms: int
    precision: float
    recall: float
    f1: float
    resolved: int  # recognised gold toponyms with coordinates: the resolution scores' base
    accuracy_161km: float
    accuracy_161km_area: float
    mean_error_km: float
    median_error_km: float
    auc: float
    calibration_error: float
    documents_per_second: float

    def to_dict(self) -> dict:
        return {key: round(value, 4) if isinstance(value, float) else value
                for key, value in asdict(self).items()}


def evaluate(corpus: str, documents: list[GoldDocument], gazetteer: Gazetteer, *,
             demonyms: bool | None = None, split: str = "all", limit: int | None = None,
             switched_off: frozenset[str] = frozenset()) -> Scores:
    """Run the pipeline on the documents, as `geomap places` does, and score it against the gold:
    the documents of one `split` ("dev", "test" or "all"), then only the first `limit` of those.

    `demonyms` says whether the corpus counts adjectival mentions ("Iraqi") as toponyms (None: as
    its annotation guidelines do); when it does not, the pipeline's demonym mentions are left out
    of the predictions, as a map hides them.
    `switched_off` names recognition rules not to apply (to measure what each is worth).
    """
    counted = ANNOTATES_DEMONYMS[corpus] if demonyms is None else demonyms
    chosen = select(documents, split)[:limit]
    started = time.perf_counter()
    predictions = predict(chosen, gazetteer, demonyms=counted, switched_off=switched_off)
    seconds = time.perf_counter() - started
    return score(corpus, chosen, predictions, demonyms=counted, split=split, seconds=seconds)


def predict(documents: list[GoldDocument], gazetteer: Gazetteer, *, demonyms: bool,
            switched_off: frozenset[str] = frozenset()) -> list[list[PlaceMention]]:
    """The pipeline's place mentions of each document, as scored."""
    articles = [Article(file=document.id, text=document.text, raw=document.text)
                for document in documents]
    return [[place for place in parsed.places if demonyms or place.kind != Kind.DEMONYM]
            for parsed in geoparse_articles(articles, gazetteer, switched_off=switched_off)]


def score(corpus: str, documents: list[GoldDocument], predictions: list[list[PlaceMention]], *,
          demonyms: bool, split: str = "all", seconds: float = 0.0) -> Scores:
    """Recognition and resolution scores of the predictions against the documents' gold;
    `split` names the part of the corpus the documents are."""
    matched_gold = matched_predicted = 0
    errors: list[float] = []
    area_errors: list[float] = []
    confidences: list[float] = []
    for document, predicted in zip(documents, predictions):
        matched_predicted += sum(any(_overlaps(p, g) for g in document.toponyms) for p in predicted)
        for gold in document.toponyms:
            # a name is scored on its own reading, not on a relative phrase that contains it
            hit = min((p for p in predicted if _overlaps(p, gold)), default=None,
                      key=lambda p: (p.kind == Kind.APPROXIMATE, p.start))
            if hit is None:
                continue
            matched_gold += 1
            if gold.lat is not None and gold.lon is not None:
                error = _error_km(hit, gold.lat, gold.lon, gold.geonameid)
                errors.append(error)
                area_errors.append(0.0 if _inside(hit, gold.lat, gold.lon) else error)
                confidences.append(hit.confidence)
    gold_total = sum(len(document.toponyms) for document in documents)
    predicted_total = sum(len(predicted) for predicted in predictions)
    precision = matched_predicted / predicted_total if predicted_total else 0.0
    recall = matched_gold / gold_total if gold_total else 0.0
    return Scores(
        corpus=corpus, split=split, demonyms_counted=demonyms, documents=len(documents),
        gold_toponyms=gold_total, predicted_toponyms=predicted_total, precision=precision,
        recall=recall,
        f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        resolved=len(errors),
        accuracy_161km=_accuracy(errors), accuracy_161km_area=_accuracy(area_errors),
        mean_error_km=statistics.fmean(errors) if errors else 0.0,
        median_error_km=statistics.median(errors) if errors else 0.0,
        auc=log_error_auc(errors),
        calibration_error=calibration_error(confidences, [e <= ACCURATE_KM for e in area_errors]),
        documents_per_second=len(documents) / seconds if seconds else 0.0)


def _accuracy(errors: list[float]) -> float:
    return sum(error <= ACCURATE_KM for error in errors) / len(errors) if errors else 0.0


def _inside(predicted: PlaceMention, lat: float, lon: float) -> bool:
    geometry = predicted.geometry
    return geometry is not None and geometry.geom_type in ("Polygon", "MultiPolygon") \
        and geometry.covers(Point(lon, lat))


def _overlaps(predicted: PlaceMention, gold) -> bool:
    return predicted.start < gold.end and gold.start < predicted.end


def _error_km(predicted: PlaceMention, lat: float, lon: float, geonameid: int | None) -> float:
    if geonameid is not None and predicted.geonameid == geonameid:
        return 0.0
    return distance_km(predicted.lat, predicted.lon, lat, lon)


def calibration_error(confidences: list[float], correct: list[bool], bins: int = 10) -> float:
    """Expected calibration error: how far stated confidence is from the share of places that are
    right, averaged over confidence bins weighted by their size (0 is perfectly calibrated)."""
    if not confidences:
        return 0.0
    grouped: dict[int, list[tuple[float, bool]]] = {}
    for confidence, right in zip(confidences, correct):
        grouped.setdefault(min(int(confidence * bins), bins - 1), []).append((confidence, right))
    return sum(abs(sum(c for c, _ in group) - sum(r for _, r in group))
               for group in grouped.values()) / len(confidences)


def log_error_auc(errors: Iterable[float]) -> float:
    """Area under the sorted log-error curve, normalised to 0 (all exact) .. 1 (all antipodal)."""
    curve = sorted(math.log(1 + error) for error in errors)
    if not curve:
        return 0.0
    if len(curve) == 1:
        return curve[0] / math.log(MAX_ERROR_KM)
    area = sum((a + b) / 2 for a, b in zip(curve, curve[1:]))  # trapezoids of unit width
    return area / ((len(curve) - 1) * math.log(MAX_ERROR_KM))
