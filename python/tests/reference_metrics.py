"""Independent reference implementation of the SaaS revenue metric definitions.

Written from `design/raw-contract.md` and `design/metrics.md` only (never from the project's SQL),
so that it can serve as a test oracle for the dbt models. Pure standard library; every amount is a
`decimal.Decimal` computed at 50 significant digits.

Public API:
- `load_raw(folder)`: read the contract tables from `<folder>/<table>.csv`.
- `compute(raw, ...)`: every metric of metrics.md (except the expansion-readiness signals),
  returned as a `Reference` of plain dicts.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, getcontext, localcontext
from pathlib import Path
from typing import Any

getcontext().prec = 50
PRECISION = 50
ZERO = Decimal(0)
HUNDRED = Decimal(100)
# The waterfall identity is checked on every account-month; only a logic error can exceed this.
_IDENTITY_TOLERANCE = Decimal("1e-20")
# Below this a computed amount is residue of a division at PRECISION digits, not money.
_DUST = Decimal("1e-30")

# --------------------------------------------------------------------------------------------
# The raw contract
# --------------------------------------------------------------------------------------------

SCHEMA: dict[str, dict[str, str]] = {
    "accounts": {
        "account_id": "text",
        "account_name": "text",
        "segment": "text",
        "region": "text",
        "created_at": "timestamp",
    },
    "products": {
        "product_id": "text",
        "product_name": "text",
        "is_add_on": "boolean",
        "parent_product_id": "text",
    },
    "plans": {
        "plan_id": "text",
        "product_id": "text",
        "plan_name": "text",
        "tier_rank": "integer",
        "pricing_model": "text",
        "billing_interval_months": "integer",
        "currency": "text",
        "list_unit_amount": "decimal",
        "included_units": "decimal",
        "overage_unit_amount": "decimal",
        "usage_metric": "text",
    },
    "subscription_items": {
        "subscription_item_id": "text",
        "subscription_id": "text",
        "account_id": "text",
        "plan_id": "text",
        "quantity": "decimal",
        "unit_amount": "decimal",
        "discount_pct": "decimal",
        "currency": "text",
        "valid_from": "date",
        "valid_to": "date",
        "is_trial": "boolean",
        "updated_at": "timestamp",
    },
    "usage_daily": {
        "account_id": "text",
        "subscription_id": "text",
        "usage_metric": "text",
        "usage_date": "date",
        "quantity": "decimal",
    },
    "seat_activity": {
        "account_id": "text",
        "activity_date": "date",
        "active_users": "integer",
    },
    "features": {
        "feature_id": "text",
        "product_id": "text",
        "feature_name": "text",
    },
    "feature_usage": {
        "account_id": "text",
        "feature_id": "text",
        "usage_date": "date",
        "events": "integer",
    },
    "invoice_lines": {
        "invoice_line_id": "text",
        "invoice_id": "text",
        "account_id": "text",
        "subscription_id": "text",
        "line_type": "text",
        "amount": "decimal",
        "currency": "text",
        "period_start": "date",
        "period_end": "date",
        "issued_at": "timestamp",
    },
    "fx_rates": {
        "currency": "text",
        "rate_month": "date",
        "rate_to_reporting": "decimal",
    },
}
REQUIRED_TABLES = ("accounts", "products", "plans", "subscription_items")
CURRENCY_COLUMN = (
    "currency"  # the column name in plans, subscription_items, invoice_lines, fx_rates
)

WATERFALL_KEYS = (
    "opening",
    "opening_cc",
    "fx_adjustment",
    "new",
    "reactivation",
    "expansion",
    "recovery",
    "contraction",
    "churn",
    "closing",
    "prior_peak",
)
# Product lines have no prior peak of their own: their waterfall stops before it.
LINE_KEYS = WATERFALL_KEYS[:-1]
MOVEMENT_TYPES = (
    "new",
    "expansion",
    "contraction",
    "churn",
    "reactivation",
    "recovery",
    "fx_adjustment",
)
MOTIONS = ("cross_sell", "upsell", "seat_growth", "usage_growth", "price_change")
EXPANSION_BASES = ("peak", "prior_month")
UNKNOWN = "unknown"
ALL = "all"

_TRUE = {"true", "t", "1", "yes", "y"}
_FALSE = {"false", "f", "0", "no", "n"}


# --------------------------------------------------------------------------------------------
# Months
# --------------------------------------------------------------------------------------------


def month_start(d: date) -> date:
    """The first day of d's month (a month is identified by its first day)."""
    return date(d.year, d.month, 1)


def add_months(month: date, n: int) -> date:
    """The first day of the month n months after `month`'s month."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def last_day(month: date) -> date:
    """The snapshot date of a month: its last day."""
    return add_months(month_start(month), 1) - timedelta(days=1)


def months_between(start: date, end: date) -> int:
    """Whole months from start's month to end's month (0 for the same month)."""
    return (end.year - start.year) * 12 + end.month - start.month


def month_range(first: date, last: date) -> list[date]:
    """Every month from first to last, both included (empty when last < first)."""
    return [add_months(first, i) for i in range(months_between(first, last) + 1)]


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def _to_utc_naive(value: datetime) -> datetime:
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _parse_value(kind: str, value: Any, table: str, column: str) -> Any:
    """Parse one field to its contract type; accepts strings or already-typed values."""
    if value is None or (isinstance(value, str) and value == ""):
        return None
    try:
        if kind == "text":
            return value if isinstance(value, str) else str(value)
        if kind == "decimal":
            if isinstance(value, bool):
                raise TypeError("boolean is not a decimal")
            if isinstance(value, Decimal):
                return value
            if isinstance(value, int):
                return Decimal(value)
            if isinstance(value, float):
                return Decimal(repr(value))
            return Decimal(str(value).strip())
        if kind == "integer":
            if isinstance(value, bool):
                raise TypeError("boolean is not an integer")
            if isinstance(value, int):
                return value
            number = Decimal(str(value).strip())
            if number != number.to_integral_value():
                raise ValueError("not a whole number")
            return int(number)
        if kind == "boolean":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ValueError("not a boolean")
        if kind == "date":
            if isinstance(value, datetime):
                return _to_utc_naive(value).date()
            if isinstance(value, date):
                return value
            text = str(value).strip()
            if len(text) == 10:
                return date.fromisoformat(text)
            return _to_utc_naive(datetime.fromisoformat(text)).date()
        if kind == "timestamp":
            if isinstance(value, datetime):
                return _to_utc_naive(value)
            if isinstance(value, date):
                return datetime(value.year, value.month, value.day)
            text = str(value).strip()
            text = text.removesuffix(" UTC")
            return _to_utc_naive(datetime.fromisoformat(text))
    except (ArithmeticError, TypeError, ValueError) as exc:
        raise ValueError(f"{table}.{column}: cannot read {value!r} as {kind}: {exc}") from exc
    raise ValueError(f"unknown column type {kind!r}")


def _normalise_table(table: str, rows: list[dict]) -> list[dict]:
    """Typed copies of the rows; absent contract columns read as null, currencies normalised."""
    columns = SCHEMA[table]
    out = []
    for row in rows:
        typed = dict(row)
        for column, kind in columns.items():
            typed[column] = _parse_value(kind, row.get(column), table, column)
        if CURRENCY_COLUMN in columns and typed[CURRENCY_COLUMN] is not None:
            typed[CURRENCY_COLUMN] = typed[CURRENCY_COLUMN].strip().upper() or None
        out.append(typed)
    return out


def _dedupe_items(rows: list[dict]) -> list[dict]:
    """One row per subscription_item_id: the latest updated_at wins (a tie: the later row)."""
    kept: dict[str, dict] = {}
    for row in rows:
        key = row["subscription_item_id"]
        current = kept.get(key)
        if current is None or (row["updated_at"] or datetime.min) >= (
            current["updated_at"] or datetime.min
        ):
            kept[key] = row
    return list(kept.values())


def load_raw(folder: Path) -> dict[str, list[dict]]:
    """Read `<folder>/<table>.csv` for every contract table, parsed to the contract's types.

    Optional tables whose file is absent are empty; a required table's absence is an error.
    CSV: header row, comma separated, ISO dates, empty field = null.
    """
    folder = Path(folder)
    raw: dict[str, list[dict]] = {}
    for table in SCHEMA:
        path = folder / f"{table}.csv"
        if not path.exists():
            if table in REQUIRED_TABLES:
                raise FileNotFoundError(f"required table {table} is missing: {path}")
            raw[table] = []
            continue
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
        raw[table] = _normalise_table(table, rows)
    raw["subscription_items"] = _dedupe_items(raw["subscription_items"])
    return raw


# --------------------------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------------------------


@dataclass
class Reference:
    """Every metric of metrics.md, as plain dicts keyed by tuples (see compute())."""

    horizon_month: date | None
    as_of_date: date | None
    reporting_currency: str
    include_usage_in_mrr: bool
    expansion_basis: str
    account_months: dict[tuple[str, date], Decimal] = field(default_factory=dict)
    account_product_months: dict[tuple[str, str, date], Decimal] = field(default_factory=dict)
    waterfall: dict[tuple[str, date], dict[str, Decimal]] = field(default_factory=dict)
    movements: dict[tuple[str, str, date, str, str | None], Decimal] = field(default_factory=dict)
    monthly_totals: dict[date, dict[str, Any]] = field(default_factory=dict)
    expansion_by_motion: dict[tuple[date, str], dict[str, Decimal]] = field(default_factory=dict)
    retention: dict[tuple[date, str], dict[str, Decimal | None]] = field(default_factory=dict)
    ratios: dict[tuple[date, str], dict[str, Decimal | None]] = field(default_factory=dict)
    cohorts: dict[tuple[date, int], dict[str, Any]] = field(default_factory=dict)
    # Product-line (account x product) waterfall: the basis of the per-product totals.
    line_waterfall: dict[tuple[str, str, date], dict[str, Decimal]] = field(
        default_factory=dict, repr=False
    )
    _totals_by: dict[str, dict[tuple[date, str], dict[str, Any]]] = field(
        default_factory=dict, repr=False
    )

    def monthly_totals_by(self, dimension: str) -> dict[tuple[date, str], dict[str, Any]]:
        """Monthly waterfall sums per segment, region or product: {(month, value): sums}.

        A null segment or region is "unknown". Segment and region sums carry every waterfall key
        plus active_accounts (accounts with MRR > 0); product sums are over product lines (account
        x product), carry every key except prior_peak, and active_accounts counts the accounts
        with that product's MRR > 0.
        """
        if dimension not in ("segment", "region", "product"):
            raise ValueError(f"unknown dimension {dimension!r}: use segment, region or product")
        return self._totals_by.get(dimension, {})


# --------------------------------------------------------------------------------------------
# The computation
# --------------------------------------------------------------------------------------------


class _Line:
    """One product line (account x product) at one month end: its active non-trial versions."""

    __slots__ = ("plan_quantity", "plan_recurring", "plans", "quantity", "recurring", "usage")

    def __init__(self) -> None:
        self.plans: set[str] = set()
        self.quantity = ZERO
        self.recurring: dict[str, Decimal] = defaultdict(Decimal)
        self.usage: dict[str, Decimal] = defaultdict(Decimal)
        # per plan, for the seat / price split of a line holding several plans
        self.plan_quantity: dict[str, Decimal] = defaultdict(Decimal)
        self.plan_recurring: dict[str, dict[str, Decimal]] = defaultdict(
            lambda: defaultdict(Decimal)
        )

    def total(self) -> dict[str, Decimal]:
        out: dict[str, Decimal] = defaultdict(Decimal)
        for amounts in (self.recurring, self.usage):
            for currency, amount in amounts.items():
                out[currency] += amount
        return out


def _sum_keys(rows: list[dict[str, Decimal]], keys: tuple[str, ...]) -> dict[str, Any]:
    sums: dict[str, Any] = {key: ZERO for key in keys}
    for row in rows:
        for key in keys:
            sums[key] += row[key]
    sums["active_accounts"] = sum(1 for row in rows if row["closing"] > 0)
    return sums


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    return None if denominator == 0 else numerator / denominator


def _label(value: str | None) -> str:
    return UNKNOWN if value is None else value


def compute(
    raw: dict[str, list[dict]],
    reporting_currency: str = "USD",
    as_of_date: date | str | None = None,
    include_usage_in_mrr: bool = True,
    expansion_basis: str = "peak",
) -> Reference:
    """Compute every metric of metrics.md from the raw contract tables.

    `raw` maps table names to lists of row dicts (as from load_raw, or built in memory; string
    values are parsed, missing tables and columns read as empty/null, subscription items are
    deduplicated and currencies normalised here too). `as_of_date` defaults to the latest
    `updated_at` date of subscription_items; the horizon is the last month whose last day is on or
    before it.
    """
    if expansion_basis not in EXPANSION_BASES:
        raise ValueError(f"expansion_basis must be one of {EXPANSION_BASES}: {expansion_basis!r}")
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return _compute(
            raw,
            reporting_currency.strip().upper(),
            as_of_date,
            include_usage_in_mrr,
            expansion_basis,
        )


def _compute(
    raw: dict[str, list[dict]],
    reporting: str,
    as_of_date: date | str | None,
    include_usage: bool,
    basis: str,
) -> Reference:
    tables = {table: _normalise_table(table, raw.get(table) or []) for table in SCHEMA}
    items = _dedupe_items(tables["subscription_items"])
    plans = {plan["plan_id"]: plan for plan in tables["plans"]}
    account_attrs = {account["account_id"]: account for account in tables["accounts"]}

    # ---- horizon: complete months only -------------------------------------------------------
    if as_of_date is None:
        stamps = [item["updated_at"] for item in items if item["updated_at"] is not None]
        if not stamps:
            if items:
                raise ValueError("as_of_date is needed: no subscription item has an updated_at")
            return Reference(None, None, reporting, include_usage, basis)
        as_of = max(stamps).date()
    else:
        as_of = _parse_value("date", as_of_date, "compute", "as_of_date")
    horizon = add_months(month_start(as_of + timedelta(days=1)), -1)
    ref = Reference(horizon, as_of, reporting, include_usage, basis)

    # ---- FX ----------------------------------------------------------------------------------
    fx: dict[tuple[str, date], Decimal] = {}
    for row in tables["fx_rates"]:
        if row["currency"] is None or row["rate_month"] is None or row["rate_to_reporting"] is None:
            continue
        key = (row["currency"], month_start(row["rate_month"]))
        if key in fx and fx[key] != row["rate_to_reporting"]:
            raise ValueError(f"conflicting fx rates for {key[0]} in {key[1].isoformat()}")
        fx[key] = row["rate_to_reporting"]

    def rate(currency: str, month: date) -> Decimal:
        if currency == reporting:
            return Decimal(1)
        try:
            return fx[(currency, month)]
        except KeyError:
            raise ValueError(
                f"missing fx rate for currency {currency} in month {month.isoformat()} "
                f"(to {reporting})"
            ) from None

    def value(amounts: dict[str, Decimal], month: date) -> Decimal:
        """Amounts per currency valued at `month`'s rates (a zero amount needs no rate)."""
        total = ZERO
        for currency in sorted(amounts):
            amount = amounts[currency]
            if amount != 0:
                total += amount * rate(currency, month)
        return total

    # ---- usage per account, subscription, metric and month -----------------------------------
    usage: dict[tuple[Any, Any, Any, date], Decimal] = defaultdict(Decimal)
    for row in tables["usage_daily"]:
        if row["usage_date"] is None or row["quantity"] is None:
            continue
        month = month_start(row["usage_date"])
        if month <= horizon:
            usage[(row["account_id"], row["subscription_id"], row["usage_metric"], month)] += row[
                "quantity"
            ]

    # ---- product lines at each month end -----------------------------------------------------
    lines: dict[tuple[str, str, date], _Line] = {}
    for item in items:
        if item["is_trial"] or item["valid_from"] is None:
            continue
        plan = plans.get(item["plan_id"])
        if plan is None:
            raise ValueError(
                f"subscription item {item['subscription_item_id']}: unknown plan {item['plan_id']}"
            )
        interval = plan["billing_interval_months"]
        if not interval:
            raise ValueError(f"plan {plan['plan_id']}: billing_interval_months must be positive")
        currency = item["currency"]
        if currency is None:
            raise ValueError(f"subscription item {item['subscription_item_id']}: no currency")
        quantity = item["quantity"] if item["quantity"] is not None else ZERO
        unit_amount = item["unit_amount"] if item["unit_amount"] is not None else ZERO
        discount = item["discount_pct"] if item["discount_pct"] is not None else ZERO
        recurring = quantity * unit_amount * (1 - discount / HUNDRED) / interval
        is_usage_line = (plan["pricing_model"] or "").strip().lower() == "usage"
        month = month_start(item["valid_from"])
        while month <= horizon:
            # valid_from <= last_day(month) holds from valid_from's own month on.
            if item["valid_to"] is not None and item["valid_to"] <= last_day(month):
                break
            overage = ZERO
            if include_usage and is_usage_line:
                consumed = usage.get(
                    (item["account_id"], item["subscription_id"], plan["usage_metric"], month),
                    ZERO,
                )
                committed = (plan["included_units"] or ZERO) * quantity
                overage = max(ZERO, consumed - committed) * (plan["overage_unit_amount"] or ZERO)
            key = (item["account_id"], plan["product_id"], month)
            line = lines.get(key)
            if line is None:
                line = lines[key] = _Line()
            line.plans.add(plan["plan_id"])
            line.quantity += quantity
            line.recurring[currency] += recurring
            line.plan_quantity[plan["plan_id"]] += quantity
            line.plan_recurring[plan["plan_id"]][currency] += recurring
            line.usage[currency] += overage
            month = add_months(month, 1)

    # ---- account MRR per month (own currencies and reporting currency) -----------------------
    account_amounts: dict[tuple[str, date], dict[str, Decimal]] = {}
    products_of: dict[str, set[str]] = defaultdict(set)
    for (account, product, month), line in lines.items():
        products_of[account].add(product)
        amounts = account_amounts.setdefault((account, month), defaultdict(Decimal))
        for currency, amount in line.total().items():
            amounts[currency] += amount
    mrr: dict[tuple[str, date], Decimal] = {
        key: value(amounts, key[1]) for key, amounts in account_amounts.items()
    }
    first_month: dict[str, date] = {}
    for (account, month), amount in mrr.items():
        if amount > 0 and (account not in first_month or month < first_month[account]):
            first_month[account] = month

    for account in sorted(first_month):
        for month in month_range(first_month[account], horizon):
            ref.account_months[(account, month)] = mrr.get((account, month), ZERO)
    for (account, product, month), line in sorted(lines.items()):
        if account in first_month and first_month[account] <= month:
            ref.account_product_months[(account, product, month)] = value(line.total(), month)

    # ---- waterfall and movements -------------------------------------------------------------
    def add_movement(key: tuple[str, str, date, str, str | None], amount: Decimal) -> None:
        if amount != 0:
            ref.movements[key] = ref.movements.get(key, ZERO) + amount

    for account in sorted(first_month):
        first = first_month[account]
        history: list[dict[str, Decimal]] = []  # currency amounts of each month with a row
        for month in month_range(first, horizon):
            prev = add_months(month, -1)
            amounts0 = account_amounts.get((account, prev), {})
            amounts1 = account_amounts.get((account, month), {})
            opening = mrr.get((account, prev), ZERO)
            opening_cc = value(amounts0, month)
            closing = mrr.get((account, month), ZERO)
            peak = max((value(amounts, month) for amounts in history), default=ZERO)
            row = {key: ZERO for key in WATERFALL_KEYS}
            row.update(
                opening=opening,
                opening_cc=opening_cc,
                fx_adjustment=opening_cc - opening,
                closing=closing,
                prior_peak=peak,
            )

            # Each product line's own opening, constant-currency opening and closing.
            line_rows: dict[str, dict[str, Decimal]] = {}
            pairs: dict[str, tuple[_Line | None, _Line | None]] = {}
            for product in sorted(products_of[account]):
                line0 = lines.get((account, product, prev))
                line1 = lines.get((account, product, month))
                if line0 is None and line1 is None:
                    continue
                pairs[product] = (line0, line1)
                own0 = value(line0.total(), prev) if line0 else ZERO
                cc0 = value(line0.total(), month) if line0 else ZERO
                cc1 = value(line1.total(), month) if line1 else ZERO
                line_row = {key: ZERO for key in LINE_KEYS}
                line_row.update(opening=own0, opening_cc=cc0, fx_adjustment=cc0 - own0, closing=cc1)
                line_rows[product] = line_row
                add_movement((account, product, month, "fx_adjustment", None), cc0 - own0)

            if month == first:
                row["new"] = closing
                for product, line_row in line_rows.items():
                    line_row["new"] = line_row["closing"]
                    add_movement((account, product, month, "new", None), line_row["closing"])
            elif opening > 0 and closing == 0:
                row["churn"] = opening_cc
                for product, line_row in line_rows.items():
                    line_row["churn"] = line_row["opening_cc"]
                    add_movement((account, product, month, "churn", None), line_row["opening_cc"])
            elif opening == 0 and closing > 0:
                row["reactivation"] = closing
                for product, line_row in line_rows.items():
                    line_row["reactivation"] = line_row["closing"]
                    add_movement(
                        (account, product, month, "reactivation", None), line_row["closing"]
                    )
            elif opening > 0 and closing > 0:
                gains, losses = _motions(pairs, line_rows, month, value)
                total_gain = sum((amount for _, _, amount in gains), ZERO)
                total_loss = sum((amount for _, _, amount in losses), ZERO)
                recovery = ZERO
                if basis == "peak" and total_gain > 0:
                    recovery = min(total_gain, max(ZERO, peak - opening_cc))
                allocated = ZERO
                for index, (product, motion, amount) in enumerate(gains):
                    if recovery == total_gain:
                        share = amount
                    elif index == len(gains) - 1:
                        share = recovery - allocated  # the remainder keeps the sum exact
                    else:
                        share = recovery * amount / total_gain
                    allocated += share
                    line_rows[product]["expansion"] += amount - share
                    line_rows[product]["recovery"] += share
                    add_movement((account, product, month, "expansion", motion), amount - share)
                    add_movement((account, product, month, "recovery", motion), share)
                for product, motion, amount in losses:
                    line_rows[product]["contraction"] += amount
                    add_movement((account, product, month, "contraction", motion), amount)
                row["expansion"] = total_gain - recovery
                row["recovery"] = recovery
                row["contraction"] = total_loss
            # else: no MRR in either month; only the (zero) opening and closing.

            _check_identity(row, (account, month))
            for product, line_row in line_rows.items():
                _check_identity(line_row, (account, product, month))
                ref.line_waterfall[(account, product, month)] = line_row
            ref.waterfall[(account, month)] = row
            history.append(amounts1)

    # ---- totals ------------------------------------------------------------------------------
    accounts_at: dict[date, list[str]] = defaultdict(list)
    for account, month in ref.waterfall:
        accounts_at[month].append(account)
    months = sorted(accounts_at)

    def attr(account: str, column: str) -> str:
        return _label(account_attrs.get(account, {}).get(column))

    for month in months:
        ref.monthly_totals[month] = _sum_keys(
            [ref.waterfall[(account, month)] for account in accounts_at[month]], WATERFALL_KEYS
        )
    for dimension in ("segment", "region"):
        groups: dict[tuple[date, str], list[dict[str, Decimal]]] = defaultdict(list)
        for (account, month), row in ref.waterfall.items():
            groups[(month, attr(account, dimension))].append(row)
        ref._totals_by[dimension] = {
            key: _sum_keys(rows, WATERFALL_KEYS) for key, rows in sorted(groups.items())
        }
    product_groups: dict[tuple[date, str], list[dict[str, Decimal]]] = defaultdict(list)
    for (_account, product, month), row in ref.line_waterfall.items():
        product_groups[(month, product)].append(row)
    ref._totals_by["product"] = {
        key: _sum_keys(rows, LINE_KEYS) for key, rows in sorted(product_groups.items())
    }

    # ---- expansion by motion -----------------------------------------------------------------
    for (_account, _product, month, kind, motion), amount in ref.movements.items():
        if motion is None:
            continue
        sums = ref.expansion_by_motion.setdefault(
            (month, motion), {"expansion": ZERO, "recovery": ZERO, "contraction": ZERO}
        )
        sums[kind] += amount
    ref.expansion_by_motion = dict(sorted(ref.expansion_by_motion.items()))

    # ---- retention and ratios, overall and per segment ---------------------------------------
    for month in months:
        groups_at: dict[str, list[str]] = defaultdict(list)
        for account in sorted(accounts_at[month]):
            groups_at[ALL].append(account)
            groups_at[attr(account, "segment")].append(account)
        base_month = add_months(month, -12)
        for group, members in sorted(groups_at.items()):
            rows = [ref.waterfall[(account, month)] for account in members]
            retained = [row for row in rows if row["opening"] > 0]
            base = sum((row["opening_cc"] for row in retained), ZERO)
            kept = sum(
                (r["opening_cc"] + r["expansion"] + r["recovery"] - r["contraction"] - r["churn"])
                for r in retained
            )
            gross = sum((r["opening_cc"] - r["contraction"] - r["churn"]) for r in retained)
            t12_base = t12_now = t12_gross = ZERO
            for account in members:
                then = ref.account_months.get((account, base_month))
                if then is None or then <= 0:
                    continue
                then_cc = value(account_amounts[(account, base_month)], month)
                now = ref.account_months[(account, month)]
                t12_base += then_cc
                t12_now += now
                t12_gross += min(now, then_cc)
            ref.retention[(month, group)] = {
                "nrr": _ratio(kept, base) if retained else None,
                "grr": _ratio(gross, base) if retained else None,
                "t12m_nrr": _ratio(t12_now, t12_base),
                "t12m_grr": _ratio(t12_gross, t12_base),
            }
            sums = _sum_keys(rows, WATERFALL_KEYS)
            ref.ratios[(month, group)] = {
                "quick_ratio": _ratio(
                    sums["new"] + sums["expansion"], sums["churn"] + sums["contraction"]
                ),
                "expansion_rate": _ratio(sums["expansion"], sums["opening_cc"]),
                "expansion_share_of_net_new": _ratio(
                    sums["expansion"], sums["new"] + sums["expansion"]
                ),
                "arpa": _ratio(sums["closing"], Decimal(sums["active_accounts"])),
            }

    # ---- cohorts -----------------------------------------------------------------------------
    cohort_members: dict[date, list[str]] = defaultdict(list)
    for account, first in first_month.items():
        cohort_members[first].append(account)
    for cohort in sorted(cohort_members):
        members = cohort_members[cohort]
        starting = sum((ref.account_months[(account, cohort)] for account in members), ZERO)
        for month in month_range(cohort, horizon):
            now = [ref.account_months[(account, month)] for account in members]
            active = sum(1 for amount in now if amount > 0)
            cohort_mrr = sum(now, ZERO)
            ref.cohorts[(cohort, months_between(cohort, month))] = {
                "cohort_accounts": len(members),
                "active_accounts": active,
                "logo_retention": Decimal(active) / Decimal(len(members)),
                "cohort_starting_mrr": starting,
                "cohort_mrr": cohort_mrr,
                "revenue_retention": _ratio(cohort_mrr, starting),
            }
    return ref


def _motions(
    pairs: dict[str, tuple[_Line | None, _Line | None]],
    line_rows: dict[str, dict[str, Decimal]],
    month: date,
    value: Any,
) -> tuple[list[tuple[str, str, Decimal]], list[tuple[str, str, Decimal]]]:
    """Per product line, the motion movements of a month with MRR in both months.

    Returns (gains, losses) as lists of (product, motion, positive amount), in constant currency.
    """
    gains: list[tuple[str, str, Decimal]] = []
    losses: list[tuple[str, str, Decimal]] = []

    def classify(product: str, motion: str, change: Decimal) -> None:
        if change > 0:
            gains.append((product, motion, change))
        elif change < 0:
            losses.append((product, motion, -change))

    for product, (line0, line1) in pairs.items():
        before = line_rows[product]["opening_cc"]
        after = line_rows[product]["closing"]
        if line0 is None or line1 is None:
            classify(product, "cross_sell", after - before)
        elif line0.plans != line1.plans:
            classify(product, "upsell", after - before)
        else:
            recurring0 = value(line0.recurring, month)
            recurring1 = value(line1.recurring, month)
            # per plan: seat growth is each plan's quantity change at its own per-unit MRR,
            # so a line holding a flat fee beside seats, or two seat plans at different
            # prices, shows no price change when only a quantity moved
            seat_growth = ZERO
            for plan_id in line1.plans:
                plan_r0 = value(line0.plan_recurring[plan_id], month)
                plan_r1 = value(line1.plan_recurring[plan_id], month)
                q0, q1 = line0.plan_quantity[plan_id], line1.plan_quantity[plan_id]
                if q1 != 0:
                    seat_growth += (q1 - q0) * plan_r1 / q1
                elif q0 != 0:
                    seat_growth += (q1 - q0) * plan_r0 / q0
            price_change = (recurring1 - recurring0) - seat_growth
            if abs(price_change) < _DUST:
                # the per-unit division at 50 digits leaves ~1e-48 behind when the per-unit
                # price did not change: that is arithmetic residue, not a price change
                seat_growth, price_change = recurring1 - recurring0, ZERO
            classify(product, "seat_growth", seat_growth)
            classify(product, "price_change", price_change)
            classify(product, "usage_growth", value(line1.usage, month) - value(line0.usage, month))
    return gains, losses


def _check_identity(row: dict[str, Decimal], where: tuple) -> None:
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
    if abs(row["closing"] - rebuilt) > _IDENTITY_TOLERANCE:
        raise RuntimeError(f"waterfall identity broken at {where}: {row}")
