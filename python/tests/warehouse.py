"""Test tooling: build the dbt project into a scratch DuckDB file and read its marts back.

dbt runs as a subprocess with its own target folder and database file, so tests never touch
the developer's warehouse and can build several variants side by side.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
from dbt_invocation import (
    PROJECT_DIR,
    dbt_arguments,
    dbt_command,
    dbt_environment,
    dbt_executable,
)

__all__ = ["PROJECT_DIR", "dbt_executable"]  # re-exported for the tests
SAMPLE_DATA_DIR = PROJECT_DIR / "seeds" / "billing"
MART_SCHEMA = "main_marts"
MARTS = (
    "mrr_account_months",
    "mrr_account_product_months",
    "mrr_movements",
    "mrr_waterfall_account_months",
    "mrr_waterfall_months",
    "expansion_motion_months",
    "retention_months",
    "growth_ratio_months",
    "cohort_retention",
    "billing_rejected_rows",
)


@dataclass
class BuildResult:
    returncode: int
    output: str
    database: Path

    def connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.database), read_only=True)


def run_dbt(workdir: Path, *args: str, variables: dict | None = None) -> BuildResult:
    """Run one dbt command against a database file inside workdir."""
    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / "warehouse.duckdb"
    completed = subprocess.run(
        dbt_command(*args, workdir=workdir, variables=variables),
        cwd=PROJECT_DIR,
        env=dbt_environment(database, workdir),
        capture_output=True,
        text=True,
        check=False,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, database)


def copy_build(build: BuildResult, workdir: Path) -> Path:
    """A new workdir holding a copy of `build`'s warehouse, for a run_dbt over that build."""
    workdir.mkdir()
    shutil.copy(build.database, workdir / "warehouse.duckdb")
    return workdir


@dataclass
class SparkBuildResult:
    """A build on the local `spark` target: its tables are Parquet files under warehouse_path."""

    returncode: int
    output: str
    warehouse_path: Path

    def connect(self) -> duckdb.DuckDBPyConnection:
        """DuckDB views over the Parquet files Spark wrote (reconciliation.spark_warehouse)."""
        from reconciliation import spark_warehouse

        return spark_warehouse.connect(self.warehouse_path)


def run_dbt_spark(workdir: Path, *args: str) -> SparkBuildResult:
    """Run one dbt command on the local `spark` target (dbt-spark's session method, one Spark
    session for the whole command) through python/spark_local, which runs the Python models
    in that session. Spark's tables and metastore live in workdir/spark."""
    workdir.mkdir(parents=True, exist_ok=True)
    warehouse_path = workdir / "spark"
    python_dir = str(PROJECT_DIR / "python")
    env = {
        **os.environ,
        "DBT_TARGET": "spark",
        "DBT_PROJECT_DIR": str(PROJECT_DIR),
        "SPARK_WAREHOUSE_PATH": str(warehouse_path),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        "PYTHONPATH": os.pathsep.join(filter(None, [python_dir, os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "spark_local", *args, *dbt_arguments(workdir)]
    completed = subprocess.run(
        command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, check=False
    )
    return SparkBuildResult(
        completed.returncode, completed.stdout + completed.stderr, warehouse_path
    )


def read_table(con: duckdb.DuckDBPyConnection, table: str) -> list[dict]:
    relation = con.sql(f"select * from {MART_SCHEMA}.{table}")
    return [dict(zip(relation.columns, row, strict=False)) for row in relation.fetchall()]


def table_fingerprint(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    """Every row of a mart, sorted: two builds agree when their fingerprints are equal."""
    return sorted(
        con.sql(f"select * from {MART_SCHEMA}.{table}").fetchall(),
        key=lambda row: tuple((value is None, str(value)) for value in row),
    )
