"""Run the workload: build scratch tables in a disk-backed DuckDB, then COPY each table out.

The scratch database lives in a temporary folder with DuckDB's spill files, under a memory
limit, so the largest workloads stream through disk rather than memory. Output files are
sorted on stable keys, so the same arguments give byte-identical Parquet files.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from string import Template

import duckdb

from workload.accounts import ACCOUNTS_TABLE_SQL, accounts_out_sql
from workload.activity import (
    ACTIVITY_VERSIONS_SQL,
    FEATURE_USAGE_OUT,
    SEAT_ACTIVITY_OUT,
    USAGE_DAILY_OUT,
)
from workload.billing import FX_RATES_OUT, INVOICE_LINES_OUT
from workload.catalog import FEATURES_OUT, PLANS_OUT, PRODUCTS_OUT, catalog_tables_sql
from workload.random_sql import RANDOM_MACROS_SQL
from workload.spec import WorkloadSpec
from workload.subscriptions import SUBSCRIPTION_ITEMS_OUT, VERSIONS_TABLE_SQL

# every contract table and the query writing it, in the order they are written
TABLES: dict[str, str] = {
    "products": PRODUCTS_OUT,
    "plans": PLANS_OUT,
    "features": FEATURES_OUT,
    "fx_rates": FX_RATES_OUT,
    "accounts": accounts_out_sql(),
    "subscription_items": SUBSCRIPTION_ITEMS_OUT,
    "invoice_lines": INVOICE_LINES_OUT,
    "seat_activity": SEAT_ACTIVITY_OUT,
    "usage_daily": USAGE_DAILY_OUT,
    "feature_usage": FEATURE_USAGE_OUT,
}

PREPARE_STEPS: tuple[tuple[str, list[str]], ...] = (
    ("price book", catalog_tables_sql()),
    ("account profiles", [ACCOUNTS_TABLE_SQL]),
    ("subscription versions", [VERSIONS_TABLE_SQL]),
    ("activity days", [ACTIVITY_VERSIONS_SQL]),
)

Progress = Callable[[int, int, str, int | None, float], None]


def print_progress(step: int, total: int, label: str, rows: int | None, seconds: float) -> None:
    """One plain-text progress line on stderr: a bar, the step, rows written, elapsed time."""
    width = 20
    filled = round(width * step / total)
    bar = "#" * filled + "." * (width - filled)
    count = f"{rows:>13,} rows" if rows is not None else " " * 18
    print(f"[{bar}] {step:>2}/{total} {label:<22} {count} {seconds:8.1f} s", file=sys.stderr)


def render(sql: str, spec: WorkloadSpec) -> str:
    """Substitute the spec's parameters ($seed, $n_accounts, ...) into a SQL string."""
    return Template(sql).substitute(spec.sql_values())


def connect(scratch: Path, memory_limit: str, threads: int | None) -> duckdb.DuckDBPyConnection:
    """A disk-backed scratch database that spills to `scratch` under `memory_limit`."""
    con = duckdb.connect(str(scratch / "workload.duckdb"))
    con.execute(f"set memory_limit = '{memory_limit}'")
    con.execute(f"set temp_directory = '{scratch / 'spill'}'")
    con.execute("set preserve_insertion_order = true")
    if threads:
        con.execute(f"set threads = {int(threads)}")
    return con


def generate(
    spec: WorkloadSpec,
    out_dir: Path,
    *,
    memory_limit: str = "4GB",
    threads: int | None = None,
    temp_dir: Path | None = None,
    progress: Progress | None = print_progress,
) -> dict[str, int]:
    """Write every contract table as `<out_dir>/<table>.parquet`; return rows per table."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="workload_", dir=temp_dir))
    total = len(PREPARE_STEPS) + len(TABLES)
    started = time.perf_counter()
    counts: dict[str, int] = {}
    try:
        con = connect(scratch, memory_limit, threads)
        try:
            con.execute(render(RANDOM_MACROS_SQL, spec))
            for step, (label, statements) in enumerate(PREPARE_STEPS, start=1):
                for statement in statements:
                    con.execute(render(statement, spec))
                if progress:
                    progress(step, total, label, None, time.perf_counter() - started)
            for step, (table, query) in enumerate(TABLES.items(), start=len(PREPARE_STEPS) + 1):
                target = out_dir / f"{table}.parquet"
                copy = (
                    f"copy ({render(query, spec)}) to '{target}' (format parquet, compression zstd)"
                )
                counts[table] = con.execute(copy).fetchone()[0]
                if progress:
                    progress(step, total, table, counts[table], time.perf_counter() - started)
        finally:
            con.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return counts
