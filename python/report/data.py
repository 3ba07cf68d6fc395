"""Everything the report shows, read from the marts with one query per chart.

DuckDB does the aggregation; Python only receives the rows a chart draws. The warehouse is
opened read-only, so the report can run while a BI tool has the file open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb

MART_SCHEMA = "main_marts"
# every mart the report reads; a missing one means the warehouse was not (fully) built
MARTS = (
    "mrr_waterfall_months",
    "retention_months",
    "growth_ratio_months",
    "expansion_motion_months",
    "cohort_retention",
    "expansion_plays",
    "signal_accounts_latest",
)
COMPONENTS = (
    "new_mrr",
    "reactivation_mrr",
    "expansion_mrr",
    "recovery_mrr",
    "contraction_mrr",
    "churn_mrr",
    "fx_adjustment_mrr",
)
MOTIONS = ("seat_growth", "upsell", "cross_sell", "usage_growth", "price_change")


class WarehouseNotReadyError(Exception):
    """The warehouse file or a mart the report needs is missing: the message says what to run."""


@dataclass
class ReportData:
    months: list[dict]  # overall waterfall, every month
    bridge: dict  # the last N months summed: opening, components, closing
    retention: list[dict]  # overall monthly and trailing-12-month NRR / GRR
    growth: dict  # overall growth ratios of the last month
    motions: list[dict]  # expansion per month and motion, last N months
    cohorts: list[dict]  # every cohort x months-since-start cell
    plays: list[dict]  # plays of the top expansion-ready accounts, by ARR
    signals: dict  # counts from signal_accounts_latest
    bridge_months: int

    @property
    def last_month(self) -> date:
        return self.months[-1]["month_start"]


def connect(database: Path) -> duckdb.DuckDBPyConnection:
    """Opens the warehouse read-only, or explains what to run when it is not there."""
    if not database.exists():
        raise WarehouseNotReadyError(
            f"no warehouse at {database}: run ./warehouse build first "
            "(or pass --database, or set DUCKDB_PATH, to the warehouse file)"
        )
    con = duckdb.connect(str(database), read_only=True)
    present = {
        row[0]
        for row in con.sql(
            "select table_name from information_schema.tables where table_schema = ?",
            params=[MART_SCHEMA],
        ).fetchall()
    }
    missing = [mart for mart in MARTS if mart not in present]
    if missing:
        con.close()
        raise WarehouseNotReadyError(
            f"the warehouse {database} has no {MART_SCHEMA}."
            + f", {MART_SCHEMA}.".join(missing)
            + ": run ./warehouse build first"
        )
    return con


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    relation = con.sql(sql, params=params or [])
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


def read_months(con) -> list[dict]:
    return rows(
        con,
        f"""
        select month_start, opening_mrr, {", ".join(COMPONENTS)}, closing_mrr,
               12 * closing_mrr as closing_arr, closing_accounts
        from {MART_SCHEMA}.mrr_waterfall_months
        where dimension = 'overall'
        order by month_start
        """,
    )


def read_bridge(con, months: int) -> dict:
    """Opening of the first of the last `months` months, each component summed, closing of the
    last: opening(M+1) = closing(M), so the bridge adds up exactly."""
    sums = ", ".join(f"sum({component}) as {component}" for component in COMPONENTS)
    return rows(
        con,
        f"""
        with recent as (
            select *
            from {MART_SCHEMA}.mrr_waterfall_months
            where dimension = 'overall'
            qualify row_number() over (order by month_start desc) <= ?
        )
        select
            min(month_start) as first_month,
            max(month_start) as last_month,
            count(*) as months,
            arg_min(opening_mrr, month_start) as opening_mrr,
            {sums},
            arg_max(closing_mrr, month_start) as closing_mrr
        from recent
        """,
        [months],
    )[0]


def read_retention(con) -> list[dict]:
    return rows(
        con,
        f"""
        select month_start, nrr, grr, t12m_nrr, t12m_grr
        from {MART_SCHEMA}.retention_months
        where dimension = 'overall'
        order by month_start
        """,
    )


def read_growth(con) -> dict:
    found = rows(
        con,
        f"""
        select month_start, quick_ratio, expansion_rate, expansion_share_of_net_new, arpa,
               active_accounts
        from {MART_SCHEMA}.growth_ratio_months
        where dimension = 'overall'
        order by month_start desc
        limit 1
        """,
    )
    return found[0] if found else {}


def read_motions(con, months: int) -> list[dict]:
    return rows(
        con,
        f"""
        with recent_months as (
            select distinct month_start
            from {MART_SCHEMA}.expansion_motion_months
            qualify dense_rank() over (order by month_start desc) <= ?
        )
        select motions.month_start, motions.motion, motions.expansion_mrr,
               motions.recovery_mrr, motions.contraction_mrr
        from {MART_SCHEMA}.expansion_motion_months as motions
        inner join recent_months on motions.month_start = recent_months.month_start
        order by motions.month_start, motions.motion
        """,
        [months],
    )


def read_cohorts(con) -> list[dict]:
    return rows(
        con,
        f"""
        select cohort_month, months_since_start, month_start, cohort_accounts, active_accounts,
               cohort_starting_mrr, cohort_mrr, revenue_retention, logo_retention
        from {MART_SCHEMA}.cohort_retention
        order by cohort_month, months_since_start
        """,
    )


def read_plays(con, accounts: int) -> list[dict]:
    """Every play of the `accounts` largest accounts (by ARR) that have one."""
    return rows(
        con,
        f"""
        with ranked as (
            select
                *,
                dense_rank() over (order by account_arr desc, account_id) as account_rank
            from {MART_SCHEMA}.expansion_plays
        )
        select account_rank, account_id, account_name, segment, region, account_arr,
               reported_on, play_motion, product_name, owner_role, evidence
        from ranked
        where account_rank <= ?
        order by account_rank, play_motion, product_name
        """,
        [accounts],
    )


def read_signals(con) -> dict:
    return rows(
        con,
        f"""
        select
            max(activity_date) as reported_on,
            count(*) as accounts,
            count(*) filter (where is_seat_upsell_ready) as seat_ready,
            count(*) filter (where is_usage_tier_ready) as usage_ready,
            count(*) filter (where is_in_expansion_window) as in_window,
            count(*) filter (where is_deep_adopter) as deep_adopters,
            count(*) filter (where is_too_early) as too_early
        from {MART_SCHEMA}.signal_accounts_latest
        """,
    )[0]


def load(database: Path, bridge_months: int = 12, top_accounts: int = 15) -> ReportData:
    """Reads everything the report draws; raises WarehouseNotReadyError with what to run."""
    with connect(database) as con:
        months = read_months(con)
        if not months:
            raise WarehouseNotReadyError(
                f"{MART_SCHEMA}.mrr_waterfall_months in {database} has no month: the build read "
                "no subscription with MRR; check the raw data, then run ./warehouse build"
            )
        return ReportData(
            months=months,
            bridge=read_bridge(con, bridge_months),
            retention=read_retention(con),
            growth=read_growth(con),
            motions=read_motions(con, bridge_months),
            cohorts=read_cohorts(con),
            plays=read_plays(con, top_accounts),
            signals=read_signals(con),
            bridge_months=min(bridge_months, len(months)),
        )


def as_float(value: Decimal | float | int | None) -> float | None:
    return None if value is None else float(value)
