"""Benchmark scripts: each runs as ``python -m citekit.bench.<name>`` and prints figures."""
