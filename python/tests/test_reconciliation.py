"""The reconciliation suite (python/reconcile.py, GX Core) on the sample build: every rule
passes; and each rule, on a copy of the warehouse where its invariant is broken on purpose,
fails with a message naming the rule and the month and account (or scope, or raw table) that
were broken. The billing tie-out warns by default and fails with severity error."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from warehouse import PROJECT_DIR, SAMPLE_DATA_DIR

ACCOUNT = "acct_wt_open_ended"  # 1,100 a month from 2023-03 through the horizon
MONTH = "2024-06-01"
WATERFALL = "main_marts.mrr_waterfall_account_months"
AT_ACCOUNT_MONTH = f"account_id = '{ACCOUNT}' and month_start = '{MONTH}'"
RULES = (
    "waterfall_identity_account_months",
    "waterfall_identity_months",
    "continuity",
    "mrr_recomputed",
    "ratios_recomputed",
    "nothing_lost",
    "billing_tieout",
)


@dataclass
class Run:
    """One reconciliation run: its exit code and printed output."""

    code: int
    output: str

    def status(self, rule: str) -> str:
        """PASS, FAIL or WARN as printed on the rule's line."""
        for line in self.output.splitlines():
            words = line.split()
            if len(words) > 1 and words[1] == rule:
                return words[0]
        raise AssertionError(f"no line for {rule} in:\n{self.output}")

    def lines_about(self, rule: str) -> list[str]:
        """The rule's status line and its offender lines."""
        return [line for line in self.output.splitlines() if rule in line.split(":")[0].split()]


@pytest.fixture(scope="module")
def reconcile():
    """reconciliation.cli.main, as python/reconcile.py runs it (python/ is on pytest's
    pythonpath)."""
    from reconciliation.cli import main

    return main


@pytest.fixture
def run(reconcile, capsys, tmp_path):
    """Run the suite in this process on a database file; the report goes to tmp_path."""

    def run_on(database: Path, *args: str) -> Run:
        report = tmp_path / "report" / "index.html"
        code = reconcile(["--database", str(database), "--report", str(report), *args])
        return Run(code, capsys.readouterr().out)

    return run_on


def broken_copy(sample_build, tmp_path: Path, *statements: str) -> Path:
    """A copy of the sample warehouse with the statements applied."""
    copy = tmp_path / "broken" / "warehouse.duckdb"
    copy.parent.mkdir()
    shutil.copy(sample_build.database, copy)
    with duckdb.connect(str(copy)) as con:
        for statement in statements:
            con.execute(statement)
    return copy


def test_every_rule_passes_on_the_sample_build(sample_build, run, tmp_path):
    result = run(sample_build.database)
    assert result.code == 0, result.output
    for rule in RULES[:-1]:
        assert result.status(rule) == "PASS", result.output
    # billing and subscriptions drift through proration: a warning, not a failure
    assert result.status("billing_tieout") == "WARN"
    assert "Reconciliation passed: 6 passed, 1 warning(s), 0 failed of 7 rules" in result.output


def test_report_lists_every_rule(sample_build, run, tmp_path):
    run(sample_build.database)
    page = (tmp_path / "report" / "index.html").read_text()
    results = json.loads((tmp_path / "report" / "validation_results.json").read_text())
    for rule in RULES:
        assert f"id='{rule}'" in page
        assert results[rule]["gx_result"]["results"], rule
    assert "<script" not in page and "http" not in page  # self-contained, opens offline


BREAKS = {
    "expansion_plus_one": (
        "waterfall_identity_account_months",
        [f"update {WATERFALL} set expansion_mrr = expansion_mrr + 1 where {AT_ACCOUNT_MONTH}"],
        [MONTH, ACCOUNT, "difference -1.00"],
    ),
    "segment_churn_plus_one": (
        "waterfall_identity_months",
        [
            "update main_marts.mrr_waterfall_months set churn_mrr = churn_mrr + 1"
            f" where month_start = '{MONTH}' and dimension_value = 'Enterprise'"
        ],
        [MONTH, "segment  Enterprise", "difference +1.00"],
    ),
    "opening_not_last_closing": (
        "continuity",
        [
            f"update {WATERFALL} set opening_mrr = opening_mrr + 1,"
            f" fx_adjustment_mrr = fx_adjustment_mrr - 1 where {AT_ACCOUNT_MONTH}"
        ],
        [MONTH, ACCOUNT, "difference +1.00"],
    ),
    "month_missing": (
        "continuity",
        [f"delete from {WATERFALL} where {AT_ACCOUNT_MONTH}"],
        ["2024-07-01", ACCOUNT, "previous month's row is missing"],
    ),
    "rows_stop_early": (
        "continuity",
        [f"delete from {WATERFALL} where account_id = '{ACCOUNT}' and month_start > '2026-08-01'"],
        ["2026-08-01", ACCOUNT, "rows stop before the horizon"],
    ),
    "mart_mrr_plus_one": (
        "mrr_recomputed",
        [f"update main_marts.mrr_account_months set mrr = mrr + 1 where {AT_ACCOUNT_MONTH}"],
        [MONTH, ACCOUNT, "difference +1.00", "mart_mrr 1,101.00", "recomputed_mrr 1,100.00"],
    ),
    "mart_row_missing": (
        "mrr_recomputed",
        [f"delete from main_marts.mrr_account_months where {AT_ACCOUNT_MONTH}"],
        [MONTH, ACCOUNT, "account-month missing from the mart", "difference -1,100.00"],
    ),
    "line_not_accepted": (
        "mrr_recomputed",
        [
            "update main_intermediate.int_subscription_items_validated"
            f" set rejection_code = 'test' where account_id = '{ACCOUNT}'"
        ],
        ["2023-03-01", ACCOUNT, "no active paid line", "difference +1,100.00"],
    ),
    "nrr_changed": (
        "ratios_recomputed",
        [
            "update main_marts.retention_months set nrr = nrr + 0.001"
            f" where month_start = '{MONTH}' and dimension = 'overall'"
        ],
        [MONTH, "overall  all  nrr", "difference +0.001"],
    ),
    "quick_ratio_nulled": (
        "ratios_recomputed",
        [
            "update main_marts.growth_ratio_months set quick_ratio = null"
            f" where month_start = '{MONTH}' and dimension_value = 'SMB'"
        ],
        [MONTH, "segment  SMB  quick_ratio", "null in the mart only"],
    ),
    "raw_account_added": (
        "nothing_lost",
        ["insert into main_billing_raw.accounts select * from main_billing_raw.accounts limit 1"],
        ["accounts", "difference +1"],
    ),
    "accepted_item_deleted": (
        "nothing_lost",
        [
            "delete from main_intermediate.int_subscription_items_validated"
            f" where account_id = '{ACCOUNT}'"
        ],
        ["subscription_items", "difference +1"],
    ),
    "quarantine_not_built": (
        "nothing_lost",
        ["drop table main_marts.billing_rejected_rows"],
        ["not available", "main_marts.billing_rejected_rows"],
    ),
}


@pytest.mark.parametrize("case", BREAKS, ids=list(BREAKS))
def test_a_broken_invariant_fails_naming_rule_month_and_account(case, sample_build, run, tmp_path):
    rule, statements, fragments = BREAKS[case]
    result = run(broken_copy(sample_build, tmp_path, *statements))
    assert result.code == 1, result.output
    assert result.status(rule) == "FAIL", result.output
    assert any(
        all(fragment in line for fragment in fragments) for line in result.lines_about(rule)
    ), f"no line about {rule} with {fragments}:\n{result.output}"
    assert "Reconciliation FAILED" in result.output


def test_billing_tieout_warns_by_default_and_fails_as_an_error(sample_build, run):
    warned = run(sample_build.database)
    assert warned.code == 0
    assert warned.status("billing_tieout") == "WARN"
    assert "account-months off (beyond +-2.0%, warning)" in warned.output
    assert len(warned.lines_about("billing_tieout")) > 1  # the worst offenders are listed
    failed = run(sample_build.database, "--tieout-severity", "error")
    assert failed.code == 1
    assert failed.status("billing_tieout") == "FAIL"


def test_billing_tieout_names_the_account_month_beyond_tolerance(sample_build, run, tmp_path):
    """Within 200% everything on the sample ties out; one account-month made 300% off is
    listed with its month and account: a warning, or a failure with severity error."""
    assert run(sample_build.database, "--tieout-tolerance", "2").status("billing_tieout") == "PASS"
    broken = broken_copy(
        sample_build,
        tmp_path,
        "update main_marts.billing_tieout_account_months set variance_pct = 3"
        f" where {AT_ACCOUNT_MONTH}",
    )
    warned = run(broken, "--tieout-tolerance", "2")
    assert warned.code == 0
    assert warned.status("billing_tieout") == "WARN"
    assert any(
        MONTH in line and ACCOUNT in line and "+300.0%" in line
        for line in warned.lines_about("billing_tieout")
    )
    failed = run(broken, "--tieout-tolerance", "2", "--tieout-severity", "error")
    assert failed.code == 1
    assert failed.status("billing_tieout") == "FAIL"


def test_nothing_lost_counts_raw_files_when_the_build_read_them(sample_build, run, tmp_path):
    """With --raw-data-path (or the dbt --vars naming raw_data_path) raw rows are counted in
    <table>.parquet, else <table>.csv; here the sample's own files, one table as Parquet."""
    raw = tmp_path / "export"
    shutil.copytree(SAMPLE_DATA_DIR, raw, ignore=shutil.ignore_patterns("*.yml"))
    with sample_build.connect() as con:
        con.sql(f"copy main_billing_raw.fx_rates to '{raw / 'fx_rates.parquet'}' (format parquet)")
    (raw / "fx_rates.csv").write_text("currency,rate_month,rate_to_reporting\n")  # Parquet wins
    assert run(sample_build.database, "--raw-data-path", str(raw)).status("nothing_lost") == "PASS"
    with (raw / "plans.csv").open("a") as plans:
        plans.write(plans_row(raw))
    result = run(sample_build.database, "--dbt-vars", f"{{raw_data_path: '{raw}'}}")
    assert result.status("nothing_lost") == "FAIL"
    assert any(
        "plans" in line and "difference +1" in line for line in result.lines_about("nothing_lost")
    )


def plans_row(raw: Path) -> str:
    """A copy of the first data row of plans.csv, newline-terminated."""
    text = (raw / "plans.csv").read_text()
    row = text.splitlines()[1]
    return ("" if text.endswith("\n") else "\n") + row + "\n"


def test_command_line_exits_1_on_a_failing_rule(sample_build, tmp_path):
    broken = broken_copy(
        sample_build, tmp_path, f"update {WATERFALL} set churn_mrr = 5 where {AT_ACCOUNT_MONTH}"
    )
    completed = subprocess.run(
        [
            sys.executable,
            str(PROJECT_DIR / "python" / "reconcile.py"),
            "--database",
            str(broken),
            "--report",
            str(tmp_path / "report.html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "FAIL  waterfall_identity_account_months" in completed.stdout
    assert (tmp_path / "report.html").exists()
