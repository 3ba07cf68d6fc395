"""Incremental runs equal full rebuilds (issue 5).

A generated workload is cut into the exports a billing system would have held at two month
ends (python/workload/snapshot.py). The warehouse is built on the earlier export, then run
incrementally on the later one, then again after a late-arriving change to a version that
ended more than a year before the horizon, long before the new month, then after usage
and an invoice line arriving late for a month as old, and then after seat activity and
feature use arriving late for a month inside the signal history, and then after old invoice
lines were deleted, corrected and copied in the billing system. After each incremental run
every mart and every intermediate table equals a --full-refresh build of the same export, row
for row; the restatement windows (monthly and daily) say why they restated what they did. A run that
stops part-way does not finish its windows, and the next run restates what it found (D85).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
import workload
from warehouse import run_dbt
from workload import snapshot

# the margin a team may ask for on top of the new months (the default is none, D94)
LOOKBACK_MONTHS = 3
WINDOW_TABLE = "int_restatement_windows_tracked"
SIGNAL_WINDOW_TABLE = "int_signal_windows_tracked"
# the logs of the builds themselves: a history, which a rebuild starts afresh
BUILD_LOGS = (
    WINDOW_TABLE,
    SIGNAL_WINDOW_TABLE,
    "int_subscription_item_versions_logged",
    "int_activity_months_fingerprinted",
    "restatement_windows_finished",
)
# late activity: an invoice line for March 2025 and usage for May 2026, both months before
# the new month of a September build (the generated usage starts in May 2026)
LATE_LINE_MONTH = date(2025, 3, 1)
LATE_USAGE_MONTH = date(2026, 5, 1)
# invoice lines of months long before the new one that the billing system deleted, corrected and
# copied (an exact copy, and a copy of the same line id with another amount)
DELETED_LINE_MONTH = date(2025, 6, 1)
CORRECTED_LINE_MONTH = date(2025, 9, 1)
COPIED_LINE_MONTH = date(2025, 11, 1)
CONFLICTING_LINE_MONTH = date(2026, 1, 1)
# late seat activity and feature use: June 2026, inside the signal history of a September
# build (which starts in April) and before the new month; they move no MRR
LATE_SIGNAL_MONTH = date(2026, 6, 1)
SCHEMAS = ("main_marts", "main_intermediate", "main_staging")


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, Path]:
    """The raw exports: the end of August, the end of September, September plus a late
    change to an old version, that plus late usage and a late invoice line, that plus late
    seat activity and feature use, and that with old invoice lines deleted, corrected and
    copied (and September with a changed account)."""
    root = tmp_path_factory.mktemp("exports")
    spec = workload.WorkloadSpec(accounts=300, months=24, seed=11, activity_share=0.2)
    workload.generate(spec, root / "generated", memory_limit="1GB", progress=None)
    august, september = root / "august", root / "september"
    snapshot.write_snapshot(root / "generated", august, date(2026, 9, 1))
    snapshot.write_snapshot(root / "generated", september, date(2026, 10, 1))
    late = root / "september_late_change"
    shutil.copytree(september, late)
    write_late_change(september, late)
    late_activity = root / "september_late_activity"
    shutil.copytree(late, late_activity)
    write_late_activity(late, late_activity)
    late_signals = root / "september_late_signals"
    shutil.copytree(late_activity, late_signals)
    write_late_signal_activity(late_activity, late_signals)
    corrected = root / "september_lines_corrected"
    shutil.copytree(late_signals, corrected)
    write_corrected_lines(late_signals, corrected)
    renamed = root / "september_account_changed"
    shutil.copytree(september, renamed)
    write_changed_account(september, renamed)
    return {
        "august": august,
        "september": september,
        "account_changed": renamed,
        "late": late,
        "late_activity": late_activity,
        "late_signals": late_signals,
        "lines_corrected": corrected,
    }


def rewrite_table(source: Path, out: Path, table: str, query: str) -> None:
    """Write `<out>/<table>.parquet` from `query`, which reads the source export's table as
    `raw`."""
    con = duckdb.connect()
    try:
        con.execute(
            f"create view raw as select * from read_parquet('{source / f'{table}.parquet'}')"
        )
        con.execute(f"copy ({query}) to '{out / f'{table}.parquet'}' (format parquet)")
    finally:
        con.close()


def write_late_change(source: Path, out: Path) -> None:
    """Rewrite one version that ended at least 14 months before the horizon: a later row of
    the same id (the contract: the later updated_at wins) with 3 more seats."""
    rewrite_table(
        source,
        out,
        "subscription_items",
        """
        select * from raw
        union all
        select * replace (
            quantity + 3 as quantity,
            (select max(updated_at) from raw) + interval 1 minute as updated_at
        )
        from raw
        where subscription_item_id = (
            select min(subscription_item_id) from raw
            where not is_trial and valid_to <= date '2025-07-01'
                and valid_from >= date '2025-02-01'
        )
        """,
    )


def write_changed_account(source: Path, out: Path) -> None:
    """Move the oldest account to another segment: an account the previous build counted
    changed, which the marts carry on every one of its months."""
    rewrite_table(
        source,
        out,
        "accounts",
        """
        select * replace (
            case
                when account_id = (select arg_min(account_id, created_at) from raw)
                    then coalesce(segment, '') || ' moved'
                else segment
            end as segment
        )
        from raw
        """,
    )


def write_late_activity(source: Path, out: Path) -> None:
    """Add a usage reading for May 2026, 100 times the largest one of that month, on the
    same subscription (overage: more MRR), and a recurring invoice line of 1,000 for March
    2025 on an account billed that month (more revenue recognised)."""
    month_end = "date '2026-05-31'"
    rewrite_table(
        source,
        out,
        "usage_daily",
        f"""
        select * from raw
        union all
        (
            select * replace (quantity * 100 as quantity, {month_end} as usage_date)
            from raw
            where usage_date between date '{LATE_USAGE_MONTH}' and {month_end}
            order by quantity desc, account_id
            limit 1
        )
        """,
    )
    rewrite_table(
        source,
        out,
        "invoice_lines",
        f"""
        select * from raw
        union all
        (
            select * replace (
                'late-line' as invoice_line_id,
                'late-invoice' as invoice_id,
                'recurring' as line_type,
                1000 as amount,
                date '{LATE_LINE_MONTH}' as period_start,
                date '2025-04-01' as period_end
            )
            from raw
            where line_type = 'recurring' and period_start = date '{LATE_LINE_MONTH}'
            order by invoice_line_id
            limit 1
        )
        """,
    )


def write_late_signal_activity(source: Path, out: Path) -> None:
    """Add, for the first account with seat activity on 15 June 2026, a second reading of 1,000
    active users that day (readings of a day add up), and a use of a feature it used in
    September, dated 20 June."""
    rewrite_table(
        source,
        out,
        "seat_activity",
        """
        select * from raw
        union all
        (
            select * replace (1000 as active_users)
            from raw
            where activity_date = date '2026-06-15'
            order by account_id
            limit 1
        )
        """,
    )
    rewrite_table(
        source,
        out,
        "feature_usage",
        """
        select * from raw
        union all
        (
            select * replace (date '2026-06-20' as usage_date, 5 as events)
            from raw
            where usage_date >= date '2026-09-01' and events > 0
            order by account_id, feature_id, usage_date
            limit 1
        )
        """,
    )


def write_corrected_lines(source: Path, out: Path) -> None:
    """Change old invoice lines the way a billing system's export can: delete one recurring
    line, add 50 to another's amount, copy a third exactly (a duplicate row, quarantined) and
    add a row with a fourth line's id and twice its amount (a duplicate key: neither row is
    kept). Each is the first recurring line, by id, starting in its month."""

    def first_line(month: date) -> str:
        return f"""(
            select min(invoice_line_id) from raw
            where line_type = 'recurring' and period_start = date '{month}'
        )"""

    rewrite_table(
        source,
        out,
        "invoice_lines",
        f"""
        select * replace (
            case
                when invoice_line_id = {first_line(CORRECTED_LINE_MONTH)} then amount + 50
                else amount
            end as amount
        )
        from raw
        where invoice_line_id <> {first_line(DELETED_LINE_MONTH)}
        union all
        select * from raw where invoice_line_id = {first_line(COPIED_LINE_MONTH)}
        union all
        select * replace (amount * 2 as amount)
        from raw
        where invoice_line_id = {first_line(CONFLICTING_LINE_MONTH)}
        """,
    )


def variables(export: Path, as_of_date: str, **settings) -> dict:
    """The vars of a run on `export`: the project's defaults (no lookback) unless `settings`
    names others."""
    return {"raw_data_path": str(export), "as_of_date": as_of_date, **settings}


def tables(database: Path) -> dict[str, list[tuple]]:
    """Every row of every mart, intermediate and staging table (the incremental base tables
    included) but the build logs, sorted."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        names = con.sql(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in {SCHEMAS} and table_name not in {BUILD_LOGS} "
            "order by 1, 2"
        ).fetchall()
        return {
            f"{schema}.{name}": sorted(
                con.sql(f'select * from {schema}."{name}"').fetchall(),
                key=lambda row: tuple((value is None, str(value)) for value in row),
            )
            for schema, name in names
        }
    finally:
        con.close()


def latest_window(database: Path, table: str = WINDOW_TABLE) -> dict:
    con = duckdb.connect(str(database), read_only=True)
    try:
        relation = con.sql(
            f"select * from main_intermediate.{table} order by run_sequence desc limit 1"
        )
        return dict(zip(relation.columns, relation.fetchall()[0], strict=True))
    finally:
        con.close()


def assert_same_tables(incremental: Path, full: Path) -> None:
    expected, actual = tables(full), tables(incremental)
    assert sorted(actual) == sorted(expected)
    assert len(expected) > 20
    differing = [name for name in expected if actual[name] != expected[name]]
    assert differing == [], f"incremental differs from --full-refresh in {differing}"


@pytest.fixture(scope="module")
def incremental_runs(exports, tmp_path_factory) -> dict:
    """One warehouse built on August, then run on September, then on each later export."""
    workdir = tmp_path_factory.mktemp("incremental")
    runs = {}
    for step, (export, as_of) in enumerate(
        [
            (exports["august"], "2026-08-31"),
            (exports["september"], "2026-09-30"),
            (exports["late"], "2026-09-30"),
            (exports["late_activity"], "2026-09-30"),
            (exports["late_signals"], "2026-09-30"),
            (exports["lines_corrected"], "2026-09-30"),
        ]
    ):
        result = run_dbt(workdir, "build", variables=variables(export, as_of))
        assert result.returncode == 0, result.output[-4000:]
        snapshot_copy = workdir.parent / f"after_step_{step}.duckdb"
        shutil.copy(result.database, snapshot_copy)
        runs[step] = snapshot_copy
    return runs


# full builds already made, by export, date and settings: two tests compare with the same one
FULL_BUILDS: dict[tuple, Path] = {}


def full_build(tmp_path_factory, export: Path, as_of: str, **settings) -> Path:
    key = (export, as_of, tuple(sorted(settings.items())))
    if key in FULL_BUILDS:
        return FULL_BUILDS[key]
    workdir = tmp_path_factory.mktemp("full")
    for command in (("seed",), ("run", "--full-refresh")):
        result = run_dbt(workdir, *command, variables=variables(export, as_of, **settings))
        assert result.returncode == 0, result.output[-4000:]
    FULL_BUILDS[key] = result.database
    return result.database


def account_count(export: Path) -> int:
    con = duckdb.connect()
    try:
        path = str(export / "accounts.parquet")
        return con.execute("select count(*) from read_parquet(?)", [path]).fetchall()[0][0]
    finally:
        con.close()


def finished_windows(database: Path) -> list[tuple]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        return con.sql(
            "select window_model, invocation_id "
            "from main_intermediate.restatement_windows_finished order by finished_at, window_model"
        ).fetchall()
    finally:
        con.close()


def test_first_build_restates_everything(incremental_runs):
    window = latest_window(incremental_runs[0])
    assert window["run_sequence"] == 1
    assert window["restate_from_month_number"] == 0
    assert window["restate_reason"] == "first build or full refresh"
    signal_window = latest_window(incremental_runs[0], SIGNAL_WINDOW_TABLE)
    assert signal_window["restate_from_day"] == signal_window["calendar_first_day"]
    assert signal_window["restate_reason"] == "first build or full refresh"


def test_appending_a_month_restates_only_the_new_month_and_equals_a_full_build(
    incremental_runs, exports, tmp_path_factory
):
    window = latest_window(incremental_runs[1])
    assert window["run_sequence"] == 2
    # September's export brings the accounts created in September: new, not changed accounts
    assert account_count(exports["september"]) > account_count(exports["august"])
    # August was the previous horizon: only September is rebuilt (versions open in August's
    # export that closed in September change from September on)
    assert window["restate_from_month_number"] == window["horizon_month_number"]
    assert window["restate_from_month_start"] == date(2026, 9, 1)
    assert window["restate_reason"] == "the months after the previous build"
    # the daily signals compute only the new days
    signal_window = latest_window(incremental_runs[1], SIGNAL_WINDOW_TABLE)
    assert signal_window["restate_from_day"] == date(2026, 9, 1)
    assert signal_window["restate_reason"] == "the days after the previous build"
    assert_same_tables(
        incremental_runs[1], full_build(tmp_path_factory, exports["september"], "2026-09-30")
    )


def test_incremental_runs_leave_no_staging_table_behind(incremental_runs):
    """Each incremental model writes its window into a staging table before the restatement
    (D88). dbt-duckdb makes a Python model's a real table and left it behind, one more under a
    new name every run; after five incremental runs the database holds none."""
    con = duckdb.connect(str(incremental_runs[max(incremental_runs)]), read_only=True)
    try:
        leftovers = con.sql(
            "select table_schema, table_name from information_schema.tables "
            "where table_name like '%dbt_tmp%' or table_name like '%dbt_backup%'"
        ).fetchall()
    finally:
        con.close()
    assert leftovers == []


def test_the_new_days_carry_streaks(incremental_runs):
    """What makes the equality above a test of the streaks: on the first new day (1
    September) accounts continue streaks begun in August, carried from the day kept. (The
    cap of 180 days is checked by the unit test streaks_are_capped_at_180_days and against
    the reference implementation: this workload's activity is too recent to reach it.)"""
    con = duckdb.connect(str(incremental_runs[1]), read_only=True)
    try:
        carried = con.sql(
            """
            select count(*)
            from main_marts.signal_account_days
            where
                activity_date = date '2026-09-01'
                and greatest(seat_ready_streak_days, usage_ready_streak_days) > 1
            """
        ).fetchall()[0][0]
    finally:
        con.close()
    assert carried > 0


def test_a_late_change_to_an_old_month_is_restated_and_equals_a_full_build(
    incremental_runs, exports, tmp_path_factory
):
    window = latest_window(incremental_runs[2])
    assert window["run_sequence"] == 3
    assert window["restate_reason"] == "a subscription item changed since the previous build"
    # the changed version started in 2025, long before the new month: its months are
    # restated from its start on
    assert window["restate_from_month_number"] < window["horizon_month_number"] - 12
    assert date(2025, 2, 1) <= window["changed_from_month_start"] <= date(2025, 7, 1)
    assert_same_tables(
        incremental_runs[2], full_build(tmp_path_factory, exports["late"], "2026-09-30")
    )


def test_the_late_change_reaches_the_marts(incremental_runs):
    """The late change is a real change: without its restatement the marts would be stale."""
    before, after = tables(incremental_runs[1]), tables(incremental_runs[2])
    assert before["main_marts.mrr_account_months"] != after["main_marts.mrr_account_months"]


def test_late_usage_and_invoice_lines_of_an_old_month_are_restated_and_equal_a_full_build(
    incremental_runs, exports, tmp_path_factory
):
    window = latest_window(incremental_runs[3])
    assert window["run_sequence"] == 4
    assert window["restate_reason"] == (
        "usage or invoice lines of an earlier month changed since the previous build"
    )
    assert window["activity_changed_from_month_start"] == LATE_LINE_MONTH
    assert window["changed_from_month_start"] is None
    # the late usage is a signal input too; the invoice line is not
    signal_window = latest_window(incremental_runs[3], SIGNAL_WINDOW_TABLE)
    assert signal_window["restate_from_day"] == LATE_USAGE_MONTH
    assert signal_window["restate_reason"] == (
        "usage, seat activity or feature use of an earlier month changed"
    )
    assert_same_tables(
        incremental_runs[3], full_build(tmp_path_factory, exports["late_activity"], "2026-09-30")
    )


def test_the_late_activity_reaches_the_marts(incremental_runs):
    """The late reading is overage (more MRR) and the late line is billed revenue: without
    their restatement both marts would be stale."""
    before, after = tables(incremental_runs[2]), tables(incremental_runs[3])
    for mart in ("mrr_account_months", "billing_tieout_account_months"):
        assert before[f"main_marts.{mart}"] != after[f"main_marts.{mart}"], mart


def test_late_seat_activity_and_feature_use_restate_the_signals_and_equal_a_full_build(
    incremental_runs, exports, tmp_path_factory
):
    signal_window = latest_window(incremental_runs[4], SIGNAL_WINDOW_TABLE)
    assert signal_window["activity_changed_from_month_start"] == LATE_SIGNAL_MONTH
    assert signal_window["restate_from_day"] == LATE_SIGNAL_MONTH
    assert signal_window["restate_reason"] == (
        "usage, seat activity or feature use of an earlier month changed"
    )
    # seats and feature use move no MRR: the monthly window has nothing to restate
    monthly_window = latest_window(incremental_runs[4])
    assert monthly_window["restate_reason"] == "the months after the previous build"
    assert monthly_window["restate_from_month_number"] == monthly_window["horizon_month_number"] + 1
    assert_same_tables(
        incremental_runs[4], full_build(tmp_path_factory, exports["late_signals"], "2026-09-30")
    )


def test_the_late_signal_activity_reaches_the_marts(incremental_runs):
    """Without the restatement the day's seat utilization would be stale."""
    before, after = tables(incremental_runs[3]), tables(incremental_runs[4])
    assert before["main_marts.signal_account_days"] != after["main_marts.signal_account_days"]


def test_old_invoice_lines_deleted_corrected_and_copied_equal_a_full_build(
    incremental_runs, exports, tmp_path_factory
):
    """The billing system's export changed lines of months long before the new one: one
    deleted, one corrected, one copied exactly and one copied with another amount. The
    quarantine, the tie-out and everything else equal a full build of the same export."""
    window = latest_window(incremental_runs[5])
    assert window["restate_reason"] == (
        "usage or invoice lines of an earlier month changed since the previous build"
    )
    # the deleted line's month is the earliest change
    assert window["activity_changed_from_month_start"] == DELETED_LINE_MONTH
    assert_same_tables(
        incremental_runs[5], full_build(tmp_path_factory, exports["lines_corrected"], "2026-09-30")
    )


def test_the_corrected_lines_reach_the_marts(incremental_runs):
    """The deletion, correction and conflicting copy change recognised revenue; the two
    copies are quarantined with their reasons."""
    before, after = tables(incremental_runs[4]), tables(incremental_runs[5])
    tieout = "main_marts.billing_tieout_account_months"
    changed_months = {row[1] for row in set(before[tieout]) ^ set(after[tieout])}
    assert {DELETED_LINE_MONTH, CORRECTED_LINE_MONTH, CONFLICTING_LINE_MONTH} <= changed_months
    rejected = "main_marts.billing_rejected_rows"
    added = sorted((row[0], row[2]) for row in set(after[rejected]) - set(before[rejected]))
    assert added == [
        ("invoice_lines", "duplicate_key"),
        ("invoice_lines", "duplicate_key"),
        ("invoice_lines", "duplicate_row"),
    ]
    assert set(before[rejected]) <= set(after[rejected])


def test_days_a_partial_run_did_not_write_are_written_by_the_next(
    incremental_runs, exports, tmp_path_factory
):
    """A run on September that stops before the usage windows (here: they and what reads
    them are not selected) records its signal window but does not finish it (D85). The next
    run on the same export compares with August's build, the last finished, so it computes
    September's days again and every table equals a full build: without that, September's
    usage would never be written and the scores would read it as none."""
    workdir = tmp_path_factory.mktemp("partial")
    shutil.copy(incremental_runs[0], workdir / "warehouse.duckdb")
    september = variables(exports["september"], "2026-09-30")
    partial = run_dbt(
        workdir, "run", "--exclude", "int_account_usage_days_windowed+", variables=september
    )
    assert partial.returncode == 0, partial.output[-4000:]
    # the monthly window's readers all ran: it finished; the signal window did not
    recorded = set(finished_windows(partial.database)) - set(finished_windows(incremental_runs[0]))
    assert [model for model, _ in recorded] == [WINDOW_TABLE]
    rerun = run_dbt(workdir, "run", variables=september)
    assert rerun.returncode == 0, rerun.output[-4000:]
    signal_window = latest_window(rerun.database, SIGNAL_WINDOW_TABLE)
    assert signal_window["run_sequence"] == 3
    assert signal_window["compared_run_sequence"] == 1
    assert signal_window["restate_from_day"] == date(2026, 9, 1)
    assert_same_tables(
        rerun.database, full_build(tmp_path_factory, exports["september"], "2026-09-30")
    )


def test_changes_found_by_a_run_that_stopped_part_way_are_restated_by_the_next(
    incremental_runs, exports, tmp_path_factory
):
    """A run on the export with every late change (the old item, usage, an invoice line, seat
    activity and feature use) that stops after the windows recorded them and before the
    models that restate them (here: those are not selected; a failed model, or a failed test
    under `dbt build`, skips them the same way) finishes neither window. The next run compares
    with September's build, the last finished, finds the changes again and equals a full
    build. Compared with the stopped run's windows it would find nothing changed and keep the
    stale months and days."""
    workdir = tmp_path_factory.mktemp("stopped")
    shutil.copy(incremental_runs[1], workdir / "warehouse.duckdb")
    late = variables(exports["late_signals"], "2026-09-30")
    before = finished_windows(incremental_runs[1])
    stopped = run_dbt(
        workdir,
        "run",
        "--exclude",
        "int_subscription_item_months_spread+",
        "int_account_product_days_held+",
        variables=late,
    )
    assert stopped.returncode == 0, stopped.output[-4000:]
    found = latest_window(stopped.database)
    # the invoice line of March 2025 is the earliest change
    assert found["activity_changed_from_month_start"] == LATE_LINE_MONTH
    assert finished_windows(stopped.database) == before
    rerun = run_dbt(workdir, "run", variables=late)
    assert rerun.returncode == 0, rerun.output[-4000:]
    for table in (WINDOW_TABLE, SIGNAL_WINDOW_TABLE):
        window = latest_window(rerun.database, table)
        assert (window["run_sequence"], window["compared_run_sequence"]) == (4, 2), table
    restated = latest_window(rerun.database)
    assert restated["restate_from_month_number"] == found["restate_from_month_number"]
    assert restated["restate_reason"] == found["restate_reason"]
    assert_same_tables(
        rerun.database, full_build(tmp_path_factory, exports["late_signals"], "2026-09-30")
    )


def test_a_change_to_an_account_the_previous_build_counted_restates_everything(
    incremental_runs, exports, tmp_path_factory
):
    """New accounts are not a change (test above); an old account moving segment is: its
    segment is on every one of its months, so every month is restated."""
    workdir = tmp_path_factory.mktemp("account_changed")
    shutil.copy(incremental_runs[1], workdir / "warehouse.duckdb")
    changed = run_dbt(workdir, "run", variables=variables(exports["account_changed"], "2026-09-30"))
    assert changed.returncode == 0, changed.output[-4000:]
    window = latest_window(changed.database)
    assert window["restate_reason"] == "accounts changed"
    assert window["restate_from_month_number"] == 0
    assert_same_tables(
        changed.database,
        full_build(tmp_path_factory, exports["account_changed"], "2026-09-30"),
    )


def test_a_lookback_restates_the_months_before_the_new_one_and_equals_a_full_build(
    incremental_runs, exports, tmp_path_factory
):
    """A team that wants a margin on top of the change detectors asks for a lookback: the
    September run on August's build then restates June, July and August too."""
    workdir = tmp_path_factory.mktemp("lookback")
    shutil.copy(incremental_runs[0], workdir / "warehouse.duckdb")
    settings = {"restatement_lookback_months": LOOKBACK_MONTHS}
    run = run_dbt(
        workdir, "run", variables=variables(exports["september"], "2026-09-30", **settings)
    )
    assert run.returncode == 0, run.output[-4000:]
    window = latest_window(run.database)
    assert window["restate_from_month_number"] == window["horizon_month_number"] - LOOKBACK_MONTHS
    assert window["restate_reason"] == (
        f"the months after the previous build and a lookback of {LOOKBACK_MONTHS} months"
    )
    assert_same_tables(
        run.database, full_build(tmp_path_factory, exports["september"], "2026-09-30")
    )


def test_a_changed_setting_restates_everything_and_equals_a_full_build(
    incremental_runs, exports, tmp_path_factory
):
    """The same export run with usage overage left out of MRR: no raw row changed, so only
    the settings fingerprint can tell that every month's figures changed (D94). Kept months
    would still count the overage."""
    workdir = tmp_path_factory.mktemp("settings_changed")
    shutil.copy(incremental_runs[1], workdir / "warehouse.duckdb")
    settings = {"include_usage_in_mrr": False}
    september = variables(exports["september"], "2026-09-30", **settings)
    changed = run_dbt(workdir, "run", variables=september)
    assert changed.returncode == 0, changed.output[-4000:]
    window = latest_window(changed.database)
    assert window["restate_reason"] == "the settings changed"
    assert window["restate_from_month_number"] == 0
    assert "include_usage_in_mrr=false" in window["settings_fingerprint"]
    expected = full_build(tmp_path_factory, exports["september"], "2026-09-30", **settings)
    assert_same_tables(changed.database, expected)
    # the setting does move figures: the usage overage of this workload is MRR by default
    default = tables(incremental_runs[1])["main_marts.mrr_account_months"]
    assert tables(expected)["main_marts.mrr_account_months"] != default
