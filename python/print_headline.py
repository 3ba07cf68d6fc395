"""Prints the headline figures of the last reported month after `./warehouse build`, read from
the marts (nothing is computed here), so the main job's output shows the result at a glance."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb

PROJECT_DIR = Path(__file__).resolve().parents[1]


def database_path() -> Path:
    default = Path(os.environ.get("DBT_PROJECT_DIR", PROJECT_DIR)) / "revenue_warehouse.duckdb"
    return Path(os.environ.get("DUCKDB_PATH", default))


def spark_warehouse_path() -> Path:
    default = Path(os.environ.get("DBT_PROJECT_DIR", PROJECT_DIR)) / "spark-warehouse"
    return Path(os.environ.get("SPARK_WAREHOUSE_PATH", default))


def connect() -> duckdb.DuckDBPyConnection:
    """The DuckDB file, or with DBT_TARGET=spark what the local Spark target wrote (its
    tables' Parquet files, reconciliation/spark_warehouse.py)."""
    if os.environ.get("DBT_TARGET") == "spark":
        from reconciliation import spark_warehouse

        return spark_warehouse.connect(spark_warehouse_path())
    return duckdb.connect(str(database_path()), read_only=True)


def money(value) -> str:
    return "n/a" if value is None else f"{value:,.2f}"


def percent(value) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def main() -> int:
    spark = os.environ.get("DBT_TARGET") == "spark"
    path = spark_warehouse_path() if spark else database_path()
    if not path.exists():
        command = "./warehouse spark build" if spark else "./warehouse build"
        print(f"no warehouse at {path}: run {command} first", file=sys.stderr)
        return 1
    with connect() as con:
        waterfall = con.sql(
            "select * from main_marts.mrr_waterfall_months "
            "where dimension = 'overall' order by month_start desc limit 1"
        )
        row = dict(zip(waterfall.columns, waterfall.fetchall()[0], strict=True))
        retention = con.sql(
            "select nrr, grr, t12m_nrr, t12m_grr from main_marts.retention_months "
            "where dimension = 'overall' and month_start = ?",
            params=[row["month_start"]],
        ).fetchall()[0]
    print()
    print(f"Revenue warehouse: {row['month_start']:%B %Y} (last complete month)")
    print(f"  MRR {money(row['closing_mrr'])}   ARR {money(12 * row['closing_mrr'])}")
    print(f"  active accounts {row['closing_accounts']}")
    print(
        f"  opening {money(row['opening_mrr'])}  fx {money(row['fx_adjustment_mrr'])}"
        f"  new {money(row['new_mrr'])}  reactivation {money(row['reactivation_mrr'])}"
    )
    print(
        f"  expansion {money(row['expansion_mrr'])}  recovery {money(row['recovery_mrr'])}"
        f"  contraction {money(row['contraction_mrr'])}  churn {money(row['churn_mrr'])}"
    )
    print(
        f"  NRR {percent(retention[0])}  GRR {percent(retention[1])}"
        f"  trailing-12-month NRR {percent(retention[2])}  GRR {percent(retention[3])}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
