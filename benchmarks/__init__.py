"""geomap's benchmarks: `make bench` (or `python -m benchmarks`) prints the figures."""
