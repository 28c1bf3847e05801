"""The `geomap` command (also `python -m geomap`): settings for a short-lived process, then the CLI.

Reading the model allocates millions of small objects, and with Python's default threshold the
garbage collector walks the growing heap again and again while it does (a tenth of a second of
every start). The command collects young objects less often, all the way through (a long batch
holds a little more garbage between collections, not more time), and at the end freezes what it
made: the process is ending, and the last collections would walk every object of the loaded model
for nothing. The library (`geomap.parse`) leaves the collector as its host set it.
"""

from __future__ import annotations

import gc

# Allocations between young-generation collections (Python's default is 700).
YOUNG_COLLECTION_THRESHOLD = 100_000


def run() -> None:
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)
    from geomap.cli import main
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
