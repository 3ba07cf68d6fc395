"""The warehouse built other ways than the default: from a user's own files (raw_data_path),
twice over, and under the prior_month expansion basis. Each must give exactly the marts the
definitions call for."""

from __future__ import annotations

import shutil
from decimal import Decimal

import duckdb
import pytest
import reference_metrics
from warehouse import MARTS, SAMPLE_DATA_DIR, copy_build, run_dbt, table_fingerprint

PARQUET_TABLES = ("subscription_items", "plans", "fx_rates", "usage_daily")


def fingerprints(build):
    with build.connect() as con:
        return {mart: table_fingerprint(con, mart) for mart in MARTS}


@pytest.fixture(scope="module")
def sample_fingerprints(sample_build):
    return fingerprints(sample_build)


def test_raw_data_path_parquet_and_csv_give_the_seed_marts(
    tmp_path, sample_build, sample_fingerprints
):
    """A user's export: some tables as typed Parquet, the rest as CSV, an optional table absent
    (seat_activity feeds no revenue mart): the marts equal the seed build's, row for row."""
    raw = tmp_path / "export"
    raw.mkdir()
    with sample_build.connect() as con:
        for table in PARQUET_TABLES:
            con.sql(f"copy main_billing_raw.{table} to '{raw / table}.parquet' (format parquet)")
    for csv_file in SAMPLE_DATA_DIR.glob("*.csv"):
        if csv_file.stem not in PARQUET_TABLES and csv_file.stem != "seat_activity":
            shutil.copy(csv_file, raw / csv_file.name)
    result = run_dbt(tmp_path / "build", "build", variables={"raw_data_path": str(raw)})
    assert result.returncode == 0, result.output[-4000:]
    assert fingerprints(result) == sample_fingerprints
    with result.connect() as con:
        seat_rows = con.sql("select count(*) from main_staging.stg_billing__seat_activity")
        assert seat_rows.fetchall() == [(0,)]


def test_missing_required_table_names_the_files_looked_for(tmp_path):
    raw = tmp_path / "export"
    shutil.copytree(SAMPLE_DATA_DIR, raw)
    (raw / "accounts.csv").unlink()
    result = run_dbt(tmp_path / "build", "run", variables={"raw_data_path": str(raw)})
    assert result.returncode != 0
    assert "required billing table 'accounts' not found" in result.output
    assert f"{raw}/accounts.parquet or {raw}/accounts.csv" in result.output


@pytest.mark.parametrize("extra_args", [(), ("--full-refresh",)], ids=["again", "full_refresh"])
def test_building_again_gives_identical_marts(
    tmp_path, sample_build, sample_fingerprints, extra_args
):
    """Idempotence: a second build over the first, plain or --full-refresh, changes no row of
    any mart (table contents compared, not row counts)."""
    result = run_dbt(copy_build(sample_build, tmp_path / "again"), "build", *extra_args)
    assert result.returncode == 0, result.output[-4000:]
    assert fingerprints(result) == sample_fingerprints


def test_prior_month_basis_matches_the_reference(tmp_path):
    """ChartMogul-compatible figures: no recovery, every gain is expansion."""
    result = run_dbt(tmp_path / "build", "build", variables={"expansion_basis": "prior_month"})
    assert result.returncode == 0, result.output[-4000:]
    reference = reference_metrics.compute(
        reference_metrics.load_raw(SAMPLE_DATA_DIR), expansion_basis="prior_month"
    )
    with duckdb.connect(str(result.database), read_only=True) as con:
        rows = con.sql(
            "select account_id, month_start, expansion_mrr, recovery_mrr, closing_mrr "
            "from main_marts.mrr_waterfall_account_months"
        ).fetchall()
    assert len(rows) == len(reference.waterfall)
    for account_id, month, expansion, recovery, closing in rows:
        expected = reference.waterfall[(account_id, month)]
        assert recovery == 0
        assert abs(expansion - expected["expansion"]) <= Decimal("0.01"), (account_id, month)
        assert abs(closing - expected["closing"]) <= Decimal("0.01"), (account_id, month)
