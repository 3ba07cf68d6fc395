"""The scalable workload generator: deterministic, contract-shaped, and buildable.

Generates small workloads (a few hundred accounts over two years) with
`python/generate_workload.py`'s library and checks byte-identical output for a seed, the
exact contract columns of every table, and a full `dbt build` of the warehouse from them.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from warehouse import MART_SCHEMA, PROJECT_DIR, run_dbt

CONTRACT = PROJECT_DIR / "macros" / "billing_contract.sql"


@pytest.fixture(scope="module")
def workload():
    """The workload package (python/, on pytest's pythonpath)."""
    import workload as package

    return package


def write(
    workload, out: Path, accounts: int, months: int, seed: int = 42, activity_share: float = 0.1
) -> Path:
    """Generate a workload into `out` without a progress bar; return the folder."""
    spec = workload.WorkloadSpec(
        accounts=accounts, months=months, seed=seed, activity_share=activity_share
    )
    workload.generate(spec, out, memory_limit="1GB", progress=None)
    return out


def contract_columns() -> dict[str, list[str]]:
    """Each contract table's columns, in order, read from the billing_contract macro."""
    text = CONTRACT.read_text(encoding="utf-8")
    tables = {}
    table_pattern = (
        r'"(\w+)": \{"required": \w+,(?: "keyless": \w+,)?(?:\s+"row_key": \[[^\]]*\],)?'
        r' "columns": \[(.*?)\]\}'
    )
    for match in re.finditer(table_pattern, text, re.S):
        tables[match.group(1)] = re.findall(r'\("(\w+)", "\w+"\)', match.group(2))
    return tables


def test_same_seed_gives_identical_files_and_another_seed_differs(workload, tmp_path):
    first = write(workload, tmp_path / "first", 200, 24)
    second = write(workload, tmp_path / "second", 200, 24)
    other = write(workload, tmp_path / "other", 200, 24, seed=7)
    for table in workload.TABLES:
        name = f"{table}.parquet"
        assert (first / name).read_bytes() == (second / name).read_bytes(), table
    assert (first / "subscription_items.parquet").read_bytes() != (
        other / "subscription_items.parquet"
    ).read_bytes()


def test_every_table_has_exactly_the_contract_columns(workload, tmp_path):
    out = write(workload, tmp_path / "contract", 100, 12, activity_share=0.5)
    expected = contract_columns()
    assert set(expected) == set(workload.TABLES)
    con = duckdb.connect()
    for table, columns in expected.items():
        reader = f"read_parquet('{out / table}.parquet')"
        described = con.execute(f"describe select * from {reader}").fetchall()
        assert [row[0] for row in described] == columns, table
        assert con.execute(f"select count(*) from {reader}").fetchone()[0] > 0, table


def test_the_warehouse_builds_from_a_workload(workload, tmp_path):
    out = write(workload, tmp_path / "raw", 300, 24)
    result = run_dbt(
        tmp_path / "build",
        "build",
        variables={"raw_data_path": str(out), "max_quarantined_share": 1},
    )
    assert result.returncode == 0, result.output[-6000:]
    with result.connect() as con:
        errors = con.execute(
            f"select table_name, reason_code, count(*) from {MART_SCHEMA}.billing_rejected_rows"
            " where is_error group by all"
        ).fetchall()
        assert errors == []
        with_mrr = con.execute(
            f"select count(distinct account_id) from {MART_SCHEMA}.mrr_account_months where mrr > 0"
        ).fetchone()[0]
    assert with_mrr > 0.6 * 300
