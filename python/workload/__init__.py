"""Scalable synthetic workload for the revenue warehouse, generated inside DuckDB.

`generate(spec, out_dir)` writes every table of the raw billing contract as
`<out_dir>/<table>.parquet`. All rows are produced by SQL from deterministic hashes, and each
table is streamed to Parquet with `COPY`, so a million accounts never sit in Python memory.
"""

from workload.runner import TABLES, generate
from workload.spec import WorkloadSpec

__all__ = ["TABLES", "WorkloadSpec", "generate"]
