"""The MetricFlow semantic layer gives the marts' figures: `mf query` (the CLI the README shows)
on the sample build, compared with the marts to the cent (amounts) and to 1e-8 (ratios), by
month and by segment, region, cohort, product and motion; and the README's mf examples run."""

from __future__ import annotations

import csv
import os
import re
import shlex
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from warehouse import MART_SCHEMA, PROJECT_DIR, dbt_executable

CENT = 0.005  # half a cent: amounts agree to the cent
RATIO = 1e-8
AMOUNTS = (
    "opening_mrr",
    "fx_adjustment_mrr",
    "new_mrr",
    "reactivation_mrr",
    "expansion_mrr",
    "recovery_mrr",
    "contraction_mrr",
    "churn_mrr",
)
REQUIRED_METRICS = {
    "mrr",
    "arr",
    "new_mrr",
    "expansion_mrr",
    "contraction_mrr",
    "churn_mrr",
    "reactivation_mrr",
    "expansion_by_motion",
    "nrr",
    "grr",
    "quick_ratio",
    "arpa",
    "active_accounts",
}


def mf_executable() -> str:
    candidate = Path(sys.executable).with_name("mf")
    return str(candidate) if candidate.exists() else "mf"


@pytest.fixture(scope="module")
def mf_env(sample_build):
    """The environment `./warehouse mf` sets, pointed at the sample build. mf reads the
    project's target/semantic_manifest.json, so the project is parsed first, as the
    warehouse script does."""
    env = {
        **os.environ,
        "DBT_PROJECT_DIR": str(PROJECT_DIR),
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        "DUCKDB_PATH": str(sample_build.database),
    }
    parsed = subprocess.run(
        [dbt_executable(), "parse", "--quiet"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert parsed.returncode == 0, parsed.stdout + parsed.stderr
    assert (PROJECT_DIR / "target" / "semantic_manifest.json").exists()
    return env


def run_mf(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [mf_executable(), *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def mf_query(env, tmp_path, metrics: list[str], group_by: list[str]) -> list[dict]:
    """Rows of `mf query` (written as CSV), values parsed: dates, numbers, nulls."""
    output = tmp_path / f"{'_'.join(metrics)[:60]}_{len(group_by)}.csv"
    completed = run_mf(
        env,
        "query",
        "--metrics",
        ",".join(metrics),
        "--group-by",
        ",".join(group_by),
        "--csv",
        str(output),
        "--quiet",
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    with output.open() as handle:
        rows = list(csv.DictReader(handle))
    assert rows, f"mf returned no rows for {metrics} by {group_by}"
    return [{key: parse(key, value) for key, value in row.items()} for row in rows]


def parse(key: str, value: str):
    if value == "":
        return None
    if key.startswith("metric_time") or key.endswith("__month"):
        return date.fromisoformat(value[:10])
    try:
        return float(value)
    except ValueError:
        return value


def mart(con, sql: str) -> list[dict]:
    relation = con.sql(sql)
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


def assert_close(actual, expected, tolerance: float, where: str):
    if expected is None or actual is None:
        assert actual is None and expected is None, f"{where}: mf {actual}, mart {expected}"
        return
    difference = abs(float(actual) - float(Decimal(expected)))
    assert difference <= tolerance, f"{where}: mf {actual}, mart {expected}"


def compare(mf_rows, mart_rows, keys, columns: dict[str, tuple[str, float]]):
    """Every mart row has its mf row and the same figures; no mf row is extra."""
    by_key = {tuple(row[k] for k, _ in keys): row for row in mf_rows}
    assert len(by_key) == len(mf_rows)
    assert {tuple(row[m] for _, m in keys) for row in mart_rows} == set(by_key)
    for row in mart_rows:
        key = tuple(row[m] for _, m in keys)
        for metric, (column, tolerance) in columns.items():
            assert_close(by_key[key][metric], row[column], tolerance, f"{metric} at {key}")


def test_required_metrics_are_defined(mf_env):
    listed = run_mf(mf_env, "list", "metrics")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    names = set(re.findall(r"^•\s*(\w+)", listed.stdout, re.MULTILINE))
    assert names >= REQUIRED_METRICS, REQUIRED_METRICS - names


def test_monthly_metrics_equal_the_marts(mf_env, sample_build, tmp_path):
    metrics = [
        "mrr",
        "arr",
        *AMOUNTS,
        "active_accounts",
        "nrr",
        "grr",
        "quick_ratio",
        "expansion_rate",
        "arpa",
    ]
    rows = mf_query(mf_env, tmp_path, metrics, ["metric_time__month"])
    with sample_build.connect() as con:
        expected = mart(
            con,
            f"""
            select waterfall.*, waterfall.closing_mrr * 12 as closing_arr,
                   retention.nrr, retention.grr, growth.quick_ratio, growth.expansion_rate,
                   growth.arpa, growth.active_accounts,
                   (select sum(arr) from {MART_SCHEMA}.mrr_account_months as account_months
                    where account_months.month_start = waterfall.month_start) as account_arr
            from {MART_SCHEMA}.mrr_waterfall_months as waterfall
            inner join {MART_SCHEMA}.retention_months as retention
                using (month_start, dimension, dimension_value)
            inner join {MART_SCHEMA}.growth_ratio_months as growth
                using (month_start, dimension, dimension_value)
            where waterfall.dimension = 'overall'
            """,
        )
    assert len(expected) == 45
    columns = {
        "mrr": ("closing_mrr", CENT),
        "arr": ("closing_arr", CENT),
        "active_accounts": ("closing_accounts", 0),
        "nrr": ("nrr", RATIO),
        "grr": ("grr", RATIO),
        "quick_ratio": ("quick_ratio", RATIO),
        "expansion_rate": ("expansion_rate", RATIO),
        "arpa": ("arpa", CENT),
    }
    columns |= {amount: (amount, CENT) for amount in AMOUNTS}
    compare(rows, expected, [("metric_time__month", "month_start")], columns)
    compare(rows, expected, [("metric_time__month", "month_start")], {"arr": ("account_arr", CENT)})
    compare(
        rows,
        expected,
        [("metric_time__month", "month_start")],
        {"active_accounts": ("active_accounts", 0)},
    )


def test_segment_metrics_equal_the_marts(mf_env, sample_build, tmp_path):
    metrics = [
        "mrr",
        *AMOUNTS,
        "nrr",
        "grr",
        "quick_ratio",
        "expansion_rate",
        "arpa",
        "active_accounts",
    ]
    rows = mf_query(mf_env, tmp_path, metrics, ["metric_time__month", "account_month__segment"])
    with sample_build.connect() as con:
        expected = mart(
            con,
            f"""
            select waterfall.*, retention.nrr, retention.grr, growth.quick_ratio,
                   growth.expansion_rate, growth.arpa, growth.active_accounts
            from {MART_SCHEMA}.mrr_waterfall_months as waterfall
            inner join {MART_SCHEMA}.retention_months as retention
                using (month_start, dimension, dimension_value)
            inner join {MART_SCHEMA}.growth_ratio_months as growth
                using (month_start, dimension, dimension_value)
            where waterfall.dimension = 'segment'
            """,
        )
    assert {row["dimension_value"] for row in expected} >= {"SMB", "Mid-Market", "Enterprise"}
    columns = {
        "mrr": ("closing_mrr", CENT),
        "nrr": ("nrr", RATIO),
        "grr": ("grr", RATIO),
        "quick_ratio": ("quick_ratio", RATIO),
        "expansion_rate": ("expansion_rate", RATIO),
        "arpa": ("arpa", CENT),
        "active_accounts": ("active_accounts", 0),
    }
    columns |= {amount: (amount, CENT) for amount in AMOUNTS}
    keys = [("metric_time__month", "month_start"), ("account_month__segment", "dimension_value")]
    compare(rows, expected, keys, columns)


def test_region_metrics_equal_the_marts(mf_env, sample_build, tmp_path):
    rows = mf_query(
        mf_env, tmp_path, ["mrr", *AMOUNTS], ["metric_time__month", "account_month__region"]
    )
    with sample_build.connect() as con:
        expected = mart(
            con, f"select * from {MART_SCHEMA}.mrr_waterfall_months where dimension = 'region'"
        )
    columns = {"mrr": ("closing_mrr", CENT)} | {amount: (amount, CENT) for amount in AMOUNTS}
    keys = [("metric_time__month", "month_start"), ("account_month__region", "dimension_value")]
    compare(rows, expected, keys, columns)


def test_cohort_mrr_equals_cohort_retention(mf_env, sample_build, tmp_path):
    rows = mf_query(
        mf_env,
        tmp_path,
        ["mrr", "active_accounts"],
        ["metric_time__month", "account_month__cohort_month__month"],
    )
    with sample_build.connect() as con:
        expected = mart(con, f"select * from {MART_SCHEMA}.cohort_retention")
    keys = [
        ("metric_time__month", "month_start"),
        ("account_month__cohort_month__month", "cohort_month"),
    ]
    compare(
        rows,
        expected,
        keys,
        {"mrr": ("cohort_mrr", CENT), "active_accounts": ("active_accounts", 0)},
    )


def test_product_metrics_equal_the_marts(mf_env, sample_build, tmp_path):
    """Product MRR and each waterfall component per product (movements by type and product)."""
    mrr_rows = mf_query(
        mf_env, tmp_path, ["product_mrr"], ["metric_time__month", "product_month__product_id"]
    )
    movement_rows = mf_query(
        mf_env,
        tmp_path,
        ["movement_mrr"],
        ["metric_time__month", "movement__product_id", "movement__movement_type"],
    )
    with sample_build.connect() as con:
        expected = mart(
            con, f"select * from {MART_SCHEMA}.mrr_waterfall_months where dimension = 'product'"
        )
    keys = [("metric_time__month", "month_start"), ("product_month__product_id", "dimension_value")]
    compare(mrr_rows, expected, keys, {"product_mrr": ("closing_mrr", CENT)})
    movements = {
        (
            row["metric_time__month"],
            row["movement__product_id"],
            row["movement__movement_type"],
        ): row["movement_mrr"]
        for row in movement_rows
    }
    checked = 0
    for row in expected:
        for amount in AMOUNTS[1:]:
            movement_type = amount.removesuffix("_mrr")
            key = (row["month_start"], row["dimension_value"], movement_type)
            value = movements.pop(key, 0.0)
            assert_close(value, row[amount], CENT, f"{amount} at {key}")
            checked += value != 0
    assert movements == {}
    assert checked > 100


def test_expansion_by_motion_equals_the_mart(mf_env, sample_build, tmp_path):
    metrics = ["expansion_by_motion", "recovery_by_motion", "contraction_by_motion"]
    rows = mf_query(mf_env, tmp_path, metrics, ["metric_time__month", "movement__motion"])
    found = {(row["metric_time__month"], row["movement__motion"]): row for row in rows}
    with sample_build.connect() as con:
        expected = mart(con, f"select * from {MART_SCHEMA}.expansion_motion_months")
    nonzero = 0
    for row in expected:
        key = (row["month_start"], row["motion"])
        mf_row = found.pop(key, {})
        for metric, column in zip(
            metrics, ("expansion_mrr", "recovery_mrr", "contraction_mrr"), strict=True
        ):
            assert_close(mf_row.get(metric) or 0.0, row[column], CENT, f"{metric} at {key}")
        nonzero += bool(mf_row)
    assert found == {}  # mf has no motion-month the mart lacks
    assert nonzero > 50


def test_levels_roll_up_to_the_last_month_of_a_quarter(mf_env, sample_build, tmp_path):
    """MRR and active accounts are month-end levels: a quarter shows its last month, while
    flows (new MRR) add up over the quarter's months."""
    rows = mf_query(
        mf_env, tmp_path, ["mrr", "active_accounts", "new_mrr"], ["metric_time__quarter"]
    )
    with sample_build.connect() as con:
        expected = mart(
            con,
            f"""
            select cast(date_trunc('quarter', month_start) as date) as quarter_start,
                   arg_max(closing_mrr, month_start) as last_mrr,
                   arg_max(closing_accounts, month_start) as last_accounts,
                   sum(new_mrr) as new_mrr
            from {MART_SCHEMA}.mrr_waterfall_months
            where dimension = 'overall'
            group by 1
            """,
        )
    keys = [("metric_time__quarter", "quarter_start")]
    compare(
        rows,
        expected,
        keys,
        {
            "mrr": ("last_mrr", CENT),
            "active_accounts": ("last_accounts", 0),
            "new_mrr": ("new_mrr", CENT),
        },
    )


def readme_mf_commands() -> list[str]:
    readme = (PROJECT_DIR / "README.md").read_text()
    return [
        line.split("  #")[0].strip()
        for line in readme.splitlines()
        if line.startswith("./warehouse mf ")
    ]


def test_readme_mf_examples_run(mf_env):
    """Each `./warehouse mf ...` line of the README runs (as the warehouse script runs mf) and
    prints the metrics it asks for."""
    commands = readme_mf_commands()
    assert len(commands) >= 4
    for command in commands:
        arguments = shlex.split(command)[2:]
        completed = run_mf(mf_env, *arguments)
        assert completed.returncode == 0, f"{command}\n{completed.stdout}{completed.stderr}"
        if "--metrics" in arguments:
            for metric in arguments[arguments.index("--metrics") + 1].split(","):
                assert metric in completed.stdout, f"{command}: no {metric} column"
