"""The fixed development/test split of a gold corpus: rules are tuned on dev, figures reported on test.

A document's half is decided by a hash of its id alone (SHA-256, so it is the same on every machine
and in every Python), never by its position or content: adding documents to a corpus does not move
the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Protocol, TypeVar

SPLITS = ("dev", "test", "all")


class Identified(Protocol):
    id: str


Document = TypeVar("Document", bound=Identified)


def split_of(document_id: str) -> str:
    """"dev" or "test" for a document id: the parity of the first byte of its SHA-256."""
    first_byte = hashlib.sha256(document_id.encode("utf-8")).digest()[0]
    return "dev" if first_byte % 2 == 0 else "test"


def select(documents: Iterable[Document], split: str) -> list[Document]:
    """The documents of one split ("all" keeps every one), in their order."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    return [document for document in documents if split == "all" or split_of(document.id) == split]
