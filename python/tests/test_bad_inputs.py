"""The bad-input catalogue: malformed billing exports, and what the warehouse does with each.

A small hand-made export lives in `fixtures/bad_inputs/base/` (six accounts, USD and EUR, a usage
plan, January 2024 to June 2025). Each folder under `fixtures/bad_inputs/cases/` holds only the
changes one case makes to it:

- `<table>.csv`: rows appended to that table. The first column, `expected_reason`, is the
  contract's reason code the row must be quarantined with, or empty for a row that must be
  accepted (the valid-but-odd cases: zero price, 100% discount, ...). It is stripped before the
  export is written.
- `case.toml`: `description`; optionally `build = "own"` (a build of its own instead of the
  shared one), `remove_rows` (base rows to leave out, by row key), `drop_tables`,
  `drop_columns`, `append_lines` (raw text lines, for files that are not valid CSV),
  `[[expected]]` (quarantined base rows: table, row_key, reason_code), `[[reason_mentions]]`
  (text the reason of a row must contain), `error` (the build must stop, its output holding
  every one of these substrings; `{raw}` stands for the export folder, and no MRR mart may be
  built) and `command = "build"` (run `dbt build`, data tests included, instead of `dbt run`).

Cases that cannot interfere (each has its own ids, accounts and currencies) are built together in
one export; errors and cases that change base rows get their own. For every case the test checks
(1) billing_rejected_rows holds exactly the expected rows for the case's row keys, with is_error
false only for the expected kinds (and the base contributes none); (2) for every table, raw rows
= accepted + quarantined; (3) mrr_account_months and mrr_waterfall_account_months equal the
independent reference computed from the accepted rows only.
"""

from __future__ import annotations

import csv
import functools
import tomllib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
import reference_metrics
from warehouse import BuildResult, run_dbt

FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures" / "bad_inputs"
BASE_DIR = FIXTURES_DIR / "base"
CASES_DIR = FIXTURES_DIR / "cases"
EXPECTED_COLUMN = "expected_reason"
SHARED_BUILD = "shared"
PARALLEL_BUILDS = 3
# What the catalogue checks, and everything it is built from (unrelated marts are left out).
SELECTION = ("+billing_rejected_rows", "+mrr_account_months", "+mrr_waterfall_account_months")
CENT = Decimal("0.01")

# The columns whose values, joined with '|', are a row's row_key in billing_rejected_rows.
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "accounts": ("account_id",),
    "products": ("product_id",),
    "plans": ("plan_id",),
    "subscription_items": ("subscription_item_id",),
    "usage_daily": ("account_id", "subscription_id", "usage_metric", "usage_date"),
    "seat_activity": ("account_id", "activity_date"),
    "features": ("feature_id",),
    "feature_usage": ("account_id", "feature_id", "usage_date"),
    "invoice_lines": ("invoice_line_id",),
    "fx_rates": ("currency", "rate_month"),
}
REASON_CODES = (
    "null_key",
    "duplicate_key",
    "duplicate_row",
    "superseded_version",
    "missing_required_value",
    "unknown_account",
    "unknown_plan",
    "unknown_product",
    "unknown_feature",
    "invalid_period",
    "negative_quantity",
    "negative_amount",
    "invalid_discount",
    "invalid_billing_interval",
    "invalid_pricing_model",
    "invalid_fx_rate",
    "unknown_currency",
    "missing_fx_rate",
    "overlapping_version",
    "far_future_date",
    "invalid_line_type",
)
# Expected, not errors: the contract says which copy or version wins.
NOT_ERRORS = frozenset({"superseded_version", "duplicate_row"})
WATERFALL_COLUMNS = {
    "opening": "opening_mrr",
    "opening_cc": "opening_mrr_cc",
    "fx_adjustment": "fx_adjustment_mrr",
    "new": "new_mrr",
    "reactivation": "reactivation_mrr",
    "expansion": "expansion_mrr",
    "recovery": "recovery_mrr",
    "contraction": "contraction_mrr",
    "churn": "churn_mrr",
    "closing": "closing_mrr",
    "prior_peak": "prior_peak_mrr",
}


# --------------------------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------------------------


NULL_RENDERINGS = frozenset({"", "(null)", "null"})


def normalise_key(row_key: str | None) -> str:
    """A row key with its null parts left out, so that however a null part is rendered ('',
    '(null)', 'null' or a null key) 'a|(null)|c', 'a||c' and 'a|c' compare equal."""
    parts = (row_key or "").split("|")
    return "|".join(part for part in parts if part.lower() not in NULL_RENDERINGS)


def row_key(table: str, row: dict[str, str]) -> str:
    """The normalised row_key of a raw row (its key columns joined with '|')."""
    return normalise_key("|".join(row.get(column) or "" for column in KEY_COLUMNS[table]))


@dataclass(frozen=True, order=True)
class Rejection:
    """One expected or actual row of billing_rejected_rows."""

    table: str
    row_key: str
    reason_code: str
    is_error: bool


def expected_rejection(table: str, key: str, reason_code: str) -> Rejection:
    """The rejection the contract calls for: is_error is false only for the expected kinds."""
    return Rejection(table, normalise_key(key), reason_code, reason_code not in NOT_ERRORS)


@dataclass
class Case:
    """One malformed-input case: the rows it appends and what the build must do with them."""

    name: str
    description: str
    build: str
    rows: dict[str, list[dict[str, str]]]
    command: str = "run"
    error: tuple[str, ...] = ()
    remove_rows: dict[str, list[str]] = field(default_factory=dict)
    drop_tables: tuple[str, ...] = ()
    drop_columns: dict[str, list[str]] = field(default_factory=dict)
    append_lines: dict[str, list[str]] = field(default_factory=dict)
    expected_base: tuple[Rejection, ...] = ()
    reason_mentions: tuple[tuple[str, str, str], ...] = ()

    @property
    def expected(self) -> list[Rejection]:
        """Every row of billing_rejected_rows this case must produce, sorted."""
        appended = [
            expected_rejection(table, row_key(table, row), row[EXPECTED_COLUMN])
            for table, rows in self.rows.items()
            for row in rows
            if row[EXPECTED_COLUMN]
        ]
        return sorted([*appended, *self.expected_base])

    @property
    def keys(self) -> set[tuple[str, str]]:
        """The (table, row_key) of every row the case adds or expects quarantined."""
        keys = {(table, row_key(table, row)) for table, rows in self.rows.items() for row in rows}
        return keys | {(rejection.table, rejection.row_key) for rejection in self.expected_base}


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV file, every value as text ('' = null)."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def load_case(folder: Path) -> Case:
    """Read one case folder: its case.toml and its <table>.csv files of rows to append."""
    spec = tomllib.loads((folder / "case.toml").read_text(encoding="utf-8"))
    rows = {}
    for path in sorted(folder.glob("*.csv")):
        header, table_rows = read_csv(path)
        base_header, _ = read_csv(BASE_DIR / path.name)
        assert header == [EXPECTED_COLUMN, *base_header], (
            f"{path}: header must be {EXPECTED_COLUMN}, then the base columns"
        )
        rows[path.stem] = table_rows
    error = tuple(spec.get("error", ()))
    return Case(
        name=folder.name,
        description=spec["description"],
        build=folder.name if error or spec.get("build") == "own" else SHARED_BUILD,
        rows=rows,
        command=spec.get("command", "run"),
        error=error,
        remove_rows=spec.get("remove_rows", {}),
        drop_tables=tuple(spec.get("drop_tables", ())),
        drop_columns=spec.get("drop_columns", {}),
        append_lines=spec.get("append_lines", {}),
        expected_base=tuple(
            expected_rejection(item["table"], item["row_key"], item["reason_code"])
            for item in spec.get("expected", ())
        ),
        reason_mentions=tuple(
            (item["table"], normalise_key(item["row_key"]), item["text"])
            for item in spec.get("reason_mentions", ())
        ),
    )


CASES: dict[str, Case] = {
    folder.name: load_case(folder) for folder in sorted(CASES_DIR.iterdir()) if folder.is_dir()
}
QUARANTINE_CASES = sorted(name for name, case in CASES.items() if not case.error)
ERROR_CASES = sorted(name for name, case in CASES.items() if case.error)


# --------------------------------------------------------------------------------------------
# Assembling an export: base + cases
# --------------------------------------------------------------------------------------------


@dataclass
class Export:
    """An export folder written from the base and some cases, and what it must come to."""

    folder: Path
    raw_counts: dict[str, int]
    accepted: dict[str, list[dict[str, str]]]
    expected: list[Rejection]


def base_tables() -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """Header and rows of every base table."""
    return {path.stem: read_csv(path) for path in sorted(BASE_DIR.glob("*.csv"))}


def apply_case(tables: dict[str, tuple[list[str], list[dict[str, str]]]], case: Case) -> None:
    """Apply a case's removals, appends and dropped tables or columns to the tables in place."""
    for table, keys in case.remove_rows.items():
        header, rows = tables[table]
        removed = {normalise_key(key) for key in keys}
        tables[table] = (header, [row for row in rows if row_key(table, row) not in removed])
    for table, rows in case.rows.items():
        header, existing = tables[table]
        existing.extend({column: row[column] for column in header} for row in rows)
    for table in case.drop_tables:
        del tables[table]
    for table, columns in case.drop_columns.items():
        header, rows = tables[table]
        kept = [column for column in header if column not in columns]
        tables[table] = (kept, [{column: row[column] for column in kept} for row in rows])


def accepted_rows(
    tables: dict[str, tuple[list[str], list[dict[str, str]]]], cases: list[Case]
) -> dict[str, list[dict[str, str]]]:
    """The rows that must survive quarantine: every row but the expected rejections.

    Appended rows carry their own expectation; quarantined base rows are named by row key."""
    rejected_rows: dict[str, Counter] = {table: Counter() for table in tables}
    for case in cases:
        for table, rows in case.rows.items():
            for row in rows:
                if row[EXPECTED_COLUMN] and table in tables:
                    values = tuple(row[column] for column in tables[table][0])
                    rejected_rows[table][values] += 1
    base_rejected = {(item.table, item.row_key) for case in cases for item in case.expected_base}
    accepted = {}
    for table, (header, rows) in tables.items():
        kept = []
        for row in rows:
            values = tuple(row[column] for column in header)
            if rejected_rows[table][values] > 0:
                rejected_rows[table][values] -= 1
            elif (table, row_key(table, row)) not in base_rejected:
                kept.append(row)
        accepted[table] = kept
    return accepted


def write_export(folder: Path, cases: list[Case]) -> Export:
    """Write base + cases as CSV files into folder; return what the build must make of them."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = base_tables()
    for case in cases:
        apply_case(tables, case)
    for table, (header, rows) in tables.items():
        with (folder / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    for case in cases:
        for table, lines in case.append_lines.items():
            with (folder / f"{table}.csv").open("a", encoding="utf-8") as handle:
                handle.writelines(f"{line}\n" for line in lines)
    return Export(
        folder=folder,
        raw_counts={table: len(rows) for table, (_, rows) in tables.items()},
        accepted=accepted_rows(tables, cases),
        expected=sorted(rejection for case in cases for rejection in case.expected),
    )


# --------------------------------------------------------------------------------------------
# Builds and what they produced
# --------------------------------------------------------------------------------------------


@dataclass
class Build:
    """One dbt run over one export, with lazily read results."""

    name: str
    cases: list[Case]
    export: Export
    result: BuildResult

    def has_table(self, schema: str, table: str) -> bool:
        """Whether the build created this table (False when it created no database at all)."""
        if not self.result.database.exists():
            return False
        sql = (
            "select count(*) from information_schema.tables "
            "where table_schema = ? and table_name = ?"
        )
        return self.query(sql, [schema, table])[0][0] > 0

    def query(self, sql: str, parameters: list | None = None) -> list[tuple]:
        with self.result.connect() as con:
            return con.execute(sql, parameters or []).fetchall()

    @functools.cached_property
    def rejected(self) -> list[tuple[Rejection, str]]:
        """Every row of billing_rejected_rows, with its reason text."""
        rows = self.query(
            "select table_name, row_key, reason_code, is_error, reason "
            "from main_marts.billing_rejected_rows"
        )
        return [
            (Rejection(table, normalise_key(key), code, is_error), reason)
            for table, key, code, is_error, reason in rows
        ]

    @functools.cached_property
    def unaccounted_rows(self) -> list[str]:
        """Tables whose raw row count is not accepted + quarantined."""
        quarantined = Counter(rejection.table for rejection, _ in self.rejected)
        problems = []
        for table, raw in sorted(self.export.raw_counts.items()):
            accepted = self.query(
                f"select count(*) from main_intermediate.int_{table}_validated "
                "where rejection_code is null"
            )[0][0]
            if raw != accepted + quarantined[table]:
                problems.append(
                    f"{table}: raw {raw} != accepted {accepted} + quarantined {quarantined[table]}"
                )
        return problems

    @functools.cached_property
    def mart_differences(self) -> list[str]:
        """Where the marts differ from the reference computed on the accepted rows."""
        try:
            reference = reference_metrics.compute(self.export.accepted)
        except ValueError as error:
            return [f"the reference cannot be computed from the accepted rows: {error}"]
        return account_month_differences(self, reference) + waterfall_differences(self, reference)


def account_month_differences(build: Build, reference: reference_metrics.Reference) -> list[str]:
    """mrr_account_months against the reference: the same rows, each MRR within a cent."""
    rows = {
        (account, month): mrr
        for account, month, mrr in build.query(
            "select account_id, month_start, mrr from main_marts.mrr_account_months"
        )
    }
    problems = [
        f"mrr_account_months: unexpected row {key}"
        for key in sorted(rows.keys() - reference.account_months.keys())
    ]
    problems += [
        f"mrr_account_months: missing row {key}"
        for key in sorted(reference.account_months.keys() - rows.keys())
    ]
    for key in sorted(rows.keys() & reference.account_months.keys()):
        expected = reference.account_months[key]
        if abs(rows[key] - expected) > CENT:
            problems.append(f"mrr_account_months {key}: mrr {rows[key]} != reference {expected}")
    return problems


def waterfall_differences(build: Build, reference: reference_metrics.Reference) -> list[str]:
    """mrr_waterfall_account_months against the reference: every component within a cent."""
    columns = ", ".join(WATERFALL_COLUMNS.values())
    rows = {
        (row[0], row[1]): dict(zip(WATERFALL_COLUMNS, row[2:], strict=True))
        for row in build.query(
            f"select account_id, month_start, {columns} "
            "from main_marts.mrr_waterfall_account_months"
        )
    }
    problems = [
        f"waterfall: unexpected row {key}"
        for key in sorted(rows.keys() - reference.waterfall.keys())
    ]
    problems += [
        f"waterfall: missing row {key}" for key in sorted(reference.waterfall.keys() - rows.keys())
    ]
    for key in sorted(rows.keys() & reference.waterfall.keys()):
        for component, expected in reference.waterfall[key].items():
            actual = rows[key][component]
            if actual is None or abs(actual - expected) > CENT:
                problems.append(f"waterfall {key} {component}: {actual} != reference {expected}")
    return problems


def run_build(name: str, cases: list[Case], workdir: Path) -> Build:
    """Write the export of these cases and run dbt on it (`run` unless a case asks for `build`,
    which also runs the data tests)."""
    export = write_export(workdir / "export", cases)
    command = cases[0].command if len(cases) == 1 else "run"
    result = run_dbt(
        workdir / "build",
        command,
        "--select",
        *SELECTION,
        variables={"raw_data_path": str(export.folder)},
    )
    return Build(name, cases, export, result)


@pytest.fixture(scope="module")
def builds(request, tmp_path_factory) -> dict[str, Build]:
    """Every build the selected tests need, run a few at a time in parallel."""
    wanted = set()
    for item in request.session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "case_name" in params:
            wanted.add(CASES[params["case_name"]].build)
        if "build_name" in params:
            wanted.add(params["build_name"])
    groups = {
        name: [case for case in CASES.values() if case.build == name] for name in sorted(wanted)
    }
    with ThreadPoolExecutor(max_workers=PARALLEL_BUILDS) as pool:
        futures = {
            name: pool.submit(run_build, name, cases, tmp_path_factory.mktemp(name))
            for name, cases in groups.items()
        }
        return {name: future.result() for name, future in futures.items()}


def successful(build: Build) -> Build:
    """The build, asserted to have run to the end."""
    assert build.result.returncode == 0, build.result.output[-4000:]
    return build


def first(problems: list[str], limit: int = 15) -> str:
    """The first problems of a list, one a line, for an assertion message."""
    more = f"\n... and {len(problems) - limit} more" if len(problems) > limit else ""
    return "\n".join(problems[:limit]) + more


# --------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------


def test_catalogue_covers_the_contract():
    """At least 25 cases; every reason code and every error kind is exercised; no case's row keys
    collide with the base's or another shared-build case's, so each case's rows are its own."""
    assert len(CASES) >= 25
    codes = {rejection.reason_code for case in CASES.values() for rejection in case.expected}
    assert codes <= set(REASON_CODES), codes - set(REASON_CODES)
    assert set(REASON_CODES) <= codes, set(REASON_CODES) - codes
    assert any(case.drop_columns for case in CASES.values())
    assert any(case.drop_tables for case in CASES.values())
    assert any(case.append_lines for case in CASES.values())
    accepted_odd = [
        case.name for case in CASES.values() if case.rows and not case.expected and not case.error
    ]
    assert len(accepted_odd) >= 4, accepted_odd
    base_keys = {
        (table, row_key(table, row)) for table, (_, rows) in base_tables().items() for row in rows
    }
    seen: dict[tuple[str, str], str] = {}
    for case in CASES.values():
        if case.build != SHARED_BUILD:
            continue
        for key in case.keys:
            assert key not in base_keys, f"{case.name}: {key} is a base row key"
            assert seen.setdefault(key, case.name) == case.name, f"{key}: {seen[key]}, {case.name}"


@pytest.mark.parametrize("case_name", QUARANTINE_CASES)
def test_quarantine_case(case_name, builds):
    """The case's rows are quarantined with exactly the expected reasons (and its valid rows are
    not), every raw row is accounted for, and the marts equal the reference on accepted rows."""
    case = CASES[case_name]
    build = successful(builds[case.build])
    actual = sorted(
        rejection
        for rejection, _ in build.rejected
        if (rejection.table, rejection.row_key) in case.keys
    )
    assert actual == case.expected, (
        f"{case.description}\nexpected {case.expected}\nactual   {actual}"
    )
    reasons = {(r.table, r.row_key): reason for r, reason in build.rejected}
    for rejection in case.expected:
        assert reasons[(rejection.table, rejection.row_key)], f"{rejection}: empty reason"
    for table, key, text in case.reason_mentions:
        assert text.lower() in reasons[(table, key)].lower(), f"{key}: {reasons[(table, key)]!r}"
    assert not build.unaccounted_rows, first(build.unaccounted_rows)
    assert not build.mart_differences, first(build.mart_differences)


@pytest.mark.parametrize("build_name", sorted({CASES[name].build for name in QUARANTINE_CASES}))
def test_nothing_else_is_quarantined(build_name, builds):
    """billing_rejected_rows holds the expected rows of the build's cases and nothing else: the
    base data contributes none."""
    build = successful(builds[build_name])
    actual = sorted(rejection for rejection, _ in build.rejected)
    assert actual == build.export.expected, first(
        [f"unexpected {r}" for r in sorted(set(actual) - set(build.export.expected))]
        + [f"missing {r}" for r in sorted(set(build.export.expected) - set(actual))]
    )


@pytest.mark.parametrize("case_name", ERROR_CASES)
def test_error_case(case_name, builds):
    """The build stops (dbt exits non-zero) with a message naming the problem (the file, column
    and value where it is a file's), and no MRR mart is built from the data."""
    case = CASES[case_name]
    build = builds[case.build]
    assert build.result.returncode != 0, f"{case.description}: the build did not stop"
    for text in case.error:
        expected = text.replace("{raw}", str(build.export.folder))
        assert expected in build.result.output, (
            f"{case.description}\nmissing {expected!r} in:\n{build.result.output[-3000:]}"
        )
    for mart in ("mrr_account_months", "mrr_waterfall_account_months"):
        assert not build.has_table("main_marts", mart), f"{mart} was built from bad data"
