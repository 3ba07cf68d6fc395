"""Every mart of the sample build against the independent reference computation of metrics.md.

Money must agree within a cent (it agrees far closer: the SQL carries ten decimal places);
ratios within 1e-8. Both sides must have exactly the same rows.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from warehouse import MARTS, read_table

CENT = Decimal("0.01")
RATIO_TOLERANCE = Decimal("0.00000001")
COMPONENTS = {
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
}


def assert_close(actual, expected, tolerance, where):
    if expected is None or actual is None:
        assert actual is None and expected is None, f"{where}: {actual!r} != {expected!r}"
        return
    assert abs(Decimal(actual) - Decimal(expected)) <= tolerance, (
        f"{where}: mart {actual} != reference {expected}"
    )


@pytest.fixture(scope="module")
def marts(sample_build):
    with sample_build.connect() as con:
        yield {name: read_table(con, name) for name in MARTS}


def test_sample_covers_the_textbook_cases(sample_reference):
    types = {key[3] for key in sample_reference.movements}
    motions = {key[4] for key in sample_reference.movements if key[4]}
    assert types == {
        "new",
        "expansion",
        "contraction",
        "churn",
        "reactivation",
        "recovery",
        "fx_adjustment",
    }
    assert motions == {"cross_sell", "upsell", "seat_growth", "usage_growth", "price_change"}
    assert len({key[0] for key in sample_reference.account_months}) >= 250
    assert len({key[1] for key in sample_reference.account_months}) >= 36


def test_account_month_mrr(marts, sample_reference):
    rows = {(row["account_id"], row["month_start"]): row for row in marts["mrr_account_months"]}
    assert set(rows) == set(sample_reference.account_months)
    for key, expected in sample_reference.account_months.items():
        assert_close(rows[key]["mrr"], expected, CENT, key)
        assert_close(rows[key]["arr"], 12 * expected, CENT, key)


def test_account_product_month_mrr(marts, sample_reference):
    rows = {
        (row["account_id"], row["product_id"], row["month_start"]): row["mrr"]
        for row in marts["mrr_account_product_months"]
    }
    for key, expected in sample_reference.account_product_months.items():
        assert_close(rows.get(key, Decimal(0)), expected, CENT, key)
    for key, actual in rows.items():
        assert_close(actual, sample_reference.account_product_months.get(key, 0), CENT, key)


def test_account_month_waterfall_every_component(marts, sample_reference):
    rows = {
        (row["account_id"], row["month_start"]): row
        for row in marts["mrr_waterfall_account_months"]
    }
    assert set(rows) == set(sample_reference.waterfall)
    for key, expected in sample_reference.waterfall.items():
        for reference_name, mart_column in COMPONENTS.items():
            assert_close(rows[key][mart_column], expected[reference_name], CENT, (key, mart_column))
        assert_close(rows[key]["prior_peak_mrr"], expected["prior_peak"], CENT, key)


def test_line_level_movements(marts, sample_reference):
    rows = {
        (
            row["account_id"],
            row["product_id"],
            row["month_start"],
            row["movement_type"],
            row["motion"],
        ): row["amount"]
        for row in marts["mrr_movements"]
    }
    expected = {key: value for key, value in sample_reference.movements.items() if value != 0}
    assert set(rows) == set(expected)
    for key, value in expected.items():
        assert_close(rows[key], value, CENT, key)


def test_monthly_waterfall_totals_overall_and_by_dimension(marts, sample_reference):
    rows = {
        (row["dimension"], row["dimension_value"], row["month_start"]): row
        for row in marts["mrr_waterfall_months"]
    }
    expected = {
        ("overall", "all", month): sums for month, sums in sample_reference.monthly_totals.items()
    }
    for dimension in ("segment", "region", "product"):
        for (month, value), sums in sample_reference.monthly_totals_by(dimension).items():
            expected[(dimension, value, month)] = sums
    assert set(rows) == set(expected)
    for key, sums in expected.items():
        for reference_name, mart_column in COMPONENTS.items():
            assert_close(rows[key][mart_column], sums[reference_name], CENT, (key, mart_column))
        assert rows[key]["closing_accounts"] == sums["active_accounts"], key


def test_expansion_by_motion(marts, sample_reference):
    rows = {(row["month_start"], row["motion"]): row for row in marts["expansion_motion_months"]}
    for key, row in rows.items():
        expected = sample_reference.expansion_by_motion.get(key, {})
        for name in ("expansion", "recovery", "contraction"):
            assert_close(row[f"{name}_mrr"], expected.get(name, Decimal(0)), CENT, (key, name))
    assert set(sample_reference.expansion_by_motion) <= set(rows)


def test_nrr_grr_monthly_and_trailing(marts, sample_reference):
    rows = {(row["month_start"], row["dimension_value"]): row for row in marts["retention_months"]}
    assert set(rows) == set(sample_reference.retention)
    checked = 0
    for key, expected in sample_reference.retention.items():
        for name in ("nrr", "grr", "t12m_nrr", "t12m_grr"):
            assert_close(rows[key][name], expected[name], RATIO_TOLERANCE, (key, name))
            checked += expected[name] is not None
    assert checked > 100


def test_growth_ratios(marts, sample_reference):
    rows = {
        (row["month_start"], row["dimension_value"]): row for row in marts["growth_ratio_months"]
    }
    assert set(rows) == set(sample_reference.ratios)
    for key, expected in sample_reference.ratios.items():
        for name in ("quick_ratio", "expansion_rate", "expansion_share_of_net_new"):
            assert_close(rows[key][name], expected[name], RATIO_TOLERANCE, (key, name))
        assert_close(rows[key]["arpa"], expected["arpa"], CENT, (key, "arpa"))


def test_cohort_retention(marts, sample_reference):
    rows = {
        (row["cohort_month"], row["months_since_start"]): row for row in marts["cohort_retention"]
    }
    assert set(rows) == set(sample_reference.cohorts)
    for key, expected in sample_reference.cohorts.items():
        row = rows[key]
        assert row["cohort_accounts"] == expected["cohort_accounts"], key
        assert row["active_accounts"] == expected["active_accounts"], key
        assert_close(row["cohort_mrr"], expected["cohort_mrr"], CENT, key)
        assert_close(row["cohort_starting_mrr"], expected["cohort_starting_mrr"], CENT, key)
        assert_close(row["logo_retention"], expected["logo_retention"], RATIO_TOLERANCE, key)
        assert_close(row["revenue_retention"], expected["revenue_retention"], RATIO_TOLERANCE, key)
