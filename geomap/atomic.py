"""Writing output files so that a reader never sees half of one: a temp file, then a rename."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


class OutputError(Exception):
    """An output file cannot be written; the message names it."""


def write_text(path: Path, text: str) -> Path:
    """Write `text` to `path` in one step: the file is either the old one or the complete new one."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({_reason(error)})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({error.strerror})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def write_with(path: Path, write: Callable[[Path], object],
               errors: tuple[type[Exception], ...] = ()) -> Path:
    """Write `path` in one step through `write`, for files a library writes itself (GIS drivers,
    Parquet): `write` gets a path of the same name in a fresh folder beside `path`, which is then
    renamed over it. OSError and the writer's own `errors` become OutputError naming `path`."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial"))
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({_reason(error)})") from None
    try:
        temp = folder / path.name
        write(temp)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    except errors as error:
        raise OutputError(f"{path}: cannot write ({error})") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return path


def _reason(error: OSError) -> str:
    """Why a folder for an output cannot be made, in words a user can act on."""
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "a part of its path is a file, not a folder"
    return error.strerror or str(error)
