"""Independent reference implementation of the expansion-readiness signals and plays.

Written from `docs/expansion_signals.md` (and the signals section of the design's `metrics.md`)
only, never from the project's SQL, so that it can serve as a test oracle for the signal marts.
Pure standard library: quantities and money are `decimal.Decimal` at 50 significant digits,
every threshold is compared exactly (`fractions.Fraction`) and so is the least-squares slope.

Public API:
- `load_owners(path)`: the play-owner lookup (`seeds/play_owners.csv`).
- `compute_signals(raw, reference, owners, history_days=180)`: the daily signals of every account
  with activity in the history, the plays on the reported day with their owners, the price-floor
  breaches and the expansion attribution, returned as a `Signals` of plain dicts. `raw` is as
  from `reference_metrics.load_raw`; `reference` is `reference_metrics.compute(raw)` (the
  reported day, the horizon month's MRR, the waterfall and the movements come from it).

Days are computed on a calendar that starts 179 days before the history, so every 30-, 90- and
180-day window is full on each history day. Usage windows read the account's usage whatever the
calendar (on a lead day too), and a streak is capped at 180 days, so a history day's values do
not depend on where the calendar starts.
"""

from __future__ import annotations

import csv
import math
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any

from reference_metrics import (
    PRECISION,
    SCHEMA,
    ZERO,
    Reference,
    _dedupe_items,
    _normalise_table,
    last_day,
)

HUNDRED = Decimal(100)
TWELVE = Decimal(12)
DEFAULT_OWNERS = Path(__file__).resolve().parents[2] / "seeds" / "play_owners.csv"

READY_RATIO = Fraction(4, 5)  # seat utilization and usage commitment ratio: >= 80%
STREAK_DAYS = 30  # ready when the streak on the reported day is >= 30
TRAILING_USAGE_DAYS = 30
QUARTER_DAYS = 90
REGRESSION_DAYS = 90
WINDOW_DAYS = 90  # in the expansion window when 0 < projected days <= 90
FEATURE_WINDOW_DAYS = 90
DEEP_ADOPTION = Fraction(7, 10)
TOO_EARLY = Fraction(3, 10)
CALENDAR_LEAD_DAYS = 179  # the calendar starts this many days before the history
STREAK_CAP_DAYS = 180  # a streak counts back this many days at most

# The least-squares sums of x = 0 .. REGRESSION_DAYS - 1 (the slope does not depend on x's origin).
_SX = sum(range(REGRESSION_DAYS))
_SXX = sum(x * x for x in range(REGRESSION_DAYS))
_SLOPE_DENOMINATOR = REGRESSION_DAYS * _SXX - _SX * _SX

# movement motion -> (play motion that owns it, motion kind)
MOTION_PLAYS = {
    "seat_growth": ("seat_upsell", "organic"),
    "usage_growth": ("usage_tier", "organic"),
    "upsell": ("tier_upgrade", "deliberate"),
    "cross_sell": ("cross_sell", "deliberate"),
    "price_change": ("price_change", "pricing"),
}
DAY_KEYS = (
    "licensed_seats",
    "active_users",
    "seat_utilization",
    "seat_ready_streak_days",
    "usage_commitment",
    "trailing_30d_usage",
    "usage_commitment_ratio",
    "usage_ready_streak_days",
    "consumption_growth_qoq",
    "projected_days_to_commitment",
    "is_in_expansion_window",
    "features_used_90d",
    "features_available",
    "adoption_breadth",
)

# --------------------------------------------------------------------------------------------
# Owners
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Owner:
    """One row of play_owners: who owns a play motion, and above which ARR someone else does."""

    owner_role: str
    escalation_arr_threshold: Decimal
    escalation_owner_role: str

    def role_for(self, arr: Decimal) -> str:
        """The owning role for an account of this ARR (escalated strictly above the threshold)."""
        if arr > self.escalation_arr_threshold:
            return self.escalation_owner_role
        return self.owner_role


def load_owners(path: Path = DEFAULT_OWNERS) -> dict[str, Owner]:
    """Read the play-owner lookup: {play_motion: Owner}."""
    with Path(path).open(newline="", encoding="utf-8-sig") as handle:
        return {
            row["play_motion"].strip(): Owner(
                row["owner_role"].strip(),
                Decimal(row["escalation_arr_threshold"].strip()),
                row["escalation_owner_role"].strip(),
            )
            for row in csv.DictReader(handle)
        }


def _owner(owners: dict[str, Owner], play_motion: str) -> Owner:
    """The owner row of a play motion; a motion missing from the lookup is an error."""
    try:
        return owners[play_motion]
    except KeyError:
        raise ValueError(f"play_owners has no row for play motion {play_motion!r}") from None


# --------------------------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------------------------


@dataclass
class Signals:
    """Every signal of docs/expansion_signals.md, as plain dicts keyed by tuples.

    - days[(account_id, day)]: the DAY_KEYS values (None where the rules say null).
    - plays[(account_id, play_motion, product_id or None)]: the owner role.
    - play_arr[same key]: the account ARR the owner was chosen with (12 x horizon-month MRR).
    - price_floor[(account_id, product_id, month_start)]: the gap in MRR (reporting currency).
    - attribution[(month_start, owner_role, motion_kind)]: expansion MRR.
    """

    reported_day: date | None
    history_start: date | None
    calendar_start: date | None = None
    days: dict[tuple[str, date], dict[str, Any]] = field(default_factory=dict)
    plays: dict[tuple[str, str, str | None], str] = field(default_factory=dict)
    play_arr: dict[tuple[str, str, str | None], Decimal] = field(default_factory=dict)
    price_floor: dict[tuple[str, str, date], Decimal] = field(default_factory=dict)
    attribution: dict[tuple[date, str, str], Decimal] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Version:
    """A paid subscription item version with the price-book facts the signals need."""

    item_id: str
    account_id: str
    product_id: str
    pricing_model: str
    tier_rank: int | None
    interval: int
    included_units: Decimal | None
    quantity: Decimal
    unit_amount: Decimal
    discount_pct: Decimal
    currency: str | None
    valid_from: date
    valid_to: date | None

    def active_on(self, day: date) -> bool:
        """valid_from <= day and (valid_to is null or valid_to > day)."""
        return self.valid_from <= day and (self.valid_to is None or self.valid_to > day)

    def per_unit(self) -> Decimal:
        """Per-unit price after discount, normalised to a month, in the line's currency."""
        return self.unit_amount * (1 - self.discount_pct / HUNDRED) / self.interval


@dataclass
class _Inputs:
    """The raw tables reshaped for the signal rules."""

    versions: dict[str, list[_Version]]
    products: dict[str, dict]
    top_tier: dict[str, int]
    features_of: dict[str, set[str]]
    feature_product: dict[str, str]
    active_users: dict[str, dict[date, int]]
    usage: dict[str, dict[date, Decimal]]
    feature_days: dict[tuple[str, str], list[date]]
    fx: dict[tuple[str, date], Decimal]


def _tables(raw: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Typed copies of every contract table (strings parsed, items deduplicated)."""
    tables = {table: _normalise_table(table, raw.get(table) or []) for table in SCHEMA}
    tables["subscription_items"] = _dedupe_items(tables["subscription_items"])
    return tables


def _paid_versions(tables: dict[str, list[dict]]) -> dict[str, list[_Version]]:
    """Every paid (non-trial) version with a valid_from, per account."""
    plans = {plan["plan_id"]: plan for plan in tables["plans"]}
    versions: dict[str, list[_Version]] = defaultdict(list)
    for item in tables["subscription_items"]:
        if item["is_trial"] or item["valid_from"] is None:
            continue
        plan = plans.get(item["plan_id"])
        if plan is None:
            raise ValueError(
                f"subscription item {item['subscription_item_id']}: unknown plan {item['plan_id']}"
            )
        versions[item["account_id"]].append(
            _Version(
                item_id=item["subscription_item_id"],
                account_id=item["account_id"],
                product_id=plan["product_id"],
                pricing_model=(plan["pricing_model"] or "").strip().lower(),
                tier_rank=plan["tier_rank"],
                interval=plan["billing_interval_months"],
                included_units=plan["included_units"],
                quantity=item["quantity"] if item["quantity"] is not None else ZERO,
                unit_amount=item["unit_amount"] if item["unit_amount"] is not None else ZERO,
                discount_pct=item["discount_pct"] if item["discount_pct"] is not None else ZERO,
                currency=item["currency"],
                valid_from=item["valid_from"],
                valid_to=item["valid_to"],
            )
        )
    return versions


def _inputs(tables: dict[str, list[dict]]) -> _Inputs:
    """Versions, price book, features and activity, indexed for the daily rules."""
    top_tier: dict[str, int] = {}
    for plan in tables["plans"]:
        if plan["tier_rank"] is not None:
            product = plan["product_id"]
            top_tier[product] = max(top_tier.get(product, plan["tier_rank"]), plan["tier_rank"])
    features_of: dict[str, set[str]] = defaultdict(set)
    feature_product: dict[str, str] = {}
    for feature in tables["features"]:
        features_of[feature["product_id"]].add(feature["feature_id"])
        feature_product[feature["feature_id"]] = feature["product_id"]
    active_users: dict[str, dict[date, int]] = defaultdict(dict)
    for row in tables["seat_activity"]:
        if row["activity_date"] is not None and row["active_users"] is not None:
            days = active_users[row["account_id"]]
            days[row["activity_date"]] = days.get(row["activity_date"], 0) + row["active_users"]
    usage: dict[str, dict[date, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for row in tables["usage_daily"]:
        if row["usage_date"] is not None and row["quantity"] is not None:
            usage[row["account_id"]][row["usage_date"]] += row["quantity"]
    feature_days: dict[tuple[str, str], set[date]] = defaultdict(set)
    for row in tables["feature_usage"]:
        if row["usage_date"] is not None and (row["events"] or 0) > 0:
            feature_days[(row["account_id"], row["feature_id"])].add(row["usage_date"])
    fx = {
        (row["currency"], date(row["rate_month"].year, row["rate_month"].month, 1)): row[
            "rate_to_reporting"
        ]
        for row in tables["fx_rates"]
        if row["currency"] and row["rate_month"] and row["rate_to_reporting"] is not None
    }
    return _Inputs(
        versions=_paid_versions(tables),
        products={product["product_id"]: product for product in tables["products"]},
        top_tier=top_tier,
        features_of=features_of,
        feature_product=feature_product,
        active_users=active_users,
        usage=usage,
        feature_days={key: sorted(days) for key, days in feature_days.items()},
        fx=fx,
    )


def _activity_accounts(tables: dict[str, list[dict]], first: date, last: date) -> set[str]:
    """Accounts with a seat-activity, usage or feature-usage row dated in [first, last]."""
    columns = {
        "seat_activity": "activity_date",
        "usage_daily": "usage_date",
        "feature_usage": "usage_date",
    }
    return {
        row["account_id"]
        for table, column in columns.items()
        for row in tables[table]
        if row[column] is not None and first <= row[column] <= last
    }


# --------------------------------------------------------------------------------------------
# One account's days
# --------------------------------------------------------------------------------------------


def _days(first: date, last: date) -> list[date]:
    """Every day from first to last, both included."""
    return [first + timedelta(offset) for offset in range((last - first).days + 1)]


def _ratio(numerator: Decimal | int, denominator: Decimal | int) -> Decimal | None:
    """numerator / denominator at full precision; None for a zero denominator."""
    if denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def _at_least(numerator: Decimal | int, denominator: Decimal | int, bound: Fraction) -> bool:
    """Exactly numerator / denominator >= bound (False for a zero denominator)."""
    if denominator == 0:
        return False
    return Fraction(numerator) / Fraction(denominator) >= bound


class _Account:
    """The daily signals of one account, from its versions and activity.

    Days are computed on the calendar [calendar_start, reported day], which leads the history by
    179 days; usage windows also read the 179 days before it (a lead day's window is full too),
    and streaks are counted from the calendar's first day and capped at 180 days.
    """

    def __init__(self, account: str, inputs: _Inputs, calendar_start: date, reported: date):
        self.account = account
        self.inputs = inputs
        self.calendar_start = calendar_start
        self.reported = reported
        self.versions = inputs.versions.get(account, [])
        self.users = inputs.active_users.get(account, {})
        self._held: dict[date, set[str]] = {}
        self._seats: dict[date, Decimal] = {}
        self._commitment: dict[date, Decimal] = {}
        self._usage_prefix(inputs.usage.get(account, {}))

    # ---- holdings ------------------------------------------------------------------------------

    def active(self, day: date) -> list[_Version]:
        """Paid versions active on day."""
        return [version for version in self.versions if version.active_on(day)]

    def held(self, day: date) -> set[str]:
        """Products held on day."""
        if day not in self._held:
            self._held[day] = {version.product_id for version in self.active(day)}
        return self._held[day]

    def licensed_seats(self, day: date) -> Decimal:
        """Sum of quantity x coalesce(included_units, 1) over active per-seat versions."""
        if day not in self._seats:
            self._seats[day] = sum(
                (
                    version.quantity
                    * (version.included_units if version.included_units is not None else 1)
                    for version in self.active(day)
                    if version.pricing_model == "per_seat"
                ),
                ZERO,
            )
        return self._seats[day]

    def commitment(self, day: date) -> Decimal:
        """Sum of included_units x quantity over active usage versions (monthly volume)."""
        if day not in self._commitment:
            self._commitment[day] = sum(
                (
                    (version.included_units or ZERO) * version.quantity
                    for version in self.active(day)
                    if version.pricing_model == "usage"
                ),
                ZERO,
            )
        return self._commitment[day]

    # ---- seats ---------------------------------------------------------------------------------

    def seat_ready(self, day: date) -> bool:
        """Utilization >= 80% (a day without a seat-activity row or seats is not ready)."""
        users = self.users.get(day)
        return users is not None and _at_least(users, self.licensed_seats(day), READY_RATIO)

    def seat_streaks(self) -> dict[date, int]:
        """Consecutive seat-ready days ending on each calendar day."""
        return _streaks(self.calendar_start, self.reported, self.seat_ready)

    # ---- usage ---------------------------------------------------------------------------------

    def _usage_prefix(self, usage: dict[date, Decimal]) -> None:
        """Prefix sums of daily usage from 179 days before the calendar to the reported day."""
        self.usage_start = self.calendar_start - timedelta(CALENDAR_LEAD_DAYS)
        self.prefix = [ZERO]
        for day in _days(self.usage_start, self.reported):
            self.prefix.append(self.prefix[-1] + usage.get(day, ZERO))

    def usage_between(self, first: date, last: date) -> Decimal:
        """The account's usage over [first, last] (every window a calendar day reads)."""
        assert first >= self.usage_start, f"{first} is before the usage read"
        low = (first - self.usage_start).days
        high = min((last - self.usage_start).days + 1, len(self.prefix) - 1)
        return self.prefix[high] - self.prefix[low] if high > low else ZERO

    def trailing_usage(self, day: date) -> Decimal:
        """Usage over [day - 29, day]."""
        return self.usage_between(day - timedelta(TRAILING_USAGE_DAYS - 1), day)

    def usage_ready(self, day: date) -> bool:
        """Usage commitment ratio >= 80% (never without a commitment)."""
        return _at_least(self.trailing_usage(day), self.commitment(day), READY_RATIO)

    def usage_streaks(self) -> dict[date, int]:
        """Consecutive usage-ready days ending on each calendar day."""
        return _streaks(self.calendar_start, self.reported, self.usage_ready)

    def growth_qoq(self, day: date) -> Decimal | None:
        """Usage over [d-89, d] / usage over [d-179, d-90] - 1; None when the latter is 0."""
        recent = self.usage_between(day - timedelta(QUARTER_DAYS - 1), day)
        earlier = self.usage_between(
            day - timedelta(2 * QUARTER_DAYS - 1), day - timedelta(QUARTER_DAYS)
        )
        ratio = _ratio(recent, earlier)
        return None if ratio is None else ratio - 1

    def slope(self, day: date) -> Fraction:
        """Least-squares slope of trailing-30-day usage over the 90 days [d-89, d] (exact)."""
        first = day - timedelta(REGRESSION_DAYS - 1)
        points = [self.trailing_usage(first + timedelta(x)) for x in range(REGRESSION_DAYS)]
        sum_y = sum(points, ZERO)
        sum_xy = sum((x * y for x, y in enumerate(points)), ZERO)
        numerator = REGRESSION_DAYS * Fraction(sum_xy) - _SX * Fraction(sum_y)
        return numerator / _SLOPE_DENOMINATOR

    def projected_days(self, day: date) -> int | None:
        """ceil((commitment - trailing usage) / slope) when the slope > 0 and usage is below."""
        commitment, usage = self.commitment(day), self.trailing_usage(day)
        if usage >= commitment:
            return None
        slope = self.slope(day)
        if slope <= 0:
            return None
        return math.ceil(Fraction(commitment - usage) / slope)

    # ---- features ------------------------------------------------------------------------------

    def used(self, feature: str, day: date) -> bool:
        """The feature had events > 0 in [day - 89, day]."""
        days = self.inputs.feature_days.get((self.account, feature), [])
        index = bisect_left(days, day - timedelta(FEATURE_WINDOW_DAYS - 1))
        return index < len(days) and days[index] <= day

    def adoption(self, day: date, products: set[str]) -> tuple[int, int]:
        """(features used in the trailing 90 days, features available) among products."""
        available = [f for p in sorted(products) for f in self.inputs.features_of.get(p, ())]
        return sum(1 for feature in available if self.used(feature, day)), len(available)

    # ---- the day rows --------------------------------------------------------------------------

    def day_rows(self, first: date) -> dict[date, dict[str, Any]]:
        """The DAY_KEYS values of every day from `first` to the reported day."""
        seat_streaks = self.seat_streaks()
        usage_streaks = self.usage_streaks()
        rows = {}
        for day in _days(first, self.reported):
            seats, users = self.licensed_seats(day), self.users.get(day)
            commitment, trailing = self.commitment(day), self.trailing_usage(day)
            projected = self.projected_days(day)
            used, available = self.adoption(day, self.held(day))
            rows[day] = {
                "licensed_seats": seats,
                "active_users": users,
                "seat_utilization": None if users is None else _ratio(users, seats),
                "seat_ready_streak_days": seat_streaks[day],
                "usage_commitment": commitment,
                "trailing_30d_usage": trailing,
                "usage_commitment_ratio": _ratio(trailing, commitment),
                "usage_ready_streak_days": usage_streaks[day],
                "consumption_growth_qoq": self.growth_qoq(day),
                "projected_days_to_commitment": projected,
                "is_in_expansion_window": projected is not None and 0 < projected <= WINDOW_DAYS,
                "features_used_90d": used,
                "features_available": available,
                "adoption_breadth": _ratio(used, available),
            }
        return rows


def _streaks(first: date, last: date, ready: Any) -> dict[date, int]:
    """For each day in [first, last]: consecutive ready days ending on it (0 if not ready),
    capped at STREAK_CAP_DAYS."""
    streaks, streak = {}, 0
    for day in _days(first, last):
        streak = min(streak + 1, STREAK_CAP_DAYS) if ready(day) else 0
        streaks[day] = streak
    return streaks


# --------------------------------------------------------------------------------------------
# Plays
# --------------------------------------------------------------------------------------------


def _account_plays(
    state: _Account, row: dict[str, Any], inputs: _Inputs
) -> list[tuple[str, str | None]]:
    """(play_motion, product_id or None) of one account on the reported day."""
    day = state.reported
    held = state.held(day)
    used, available = row["features_used_90d"], row["features_available"]
    if not held or (available and Fraction(used, available) < TOO_EARLY):
        return []
    plays: list[tuple[str, str | None]] = []
    if row["seat_ready_streak_days"] >= STREAK_DAYS:
        plays.append(("seat_upsell", None))
    if row["usage_ready_streak_days"] >= STREAK_DAYS or row["is_in_expansion_window"]:
        plays.append(("usage_tier", None))
    deep = {
        product for product in held if _at_least(*state.adoption(day, {product}), DEEP_ADOPTION)
    }
    for product in sorted(deep):
        if inputs.products.get(product, {}).get("is_add_on"):
            continue
        ranks = [
            v.tier_rank
            for v in state.active(day)
            if v.product_id == product and v.tier_rank is not None
        ]
        top = inputs.top_tier.get(product)
        if ranks and top is not None and max(ranks) < top:
            plays.append(("tier_upgrade", product))
    for add_on, product in sorted(inputs.products.items()):
        if (
            product.get("is_add_on")
            and add_on not in held
            and product.get("parent_product_id") in deep
        ):
            plays.append(("cross_sell", add_on))
    return plays


# --------------------------------------------------------------------------------------------
# Price floor and attribution
# --------------------------------------------------------------------------------------------


def _rate(inputs: _Inputs, reporting: str, currency: str | None, month: date) -> Decimal:
    """The month's rate of a currency to the reporting currency (missing: an error)."""
    if currency == reporting:
        return Decimal(1)
    try:
        return inputs.fx[(currency, month)]
    except KeyError:
        raise ValueError(f"missing fx rate for {currency} in {month.isoformat()}") from None


def _price_floor(inputs: _Inputs, reference: Reference) -> dict[tuple[str, str, date], Decimal]:
    """Gap in MRR of the versions priced below the account's first per-unit price."""
    lines = sorted(
        {
            (account, product, month)
            for (account, product, month, kind, _motion), amount in reference.movements.items()
            if kind == "expansion" and amount != 0
        }
    )
    breaches = {}
    for account, product, month in lines:
        versions = [v for v in inputs.versions.get(account, []) if v.product_id == product]
        first = min(versions, key=lambda v: (v.valid_from, v.item_id))
        rate = _rate(inputs, reference.reporting_currency, first.currency, month)
        floor = first.per_unit() * rate
        gap, flagged = ZERO, False
        for version in versions:
            if not version.active_on(last_day(month)):
                continue
            price = version.per_unit() * _rate(
                inputs, reference.reporting_currency, version.currency, month
            )
            if price < floor:
                gap += (floor - price) * version.quantity
                flagged = True
        if flagged:
            breaches[(account, product, month)] = gap
    return breaches


def _attribution(
    reference: Reference, owners: dict[str, Owner]
) -> dict[tuple[date, str, str], Decimal]:
    """Expansion MRR per month, owner role (escalated on opening ARR) and motion kind."""
    sums: dict[tuple[date, str, str], Decimal] = defaultdict(Decimal)
    for (account, _product, month, kind, motion), amount in reference.movements.items():
        if kind != "expansion" or motion is None or amount == 0:
            continue
        play_motion, motion_kind = MOTION_PLAYS[motion]
        opening_arr = TWELVE * reference.waterfall[(account, month)]["opening"]
        role = _owner(owners, play_motion).role_for(opening_arr)
        sums[(month, role, motion_kind)] += amount
    return dict(sorted(sums.items()))


# --------------------------------------------------------------------------------------------
# The computation
# --------------------------------------------------------------------------------------------


def compute_signals(
    raw: dict[str, list[dict]],
    reference: Reference,
    owners: dict[str, Owner],
    history_days: int = 180,
) -> Signals:
    """Compute docs/expansion_signals.md from the raw tables and the revenue reference."""
    if history_days < 1:
        raise ValueError("history_days must be at least 1")
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return _compute(_tables(raw), reference, owners, history_days)


def _compute(
    tables: dict[str, list[dict]],
    reference: Reference,
    owners: dict[str, Owner],
    history_days: int,
) -> Signals:
    reported = reference.as_of_date
    if reported is None:
        return Signals(None, None)
    first = reported - timedelta(history_days - 1)
    calendar_start = first - timedelta(CALENDAR_LEAD_DAYS)
    signals = Signals(reported, first, calendar_start)
    inputs = _inputs(tables)
    for account in sorted(_activity_accounts(tables, first, reported)):
        state = _Account(account, inputs, calendar_start, reported)
        for day, row in state.day_rows(first).items():
            signals.days[(account, day)] = row
        arr = TWELVE * reference.account_months.get((account, reference.horizon_month), ZERO)
        for play_motion, product in _account_plays(
            state, signals.days[(account, reported)], inputs
        ):
            key = (account, play_motion, product)
            signals.plays[key] = _owner(owners, play_motion).role_for(arr)
            signals.play_arr[key] = arr
    signals.price_floor = _price_floor(inputs, reference)
    signals.attribution = _attribution(reference, owners)
    return signals
