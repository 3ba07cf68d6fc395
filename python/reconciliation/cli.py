"""Command line: run every reconciliation rule on a built warehouse, print one line per rule
(PASS / FAIL / WARN, what was checked, the first offending months and accounts), write the HTML
report, and exit 1 when any rule fails.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb
import yaml

from reconciliation import report, spark_warehouse
from reconciliation.rules import Options, Rule, build_rules
from reconciliation.runner import FAIL, PASS, WARN, Outcome, existing_relations, run_rules

PROJECT_DIR = Path(__file__).resolve().parents[2]
SHOWN_OFFENDERS = 3
NAMED_COLUMNS = ("table_name", "account_id", "dimension", "dimension_value", "ratio")


def default_database() -> Path:
    """$DUCKDB_PATH, else the project's revenue_warehouse.duckdb (as profiles.yml does)."""
    return Path(os.environ.get("DUCKDB_PATH") or PROJECT_DIR / "revenue_warehouse.duckdb")


def tolerance_fraction(text: str) -> float:
    """argparse type: a non-negative fraction."""
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("the tolerance is a fraction >= 0, e.g. 0.02")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line options."""
    parser = argparse.ArgumentParser(
        prog="reconcile.py", description="Reconcile the built revenue warehouse (GX Core)."
    )
    parser.add_argument("--database", type=Path, default=None, help="the DuckDB file")
    parser.add_argument(
        "--spark-warehouse",
        type=Path,
        default=None,
        help="check what the `spark` target built instead: its SPARK_WAREHOUSE_PATH folder"
        " (the tables' Parquet files are read, see reconciliation/spark_warehouse.py)",
    )
    parser.add_argument(
        "--raw-data-path",
        type=Path,
        default=None,
        help="the folder of <table>.parquet/.csv files the build read (dbt var raw_data_path)",
    )
    parser.add_argument(
        "--dbt-vars",
        default="",
        help="the --vars given to dbt build; its raw_data_path is used when set",
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=PROJECT_DIR / "target" / "reconciliation" / "index.html",
        help="where to write the HTML report",
    )
    parser.add_argument(
        "--tieout-tolerance",
        type=tolerance_fraction,
        default=0.02,
        help="billing tie-out: listed above this fraction of recurring MRR (default 0.02)",
    )
    parser.add_argument(
        "--tieout-severity",
        choices=("warning", "error"),
        default="warning",
        help="billing tie-out variances warn (default) or fail the run",
    )
    return parser.parse_args(argv)


def raw_data_path(args: argparse.Namespace) -> Path | None:
    """--raw-data-path, else raw_data_path from the dbt --vars, else None (the seeds)."""
    if args.raw_data_path:
        return args.raw_data_path
    variables = yaml.safe_load(args.dbt_vars) if args.dbt_vars.strip() else None
    value = variables.get("raw_data_path") if isinstance(variables, dict) else None
    return Path(str(value)) if value else None


def format_number(unit: str, value) -> str:
    """A detail value: text as is, counts with thousands separators, ratios to ten
    significant digits, money to the cent."""
    if value is None:
        return "null"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.10g}" if unit == "ratio" else f"{value:,.2f}"
    return str(value)


def format_tolerance(rule: Rule) -> str:
    """A rule's tolerance in its unit."""
    return f"{rule.tolerance:.1%}" if rule.unit == "fraction" else f"{rule.tolerance:g}"


def format_difference(unit: str, value: float | None) -> str:
    """A difference in its rule's unit."""
    if value is None:
        return "null"
    if unit == "rows":
        return f"{int(value):+,d}"
    if unit == "fraction":
        return f"{value:+.1%}"
    if unit == "ratio":
        return f"{value:+.3g}"
    return f"{value:+,.2f}" if abs(value) >= 0.01 or value == 0 else f"{value:+.2e}"


def describe_offender(rule: Rule, row: dict) -> str:
    """One offending row: its month (or table), account or scope, difference and detail."""
    parts = [str(row.get(column)) for column in rule.group_columns]
    notes = []
    for column in rule.detail_columns:
        value = row.get(column)
        if column in NAMED_COLUMNS:
            parts.append(str(value))
        elif column == "issue":
            notes.insert(0, str(value))
        else:
            notes.append(f"{column} {format_number(rule.unit, value)}")
    parts.append(f"difference {format_difference(rule.unit, row.get('difference'))}")
    if (row.get("rows_off") or 0) > 1:
        notes.append(f"{row['rows_off']} {rule.checked} off in this {rule.group_noun}")
    return "  ".join(parts) + (f"  ({'; '.join(notes)})" if notes else "")


def summary_line(outcome: Outcome) -> str:
    """What a rule checked and, when it did not pass, how much was off."""
    rule = outcome.rule
    if outcome.problem and not outcome.groups_checked:
        return outcome.problem
    checked = f"{outcome.rows_checked:,} {rule.checked}"
    if outcome.status == PASS:
        largest = format_difference(rule.unit, outcome.max_abs_difference)
        return f"{checked} checked, largest |difference| {largest.lstrip('+')}"
    return (
        f"{outcome.rows_off:,} of {checked} off (beyond +-{format_tolerance(rule)},"
        f" {rule.severity}), in {len(outcome.offenders)} of {outcome.groups_checked}"
        f" {rule.group_noun}s"
    )


def print_outcome(outcome: Outcome) -> None:
    """One line per rule, then the first offenders of a rule that did not pass."""
    rule = outcome.rule
    print(f"  {outcome.status}  {rule.name:<34} {summary_line(outcome)}")
    shown = outcome.offenders[:SHOWN_OFFENDERS]
    for row in shown:
        print(f"        {rule.name}: {describe_offender(rule, row)}")
    if len(outcome.offenders) > len(shown):
        print(f"        ... and {len(outcome.offenders) - len(shown)} more (see the report)")


def final_line(outcomes: list[Outcome], report_path: Path) -> str:
    """The verdict and the counts, with where the report is."""
    counts = {status: sum(o.status == status for o in outcomes) for status in (PASS, WARN, FAIL)}
    verdict = "FAILED" if counts[FAIL] else "passed"
    return (
        f"Reconciliation {verdict}: {counts[PASS]} passed, {counts[WARN]} warning(s),"
        f" {counts[FAIL]} failed of {len(outcomes)} rules. Report: {report_path}"
    )


def open_warehouse(spark_warehouse_path: Path | None, database: Path):
    """A DuckDB connection to the warehouse: the DuckDB file read-only, or views over the
    Parquet files of a Spark build."""
    if spark_warehouse_path:
        return spark_warehouse.connect(spark_warehouse_path)
    return duckdb.connect(str(database), read_only=True)


def main(argv: list[str] | None = None) -> int:
    """Run the suite; 0 when no rule fails (warnings allowed), 1 otherwise."""
    args = parse_args(argv)
    if args.spark_warehouse and args.database:
        print("reconciliation: give --database or --spark-warehouse, not both", file=sys.stderr)
        return 2
    database = args.spark_warehouse or args.database or default_database()
    if not database.exists():
        print(f"reconciliation: no warehouse at {database}: build it first", file=sys.stderr)
        return 1
    options = Options(raw_data_path(args), args.tieout_tolerance, args.tieout_severity)
    try:
        connection = open_warehouse(args.spark_warehouse, database)
    except FileNotFoundError as error:
        print(f"reconciliation: {error}", file=sys.stderr)
        return 1
    with connection as con:
        existing = existing_relations(con)
        rules = build_rules(existing, options)
        print(f"Reconciliation (Great Expectations) of {database}")
        outcomes = run_rules(con, rules, existing)
    for outcome in outcomes:
        print_outcome(outcome)
    report.write(args.report, outcomes, database, options)
    print(final_line(outcomes, args.report))
    return 1 if any(outcome.status == FAIL for outcome in outcomes) else 0
