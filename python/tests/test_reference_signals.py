"""Tests of the signals reference itself, on small hand-built datasets.

Every expected figure is worked out by hand from docs/expansion_signals.md. The reported day D is
2024-06-30 throughout (`as_of_date`); `ago(k)` is the day k days before D. Each threshold is
checked on both sides of its edge.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal as D  # noqa: N817 - short name keeps the hand-computed cases readable

import pytest
import reference_metrics
from reference_signals import (
    DAY_KEYS,
    DEFAULT_OWNERS,
    Owner,
    Signals,
    compute_signals,
    load_owners,
)
from warehouse import SAMPLE_DATA_DIR

REPORTED = date(2024, 6, 30)
JAN, FEB, MAR, APR, MAY, JUN = (date(2024, month, 1) for month in range(1, 7))
CSM, AM, AE = "customer_success_manager", "account_manager", "account_executive"


def ago(days: int) -> date:
    return REPORTED - timedelta(days)


def owners(threshold: str = "100000") -> dict[str, Owner]:
    """The seed's owner lookup with another escalation threshold."""
    roles = {
        "seat_upsell": CSM,
        "usage_tier": AM,
        "tier_upgrade": AM,
        "cross_sell": AE,
        "price_change": AM,
    }
    return {motion: Owner(role, D(threshold), AE) for motion, role in roles.items()}


# --------------------------------------------------------------------------------------------
# One price book, products and features for every scenario
# --------------------------------------------------------------------------------------------


def plan(plan_id, product_id, model, interval=1, *, tier=1, included=None, overage=None):
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
        "usage_metric": "api_calls" if model == "usage" else None,
    }


PLANS = [
    plan("SEAT", "CORE", "per_seat"),
    plan("SEAT5", "CORE", "per_seat", included="5"),  # 5 seats per unit of quantity
    plan("SEAT_ANNUAL", "CORE", "per_seat", 12),
    plan("SEAT_TOP", "CORE", "per_seat", tier=2),  # CORE's highest tier
    plan("ADDON_A", "ADDON_A", "flat"),
    plan("ADDON_B", "ADDON_B", "per_seat", included="1"),
    plan("API1", "API", "usage", included="1", overage="0"),  # commitment = quantity
    plan("API", "API", "usage", included="1000", overage="0.1"),
    plan("PLAIN", "PLAIN", "per_seat"),
]


def product(product_id, parent=None):
    return {
        "product_id": product_id,
        "product_name": product_id.title(),
        "is_add_on": parent is not None,
        "parent_product_id": parent,
    }


PRODUCTS = [
    product("CORE"),
    product("ADDON_A", "CORE"),
    product("ADDON_B", "CORE"),
    product("API"),
    product("PLAIN"),  # a core product without features
]
CORE_FEATURES = [f"C{index:03d}" for index in range(100)]  # so that 29/100 and 69/100 exist
FEATURES = [
    *({"feature_id": f, "product_id": "CORE", "feature_name": f} for f in CORE_FEATURES),
    {"feature_id": "A1", "product_id": "ADDON_A", "feature_name": "A1"},
    {"feature_id": "B1", "product_id": "ADDON_B", "feature_name": "B1"},
    {"feature_id": "P1", "product_id": "API", "feature_name": "P1"},
]


def item(
    item_id,
    account,
    plan_id,
    start="2024-01-01",
    end=None,
    *,
    unit="1",
    qty="1",
    discount=None,
    currency="USD",
    trial=False,
    sub=None,
):
    return {
        "subscription_item_id": item_id,
        "subscription_id": sub or f"{account}-{plan_id}",
        "account_id": account,
        "plan_id": plan_id,
        "quantity": D(qty),
        "unit_amount": D(unit),
        "discount_pct": None if discount is None else D(discount),
        "currency": currency,
        "valid_from": start if isinstance(start, date) else date.fromisoformat(start),
        "valid_to": end if end is None or isinstance(end, date) else date.fromisoformat(end),
        "is_trial": trial,
        "updated_at": datetime(2024, 1, 1),
    }


def seats(account, users, days):
    """One seat-activity row per day in `days` (days before D)."""
    return [{"account_id": account, "activity_date": ago(k), "active_users": users} for k in days]


def usage(account, by_day, plan_id="API1"):
    """usage_daily rows from {days before D: quantity}."""
    return [
        {
            "account_id": account,
            "subscription_id": f"{account}-{plan_id}",
            "usage_metric": "api_calls",
            "usage_date": ago(k),
            "quantity": D(quantity),
        }
        for k, quantity in sorted(by_day.items())
    ]


def adopt(account, count, *, on=0, features=None, events=1):
    """Feature events on one day for the first `count` CORE features (or the given ones)."""
    chosen = features if features is not None else CORE_FEATURES[:count]
    return [
        {"account_id": account, "feature_id": f, "usage_date": ago(on), "events": events}
        for f in chosen
    ]


def dataset(items, *, seat_rows=(), usage_rows=(), feature_rows=(), fx=()):
    accounts = sorted({row["account_id"] for row in items})
    return {
        "accounts": [
            {
                "account_id": a,
                "account_name": a,
                "segment": None,
                "region": None,
                "created_at": datetime(2023, 1, 1),
            }
            for a in accounts
        ],
        "products": PRODUCTS,
        "plans": PLANS,
        "subscription_items": list(items),
        "seat_activity": list(seat_rows),
        "usage_daily": list(usage_rows),
        "features": FEATURES,
        "feature_usage": list(feature_rows),
        "fx_rates": list(fx),
    }


def run(data, *, owner_lookup=None, history_days=40) -> Signals:
    reference = reference_metrics.compute(data, as_of_date=REPORTED)
    return compute_signals(data, reference, owner_lookup or owners(), history_days)


def on(signals: Signals, account: str, day: date = REPORTED) -> dict:
    return signals.days[(account, day)]


def plays_of(signals: Signals, account: str) -> dict:
    return {key[1:]: role for key, role in signals.plays.items() if key[0] == account}


# --------------------------------------------------------------------------------------------
# Seats
# --------------------------------------------------------------------------------------------


def test_utilization_79_9_percent_is_not_ready_80_percent_is():
    data = dataset(
        [item("u1", "U799", "SEAT", qty="1000"), item("u2", "U800", "SEAT", qty="1000")],
        seat_rows=seats("U799", 799, range(30)) + seats("U800", 800, range(30)),
        feature_rows=adopt("U799", 50) + adopt("U800", 50),
    )
    signals = run(data)
    assert on(signals, "U799")["seat_utilization"] == D("0.799")
    assert on(signals, "U799")["seat_ready_streak_days"] == 0
    assert on(signals, "U800")["seat_utilization"] == D("0.8")
    assert on(signals, "U800")["seat_ready_streak_days"] == 30
    assert plays_of(signals, "U799") == {}
    assert plays_of(signals, "U800") == {("seat_upsell", None): CSM}


def test_a_streak_of_29_days_is_not_ready_30_is():
    data = dataset(
        [item("s1", "S29", "SEAT", qty="10"), item("s2", "S30", "SEAT", qty="10")],
        seat_rows=(
            seats("S29", 8, range(29))
            + seats("S29", 7, [29])  # 70% the day before the streak
            + seats("S30", 8, range(30))
            + seats("S30", 7, [30])
        ),
        feature_rows=adopt("S29", 50) + adopt("S30", 50),
    )
    signals = run(data)
    assert on(signals, "S29")["seat_ready_streak_days"] == 29
    assert on(signals, "S30")["seat_ready_streak_days"] == 30
    assert on(signals, "S30", ago(1))["seat_ready_streak_days"] == 29
    assert on(signals, "S30", ago(30))["seat_ready_streak_days"] == 0
    assert plays_of(signals, "S29") == {}
    assert plays_of(signals, "S30") == {("seat_upsell", None): CSM}


def test_a_day_without_activity_or_without_seats_breaks_the_streak():
    gap_days = [k for k in range(40) if k != 20]
    data = dataset(
        [
            item("g1", "GAP", "SEAT", qty="10"),
            # no version is active on ago(10): valid_to is exclusive, the next one starts later
            item("n1", "NOSEAT", "SEAT", end=ago(10), qty="10"),
            item("n2", "NOSEAT", "SEAT", start=ago(9), qty="10"),
        ],
        seat_rows=seats("GAP", 9, gap_days) + seats("NOSEAT", 9, range(40)),
        feature_rows=adopt("GAP", 50) + adopt("NOSEAT", 50),
    )
    signals = run(data)
    gap = on(signals, "GAP", ago(20))
    assert (gap["active_users"], gap["seat_utilization"], gap["seat_ready_streak_days"]) == (
        None,
        None,
        0,
    )
    assert on(signals, "GAP", ago(21))["seat_ready_streak_days"] == 19  # ago(39) .. ago(21)
    assert on(signals, "GAP")["seat_ready_streak_days"] == 20  # ago(19) .. D
    assert plays_of(signals, "GAP") == {}
    hole = on(signals, "NOSEAT", ago(10))
    assert (hole["licensed_seats"], hole["active_users"], hole["seat_utilization"]) == (0, 9, None)
    assert on(signals, "NOSEAT")["seat_ready_streak_days"] == 10  # ago(9) .. D


def test_licensed_seats_and_commitment_count_every_active_paid_line():
    data = dataset(
        [
            item("l1", "LIC", "SEAT", qty="10"),  # included_units null: 1 seat per unit
            item("l2", "LIC", "SEAT5", qty="2"),  # 2 x 5 seats
            item("l3", "LIC", "ADDON_B", qty="3"),  # add-on per-seat lines count
            item("l4", "LIC", "SEAT", qty="100", trial=True, sub="LIC-trial"),  # trial: none
            item("l5", "LIC", "SEAT", end=ago(0), qty="100", sub="LIC-old"),  # ended on D
            item("l6", "LIC", "API1", qty="500"),  # 500 x 1
            item("l7", "LIC", "API", qty="2"),  # 2 x 1,000
        ],
        seat_rows=seats("LIC", 23, [0]),
    )
    day = on(run(data), "LIC")
    assert day["licensed_seats"] == 23
    assert day["seat_utilization"] == 1
    assert day["usage_commitment"] == 2500
    assert day["features_available"] == 100 + 1 + 1  # CORE, ADDON_B and API
    assert on(run(data), "LIC", ago(1))["licensed_seats"] == 123  # l5 still active


def test_streaks_are_capped_at_180_days_and_usage_windows_read_before_the_calendar():
    # history_days 10: the history starts on ago(9), the calendar 179 days earlier on ago(188)
    data = dataset(
        [
            item("c1", "LONG", "SEAT", "2023-01-01", qty="10"),
            item("c2", "LONG", "API1", "2023-01-01", qty="3000"),
        ],
        seat_rows=seats("LONG", 9, range(300)),
        usage_rows=usage("LONG", {k: 80 for k in range(300)}),  # exactly 80% of 3,000 a month
        feature_rows=adopt("LONG", 50),
    )
    signals = run(data, history_days=10)
    assert (signals.history_start, signals.calendar_start) == (ago(9), ago(188))
    assert on(signals, "LONG", ago(9))["seat_ready_streak_days"] == 180  # ago(188) .. ago(9)
    # ready on all 189 calendar days, capped at 180
    assert on(signals, "LONG")["seat_ready_streak_days"] == 180
    # usage before the calendar is read: the trailing 30 days are full on its first day too,
    # so the usage streak also runs from ago(188) and is capped
    assert on(signals, "LONG", ago(9))["usage_ready_streak_days"] == 180
    assert on(signals, "LONG")["usage_ready_streak_days"] == 180
    assert on(signals, "LONG", ago(9))["trailing_30d_usage"] == 2400
    assert on(signals, "LONG")["trailing_30d_usage"] == 2400


# --------------------------------------------------------------------------------------------
# Usage
# --------------------------------------------------------------------------------------------


def rising_usage(account):
    """260 - k calls k days before D (k = 0 .. 200): trailing-30 usage rises by 30 a day.

    Trailing 30 on ago(j) = sum of (260 - k) for k = j .. j + 29 = 7,365 - 30 j, so the
    least-squares slope over any 90 days is exactly 30.
    """
    return usage(account, {k: 260 - k for k in range(201)})


def test_projected_90_days_is_in_the_window_91_is_not():
    data = dataset(
        [
            item("p1", "P90", "API1", qty="10065", unit="0.01"),  # ARR 1,207.80: no escalation
            item("p2", "P91", "API1", qty="10066", unit="0.01"),
        ],
        usage_rows=rising_usage("P90") + rising_usage("P91"),
        feature_rows=adopt("P90", 0, features=["P1"]) + adopt("P91", 0, features=["P1"]),
    )
    signals = run(data)
    p90 = on(signals, "P90")
    assert p90["trailing_30d_usage"] == 7365
    assert p90["usage_commitment_ratio"] == D(7365) / D(10065)
    assert p90["usage_ready_streak_days"] == 0
    # (10,065 - 7,365) / 30 = 90 exactly
    assert (p90["projected_days_to_commitment"], p90["is_in_expansion_window"]) == (90, True)
    # (10,066 - 7,365) / 30 = 90.03 -> 91
    p91 = on(signals, "P91")
    assert (p91["projected_days_to_commitment"], p91["is_in_expansion_window"]) == (91, False)
    # the day before D: (10,065 - 7,335) / 30 = 91
    before = on(signals, "P90", ago(1))
    assert (before["projected_days_to_commitment"], before["is_in_expansion_window"]) == (91, False)
    assert plays_of(signals, "P90") == {("usage_tier", None): AM}
    assert plays_of(signals, "P91") == {}


def test_no_projection_when_flat_or_already_at_the_commitment():
    flat = usage("FLAT", {k: 10 for k in range(200)})
    data = dataset(
        [item("f1", "FLAT", "API1", qty="1000"), item("o1", "OVER", "API1", qty="7000")],
        usage_rows=flat + rising_usage("OVER"),
    )
    signals = run(data)
    assert on(signals, "FLAT")["trailing_30d_usage"] == 300
    assert on(signals, "FLAT")["projected_days_to_commitment"] is None  # slope 0
    assert on(signals, "OVER")["projected_days_to_commitment"] is None  # 7,365 >= 7,000
    assert on(signals, "OVER")["is_in_expansion_window"] is False


def test_usage_streak_of_30_days_at_exactly_80_percent_is_ready_29_is_not():
    # 80 calls a day: trailing 30 = 2,400; commitment 4,000 (60%) until the last 30 (29) days,
    # then 3,000 (exactly 80%). Flat usage: no projection, so only the streak can propose.
    steady = {k: 80 for k in range(200)}
    data = dataset(
        [
            item("r1", "R30", "API1", end=ago(29), qty="4000"),
            item("r2", "R30", "API1", start=ago(29), qty="3000"),
            item("r3", "R29", "API1", end=ago(28), qty="4000"),
            item("r4", "R29", "API1", start=ago(28), qty="3000"),
        ],
        usage_rows=usage("R30", steady) + usage("R29", steady),
        feature_rows=adopt("R30", 0, features=["P1"]) + adopt("R29", 0, features=["P1"]),
    )
    signals = run(data)
    assert on(signals, "R30")["usage_commitment_ratio"] == D("0.8")
    assert on(signals, "R30", ago(30))["usage_commitment_ratio"] == D("0.6")
    assert on(signals, "R30")["usage_ready_streak_days"] == 30
    assert on(signals, "R29")["usage_ready_streak_days"] == 29
    assert on(signals, "R30")["projected_days_to_commitment"] is None
    assert plays_of(signals, "R30") == {("usage_tier", None): AM}
    assert plays_of(signals, "R29") == {}


def test_consumption_growth_quarter_over_quarter():
    quarters = {k: 15 for k in range(90)} | {k: 10 for k in range(90, 180)}
    data = dataset(
        [item("q1", "QOQ", "API1", qty="100000"), item("q2", "NEW", "API1", qty="100000")],
        usage_rows=usage("QOQ", quarters) + usage("NEW", {k: 5 for k in range(90)}),
    )
    signals = run(data)
    assert on(signals, "QOQ")["consumption_growth_qoq"] == D("0.5")  # 1,350 / 900 - 1
    assert on(signals, "QOQ")["trailing_30d_usage"] == 450
    assert on(signals, "NEW")["consumption_growth_qoq"] is None  # nothing in the earlier quarter
    # ago(1): 1,345 over [ago(90), ago(1)] (89 x 15 + 10) / 890 over [ago(180), ago(91)] - 1
    assert on(signals, "QOQ", ago(1))["consumption_growth_qoq"] == D(1345) / D(890) - 1


# --------------------------------------------------------------------------------------------
# Feature adoption and plays
# --------------------------------------------------------------------------------------------


def test_breadth_29_percent_is_too_early_30_percent_is_not():
    data = dataset(
        [item("b1", "B29", "SEAT", qty="10"), item("b2", "B30", "SEAT", qty="10")],
        seat_rows=seats("B29", 9, range(30)) + seats("B30", 9, range(30)),
        feature_rows=adopt("B29", 29) + adopt("B30", 30),
    )
    signals = run(data)
    assert on(signals, "B29")["adoption_breadth"] == D("0.29")
    assert on(signals, "B30")["adoption_breadth"] == D("0.3")
    assert on(signals, "B29")["seat_ready_streak_days"] == 30
    assert plays_of(signals, "B29") == {}  # too early: nothing at all
    assert plays_of(signals, "B30") == {("seat_upsell", None): CSM}


def test_product_breadth_69_percent_is_not_deep_70_percent_is():
    data = dataset(
        [
            item("t1", "T69", "SEAT", qty="10"),
            item("t2", "T69", "ADDON_B", qty="10"),
            item("t3", "T70", "SEAT", qty="10"),
            item("t4", "T70", "ADDON_B", qty="10"),
            item("t5", "TOP", "SEAT", qty="5"),
            item("t6", "TOP", "SEAT_TOP", qty="5", sub="TOP-top"),
        ],
        feature_rows=adopt("T69", 69) + adopt("T70", 70) + adopt("TOP", 70),
    )
    signals = run(data)
    assert on(signals, "T70")["adoption_breadth"] == D(70) / D(101)  # B1 is available too
    assert plays_of(signals, "T69") == {}
    # Team tier 1 < CORE's top tier 2; ADDON_A is not held, ADDON_B is
    assert plays_of(signals, "T70") == {("tier_upgrade", "CORE"): AM, ("cross_sell", "ADDON_A"): AE}
    # the highest tier held is the top tier; neither add-on is held
    assert plays_of(signals, "TOP") == {
        ("cross_sell", "ADDON_A"): AE,
        ("cross_sell", "ADDON_B"): AE,
    }


def test_features_count_in_the_trailing_90_days_with_events_of_held_products_only():
    data = dataset(
        [item("w1", "WIN", "SEAT", qty="10")],
        feature_rows=(
            adopt("WIN", 0, features=["C000"], on=89)  # inside [D-89, D]
            + adopt("WIN", 0, features=["C001"], on=90)  # one day too old on D
            + adopt("WIN", 0, features=["C002"], events=0)  # a row without events
            + adopt("WIN", 0, features=["A1"])  # ADDON_A is not held
        ),
    )
    signals = run(data)
    assert (on(signals, "WIN")["features_used_90d"], on(signals, "WIN")["features_available"]) == (
        1,
        100,
    )
    assert on(signals, "WIN")["adoption_breadth"] == D("0.01")
    assert on(signals, "WIN", ago(1))["features_used_90d"] == 2


def test_no_features_means_null_breadth_which_is_not_too_early():
    data = dataset(
        [item("x1", "PLN", "PLAIN", qty="10")],
        seat_rows=seats("PLN", 10, range(30)),
    )
    signals = run(data)
    day = on(signals, "PLN")
    assert (day["features_used_90d"], day["features_available"], day["adoption_breadth"]) == (
        0,
        0,
        None,
    )
    assert plays_of(signals, "PLN") == {("seat_upsell", None): CSM}


def test_escalation_applies_above_the_threshold_not_at_it():
    data = dataset(
        [
            item("e1", "AT", "SEAT", qty="10", unit="100"),  # MRR 1,000: ARR exactly 12,000
            item("e2", "ABOVE", "SEAT", qty="10", unit="100.01"),  # ARR 12,001.20
        ],
        seat_rows=seats("AT", 9, range(30)) + seats("ABOVE", 9, range(30)),
        feature_rows=adopt("AT", 50) + adopt("ABOVE", 50),
    )
    signals = run(data, owner_lookup=owners("12000"))
    assert plays_of(signals, "AT") == {("seat_upsell", None): CSM}
    assert plays_of(signals, "ABOVE") == {("seat_upsell", None): AE}
    assert signals.play_arr[("AT", "seat_upsell", None)] == D("12000")
    assert signals.play_arr[("ABOVE", "seat_upsell", None)] == D("12001.20")


def test_history_covers_the_last_days_of_accounts_with_activity_in_them():
    data = dataset(
        [item("h1", "RECENT", "SEAT"), item("h2", "OLD", "SEAT"), item("h3", "FEAT", "SEAT")],
        seat_rows=seats("RECENT", 1, [5]) + seats("OLD", 1, [10]),
        feature_rows=adopt("FEAT", 1, on=9),
    )
    signals = run(data, history_days=10)
    assert signals.history_start == ago(9)
    assert set(signals.days) == {(a, ago(k)) for a in ("RECENT", "FEAT") for k in range(10)}
    assert all(set(row) == set(DAY_KEYS) for row in signals.days.values())


# --------------------------------------------------------------------------------------------
# Price floor
# --------------------------------------------------------------------------------------------


def test_price_floor_flags_a_lower_per_unit_price_not_an_equal_one():
    data = dataset(
        [
            # 10 -> 15 seats at the same 100.00: expansion, no breach
            item("pe1", "EQUAL", "SEAT", end="2024-05-01", qty="10", unit="100"),
            item("pe2", "EQUAL", "SEAT", start="2024-05-01", qty="15", unit="100"),
            # 10 -> 15 seats at 90.00: gap (100 - 90) x 15 = 150 in May only (June: no expansion)
            item("pb1", "BELOW", "SEAT", end="2024-05-01", qty="10", unit="100"),
            item("pb2", "BELOW", "SEAT", start="2024-05-01", qty="15", unit="90"),
            # annual 1,200 / 12 = 100 a month, then monthly 100 with 10% off = 90 (an upsell)
            item("pn1", "NORM", "SEAT_ANNUAL", end="2024-05-01", qty="10", unit="1200"),
            item("pn2", "NORM", "SEAT", start="2024-05-01", qty="15", unit="100", discount="10"),
            # EUR 100 -> EUR 95 at May's rate 1.1: (110 - 104.5) x 15 = 82.5
            item("pf1", "FX", "SEAT", end="2024-05-01", qty="10", unit="100", currency="EUR"),
            item("pf2", "FX", "SEAT", start="2024-05-01", qty="15", unit="95", currency="EUR"),
            # two first versions on one day: the lower item id (120.00) is the floor
            item("pt1", "TIE", "SEAT", qty="5", unit="120", sub="TIE-1"),
            item("pt2", "TIE", "SEAT", end="2024-05-01", qty="5", unit="80", sub="TIE-2"),
            item("pt3", "TIE", "SEAT", start="2024-05-01", qty="10", unit="80", sub="TIE-2"),
        ],
        fx=[
            {"currency": "EUR", "rate_month": m, "rate_to_reporting": D("1.1")}
            for m in (JAN, FEB, MAR, APR, MAY, JUN)
        ],
    )
    signals = run(data)
    assert signals.price_floor == {
        ("BELOW", "CORE", MAY): D(150),
        ("NORM", "CORE", MAY): D(150),
        ("FX", "CORE", MAY): D("82.5"),
        ("TIE", "CORE", MAY): D(400),  # (120 - 80) x 10; the 120.00 line is not below itself
    }


# --------------------------------------------------------------------------------------------
# Expansion attribution
# --------------------------------------------------------------------------------------------


def test_attribution_by_owner_and_motion_kind_leaves_recovery_out():
    data = dataset(
        [
            item("as1", "SEATS", "SEAT", end="2024-03-01", qty="10", unit="100"),
            item("as2", "SEATS", "SEAT", start="2024-03-01", qty="12", unit="100"),
            item("ac1", "CROSS", "SEAT", qty="10", unit="100"),
            item("ac2", "CROSS", "ADDON_A", start="2024-03-01", unit="50"),
            item("au1", "UP", "SEAT", end="2024-03-01", qty="10", unit="100"),
            item("au2", "UP", "SEAT_TOP", start="2024-03-01", qty="10", unit="150", sub="UP-2"),
            item("ap1", "PRICE", "SEAT", end="2024-03-01", qty="10", unit="100"),
            item("ap2", "PRICE", "SEAT", start="2024-03-01", qty="10", unit="110"),
            item("ab1", "BIG", "SEAT", end="2024-03-01", qty="1000", unit="100"),
            item("ab2", "BIG", "SEAT", start="2024-03-01", qty="1010", unit="100"),
            item("ag1", "USAGE", "API", unit="10"),
            item("ar1", "BACK", "SEAT", end="2024-02-01", qty="10", unit="100"),
            item("ar2", "BACK", "SEAT", start="2024-02-01", end="2024-03-01", qty="5", unit="100"),
            item("ar3", "BACK", "SEAT", start="2024-03-01", qty="10", unit="100"),
        ],
        # 1,000 included: 2,000 calls in March is 1,000 over at 0.1 = 100 of usage growth
        usage_rows=usage("USAGE", {(REPORTED - date(2024, 3, 15)).days: 2000}, plan_id="API"),
    )
    signals = run(data)
    assert signals.attribution == {
        (MAR, CSM, "organic"): D(200),  # 2 seats x 100
        (MAR, AE, "organic"): D(1000),  # opening ARR 1.2M: escalated
        (MAR, AM, "organic"): D(100),  # usage growth -> usage_tier -> account manager
        (MAR, AE, "deliberate"): D(50),  # cross-sell
        (MAR, AM, "deliberate"): D(500),  # upsell -> tier_upgrade -> account manager
        (MAR, AM, "pricing"): D(100),
    }


def test_attribution_escalates_on_opening_arr_strictly_above_the_threshold():
    data = dataset(
        [
            item("x1", "AT", "SEAT", end="2024-03-01", qty="10", unit="100"),  # opening 12,000
            item("x2", "AT", "SEAT", start="2024-03-01", qty="12", unit="100"),
            item("y1", "ABOVE", "SEAT", end="2024-03-01", qty="10", unit="100.01"),
            item("y2", "ABOVE", "SEAT", start="2024-03-01", qty="12", unit="100.01"),
        ]
    )
    signals = run(data, owner_lookup=owners("12000"))
    assert signals.attribution == {(MAR, CSM, "organic"): D(200), (MAR, AE, "organic"): D("200.02")}


# --------------------------------------------------------------------------------------------
# The owner seed and the sample's signal accounts (docs/walkthrough_accounts.md)
# --------------------------------------------------------------------------------------------


def test_the_owner_seed():
    assert load_owners(DEFAULT_OWNERS) == owners()


@pytest.fixture(scope="module")
def sample_signals():
    raw = reference_metrics.load_raw(SAMPLE_DATA_DIR)
    return compute_signals(raw, reference_metrics.compute(raw), load_owners())


SIGNAL_ACCOUNT_PLAYS = {
    "acct_sig_seat_cap": {("seat_upsell", None): CSM},
    "acct_sig_usage_trend": {("usage_tier", None): AM},
    "acct_sig_shallow": {},
    "acct_sig_deep_no_addon": {
        ("tier_upgrade", "prod_core"): AE,
        ("cross_sell", "prod_analytics"): AE,
    },
}


def test_sample_signal_accounts_get_their_documented_plays(sample_signals):
    assert sample_signals.reported_day == date(2026, 10, 31)
    for account, expected in SIGNAL_ACCOUNT_PLAYS.items():
        assert plays_of(sample_signals, account) == expected, account


def test_sample_signal_accounts_documented_values(sample_signals):
    def day(account, text="2026-10-31"):
        return sample_signals.days[(account, date.fromisoformat(text))]

    seat_cap = day("acct_sig_seat_cap")
    assert (seat_cap["licensed_seats"], seat_cap["active_users"]) == (20, 19)
    assert seat_cap["seat_ready_streak_days"] == 45
    assert day("acct_sig_seat_cap", "2026-09-17")["seat_utilization"] == D("0.8")
    assert day("acct_sig_seat_cap", "2026-10-15")["seat_ready_streak_days"] == 29
    assert seat_cap["adoption_breadth"] == D(4) / D(7)
    trend = day("acct_sig_usage_trend")
    assert (trend["usage_commitment"], trend["trailing_30d_usage"]) == (100000, 73020)
    assert trend["projected_days_to_commitment"] == 75
    assert trend["consumption_growth_qoq"] == D(186660) / D(89460) - 1
    assert day("acct_sig_usage_trend", "2026-10-16")["projected_days_to_commitment"] == 90
    assert day("acct_sig_usage_trend", "2026-10-15")["projected_days_to_commitment"] == 91
    shallow = day("acct_sig_shallow")
    assert (shallow["seat_ready_streak_days"], shallow["adoption_breadth"]) == (72, D(2) / D(7))
    assert day("acct_sig_shallow", "2026-08-20")["seat_utilization"] is None
    deep = day("acct_sig_deep_no_addon")
    assert (deep["features_used_90d"], deep["features_available"]) == (7, 10)
    assert sample_signals.play_arr[("acct_sig_deep_no_addon", "cross_sell", "prod_analytics")] == (
        D("106200")
    )
    assert sample_signals.price_floor[
        ("acct_sig_deep_no_addon", "prod_core", date(2026, 2, 1))
    ] == (D(550))
    assert ("acct_sig_seat_cap", "prod_core", date(2026, 3, 1)) not in sample_signals.price_floor
