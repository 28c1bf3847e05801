"""Print every benchmark's figures:
`python -m benchmarks [gazetteer|places|cold-start|render|batch|long-article]`."""

from __future__ import annotations

import importlib
import os
import platform
import sys

# Each benchmark's module, imported only when it runs (one's imports need not load for another).
BENCHMARKS = {"gazetteer": "gazetteer_bench", "places": "places_bench",
              "cold-start": "cold_start_bench", "render": "render_bench", "batch": "batch_bench",
              "long-article": "long_article_bench"}


def main(selected: list[str]) -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    for name in selected or BENCHMARKS:
        if name not in BENCHMARKS:
            sys.exit(f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}")
        print(f"\n[{name}]")
        module = importlib.import_module(f"{__package__}.{BENCHMARKS[name]}")
        for label, value in module.run().items():
            print(f"  {label:<44}{value:>10.3f}" if isinstance(value, float) else f"  {label:<44}{value:>10}")


if __name__ == "__main__":
    main(sys.argv[1:])
