"""The named walkthrough accounts of the sample data (docs/walkthrough_accounts.md), each a
textbook case computed by hand, read from the marts of the sample build."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest


@pytest.fixture(scope="module")
def marts(sample_build):
    with sample_build.connect() as con:

        def waterfall(account_id, month):
            relation = con.sql(
                "select * from main_marts.mrr_waterfall_account_months "
                "where account_id = ? and month_start = ?",
                params=[account_id, month],
            )
            rows = relation.fetchall()
            return dict(zip(relation.columns, rows[0], strict=True)) if rows else None

        def movements(account_id, month):
            return sorted(
                con.sql(
                    "select product_id, movement_type, motion, amount "
                    "from main_marts.mrr_movements "
                    "where account_id = ? and month_start = ? and movement_type <> 'fx_adjustment'",
                    params=[account_id, month],
                ).fetchall(),
                key=str,
            )

        def mrr_series(account_id):
            return dict(
                con.sql(
                    "select month_start, mrr from main_marts.mrr_account_months "
                    "where account_id = ? order by month_start",
                    params=[account_id],
                ).fetchall()
            )

        yield waterfall, movements, mrr_series


def d(year, month):
    return date(year, month, 1)


def test_annual_plan_is_divided_by_twelve(marts):
    _, _, mrr_series = marts
    series = mrr_series("acct_wt_annual")
    assert min(series) == d(2024, 1)
    assert max(series) == d(2026, 10)
    assert set(series.values()) == {Decimal("1000")}


def test_discount_start_is_contraction_and_its_end_recovers(marts):
    _waterfall, movements, mrr_series = marts
    series = mrr_series("acct_wt_discount")
    assert series[d(2024, 2)] == 500
    assert series[d(2024, 3)] == series[d(2024, 5)] == 400
    assert series[d(2024, 6)] == 500
    assert movements("acct_wt_discount", d(2024, 3)) == [
        ("prod_core", "contraction", "price_change", Decimal("100"))
    ]
    # the discount ending restores revenue the account had before: recovery, not expansion
    assert movements("acct_wt_discount", d(2024, 6)) == [
        ("prod_core", "recovery", "price_change", Decimal("100"))
    ]


def test_trial_carries_no_mrr_and_conversion_is_new(marts):
    waterfall, _, mrr_series = marts
    assert min(mrr_series("acct_wt_trial")) == d(2024, 3)
    row = waterfall("acct_wt_trial", d(2024, 3))
    assert row["new_mrr"] == 200
    assert row["account_status"] == "new"


def test_seat_add_and_add_on_in_one_month(marts):
    _, movements, _ = marts
    assert movements("acct_wt_seat_and_addon", d(2024, 5)) == [
        ("prod_analytics", "expansion", "cross_sell", Decimal("250")),
        ("prod_core", "expansion", "seat_growth", Decimal("750")),
    ]


def test_usage_overage_growth(marts):
    _, movements, mrr_series = marts
    series = mrr_series("acct_wt_usage")
    assert (series[d(2025, 1)], series[d(2025, 2)], series[d(2025, 3)]) == (500, 600, 800)
    assert movements("acct_wt_usage", d(2025, 2)) == [
        ("prod_api", "expansion", "usage_growth", Decimal("100"))
    ]
    assert movements("acct_wt_usage", d(2025, 3)) == [
        ("prod_api", "expansion", "usage_growth", Decimal("200"))
    ]


def test_downgrade_then_partial_restore_is_recovery(marts):
    waterfall, movements, _ = marts
    assert waterfall("acct_wt_restore", d(2024, 6))["contraction_mrr"] == 500
    september = waterfall("acct_wt_restore", d(2024, 9))
    assert (september["recovery_mrr"], september["expansion_mrr"]) == (300, 0)
    december = waterfall("acct_wt_restore", d(2024, 12))
    assert (december["recovery_mrr"], december["expansion_mrr"]) == (200, 200)
    assert december["prior_peak_mrr"] == 1000
    assert movements("acct_wt_restore", d(2024, 12)) == [
        ("prod_core", "expansion", "seat_growth", Decimal("200")),
        ("prod_core", "recovery", "seat_growth", Decimal("200")),
    ]


def test_churn_then_reactivation(marts):
    waterfall, _, mrr_series = marts
    assert waterfall("acct_wt_reactivation", d(2024, 6))["churn_mrr"] == 300
    series = mrr_series("acct_wt_reactivation")
    assert [series[d(2024, m)] for m in (7, 8, 9)] == [0, 0, 0]
    october = waterfall("acct_wt_reactivation", d(2024, 10))
    assert (october["reactivation_mrr"], october["account_status"]) == (300, "reactivated")
    january = waterfall("acct_wt_reactivation", d(2025, 1))
    assert (january["expansion_mrr"], january["recovery_mrr"]) == (150, 0)


def test_open_ended_line_runs_to_the_horizon(marts):
    _, _, mrr_series = marts
    series = mrr_series("acct_wt_open_ended")
    assert len(series) == 44
    assert (min(series), max(series)) == (d(2023, 3), d(2026, 10))
    assert set(series.values()) == {Decimal("1100")}


def test_line_inside_one_month_never_carries_mrr(marts):
    waterfall, _, mrr_series = marts
    series = mrr_series("acct_wt_same_month")
    assert min(series) == d(2024, 8)
    assert waterfall("acct_wt_same_month", d(2024, 8))["new_mrr"] == 200


def test_fx_rate_change_alone_is_fx_adjustment_only(marts):
    waterfall, movements, mrr_series = marts
    months = sorted(mrr_series("acct_wt_fx"))[1:]
    fx_moves = 0
    for month in months:
        row = waterfall("acct_wt_fx", month)
        assert movements("acct_wt_fx", month) == []
        assert row["closing_mrr"] == row["opening_mrr"] + row["fx_adjustment_mrr"]
        fx_moves += row["fx_adjustment_mrr"] != 0
    assert fx_moves > 20
    assert mrr_series("acct_wt_fx")[d(2026, 10)] == Decimal("1068.234")


def test_upgrade_is_one_upsell(marts):
    _, movements, _ = marts
    assert movements("acct_wt_upgrade", d(2024, 7)) == [
        ("prod_core", "expansion", "upsell", Decimal("360"))
    ]


def test_play_evidence_reads_in_words(sample_build):
    with sample_build.connect() as con:
        evidence = dict(
            con.sql(
                "select play_motion, evidence from main_marts.expansion_plays "
                "where account_id in ('acct_sig_seat_cap', 'acct_sig_usage_trend')"
            ).fetchall()
        )
    assert evidence == {
        "seat_upsell": "19 of 20 seats in use; at or above 80% for 45 days running",
        "usage_tier": "last 30 days used 73% of the monthly commitment; "
        "on trend to reach it in 75 days",
    }
