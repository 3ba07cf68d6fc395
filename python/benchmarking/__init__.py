"""The warehouse benchmark: full builds, incremental runs and a hand-tuned yardstick per tier.

`python/run_benchmark.py` (or `./warehouse benchmark`) is the command; this package holds the
measurements (`measure`), the machine description (`machine`) and the results table
(`report`). The yardstick query is `hand_tuned_waterfall.sql`.
"""
