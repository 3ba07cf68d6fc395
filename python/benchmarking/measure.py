"""Timed, memory-measured runs of dbt, the reconciliation and the hand-tuned query.

Each step runs in its own child process, so `os.wait4` gives that step's own peak resident
memory (dbt and DuckDB run in one process). Every run writes into the tier's work folder:
its own DuckDB file, dbt target and log folders, and DuckDB's spill folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from dbt_invocation import PROJECT_DIR, dbt_command, dbt_environment

HAND_TUNED_SQL = Path(__file__).with_name("hand_tuned_waterfall.sql")


@dataclass
class Measurement:
    seconds: float
    peak_rss_bytes: int
    output: str


class StepFailedError(RuntimeError):
    """A measured step exited non-zero: the benchmark stops with its output."""


def run_measured(command: list[str], env: dict[str, str], label: str) -> Measurement:
    """Run `command`, returning wall seconds and the process's peak resident memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output_bytes = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    output = output_bytes.decode("utf-8", errors="replace")
    if process.returncode != 0:
        raise StepFailedError(f"{label} failed (exit {process.returncode}):\n{output[-6000:]}")
    # ru_maxrss is in KiB on Linux
    return Measurement(seconds, usage.ru_maxrss * 1024, output)


class Warehouse:
    """One DuckDB warehouse file of a tier, with the dbt settings to build it."""

    def __init__(self, workdir: Path, name: str, memory_limit: str | None = None) -> None:
        self.workdir = workdir / name
        # DuckDB's memory limit for this warehouse's runs; None keeps the profile's (or the
        # caller's DUCKDB_MEMORY_LIMIT)
        self.memory_limit = memory_limit
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.database = self.workdir / "warehouse.duckdb"

    def files(self, database: Path | None = None) -> tuple[Path, Path]:
        """A DuckDB database's files: the database and its write-ahead log."""
        database = database or self.database
        return database, database.with_suffix(".duckdb.wal")

    def reset(self) -> None:
        for path in self.files():
            path.unlink(missing_ok=True)

    def save_as(self, copy: Path) -> None:
        """Copy the warehouse as it is now (each file, or the absence of a log) to `copy`."""
        for source, target in zip(self.files(), self.files(copy), strict=True):
            target.unlink(missing_ok=True)
            if source.exists():
                shutil.copy2(source, target)

    def restore(self, copy: Path) -> None:
        """Put back the warehouse saved by `save_as(copy)`."""
        self.reset()
        for source, target in zip(self.files(copy), self.files(), strict=True):
            if source.exists():
                shutil.copy2(source, target)

    def env(self) -> dict[str, str]:
        environment = dbt_environment(self.database, self.workdir)
        if self.memory_limit:
            environment["DUCKDB_MEMORY_LIMIT"] = self.memory_limit
        return environment

    def dbt(self, label: str, *args: str, variables: dict) -> Measurement:
        command = dbt_command(*args, workdir=self.workdir, variables=variables)
        return run_measured(command, self.env(), label)

    def reconcile(self, raw_data_path: Path) -> Measurement:
        command = [
            sys.executable,
            str(PROJECT_DIR / "python" / "reconcile.py"),
            "--database",
            str(self.database),
            "--raw-data-path",
            str(raw_data_path),
            "--report",
            str(self.workdir / "reconciliation.html"),
        ]
        return run_measured(command, self.env(), "reconciliation")

    def count(self, table: str) -> int:
        import duckdb

        con = duckdb.connect(str(self.database), read_only=True)
        try:
            return con.sql(f"select count(*) from main_marts.{table}").fetchall()[0][0]
        finally:
            con.close()


def hand_tuned(raw_data_path: Path, horizon_month: str, memory_limit: str) -> tuple[float, list]:
    """Run the hand-tuned single query; return its seconds and its monthly rows."""
    import duckdb

    con = duckdb.connect()
    try:
        con.execute(f"set memory_limit = '{memory_limit}'")
        started = time.perf_counter()
        rows = con.execute(
            HAND_TUNED_SQL.read_text(encoding="utf-8"),
            {"raw": str(raw_data_path), "horizon": horizon_month},
        ).fetchall()
        return time.perf_counter() - started, rows
    finally:
        con.close()


# the hand-tuned query's columns, in its order, as the overall rows of mrr_waterfall_months
# give them (expansion is netted: the query has no per-line motions or prior peak)
WATERFALL_COLUMNS = (
    "closing_accounts",
    "opening_mrr",
    "fx_adjustment_mrr",
    "new_mrr",
    "reactivation_mrr",
    "expansion_mrr + recovery_mrr - contraction_mrr",
    "churn_mrr",
    "closing_mrr",
)


def waterfall_differences(warehouse: Warehouse, hand_rows: list) -> list[str]:
    """Where the hand-tuned query and the warehouse's overall waterfall differ by a cent or
    more (an empty list when they agree on every month and component)."""
    import duckdb

    con = duckdb.connect(str(warehouse.database), read_only=True)
    try:
        mart_rows = con.sql(
            f"select month_start, {', '.join(WATERFALL_COLUMNS)} "
            "from main_marts.mrr_waterfall_months where dimension = 'overall' order by 1"
        ).fetchall()
    finally:
        con.close()
    marts = {row[0]: row[1:] for row in mart_rows}
    differences = []
    if len(marts) != len(hand_rows):
        differences.append(f"{len(hand_rows)} months by hand, {len(marts)} in the mart")
    for row in hand_rows:
        expected = marts.get(row[0])
        if expected is None:
            differences.append(f"{row[0]}: missing from the mart")
            continue
        for name, hand_value, mart_value in zip(WATERFALL_COLUMNS, row[1:], expected, strict=True):
            if abs(float(hand_value or 0) - float(mart_value or 0)) >= 0.01:
                differences.append(f"{row[0]} {name}: {hand_value} by hand, {mart_value} in mart")
    return differences
