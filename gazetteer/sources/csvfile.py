"""Reading the project's and the user's CSV files with errors that name the file and line."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path


class DataError(Exception):
    """A data file is unreadable or holds a bad row; the message names the file and line."""


def read_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row, after checking the header has `required`."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [column for column in required if column not in (reader.fieldnames or [])]
            if missing:
                raise DataError(f"{path}: line 1: missing column(s) {', '.join(missing)}")
            for row in reader:
                if None in row:
                    raise DataError(f"{path}: line {reader.line_num}: more cells than columns")
                yield reader.line_num, {key: (value or "").strip() for key, value in row.items()}
    except UnicodeDecodeError as error:
        raise DataError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from error
    except csv.Error as error:
        raise DataError(f"{path}: malformed CSV ({error})") from error
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror})") from error


def split_list(cell: str) -> list[str]:
    """A `|`-separated cell as a list of non-empty, stripped items."""
    return [item.strip() for item in cell.split("|") if item.strip()]


def coordinate(row: dict[str, str], where: str) -> tuple[float, float]:
    """The row's (lat, lon), checked to be numbers in range."""
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (KeyError, ValueError):
        raise DataError(f"{where}: lat/lon must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataError(f"{where}: lat/lon out of range ({lat}, {lon})")
    return lat, lon
