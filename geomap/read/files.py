"""Which files are articles, and reading their bytes without being fooled by what a folder holds.

An archive of scraped news may hold FIFOs, sockets, device nodes and links to them (`/dev/zero`):
only regular files are read, after following links, up to a size the user can raise; every file
refused is named. Files are opened without blocking (a FIFO would wait forever for a writer) and
checked again once open, since a folder may change between the walk and the read. Names reach
users as text they can print: bytes that are not UTF-8 and control characters are shown escaped.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from geomap.atomic import mark_input
from geomap.display import shown

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
# A file in every folder geomap writes results to (a batch's output): such folders hold JSON
# that is not articles, and are never walked as input.
OUTPUT_MARK = ".geomap-output"
# The default largest file read (the user raises it with --max-size).
MAX_BYTES = 50 * 1024 * 1024
_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISDIR, "a folder"))


class InputError(Exception):
    """An input that cannot be read as articles: `file` as shown to users, and a one-line
    message naming it."""

    def __init__(self, file: str, reason: str):
        super().__init__(file, reason)  # both in `args`, so that it crosses to other processes
        self.file = file
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


class FileRefused(InputError):
    """A path that is not a readable article file."""


def _not_regular(mode: int) -> str | None:
    """What a file of this mode is, when it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The whole of a regular file of at most `max_bytes`, or FileRefused saying why not."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        kind = "a link to nothing (or a loop of links)" if path.is_symlink() else "no such file"
        raise FileRefused(shown(path), kind) from None
    except OSError as error:
        raise FileRefused(shown(path), f"cannot read ({error.strerror})") from None
    with os.fdopen(handle, "rb") as file:
        status = os.fstat(file.fileno())
        kind = _not_regular(status.st_mode)
        if kind is not None:
            raise FileRefused(shown(path), f"{kind}, not an article file; skipped")
        if status.st_size > max_bytes:
            raise _too_large(path, status.st_size, max_bytes)
        mark_input(status)
        try:
            data = file.read(max_bytes + 1)
        except OSError as error:
            raise FileRefused(shown(path), f"cannot read ({error.strerror})") from None
    if len(data) > max_bytes:  # grew while being read
        raise _too_large(path, len(data), max_bytes)
    return data


def _too_large(path: Path, size: int, max_bytes: int) -> FileRefused:
    return FileRefused(shown(path), f"{size / 2**20:,.1f} MiB is larger than the "
                       f"{max_bytes / 2**20:,.0f} MiB limit for one file (raise it with "
                       "--max-size)")


def expand_paths(paths: list[Path], skip: tuple[Path, ...] = ()
                 ) -> tuple[list[Path], list[InputError]]:
    """The article files under the paths the user gave (folders walked, sorted; links followed;
    folders in `skip` and geomap's output folders left out), and a one-line reason for each
    path refused."""
    skipped = {os.path.realpath(folder) for folder in skip}
    files: list[Path] = []
    errors: list[InputError] = []
    for path in paths:
        if path.is_dir():
            refused = len(errors)
            found = _walk(path, skipped, errors)
            if not found and len(errors) == refused:
                errors.append(InputError(shown(path), "no .txt/.html/.json/.jsonl files in the "
                                                      "folder"))
            files += found
        else:
            reason = _refusal(path)
            if reason is None:
                files.append(path)
            else:
                errors.append(reason)
    return files, errors


def _walk(folder: Path, skipped: set[str], errors: list[InputError]) -> list[Path]:
    """Article files in a folder and its subfolders, links to folders followed once each (a loop
    of them ends)."""
    found = []
    seen = {*skipped, os.path.realpath(folder)}
    for root, folders, names in os.walk(folder, followlinks=True):
        kept = []
        for name in sorted(folders):
            real = os.path.realpath(os.path.join(root, name))
            if real not in seen and not os.path.exists(os.path.join(real, OUTPUT_MARK)):
                seen.add(real)
                kept.append(name)
        folders[:] = kept
        for name in sorted(names):
            path = Path(root, name)
            if path.suffix.lower() not in SUFFIXES:
                continue
            reason = _refusal(path)
            if reason is None:
                found.append(path)
            else:
                errors.append(reason)
    return found


def _refusal(path: Path) -> InputError | None:
    """Why `path` (links followed) is not a file to read, or None."""
    try:
        status = path.stat()
    except OSError as error:  # missing, a loop of links, a name too long, no permission
        if path.is_symlink():
            return InputError(shown(path), "a link to nothing (or a loop of links)")
        if isinstance(error, FileNotFoundError):
            return InputError(shown(path), "no such file or folder")
        return InputError(shown(path), f"cannot read ({error.strerror})")
    kind = _not_regular(status.st_mode)
    if kind is not None:
        return InputError(shown(path), f"{kind}, not an article file; skipped")
    mark_input(status)  # an input from now on: no output may replace it
    return None
