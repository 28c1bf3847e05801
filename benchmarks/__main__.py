"""Print every benchmark's figures:
`python -m benchmarks [gazetteer|places|cold-start|render|batch]`."""

from __future__ import annotations

import os
import platform
import sys

from . import batch_bench, cold_start_bench, gazetteer_bench, places_bench, render_bench

BENCHMARKS = {"gazetteer": gazetteer_bench.run, "places": places_bench.run,
              "cold-start": cold_start_bench.run, "render": render_bench.run,
              "batch": batch_bench.run}


def main(selected: list[str]) -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    for name in selected or BENCHMARKS:
        if name not in BENCHMARKS:
            sys.exit(f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}")
        print(f"\n[{name}]")
        for label, value in BENCHMARKS[name]().items():
            print(f"  {label:<44}{value:>10.3f}" if isinstance(value, float) else f"  {label:<44}{value:>10}")


if __name__ == "__main__":
    main(sys.argv[1:])
