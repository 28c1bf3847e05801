"""Writing output files so that a reader never sees half of one: a temp file, then a rename.

An output never destroys what it is not: a symbolic link is written through (the file it points
at is replaced, the link stays), a device, pipe, socket or folder is never replaced, and no file
this process read as an input is overwritten (`render a.html -o a.html`).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from geomap.display import shown

# (device, inode) of every file read as an input by this process.
_INPUTS: set[tuple[int, int]] = set()


class OutputError(Exception):
    """An output file cannot be written; the message names it."""


def mark_input(status: os.stat_result) -> None:
    """Remember a file read as an input (from its stat), which no output may then replace."""
    _INPUTS.add((status.st_dev, status.st_ino))


def check_output(path: Path) -> None:
    """OutputError now, before any work, if `path` could not be written as an output."""
    _target(path)


def _target(path: Path) -> Path:
    """The file an output at `path` replaces: the end of its links. OutputError when that is
    not a regular file, or is one of the inputs."""
    real = Path(os.path.realpath(path))
    try:
        status = real.stat()
    except FileNotFoundError:
        return real
    except OSError as error:
        raise OutputError(f"{shown(path)}: cannot write ({_reason(error)})") from None
    if not stat.S_ISREG(status.st_mode):
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "a device, pipe or socket"
        raise OutputError(f"{shown(path)}: cannot write: it is {kind}, not a regular file, and "
                          "is left as it is")
    if (status.st_dev, status.st_ino) in _INPUTS:
        raise OutputError(f"{shown(path)}: cannot write: it is one of the inputs; choose "
                          "another output file")
    return real


def write_text(path: Path, text: str) -> Path:
    """Write `text` to `path` in one step: the file is either the old one or the complete new one."""
    path = Path(path)
    real = _target(path)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".partial")
    except OSError as error:
        raise OutputError(f"{shown(path)}: cannot write ({_reason(error)})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temp, 0o644)
        os.replace(temp, real)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{shown(path)}: cannot write ({error.strerror})") from None
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
    real = _target(path)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=real.parent, prefix=f".{real.name}.", suffix=".partial"))
    except OSError as error:
        raise OutputError(f"{shown(path)}: cannot write ({_reason(error)})") from None
    try:
        temp = folder / real.name
        write(temp)
        os.chmod(temp, 0o644)
        os.replace(temp, real)
    except OSError as error:
        raise OutputError(f"{shown(path)}: cannot write ({error.strerror or error})") from None
    except errors as error:
        raise OutputError(f"{shown(path)}: cannot write ({error})") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return path


def _reason(error: OSError) -> str:
    """Why a folder for an output cannot be made, in words a user can act on."""
    if isinstance(error, (FileExistsError, NotADirectoryError)):
        return "a part of its path is a file, not a folder"
    return error.strerror or str(error)
