"""Tests of the reference implementation itself, on small hand-built datasets.

Every expected figure below is computed by hand from metrics.md; the scenarios share one price book
so that the last tests can run all of them together.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal as D  # noqa: N817 - short name keeps the hand-computed cases readable

import pytest
from reference_metrics import (
    LINE_KEYS,
    WATERFALL_KEYS,
    Reference,
    add_months,
    compute,
    load_raw,
)

JAN, FEB, MAR, APR, MAY, JUN = (date(2024, month, 1) for month in range(1, 7))
FLOWS = ("fx_adjustment", "new", "reactivation", "expansion", "recovery", "contraction", "churn")


def d(text: str) -> date:
    return date.fromisoformat(text)


def plan(plan_id, product_id, model, interval, *, tier=1, included=None, overage=None, metric=None):
    return {
        "plan_id": plan_id,
        "product_id": product_id,
        "plan_name": plan_id.title(),
        "tier_rank": tier,
        "pricing_model": model,
        "billing_interval_months": interval,
        "currency": "USD",
        "list_unit_amount": D(0),
        "included_units": None if included is None else D(included),
        "overage_unit_amount": None if overage is None else D(overage),
        "usage_metric": metric,
    }


PLANS = [
    plan("SEAT", "CORE", "per_seat", 1),
    plan("SEAT_PRO", "CORE", "per_seat", 1, tier=2),
    plan("FLAT", "CORE", "flat", 1),
    plan("ANNUAL", "CORE", "flat", 12),
    plan("QUARTER", "CORE", "per_seat", 3),
    plan("ADDON", "ADDON", "flat", 1),
    plan("API", "API", "usage", 1, included="1000", overage="0.01", metric="api_calls"),
]
PRODUCTS = [
    {"product_id": "CORE", "product_name": "Core", "is_add_on": False, "parent_product_id": None},
    {"product_id": "ADDON", "product_name": "Add", "is_add_on": True, "parent_product_id": "CORE"},
    {"product_id": "API", "product_name": "API", "is_add_on": False, "parent_product_id": None},
]


def item(
    item_id,
    account,
    plan_id,
    start,
    end=None,
    *,
    unit,
    qty="1",
    discount=None,
    currency="USD",
    trial=False,
    sub=None,
    updated="2024-01-01T00:00:00",
):
    return {
        "subscription_item_id": item_id,
        "subscription_id": sub or f"{account}-sub",
        "account_id": account,
        "plan_id": plan_id,
        "quantity": D(qty),
        "unit_amount": D(unit),
        "discount_pct": None if discount is None else D(discount),
        "currency": currency,
        "valid_from": d(start),
        "valid_to": None if end is None else d(end),
        "is_trial": trial,
        "updated_at": datetime.fromisoformat(updated),
    }


def rates(currency, by_month):
    return [
        {"currency": currency, "rate_month": month, "rate_to_reporting": D(rate)}
        for month, rate in by_month.items()
    ]


def dataset(items, *, segments=None, usage=(), fx=()):
    segments = segments or {}
    accounts = sorted({row["account_id"] for row in items})
    return {
        "accounts": [
            {
                "account_id": account,
                "account_name": account,
                "segment": segments.get(account),
                "region": "EMEA" if account.startswith("CO") else None,
                "created_at": datetime(2023, 1, 1),
            }
            for account in accounts
        ],
        "products": PRODUCTS,
        "plans": PLANS,
        "subscription_items": list(items),
        "usage_daily": list(usage),
        "fx_rates": list(fx),
    }


def moves(ref: Reference, account: str, month: date) -> dict:
    """The movements of one account-month, keyed (product, movement_type, motion)."""
    return {
        (key[1], key[3], key[4]): amount
        for key, amount in ref.movements.items()
        if key[0] == account and key[2] == month
    }


def assert_row(row: dict, **expected) -> None:
    """Every waterfall key equals the expected figure (0 when not given; prior_peak if given)."""
    for key in WATERFALL_KEYS:
        if key == "prior_peak" and key not in expected:
            continue
        assert row[key] == D(expected.get(key, 0)), (key, row[key], expected.get(key, 0))


# --------------------------------------------------------------------------------------------
# Scenarios (distinct account ids, one shared price book)
# --------------------------------------------------------------------------------------------


def annual_items():
    return [
        item("ann-1", "ANN", "ANNUAL", "2024-01-01", unit="12000"),
        # 3 seats x 300 per quarter, 10% off: 3 * 300 * 0.9 / 3 = 270 a month
        item("qtr-1", "QTR", "QUARTER", "2024-01-01", qty="3", unit="300", discount="10"),
    ]


def discount_items():
    return [
        item("dsc-1", "DSC", "SEAT", "2024-01-01", "2024-02-10", qty="10", unit="100"),
        item(
            "dsc-2", "DSC", "SEAT", "2024-02-10", "2024-03-15", qty="10", unit="100", discount="20"
        ),
        item("dsc-3", "DSC", "SEAT", "2024-03-15", qty="10", unit="100"),
    ]


def trial_items():
    return [
        item("trl-1", "TRL", "SEAT", "2024-01-10", "2024-02-20", qty="5", unit="40", trial=True),
        item("trl-2", "TRL", "SEAT", "2024-02-20", qty="5", unit="40"),
    ]


def seat_addon_items():
    return [
        item("sad-1", "SAD", "SEAT", "2024-01-01", "2024-02-14", qty="10", unit="75"),
        item("sad-2", "SAD", "SEAT", "2024-02-14", qty="20", unit="75"),
        item("sad-3", "SAD", "ADDON", "2024-02-03", unit="250", sub="SAD-addon"),
    ]


def usage_items():
    return [item("usg-1", "USG", "API", "2024-01-01", qty="2", unit="500", sub="USG-api")]


def usage_rows():
    def row(sub, metric, day, quantity, account="USG"):
        return {
            "account_id": account,
            "subscription_id": sub,
            "usage_metric": metric,
            "usage_date": d(day),
            "quantity": D(quantity),
        }

    return [
        row("USG-api", "api_calls", "2024-01-03", "1500"),
        row("USG-api", "api_calls", "2024-01-20", "1000"),
        row("USG-api", "api_calls", "2024-02-11", "4000"),
        row("USG-api", "storage_gb", "2024-02-11", "99999"),  # another metric
        row("USG-other", "api_calls", "2024-02-12", "50000"),  # another subscription
        row("USG-api", "api_calls", "2024-02-12", "50000", account="NOBODY"),  # another account
    ]


def downgrade_items():
    return [
        item("dwn-1", "DWN", "SEAT", "2024-01-01", "2024-02-05", qty="20", unit="50"),
        item("dwn-2", "DWN", "SEAT", "2024-02-05", "2024-03-05", qty="10", unit="50"),
        item("dwn-3", "DWN", "SEAT", "2024-03-05", "2024-04-05", qty="15", unit="50"),
        item("dwn-4", "DWN", "SEAT", "2024-04-05", qty="25", unit="50"),
    ]


def split_items():
    return [
        item("spl-1", "SPL", "SEAT", "2024-01-01", "2024-02-05", qty="20", unit="50"),
        item("spl-2", "SPL", "SEAT", "2024-02-05", "2024-03-05", qty="12", unit="50"),
        item("spl-3", "SPL", "SEAT", "2024-03-05", qty="16", unit="50"),
        item("spl-4", "SPL", "ADDON", "2024-03-05", unit="600", sub="SPL-addon"),
    ]


def churn_items():
    return [
        item("chn-1", "CHN", "FLAT", "2024-01-01", "2024-03-10", unit="500", sub="CHN-1"),
        item("chn-2", "CHN", "FLAT", "2024-05-02", "2024-06-01", unit="300", sub="CHN-2"),
        item("chn-3", "CHN", "FLAT", "2024-06-01", unit="600", sub="CHN-2"),
    ]


def horizon_items(updated="2024-06-15T10:00:00"):
    return [item("hzn-1", "HZN", "SEAT", "2024-01-15", unit="100", updated=updated)]


def inside_items():
    return [
        item("ina-1", "INA", "SEAT", "2024-01-05", "2024-01-20", unit="100"),
        item("inb-1", "INB", "SEAT", "2024-01-05", "2024-02-03", qty="4", unit="100"),
        item("inc-1", "INC", "SEAT", "2024-02-01", "2024-02-29", unit="100"),
        item("ind-1", "IND", "SEAT", "2024-02-29", "2024-03-01", unit="100"),
    ]


def fx_items():
    return [
        item("fxa-1", "FXA", "FLAT", "2024-01-01", unit="100", currency=" eur"),
        item("fxb-1", "FXB", "FLAT", "2024-01-01", "2024-02-10", unit="100", currency="EUR"),
    ]


def fx_rows():
    return rates(
        "EUR",
        {JAN: "1.10", FEB: "1.20", MAR: "1.05", APR: "1.05", MAY: "1.05", JUN: "1.05"},
    )


def peak_fx_items():
    return [
        item("mcp-1", "MCP", "FLAT", "2024-01-01", unit="500"),
        item("mcp-2", "MCP", "ADDON", "2024-01-01", "2024-02-10", unit="1000", currency="GBP"),
        item("mcp-3", "MCP", "ADDON", "2024-03-05", unit="800", currency="GBP", sub="MCP-2"),
    ]


def peak_fx_rows():
    return rates("GBP", {JAN: "1.0", FEB: "1.0", MAR: "1.5", APR: "1.5", MAY: "1.5", JUN: "1.5"})


def cohort_items():
    return [
        item("coa-1", "COA", "FLAT", "2024-01-01", unit="100"),
        item("cob-1", "COB", "FLAT", "2024-01-01", "2024-03-05", unit="300"),
        item("coc-1", "COC", "FLAT", "2024-02-01", unit="200"),
        item("cod-1", "COD", "FLAT", "2024-02-01", unit="100", currency="CHF"),
    ]


def cohort_rows():
    return rates("CHF", {FEB: "1.1", MAR: "1.2", APR: "1.2", MAY: "1.2", JUN: "1.2"})


def upsell_items():
    return [
        item("ups-1", "UPS", "SEAT", "2024-01-01", "2024-02-10", qty="10", unit="50"),
        item("ups-2", "UPS", "SEAT_PRO", "2024-02-10", "2024-04-10", qty="12", unit="80"),
        item("ups-3", "UPS", "SEAT", "2024-04-10", qty="12", unit="50"),
        item("ups-4", "UPS", "ADDON", "2024-01-01", "2024-03-10", unit="200", sub="UPS-addon"),
    ]


def t12m_items():
    return [
        item("t12x-1", "T12X", "SEAT", "2023-01-01", "2024-01-10", unit="100"),
        item("t12x-2", "T12X", "SEAT", "2024-01-10", unit="150"),
        item("t12y-1", "T12Y", "FLAT", "2023-01-01", "2023-07-15", unit="200"),
        item("t12z-1", "T12Z", "FLAT", "2023-06-01", "2024-01-20", unit="300"),
        item("t12z-2", "T12Z", "FLAT", "2024-01-20", unit="250"),
    ]


T12M_SEGMENTS = {"T12X": "SMB", "T12Y": "SMB", "T12Z": "Enterprise"}


# --------------------------------------------------------------------------------------------
# MRR
# --------------------------------------------------------------------------------------------


def test_annual_plan_is_divided_by_twelve_and_interval_applies_after_discount():
    ref = compute(dataset(annual_items()), as_of_date=d("2024-03-31"))
    assert ref.horizon_month == MAR
    assert {key: ref.account_months[key] for key in ref.account_months if key[0] == "ANN"} == {
        ("ANN", JAN): D(1000),
        ("ANN", FEB): D(1000),
        ("ANN", MAR): D(1000),
    }
    assert ref.account_months[("QTR", FEB)] == D(270)
    assert_row(ref.waterfall[("ANN", JAN)], new=1000, closing=1000, prior_peak=0)
    assert_row(ref.waterfall[("ANN", FEB)], opening=1000, opening_cc=1000, closing=1000)
    assert moves(ref, "ANN", JAN) == {("CORE", "new", None): D(1000)}
    assert moves(ref, "ANN", FEB) == {}
    assert ref.account_product_months[("ANN", "CORE", MAR)] == D(1000)


def test_discount_start_is_price_change_loss_and_end_restores_the_peak():
    ref = compute(dataset(discount_items()), as_of_date=d("2024-03-31"))
    assert [ref.account_months[("DSC", month)] for month in (JAN, FEB, MAR)] == [
        D(1000),
        D(800),
        D(1000),
    ]
    assert_row(
        ref.waterfall[("DSC", FEB)],
        opening=1000,
        opening_cc=1000,
        contraction=200,
        closing=800,
        prior_peak=1000,
    )
    assert moves(ref, "DSC", FEB) == {("CORE", "contraction", "price_change"): D(200)}
    # Discount ends: back up to the prior peak, so it is recovery, not expansion.
    assert_row(
        ref.waterfall[("DSC", MAR)],
        opening=800,
        opening_cc=800,
        recovery=200,
        closing=1000,
        prior_peak=1000,
    )
    assert moves(ref, "DSC", MAR) == {("CORE", "recovery", "price_change"): D(200)}

    prior = compute(
        dataset(discount_items()), as_of_date=d("2024-03-31"), expansion_basis="prior_month"
    )
    assert_row(
        prior.waterfall[("DSC", MAR)], opening=800, opening_cc=800, expansion=200, closing=1000
    )
    assert moves(prior, "DSC", MAR) == {("CORE", "expansion", "price_change"): D(200)}


def test_trial_carries_no_mrr_and_the_first_paid_month_is_new():
    ref = compute(dataset(trial_items()), as_of_date=d("2024-04-30"))
    assert sorted(ref.account_months) == [("TRL", FEB), ("TRL", MAR), ("TRL", APR)]
    assert ref.account_months[("TRL", FEB)] == D(200)
    assert_row(ref.waterfall[("TRL", FEB)], new=200, closing=200, prior_peak=0)
    assert moves(ref, "TRL", FEB) == {("CORE", "new", None): D(200)}
    assert ref.cohorts[(FEB, 0)]["cohort_accounts"] == 1
    assert (JAN, 0) not in ref.cohorts


def test_seat_add_and_add_on_in_the_same_month():
    ref = compute(dataset(seat_addon_items()), as_of_date=d("2024-02-29"))
    assert ref.account_months[("SAD", JAN)] == D(750)
    assert ref.account_months[("SAD", FEB)] == D(1750)
    assert_row(
        ref.waterfall[("SAD", FEB)],
        opening=750,
        opening_cc=750,
        expansion=1000,
        closing=1750,
        prior_peak=750,
    )
    assert moves(ref, "SAD", FEB) == {
        ("CORE", "expansion", "seat_growth"): D(750),  # (20 - 10) seats x 75
        ("ADDON", "expansion", "cross_sell"): D(250),
    }
    assert ref.expansion_by_motion[(FEB, "seat_growth")] == {
        "expansion": D(750),
        "recovery": D(0),
        "contraction": D(0),
    }
    assert ref.expansion_by_motion[(FEB, "cross_sell")]["expansion"] == D(250)
    by_product = ref.monthly_totals_by("product")
    assert by_product[(FEB, "ADDON")]["expansion"] == D(250)
    assert by_product[(FEB, "ADDON")]["opening"] == D(0)
    assert by_product[(FEB, "CORE")]["expansion"] == D(750)
    assert by_product[(FEB, "CORE")]["active_accounts"] == 1
    assert ref.account_product_months[("SAD", "ADDON", FEB)] == D(250)
    assert ("SAD", "ADDON", JAN) not in ref.account_product_months


def test_seat_and_price_change_together_and_seats_going_to_zero():
    items = [
        item("spc-1", "SPC", "SEAT", "2024-01-01", "2024-02-10", qty="10", unit="75"),
        item("spc-2", "SPC", "SEAT", "2024-02-10", "2024-03-10", qty="20", unit="80"),
        item("spc-3", "SPC", "SEAT", "2024-03-10", qty="0", unit="80"),
        item("spc-4", "SPC", "ADDON", "2024-01-01", unit="100", sub="SPC-addon"),
    ]
    ref = compute(dataset(items), as_of_date=d("2024-03-31"), expansion_basis="prior_month")
    # 10 x 75 -> 20 x 80: seats +10 at the new 80 = 800; price +5 on the old 10 seats = 50.
    assert moves(ref, "SPC", FEB) == {
        ("CORE", "expansion", "seat_growth"): D(800),
        ("CORE", "expansion", "price_change"): D(50),
    }
    # 20 -> 0 seats, still held: the old per-seat 80 prices the loss.
    assert moves(ref, "SPC", MAR) == {("CORE", "contraction", "seat_growth"): D(1600)}
    assert ref.account_product_months[("SPC", "CORE", MAR)] == D(0)  # held at MRR 0


def test_usage_overage_growth():
    raw = dataset(usage_items(), usage=usage_rows())
    ref = compute(raw, as_of_date=d("2024-02-29"))
    # Commitment 2 x 1000 units. Jan: 2500 used -> 500 x 0.01 = 5. Feb: 4000 -> 2000 x 0.01 = 20.
    assert ref.account_months[("USG", JAN)] == D(1005)
    assert ref.account_months[("USG", FEB)] == D(1020)
    assert moves(ref, "USG", FEB) == {("API", "expansion", "usage_growth"): D(15)}
    assert_row(
        ref.waterfall[("USG", FEB)],
        opening=1005,
        opening_cc=1005,
        expansion=15,
        closing=1020,
        prior_peak=1005,
    )

    no_usage = compute(raw, as_of_date=d("2024-02-29"), include_usage_in_mrr=False)
    assert no_usage.account_months[("USG", JAN)] == D(1000)
    assert no_usage.account_months[("USG", FEB)] == D(1000)
    assert moves(no_usage, "USG", FEB) == {}


# --------------------------------------------------------------------------------------------
# Peak basis, churn, reactivation
# --------------------------------------------------------------------------------------------


def test_downgrade_then_partial_restore_is_recovery_not_expansion():
    ref = compute(dataset(downgrade_items()), as_of_date=d("2024-04-30"))
    assert [ref.account_months[("DWN", m)] for m in (JAN, FEB, MAR, APR)] == [
        D(1000),
        D(500),
        D(750),
        D(1250),
    ]
    assert moves(ref, "DWN", FEB) == {("CORE", "contraction", "seat_growth"): D(500)}
    assert_row(
        ref.waterfall[("DWN", MAR)],
        opening=500,
        opening_cc=500,
        recovery=250,
        closing=750,
        prior_peak=1000,
    )
    assert moves(ref, "DWN", MAR) == {("CORE", "recovery", "seat_growth"): D(250)}
    # Apr: +500 with the peak 250 above the opening: 250 recovery, 250 expansion.
    assert_row(
        ref.waterfall[("DWN", APR)],
        opening=750,
        opening_cc=750,
        recovery=250,
        expansion=250,
        closing=1250,
        prior_peak=1000,
    )
    assert moves(ref, "DWN", APR) == {
        ("CORE", "recovery", "seat_growth"): D(250),
        ("CORE", "expansion", "seat_growth"): D(250),
    }

    prior = compute(
        dataset(downgrade_items()), as_of_date=d("2024-04-30"), expansion_basis="prior_month"
    )
    assert_row(
        prior.waterfall[("DWN", MAR)], opening=500, opening_cc=500, expansion=250, closing=750
    )
    assert prior.waterfall[("DWN", APR)]["expansion"] == D(500)
    assert prior.waterfall[("DWN", APR)]["recovery"] == D(0)


def test_recovery_is_taken_from_each_gaining_motion_in_proportion():
    ref = compute(dataset(split_items()), as_of_date=d("2024-03-31"))
    # Mar: gains 200 seat_growth + 600 cross_sell = 800; peak 1000 - opening 600 = 400 recovery.
    assert_row(
        ref.waterfall[("SPL", MAR)],
        opening=600,
        opening_cc=600,
        recovery=400,
        expansion=400,
        closing=1400,
        prior_peak=1000,
    )
    assert moves(ref, "SPL", MAR) == {
        ("CORE", "recovery", "seat_growth"): D(100),
        ("CORE", "expansion", "seat_growth"): D(100),
        ("ADDON", "recovery", "cross_sell"): D(300),
        ("ADDON", "expansion", "cross_sell"): D(300),
    }
    assert ref.expansion_by_motion[(MAR, "cross_sell")] == {
        "expansion": D(300),
        "recovery": D(300),
        "contraction": D(0),
    }


def test_churn_then_reactivation_and_regrowth_to_the_old_peak_is_recovery():
    ref = compute(dataset(churn_items()), as_of_date=d("2024-06-30"))
    assert [ref.account_months[("CHN", m)] for m in (JAN, FEB, MAR, APR, MAY, JUN)] == [
        D(500),
        D(500),
        D(0),
        D(0),
        D(300),
        D(600),
    ]
    assert_row(
        ref.waterfall[("CHN", MAR)],
        opening=500,
        opening_cc=500,
        churn=500,
        closing=0,
        prior_peak=500,
    )
    assert moves(ref, "CHN", MAR) == {("CORE", "churn", None): D(500)}
    assert_row(ref.waterfall[("CHN", APR)], closing=0, prior_peak=500)
    assert moves(ref, "CHN", APR) == {}
    assert_row(ref.waterfall[("CHN", MAY)], reactivation=300, closing=300, prior_peak=500)
    assert moves(ref, "CHN", MAY) == {("CORE", "reactivation", None): D(300)}
    # Jun: +300 with the peak (500) spanning the churn: 200 recovery, 100 expansion.
    assert_row(
        ref.waterfall[("CHN", JUN)],
        opening=300,
        opening_cc=300,
        recovery=200,
        expansion=100,
        closing=600,
        prior_peak=500,
    )
    assert moves(ref, "CHN", JUN) == {
        ("CORE", "recovery", "price_change"): D(200),
        ("CORE", "expansion", "price_change"): D(100),
    }
    assert ref.monthly_totals[APR]["active_accounts"] == 0
    assert ref.monthly_totals[MAY]["reactivation"] == D(300)


def test_upsell_is_one_net_movement_and_a_dropped_product_is_a_cross_sell_loss():
    ref = compute(dataset(upsell_items()), as_of_date=d("2024-04-30"))
    # Feb: 10 x 50 on SEAT -> 12 x 80 on SEAT_PRO: +460 as a single upsell, no seat split.
    assert moves(ref, "UPS", FEB) == {("CORE", "expansion", "upsell"): D(460)}
    assert moves(ref, "UPS", MAR) == {("ADDON", "contraction", "cross_sell"): D(200)}
    # Apr: back to SEAT, 12 x 50 = 600: a 360 downgrade.
    assert moves(ref, "UPS", APR) == {("CORE", "contraction", "upsell"): D(360)}
    assert_row(
        ref.waterfall[("UPS", APR)],
        opening=960,
        opening_cc=960,
        contraction=360,
        closing=600,
        prior_peak=1160,
    )


# --------------------------------------------------------------------------------------------
# Activity window and horizon
# --------------------------------------------------------------------------------------------


def test_open_ended_line_runs_to_the_horizon_of_complete_months():
    ref = compute(dataset(horizon_items()))  # as_of = latest updated_at date = 2024-06-15
    assert ref.as_of_date == d("2024-06-15")
    assert ref.horizon_month == MAY
    assert sorted(m for _, m in ref.account_months) == [JAN, FEB, MAR, APR, MAY]
    assert all(amount == D(100) for amount in ref.account_months.values())

    assert compute(dataset(horizon_items()), as_of_date="2024-06-30").horizon_month == JUN
    assert compute(dataset(horizon_items()), as_of_date="2024-06-29").horizon_month == MAY
    # updated_at is a UTC timestamp: 01:00 at +02:00 on Jul 1st is still Jun 30th in UTC.
    late = compute(dataset(horizon_items(updated="2024-07-01T01:00:00+02:00")))
    assert late.as_of_date == d("2024-06-30")
    assert late.horizon_month == JUN
    assert ("HZN", JUN) in late.account_months
    assert ("HZN", date(2024, 7, 1)) not in late.account_months


def test_a_line_inside_one_month_carries_no_mrr():
    ref = compute(dataset(inside_items()), as_of_date=d("2024-03-31"))
    accounts = {account for account, _ in ref.account_months}
    assert accounts == {"INB", "IND"}  # INA: Jan 5-20; INC: ends (exclusive) on Feb 29
    assert ref.account_months[("INB", JAN)] == D(400)
    assert_row(
        ref.waterfall[("INB", FEB)],
        opening=400,
        opening_cc=400,
        churn=400,
        closing=0,
        prior_peak=400,
    )
    # IND starts on Feb 29 and ends Mar 1: active at Feb's month end only.
    assert ref.account_months[("IND", FEB)] == D(100)
    assert ref.account_months[("IND", MAR)] == D(0)
    assert ref.waterfall[("IND", MAR)]["churn"] == D(100)


# --------------------------------------------------------------------------------------------
# FX
# --------------------------------------------------------------------------------------------


def test_an_fx_rate_change_alone_is_only_an_fx_adjustment():
    ref = compute(dataset(fx_items(), fx=fx_rows()), as_of_date=d("2024-03-31"))
    assert ref.account_months[("FXA", JAN)] == D("110.00")
    assert_row(
        ref.waterfall[("FXA", FEB)],
        opening=110,
        opening_cc=120,
        fx_adjustment=10,
        closing=120,
        prior_peak=120,
    )
    assert moves(ref, "FXA", FEB) == {("CORE", "fx_adjustment", None): D(10)}
    assert_row(
        ref.waterfall[("FXA", MAR)],
        opening=120,
        opening_cc=105,
        fx_adjustment=-15,
        closing=105,
        prior_peak=105,
    )  # Jan and Feb: 100 EUR each, at 1.05
    assert moves(ref, "FXA", MAR) == {("CORE", "fx_adjustment", None): D(-15)}
    assert ref.monthly_totals[FEB]["fx_adjustment"] == D(20)
    # Churn is measured at the month's rates, after the FX adjustment.
    assert_row(
        ref.waterfall[("FXB", FEB)],
        opening=110,
        opening_cc=120,
        fx_adjustment=10,
        churn=120,
        closing=0,
        prior_peak=120,
    )
    assert moves(ref, "FXB", FEB) == {
        ("CORE", "fx_adjustment", None): D(10),
        ("CORE", "churn", None): D(120),
    }


def test_a_missing_fx_rate_is_an_error_naming_currency_and_month():
    rows = [row for row in fx_rows() if row["rate_month"] != APR]
    with pytest.raises(ValueError, match=r"EUR.*2024-04-01"):
        compute(dataset(fx_items(), fx=rows), as_of_date=d("2024-04-30"))


def test_the_prior_peak_is_revalued_at_the_months_rates_per_currency():
    ref = compute(dataset(peak_fx_items(), fx=peak_fx_rows()), as_of_date=d("2024-03-31"))
    assert ref.account_months[("MCP", JAN)] == D(1500)  # 500 USD + 1000 GBP x 1.0
    assert moves(ref, "MCP", FEB) == {("ADDON", "contraction", "cross_sell"): D(1000)}
    # Mar: GBP at 1.5; Jan re-valued = 500 + 1500 = 2000 (not 1500 as reported in Jan).
    # Gain 800 GBP x 1.5 = 1200, all within 2000 - 500: all recovery.
    assert_row(
        ref.waterfall[("MCP", MAR)],
        opening=500,
        opening_cc=500,
        recovery=1200,
        closing=1700,
        prior_peak=2000,
    )
    assert moves(ref, "MCP", MAR) == {("ADDON", "recovery", "cross_sell"): D(1200)}


# --------------------------------------------------------------------------------------------
# Retention, ratios, cohorts
# --------------------------------------------------------------------------------------------


def test_t12m_and_monthly_retention_and_ratios():
    ref = compute(dataset(t12m_items(), segments=T12M_SEGMENTS), as_of_date=d("2024-01-31"))
    jan23, jun23, jul23, dec23 = d("2023-01-01"), d("2023-06-01"), d("2023-07-01"), d("2023-12-01")
    # Jan 2024 vs Jan 2023 (X 100, Y 200): now X 150, Y 0.
    assert ref.retention[(JAN, "all")]["t12m_nrr"] == D("0.5")
    assert ref.retention[(JAN, "all")]["t12m_grr"] == D(100) / D(300)
    assert ref.retention[(JAN, "SMB")]["t12m_nrr"] == D("0.5")
    assert ref.retention[(JAN, "Enterprise")]["t12m_nrr"] is None  # Z started Jun 2023
    assert ref.retention[(JAN, "Enterprise")]["t12m_grr"] is None
    assert ref.retention[(dec23, "all")]["t12m_nrr"] is None  # Dec 2022 is before the data
    assert ref.retention[(jan23, "all")]["nrr"] is None  # nobody had an opening
    # Jan 2024 monthly, opening X 100 + Z 300: X +50 price, Z -50 price.
    assert ref.retention[(JAN, "all")]["nrr"] == D(1)
    assert ref.retention[(JAN, "all")]["grr"] == D("0.875")
    assert ref.retention[(JAN, "Enterprise")]["grr"] == D(250) / D(300)
    # Jul 2023: Y (200) churns out of an opening of 600.
    assert ref.retention[(jul23, "all")]["nrr"] == D(400) / D(600)
    assert ref.retention[(jul23, "all")]["grr"] == D(400) / D(600)
    assert ref.retention[(jul23, "SMB")]["nrr"] == D(100) / D(300)

    assert ref.ratios[(JAN, "all")] == {
        "quick_ratio": D(1),  # (0 new + 50 expansion) / (0 churn + 50 contraction)
        "expansion_rate": D("0.125"),  # 50 / 400
        "expansion_share_of_net_new": D(1),
        "arpa": D(200),  # (150 + 250) / 2 active
    }
    assert ref.ratios[(JAN, "Enterprise")]["quick_ratio"] == D(0)
    assert ref.ratios[(JAN, "SMB")]["quick_ratio"] is None  # nothing lost
    assert ref.ratios[(JAN, "SMB")]["arpa"] == D(150)
    assert ref.ratios[(jun23, "all")]["expansion_share_of_net_new"] == D(0)
    assert ref.ratios[(jun23, "all")]["quick_ratio"] is None
    assert ref.ratios[(jul23, "all")]["quick_ratio"] == D(0)
    assert ref.ratios[(jul23, "all")]["arpa"] == D(200)  # (100 + 300) / 2
    segment = ref.monthly_totals_by("segment")
    assert segment[(jul23, "SMB")]["churn"] == D(200)
    assert segment[(jul23, "SMB")]["active_accounts"] == 1
    assert ref.monthly_totals_by("region")[(JAN, "unknown")]["closing"] == D(400)


def test_t12m_values_both_months_at_the_months_rates():
    months_2023 = {add_months(d("2023-01-01"), i): "1.0" for i in range(12)}
    raw = dataset(
        [item("t12e-1", "T12E", "FLAT", "2023-01-01", unit="100", currency="EUR")],
        fx=rates("EUR", {**months_2023, JAN: "1.2"}),
    )
    ref = compute(raw, as_of_date=d("2024-01-31"))
    assert ref.account_months[("T12E", JAN)] == D(120)
    # 100 EUR then and now, both at Jan 2024's 1.2: no growth, whatever the reported figures.
    assert ref.retention[(JAN, "all")]["t12m_nrr"] == D(1)
    assert ref.retention[(JAN, "all")]["t12m_grr"] == D(1)
    assert ref.retention[(JAN, "all")]["nrr"] == D(1)  # over opening_cc (120), not opening (100)
    assert ref.waterfall[("T12E", JAN)]["fx_adjustment"] == D(20)


def test_cohort_figures():
    ref = compute(dataset(cohort_items(), fx=cohort_rows()), as_of_date=d("2024-03-31"))
    assert set(ref.cohorts) == {(JAN, 0), (JAN, 1), (JAN, 2), (FEB, 0), (FEB, 1)}
    assert ref.cohorts[(JAN, 0)] == {
        "cohort_accounts": 2,
        "active_accounts": 2,
        "logo_retention": D(1),
        "cohort_starting_mrr": D(400),
        "cohort_mrr": D(400),
        "revenue_retention": D(1),
    }
    assert ref.cohorts[(JAN, 2)] == {
        "cohort_accounts": 2,
        "active_accounts": 1,
        "logo_retention": D("0.5"),
        "cohort_starting_mrr": D(400),
        "cohort_mrr": D(100),
        "revenue_retention": D("0.25"),
    }
    # Feb cohort: COC 200 USD + COD 100 CHF at 1.1 = 310; Mar at Mar's rate: 200 + 120 = 320.
    assert ref.cohorts[(FEB, 0)]["cohort_starting_mrr"] == D(310)
    assert ref.cohorts[(FEB, 1)]["cohort_mrr"] == D(320)
    assert ref.cohorts[(FEB, 1)]["revenue_retention"] == D(320) / D(310)
    assert ref.monthly_totals_by("region")[(MAR, "EMEA")]["active_accounts"] == 3


# --------------------------------------------------------------------------------------------
# Identities over every scenario at once
# --------------------------------------------------------------------------------------------


def all_scenarios():
    items = (
        annual_items()
        + discount_items()
        + trial_items()
        + seat_addon_items()
        + usage_items()
        + downgrade_items()
        + split_items()
        + churn_items()
        + horizon_items()
        + inside_items()
        + fx_items()
        + peak_fx_items()
        + cohort_items()
        + upsell_items()
        + t12m_items()
    )
    return dataset(
        items,
        segments=T12M_SEGMENTS,
        usage=usage_rows(),
        fx=fx_rows() + peak_fx_rows() + cohort_rows(),
    )


@pytest.mark.parametrize("basis", ["peak", "prior_month"])
@pytest.mark.parametrize("usage", [True, False])
def test_waterfall_identity_on_every_account_month(basis, usage):
    ref = compute(
        all_scenarios(),
        as_of_date=d("2024-06-30"),
        include_usage_in_mrr=usage,
        expansion_basis=basis,
    )
    assert ref.waterfall.keys() == ref.account_months.keys()
    per_account_month: dict = {}
    for (account, _product, month, kind, _motion), amount in ref.movements.items():
        assert amount != 0
        if kind != "fx_adjustment":
            assert amount > 0
        sums = per_account_month.setdefault((account, month), dict.fromkeys(FLOWS, D(0)))
        sums[kind] += amount
    for (account, month), row in ref.waterfall.items():
        rebuilt = (
            row["opening"]
            + row["fx_adjustment"]
            + row["new"]
            + row["reactivation"]
            + row["expansion"]
            + row["recovery"]
            - row["contraction"]
            - row["churn"]
        )
        assert row["closing"] == rebuilt, (account, month, row)
        assert row["closing"] == ref.account_months[(account, month)]
        assert row["fx_adjustment"] == row["opening_cc"] - row["opening"]
        following = (account, add_months(month, 1))
        if following in ref.waterfall:
            assert ref.waterfall[following]["opening"] == row["closing"]
        sums = per_account_month.get((account, month), dict.fromkeys(FLOWS, D(0)))
        for key in FLOWS:
            assert sums[key] == row[key], (account, month, key)
        if basis == "prior_month":
            assert row["recovery"] == 0
        product_mrr = sum(
            (
                v
                for (a, _p, m), v in ref.account_product_months.items()
                if (a, m) == (account, month)
            ),
            D(0),
        )
        assert product_mrr == row["closing"]

    for month, totals in ref.monthly_totals.items():
        rebuilt = (
            totals["opening"]
            + sum((totals[k] for k in FLOWS if k not in ("contraction", "churn")), D(0))
            - totals["contraction"]
            - totals["churn"]
        )
        assert totals["closing"] == rebuilt
        for dimension, keys in (
            ("segment", WATERFALL_KEYS),
            ("region", WATERFALL_KEYS),
            ("product", LINE_KEYS),
        ):
            groups = [v for (m, _), v in ref.monthly_totals_by(dimension).items() if m == month]
            for key in keys:
                assert sum((g[key] for g in groups), D(0)) == totals[key], (dimension, key)
            if dimension != "product":
                assert sum(g["active_accounts"] for g in groups) == totals["active_accounts"]
    for (month, motion), sums in ref.expansion_by_motion.items():
        assert any(sums.values()), (month, motion)
    # Usage only changes the USG account.
    assert ref.account_months[("USG", MAR)] == D(1000)


def test_load_raw_parses_types_dedupes_items_and_normalises_currencies(tmp_path):
    files = {
        "accounts": "account_id,account_name,segment,region,created_at\n"
        "A1,Acme,,EMEA,2023-05-01T10:00:00Z\n",
        "products": "product_id,product_name,is_add_on,parent_product_id\n"
        "CORE,Core,false,\nADDON,Add,TRUE,CORE\n",
        "plans": "plan_id,product_id,plan_name,tier_rank,pricing_model,billing_interval_months,"
        "currency,list_unit_amount,included_units,overage_unit_amount,usage_metric\n"
        "SEAT,CORE,Seat,1,per_seat,1, usd ,75.00,1,,\n",
        "subscription_items": "subscription_item_id,subscription_id,account_id,plan_id,quantity,"
        "unit_amount,discount_pct,currency,valid_from,valid_to,is_trial,updated_at\n"
        "I1,S1,A1,SEAT,10,75.00,,eur,2024-01-01,,false,2024-03-01 09:00:00\n"
        "I1,S1,A1,SEAT,12,75.00,,eur,2024-01-01,,false,2024-03-02 09:00:00\n"
        "I1,S1,A1,SEAT,99,75.00,,eur,2024-01-01,,false,2024-02-01 09:00:00\n",
        "fx_rates": "currency,rate_month,rate_to_reporting\neur ,2024-01-01,1.1\n"
        "EUR,2024-02-01,1.2\n",
    }
    for table, text in files.items():
        (tmp_path / f"{table}.csv").write_text(text)
    raw = load_raw(tmp_path)
    assert raw["usage_daily"] == [] and raw["invoice_lines"] == []
    assert raw["accounts"][0]["segment"] is None
    assert raw["accounts"][0]["created_at"] == datetime(2023, 5, 1, 10, 0)
    assert [p["is_add_on"] for p in raw["products"]] == [False, True]
    assert raw["products"][0]["parent_product_id"] is None
    plan_row = raw["plans"][0]
    assert plan_row["currency"] == "USD"
    assert plan_row["billing_interval_months"] == 1
    assert plan_row["list_unit_amount"] == D("75.00") and plan_row["overage_unit_amount"] is None
    (only,) = raw["subscription_items"]
    assert only["quantity"] == D(12) and only["currency"] == "EUR"
    assert only["valid_from"] == JAN and only["valid_to"] is None and only["is_trial"] is False
    assert [r["currency"] for r in raw["fx_rates"]] == ["EUR", "EUR"]

    ref = compute(raw)  # as_of 2024-03-02 -> horizon Feb
    assert ref.horizon_month == FEB
    assert ref.account_months == {("A1", JAN): D("990.0"), ("A1", FEB): D("1080.0")}
    assert ref.waterfall[("A1", FEB)]["fx_adjustment"] == D(90)
    assert ref.monthly_totals_by("segment")[(FEB, "unknown")]["closing"] == D(1080)

    (tmp_path / "plans.csv").unlink()
    with pytest.raises(FileNotFoundError):
        load_raw(tmp_path)


def test_a_line_holding_a_flat_fee_beside_seats_splits_seats_per_plan():
    # CORE holds FLAT (100) and SEAT (10 x 10) in January; in February the seats go to 12
    # on the same plans: seat growth is 2 x 10 = 20 and there is no price change (a line-wide
    # average per-unit MRR of 220 / 13 would invent one)
    items = [
        item("mix-1", "MIX", "FLAT", "2024-01-01", unit="100", sub="MIX-fee"),
        item("mix-2", "MIX", "SEAT", "2024-01-01", "2024-02-10", qty="10", unit="10"),
        item("mix-3", "MIX", "SEAT", "2024-02-10", qty="12", unit="10"),
    ]
    ref = compute(dataset(items), as_of_date=d("2024-02-29"))
    assert moves(ref, "MIX", FEB) == {("CORE", "expansion", "seat_growth"): D(20)}
