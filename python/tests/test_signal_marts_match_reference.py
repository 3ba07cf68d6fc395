"""The signal marts of the sample build against the independent signals reference.

`reference_signals.py` recomputes docs/expansion_signals.md from the same sample CSVs. Both sides
must have exactly the same rows; money agrees within a cent, ratios and quantities within 1e-9,
day counts, feature counts and flags exactly. The four named signal accounts
(docs/walkthrough_accounts.md) must get exactly their documented plays.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
import reference_metrics
from reference_signals import DAY_KEYS, compute_signals, load_owners
from warehouse import SAMPLE_DATA_DIR, read_table

CENT = Decimal("0.01")
TOLERANCE = Decimal("1e-9")
EXACT_KEYS = (
    "active_users",
    "seat_ready_streak_days",
    "usage_ready_streak_days",
    "projected_days_to_commitment",
    "is_in_expansion_window",
    "features_used_90d",
    "features_available",
)
CLOSE_KEYS = tuple(key for key in DAY_KEYS if key not in EXACT_KEYS)
SIGNAL_MARTS = (
    "signal_account_days",
    "expansion_plays",
    "price_floor_breaches",
    "expansion_attribution_months",
)
CSM, AM, AE = "customer_success_manager", "account_manager", "account_executive"
SIGNAL_ACCOUNT_PLAYS = {
    "acct_sig_seat_cap": {("seat_upsell", None): CSM},
    "acct_sig_usage_trend": {("usage_tier", None): AM},
    "acct_sig_shallow": {},
    # ARR 106,200 is above the 100,000 threshold: the account executive owns both plays
    "acct_sig_deep_no_addon": {
        ("tier_upgrade", "prod_core"): AE,
        ("cross_sell", "prod_analytics"): AE,
    },
}


def differs(actual, expected, tolerance: Decimal | None) -> bool:
    """True when the mart value and the reference value disagree (None only matches None)."""
    if actual is None or expected is None:
        return actual is not expected
    if tolerance is None:
        return actual != expected
    return abs(Decimal(str(actual)) - Decimal(expected)) > tolerance


def assert_no_differences(differences: list[str]) -> None:
    """Fail listing the first differences (and how many there are)."""
    assert not differences, f"{len(differences)} differences, e.g.:\n" + "\n".join(differences[:20])


@pytest.fixture(scope="module")
def marts(sample_build):
    with sample_build.connect() as con:
        yield {name: read_table(con, name) for name in SIGNAL_MARTS}


@pytest.fixture(scope="module")
def signals(sample_reference):
    raw = reference_metrics.load_raw(SAMPLE_DATA_DIR)
    return compute_signals(raw, sample_reference, load_owners())


def test_the_sample_covers_every_play_motion_and_an_escalation(signals):
    assert {key[1] for key in signals.plays} == {
        "seat_upsell",
        "usage_tier",
        "tier_upgrade",
        "cross_sell",
    }
    escalated = {key for key, role in signals.plays.items() if signals.play_arr[key] > 100000}
    assert escalated and all(signals.plays[key] == AE for key in escalated)
    assert signals.price_floor
    assert {key[2] for key in signals.attribution} == {"organic", "deliberate", "pricing"}


def test_signal_account_days(marts, signals):
    rows = {(row["account_id"], row["activity_date"]): row for row in marts["signal_account_days"]}
    assert len(rows) == len(marts["signal_account_days"]), "duplicate account-days"
    differences = [
        f"{account}: {count} account-days only in the {side}"
        for side, keys in (
            ("mart", set(rows) - set(signals.days)),
            ("reference", set(signals.days) - set(rows)),
        )
        for account, count in sorted(Counter(key[0] for key in keys).items())
    ]
    for key, expected in sorted(signals.days.items()):
        if key not in rows:
            continue
        for column in DAY_KEYS:
            tolerance = None if column in EXACT_KEYS else TOLERANCE
            if differs(rows[key][column], expected[column], tolerance):
                differences.append(
                    f"{key} {column}: mart {rows[key][column]!r} != {expected[column]!r}"
                )
    assert_no_differences(differences)


def test_expansion_plays(marts, signals):
    rows = {
        (row["account_id"], row["play_motion"], row["product_id"]): row
        for row in marts["expansion_plays"]
    }
    assert len(rows) == len(marts["expansion_plays"]), "duplicate plays"
    assert set(rows) == set(signals.plays)
    differences = []
    for key, role in sorted(signals.plays.items(), key=str):
        if rows[key]["owner_role"] != role:
            differences.append(f"{key} owner_role: mart {rows[key]['owner_role']} != {role}")
        if differs(rows[key]["account_arr"], signals.play_arr[key], CENT):
            differences.append(f"{key} account_arr: {rows[key]['account_arr']}")
    assert_no_differences(differences)


def test_the_signal_accounts_get_exactly_their_plays(marts):
    for account, expected in SIGNAL_ACCOUNT_PLAYS.items():
        actual = {
            (row["play_motion"], row["product_id"]): row["owner_role"]
            for row in marts["expansion_plays"]
            if row["account_id"] == account
        }
        assert actual == expected, account


def test_price_floor_breaches(marts, signals):
    rows = {
        (row["account_id"], row["product_id"], row["month_start"]): row["gap_mrr"]
        for row in marts["price_floor_breaches"]
    }
    assert len(rows) == len(marts["price_floor_breaches"]), "duplicate breaches"
    assert set(rows) == set(signals.price_floor)
    assert_no_differences(
        [
            f"{key}: mart {rows[key]} != {gap}"
            for key, gap in sorted(signals.price_floor.items())
            if differs(rows[key], gap, CENT)
        ]
    )


def test_expansion_attribution_months(marts, signals):
    rows = {
        (row["month_start"], row["owner_role"], row["motion_kind"]): row["expansion_mrr"]
        for row in marts["expansion_attribution_months"]
    }
    assert len(rows) == len(marts["expansion_attribution_months"]), "duplicate rows"
    assert set(rows) == set(signals.attribution)
    assert_no_differences(
        [
            f"{key}: mart {rows[key]} != {amount}"
            for key, amount in sorted(signals.attribution.items())
            if differs(rows[key], amount, CENT)
        ]
    )
