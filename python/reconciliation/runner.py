"""Runs the rules: DuckDB computes each rule's small frame, Great Expectations validates it.

Why this split. GX's SQL datasource cannot be used on DuckDB: through duckdb-engine it fetches
rows after closing the connection and every expectation errors on an empty result (GX issues
#11579, #10738). Pulling the marts into a pandas datasource instead would copy whole tables out
of the engine, and DECIMAL arrives as float64 anyway. So each rule's query runs inside DuckDB
and reduces the warehouse to one row per month (per raw table for row counts) holding the
worst difference and the account or scope it occurs on; GX validates those frames through an
ephemeral context's pandas datasource: the difference is not null and within the rule's
tolerance, and the frame is not empty. result_format COMPLETE with
unexpected_index_column_names returns the month, account and detail of every failing row, so
the message names the rule, the month and the account from GX's own result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd
from great_expectations.data_context.types.base import ProgressBarsConfig

from reconciliation.rules import Rule

PASS, FAIL, WARN = "PASS", "FAIL", "WARN"


@dataclass
class Outcome:
    """A rule's result: its status, what was checked, and the offending rows GX reported."""

    rule: Rule
    status: str
    groups_checked: int = 0
    rows_checked: int = 0
    rows_off: int = 0
    max_abs_difference: float | None = None
    offenders: list[dict] = field(default_factory=list)
    problem: str | None = None  # why the rule could not be evaluated
    gx_result: dict | None = None


def existing_relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every table and view of the warehouse as 'schema.name'."""
    rows = con.sql("select table_schema, table_name from information_schema.tables").fetchall()
    return {f"{schema}.{name}" for schema, name in rows}


def gx_context():
    """An ephemeral GX context (nothing written, no network) without progress bars."""
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def expectations(rule: Rule) -> list:
    """The frame is not empty; every group's worst difference is present and in tolerance."""
    return [
        gxe.ExpectTableRowCountToBeBetween(min_value=1, meta={"rule": rule.name}),
        gxe.ExpectColumnValuesToNotBeNull(column="difference", meta={"rule": rule.name}),
        gxe.ExpectColumnValuesToBeBetween(
            column="difference",
            min_value=-rule.tolerance,
            max_value=rule.tolerance,
            meta={"rule": rule.name},
        ),
    ]


class Validator:
    """One GX context and pandas datasource; one asset, suite and validation definition per
    rule, each run on the rule's frame."""

    def __init__(self) -> None:
        self.context = gx_context()
        self.source = self.context.data_sources.add_pandas("reconciliation")

    def validate(self, rule: Rule, frame: pd.DataFrame):
        """Validate one rule's frame; returns GX's ExpectationSuiteValidationResult."""
        batch = self.source.add_dataframe_asset(rule.name).add_batch_definition_whole_dataframe(
            rule.name
        )
        suite = self.context.suites.add(
            gx.ExpectationSuite(name=rule.name, expectations=expectations(rule))
        )
        definition = self.context.validation_definitions.add(
            gx.ValidationDefinition(name=rule.name, data=batch, suite=suite)
        )
        return definition.run(
            batch_parameters={"dataframe": frame},
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": rule.index_columns,
            },
        )


def offenders(rule: Rule, result) -> list[dict]:
    """The failing rows GX reported (index columns and difference), one per group, in month
    order, or largest |difference| first for a rule that lists its worst offenders."""
    rows: dict[tuple, dict] = {}
    for expectation in result.results:
        if expectation.success:
            continue
        for row in expectation.result.get("unexpected_index_list") or []:
            key = tuple(row.get(column) for column in rule.group_columns)
            rows.setdefault(key, {"difference": None}).update(row)
    ordered = [plain(row) for _, row in sorted(rows.items(), key=lambda item: str(item[0]))]
    if rule.worst_first:
        ordered.sort(key=lambda row: -abs(row["difference"] or 0))
    return ordered


def plain(row: dict) -> dict:
    """Numpy scalars and NaN as plain Python values."""
    values = {}
    for key, value in row.items():
        if hasattr(value, "item"):
            value = value.item()
        if isinstance(value, float) and value != value:
            value = None
        values[key] = value
    return values


def not_available(missing: list[str]) -> str:
    """Why a rule could not run: the relations it needs that the warehouse does not have."""
    shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
    return f"not available: the warehouse has no {shown} (not built?)"


def status_of(rule: Rule, success: bool) -> str:
    """PASS, or FAIL / WARN by the rule's severity."""
    if success:
        return PASS
    return WARN if rule.severity == "warning" else FAIL


def run_rule(con: duckdb.DuckDBPyConnection, validator: Validator, rule: Rule, existing: set[str]):
    """Compute one rule's frame in DuckDB and validate it with GX."""
    missing = [relation for relation in rule.requires if relation not in existing]
    if missing:
        return Outcome(rule, FAIL, problem=not_available(missing))
    try:
        frame = con.sql(rule.query).df()
    except duckdb.Error as error:
        return Outcome(rule, FAIL, problem=f"could not run: {str(error).splitlines()[0]}")
    result = validator.validate(rule, frame)
    differences = frame["difference"].abs()
    return Outcome(
        rule,
        status_of(rule, result.success),
        problem=None if len(frame) else "nothing to check: the warehouse has no rows for it",
        groups_checked=len(frame),
        rows_checked=int(frame["rows_checked"].sum()),
        rows_off=int(frame["rows_off"].sum()),
        max_abs_difference=None if differences.isna().all() else float(differences.max()),
        offenders=offenders(rule, result),
        gx_result=result.to_json_dict(),
    )


def run_rules(con: duckdb.DuckDBPyConnection, rules: list[Rule], existing: set[str]):
    """Every rule's outcome, in order."""
    validator = Validator()
    return [run_rule(con, validator, rule, existing) for rule in rules]
