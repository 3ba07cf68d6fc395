"""Deterministic sample billing data for the SaaS revenue warehouse.

Writes one CSV per table of the raw billing contract (the dbt source `billing`) into a folder,
by default `seeds/billing/`:

    python python/generate_sample_data.py [--seed 42] [--out seeds/billing]

The data describes a small B2B SaaS company from 2023-01-01 to 2026-10-31: about 300 simulated
accounts plus the named walkthrough accounts (`acct_wt_*`) whose figures are worked out by hand
in `docs/walkthrough_accounts.md`, and four named expansion-signal accounts (`acct_sig_*`, same
document) whose seat, usage and feature activity lead to known plays. The named accounts, the
price book and the FX rates do not depend on the seed; everything else does (the signal accounts
draw nothing from the random generator, so adding them changed no other row). The same seed
always gives byte-identical files.

Only the standard library is used. Money is built with `decimal.Decimal` and written as plain
decimal strings; dates are ISO, timestamps `YYYY-MM-DD HH:MM:SS` (UTC), booleans `true`/`false`,
and an empty field is a null.
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

DATA_START = date(2023, 1, 1)
HORIZON_END = date(2026, 10, 31)
ACTIVITY_START = date(2026, 6, 3)
RANDOM_ACCOUNTS = 300
USAGE_ACCOUNTS = 36
ACTIVITY_ACCOUNTS = 60
STALE_COPIES = 20
MESSY_CURRENCY_ROWS = 12
CENT = Decimal("0.01")
HUNDRED = Decimal(100)
WT_TIME = time(9, 0, 0)
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "seeds" / "billing"

# --------------------------------------------------------------------------------------------
# Calendar and formatting helpers
# --------------------------------------------------------------------------------------------


def days_in_month(month: date) -> int:
    """Number of days in the month of `month`."""
    return (add_months(month.replace(day=1), 1) - month.replace(day=1)).days


def add_months(day: date, count: int) -> date:
    """The same day-of-month `count` months later, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + count
    year, month = divmod(index, 12)
    first = date(year, month + 1, 1)
    last = (date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - timedelta(days=1)).day
    return first.replace(day=min(day.day, last))


def month_starts(first: date, last: date) -> list[date]:
    """First days of every month from `first`'s month to `last`'s month, both included."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


def month_end(month: date) -> date:
    """The last day of `month`'s month."""
    return add_months(month.replace(day=1), 1) - timedelta(days=1)


def money(value: Decimal | str | int) -> Decimal:
    """A money amount rounded half-up to cents."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(value: object) -> str:
    """Format one CSV field: null is empty, booleans lower case, decimals plain, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, header: str, rows: list[list[object]]) -> int:
    """Write the header line and the rows (already sorted) as a CSV file; return the row count."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header.split(","))
        writer.writerows([fmt(value) for value in row] for row in rows)
    return len(rows)


def random_time(rng: random.Random) -> time:
    """A random office-hours time of day."""
    return time(rng.randint(7, 20), rng.randint(0, 59), rng.randint(0, 59))


# --------------------------------------------------------------------------------------------
# Products, plans, features, FX rates (independent of the seed)
# --------------------------------------------------------------------------------------------

PRODUCTS = [
    ("prod_analytics", "Analytics", True, "prod_core"),
    ("prod_api", "API Platform", False, None),
    ("prod_automation", "Automation", True, "prod_core"),
    ("prod_core", "Core Platform", False, None),
]

CURRENCIES = ("USD", "EUR", "GBP")
INTERVAL_NAMES = {1: "monthly", 3: "quarterly", 6: "semiannual", 12: "annual"}

# family: (product_id, plan name, tier_rank, pricing_model)
PLAN_FAMILIES = {
    "core_starter": ("prod_core", "Core Starter", 1, "per_seat"),
    "core_starter_flat": ("prod_core", "Core Starter Flat", 1, "flat"),
    "core_team": ("prod_core", "Core Team", 2, "per_seat"),
    "core_business": ("prod_core", "Core Business", 3, "per_seat"),
    "core_enterprise": ("prod_core", "Core Enterprise", 4, "per_seat"),
    "analytics": ("prod_analytics", "Analytics", 1, "flat"),
    "automation": ("prod_automation", "Automation", 1, "per_seat"),
    "api_starter": ("prod_api", "API Starter", 1, "usage"),
    "api_growth": ("prod_api", "API Growth", 2, "usage"),
    "api_scale": ("prod_api", "API Scale", 3, "usage"),
}

# (family, billing interval months): list price per unit per interval in USD, EUR, GBP.
LIST_PRICES = {
    ("core_starter", 1): ("50", "46", "40"),
    ("core_starter", 12): ("540", "500", "430"),
    ("core_starter_flat", 1): ("300", "280", "240"),
    ("core_team", 1): ("110", "100", "88"),
    ("core_team", 3): ("315", "285", "250"),
    ("core_team", 12): ("1200", "1100", "960"),
    ("core_business", 1): ("160", "148", "128"),
    ("core_business", 6): ("900", "830", "720"),
    ("core_business", 12): ("1740", "1600", "1390"),
    ("core_enterprise", 1): ("240", "220", "190"),
    ("core_enterprise", 12): ("2600", "2400", "2070"),
    ("analytics", 1): ("250", "230", "200"),
    ("analytics", 12): ("2700", "2480", "2160"),
    ("automation", 1): ("15", "14", "12"),
    ("automation", 12): ("160", "150", "130"),
    ("api_starter", 1): ("150", "140", "120"),
    ("api_growth", 1): ("500", "460", "400"),
    ("api_growth", 12): ("5400", None, None),
    ("api_scale", 1): ("2000", "1840", "1600"),
}

# usage family: (committed calls per month per unit, overage per call in USD, EUR, GBP)
USAGE_TERMS = {
    "api_starter": ("25000", ("0.0030", "0.0028", "0.0024")),
    "api_growth": ("100000", ("0.0020", "0.0018", "0.0016")),
    "api_scale": ("500000", ("0.0015", "0.0014", "0.0012")),
}

# A few price-book rows carry a badly formatted currency code, to exercise normalisation.
MESSY_PLAN_CURRENCY = {
    "plan_analytics_annual_eur": " eur",
    "plan_api_starter_monthly_usd": "usd",
    "plan_automation_monthly_gbp": "gbp ",
}

CORE_TIERS = ("core_starter", "core_team", "core_business", "core_enterprise")
API_TIERS = ("api_starter", "api_growth", "api_scale")

FEATURES = [
    ("feat_analytics_cohorts", "prod_analytics", "Cohort analysis"),
    ("feat_analytics_custom_metrics", "prod_analytics", "Custom metrics"),
    ("feat_analytics_forecasting", "prod_analytics", "Forecasting"),
    ("feat_api_bulk_export", "prod_api", "Bulk export"),
    ("feat_api_rest", "prod_api", "REST API"),
    ("feat_automation_scheduled_jobs", "prod_automation", "Scheduled jobs"),
    ("feat_automation_webhooks", "prod_automation", "Webhooks"),
    ("feat_automation_workflows", "prod_automation", "Workflow builder"),
    ("feat_core_audit_log", "prod_core", "Audit log"),
    ("feat_core_custom_roles", "prod_core", "Custom roles"),
    ("feat_core_dashboards", "prod_core", "Dashboards"),
    ("feat_core_integrations", "prod_core", "Integrations"),
    ("feat_core_reports", "prod_core", "Reports"),
    ("feat_core_sso", "prod_core", "Single sign-on"),
    ("feat_core_user_management", "prod_core", "User management"),
]

# currency: (first rate, lowest, highest); a mean-reverting walk between the bounds.
FX_WALKS = {"EUR": (1.085, 1.05, 1.12), "GBP": (1.255, 1.20, 1.32)}


@dataclass(frozen=True)
class Plan:
    """One row of the price book."""

    plan_id: str
    family: str
    product_id: str
    plan_name: str
    tier_rank: int
    pricing_model: str
    interval: int
    currency: str
    list_amount: Decimal
    included_units: Decimal | None
    overage: Decimal | None

    @property
    def usage_metric(self) -> str | None:
        """The metered metric of a usage plan, else None."""
        return "api_calls" if self.pricing_model == "usage" else None


def plan_id_for(family: str, interval: int, currency: str) -> str:
    """The stable plan id, e.g. plan_core_team_monthly_usd."""
    return f"plan_{family}_{INTERVAL_NAMES[interval]}_{currency.lower()}"


def build_plan(family: str, interval: int, currency: str, price: str) -> Plan:
    """One price-book row from its family, interval, currency and list price."""
    product_id, name, rank, model = PLAN_FAMILIES[family]
    included, overage = None, None
    if model == "per_seat":
        included = Decimal(1)
    elif model == "usage":
        committed, overages = USAGE_TERMS[family]
        included = Decimal(committed)
        overage = Decimal(overages[CURRENCIES.index(currency)])
    return Plan(
        plan_id=plan_id_for(family, interval, currency),
        family=family,
        product_id=product_id,
        plan_name=f"{name} ({INTERVAL_NAMES[interval]}, {currency})",
        tier_rank=rank,
        pricing_model=model,
        interval=interval,
        currency=currency,
        list_amount=money(price),
        included_units=included,
        overage=overage,
    )


class Catalog:
    """The price book, looked up by family, billing interval and currency."""

    def __init__(self) -> None:
        self.plans: dict[str, Plan] = {}
        for (family, interval), prices in LIST_PRICES.items():
            for currency, price in zip(CURRENCIES, prices, strict=True):
                if price is not None:
                    plan = build_plan(family, interval, currency, price)
                    self.plans[plan.plan_id] = plan

    def get(self, family: str, interval: int, currency: str) -> Plan:
        """The plan for family/interval/currency, falling back to the monthly plan."""
        plan_id = plan_id_for(family, interval, currency)
        if plan_id not in self.plans:
            plan_id = plan_id_for(family, 1, currency)
        return self.plans[plan_id]


def fx_rates() -> list[tuple[str, date, Decimal]]:
    """Monthly EUR and GBP rates to USD (6 decimals), a fixed series whatever the seed."""
    rng = random.Random("fx-rates-v1")
    rows = []
    for currency, (start, low, high) in FX_WALKS.items():
        rate, middle = start, (low + high) / 2
        for month in month_starts(DATA_START, HORIZON_END):
            rows.append((currency, month, Decimal(f"{rate:.6f}")))
            step = rng.gauss(0, 0.009) + 0.12 * (middle - rate)
            rate = min(high - 0.002, max(low + 0.002, rate + step))
    return sorted(rows)


# --------------------------------------------------------------------------------------------
# Subscription lines and their versions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineSpec:
    """What a subscription item version sells: plan, quantity, price, discount, trial flag."""

    plan: Plan
    quantity: int
    unit_amount: Decimal
    discount_pct: Decimal | None = None
    is_trial: bool = False

    def interval_amount(self) -> Decimal:
        """Amount billed per full billing interval (after discount), in cents."""
        discount = self.discount_pct or Decimal(0)
        return money(self.quantity * self.unit_amount * (1 - discount / HUNDRED))


@dataclass
class Version:
    """One subscription item version (one row of subscription_items)."""

    item_id: str
    subscription_id: str
    account_id: str
    spec: LineSpec
    valid_from: date
    valid_to: date | None
    updated_at: datetime
    opened_at: datetime

    def active_on(self, day: date) -> bool:
        """True when the version covers `day` (valid_to exclusive)."""
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


@dataclass
class Account:
    """One customer account (one row of accounts) and its billing attributes."""

    account_id: str
    name: str
    segment: str | None
    region: str | None
    currency: str
    created_at: datetime
    walkthrough: bool = False


@dataclass
class UsageTrack:
    """A usage subscription's consumption level in calls per day, per month."""

    subscription: Subscription
    levels: dict[date, float]


@dataclass
class UsageRow:
    """One row of usage_daily."""

    account_id: str
    subscription_id: str
    day: date
    quantity: int


@dataclass
class InvoiceLine:
    """One invoice line before ids are assigned."""

    account_id: str
    subscription_id: str | None
    line_type: str
    amount: Decimal
    currency: str
    period_start: date
    period_end: date


@dataclass
class Book:
    """Every generated row, plus the id sequences that name them."""

    catalog: Catalog
    accounts: list[Account] = field(default_factory=list)
    subscriptions: list[Subscription] = field(default_factory=list)
    usage_tracks: list[UsageTrack] = field(default_factory=list)
    fixed_usage: list[UsageRow] = field(default_factory=list)
    one_time_fees: list[InvoiceLine] = field(default_factory=list)
    tax_rates: dict[str, Decimal] = field(default_factory=dict)
    stale_rows: list[Version] = field(default_factory=list)
    messy_currency: dict[str, str] = field(default_factory=dict)
    sequences: dict[str, int] = field(default_factory=dict)

    def next_id(self, prefix: str) -> str:
        """The next sequential id with this prefix, e.g. si_000123."""
        self.sequences[prefix] = self.sequences.get(prefix, 0) + 1
        return f"{prefix}_{self.sequences[prefix]:06d}"

    def versions(self) -> list[Version]:
        """Every true (latest) version of every subscription."""
        return [version for sub in self.subscriptions for version in sub.versions]


class Subscription:
    """A subscription line: a chain of versions sharing one subscription_id."""

    def __init__(
        self,
        book: Book,
        account: Account,
        spec: LineSpec,
        start: date,
        stamp: datetime,
        id_tag: str = "",
    ):
        self.book = book
        self.account = account
        self.id_tag = id_tag  # "_sig" numbers the line's ids in their own sequences
        self.subscription_id = book.next_id(f"sub{id_tag}")
        self.versions: list[Version] = []
        self._open(spec, start, stamp)
        book.subscriptions.append(self)

    @property
    def current(self) -> Version:
        """The latest version."""
        return self.versions[-1]

    @property
    def is_open(self) -> bool:
        """True while the latest version has no valid_to."""
        return self.current.valid_to is None

    def _open(self, spec: LineSpec, start: date, stamp: datetime) -> None:
        """Append a new open version."""
        version = Version(
            item_id=self.book.next_id(f"si{self.id_tag}"),
            subscription_id=self.subscription_id,
            account_id=self.account.account_id,
            spec=spec,
            valid_from=start,
            valid_to=None,
            updated_at=stamp,
            opened_at=stamp,
        )
        self.versions.append(version)

    def can_change(self, day: date) -> bool:
        """A change on `day` needs an open line whose current version began before `day`."""
        return self.is_open and self.current.valid_from < day <= HORIZON_END

    def change(self, day: date, stamp: datetime, **changes: object) -> bool:
        """Close the current version on `day` and open the changed one; False if not possible."""
        spec = replace(self.current.spec, **changes)
        if not self.can_change(day) or spec == self.current.spec:
            return False
        self.close(day, stamp)
        self._open(spec, day, stamp)
        return True

    def close(self, day: date, stamp: datetime) -> None:
        """Close the current version on `day` (exclusive), written at `stamp`."""
        self.current.valid_to = day
        self.current.updated_at = stamp


# --------------------------------------------------------------------------------------------
# Walkthrough accounts (fixed, seed independent)
# --------------------------------------------------------------------------------------------


def wt_stamp(day: date) -> datetime:
    """The fixed write time of walkthrough rows."""
    return datetime.combine(day, WT_TIME)


class Walkthroughs:
    """Builds the named walkthrough accounts of docs/walkthrough_accounts.md."""

    def __init__(self, book: Book):
        self.book = book

    def account(self, case: str, name: str, segment: str, region: str, created: date) -> Account:
        """Register walkthrough account acct_wt_<case>."""
        account = Account(
            account_id=f"acct_wt_{case}",
            name=f"Walkthrough - {name}",
            segment=segment,
            region=region,
            currency="USD",
            created_at=wt_stamp(created),
            walkthrough=True,
        )
        self.book.accounts.append(account)
        return account

    def line(
        self,
        account: Account,
        plan: tuple[str, int, str],
        quantity: int,
        unit: str,
        start: date,
        is_trial: bool = False,
    ) -> Subscription:
        """Open a walkthrough line on plan (family, interval, currency)."""
        spec = LineSpec(self.book.catalog.get(*plan), quantity, money(unit), is_trial=is_trial)
        return Subscription(self.book, account, spec, start, wt_stamp(start))

    def build(self) -> None:
        """Create every walkthrough account, in a fixed order."""
        for builder in (
            self.annual,
            self.discount,
            self.trial,
            self.seat_and_addon,
            self.usage,
            self.restore,
            self.reactivation,
            self.open_ended,
            self.same_month,
            self.fx,
            self.multi_currency,
            self.upgrade,
        ):
            builder()

    def annual(self) -> None:
        """Team annual, 10 seats x 1,200.00 per year from 2024-01-01: MRR 1,000."""
        acct = self.account("annual", "annual Team plan", "Mid-Market", "NA", date(2024, 1, 1))
        self.line(acct, ("core_team", 12, "USD"), 10, "1200", date(2024, 1, 1))

    def discount(self) -> None:
        """5 seats x 100.00 monthly; 20% off from 2024-03-01 to 2024-06-01."""
        acct = self.account("discount", "temporary 20% discount", "SMB", "NA", date(2024, 2, 1))
        sub = self.line(acct, ("core_team", 1, "USD"), 5, "100", date(2024, 2, 1))
        sub.change(date(2024, 3, 1), wt_stamp(date(2024, 3, 1)), discount_pct=money(20))
        sub.change(date(2024, 6, 1), wt_stamp(date(2024, 6, 1)), discount_pct=None)

    def trial(self) -> None:
        """14-day trial from 2024-02-20, then 200.00 flat monthly from 2024-03-05."""
        acct = self.account("trial", "trial then paid", "SMB", "APAC", date(2024, 2, 20))
        sub = self.line(
            acct, ("core_starter_flat", 1, "USD"), 1, "200", date(2024, 2, 20), is_trial=True
        )
        sub.change(date(2024, 3, 5), wt_stamp(date(2024, 3, 5)), is_trial=False)

    def seat_and_addon(self) -> None:
        """10 -> 20 seats at 75.00 and the Analytics add-on (250.00) on 2024-05-10."""
        acct = self.account(
            "seat_and_addon", "seat growth and add-on", "Mid-Market", "NA", date(2024, 1, 1)
        )
        core = self.line(acct, ("core_team", 1, "USD"), 10, "75", date(2024, 1, 1))
        core.change(date(2024, 5, 10), wt_stamp(date(2024, 5, 10)), quantity=20)
        self.line(acct, ("analytics", 1, "USD"), 1, "250", date(2024, 5, 10))

    def usage(self) -> None:
        """API Growth (500.00, 100,000 calls) from 2025-01-01 with fixed monthly usage."""
        acct = self.account("usage", "API usage overage", "Mid-Market", "APAC", date(2025, 1, 1))
        sub = self.line(acct, ("api_growth", 1, "USD"), 1, "500", date(2025, 1, 1))
        totals = {date(2025, 1, 1): 90_000, date(2025, 2, 1): 150_000}
        for month in month_starts(date(2025, 1, 1), HORIZON_END):
            spread = spread_evenly(totals.get(month, 250_000), days_in_month(month))
            for offset, quantity in enumerate(spread):
                day = month + timedelta(days=offset)
                self.book.fixed_usage.append(
                    UsageRow(acct.account_id, sub.subscription_id, day, quantity)
                )

    def restore(self) -> None:
        """20 seats x 50.00, cut to 10 (2024-06-01), to 16 (2024-09-01), to 24 (2024-12-01)."""
        acct = self.account("restore", "downgrade then restore", "SMB", "NA", date(2024, 1, 1))
        sub = self.line(acct, ("core_starter", 1, "USD"), 20, "50", date(2024, 1, 1))
        for day, seats in ((date(2024, 6, 1), 10), (date(2024, 9, 1), 16), (date(2024, 12, 1), 24)):
            sub.change(day, wt_stamp(day), quantity=seats)

    def reactivation(self) -> None:
        """Flat 300.00 from 2024-01-01, churned 2024-06-01, back 2024-10-01, 450.00 in 2025."""
        acct = self.account(
            "reactivation", "churn then reactivation", "SMB", "EMEA", date(2024, 1, 1)
        )
        first = self.line(acct, ("core_starter_flat", 1, "USD"), 1, "300", date(2024, 1, 1))
        first.close(date(2024, 6, 1), wt_stamp(date(2024, 6, 1)))
        second = self.line(acct, ("core_starter_flat", 1, "USD"), 1, "300", date(2024, 10, 1))
        second.change(date(2025, 1, 1), wt_stamp(date(2025, 1, 1)), unit_amount=money(450))

    def open_ended(self) -> None:
        """Team monthly 10 x 110.00 from 2023-03-01, never changed: MRR 1,100 every month."""
        acct = self.account("open_ended", "open-ended line", "Enterprise", "NA", date(2023, 3, 1))
        self.line(acct, ("core_team", 1, "USD"), 10, "110", date(2023, 3, 1))

    def same_month(self) -> None:
        """A paid line 2024-04-05 to 2024-04-25, then Starter 4 x 50.00 from 2024-08-01."""
        acct = self.account("same_month", "line inside one month", "SMB", "APAC", date(2024, 4, 5))
        blip = self.line(acct, ("core_starter_flat", 1, "USD"), 1, "300", date(2024, 4, 5))
        blip.close(date(2024, 4, 25), wt_stamp(date(2024, 4, 25)))
        self.line(acct, ("core_starter", 1, "USD"), 4, "50", date(2024, 8, 1))

    def fx(self) -> None:
        """1,000.00 EUR flat monthly from 2024-01-01, never changed: FX movements only."""
        acct = self.account("fx", "EUR billing", "Mid-Market", "EMEA", date(2024, 1, 1))
        acct.currency = "EUR"
        self.line(acct, ("core_starter_flat", 1, "EUR"), 1, "1000", date(2024, 1, 1))

    def multi_currency(self) -> None:
        """EUR Team 5 x 100.00 from 2024-01-01 and a GBP Analytics add-on (200.00) from April."""
        acct = self.account(
            "multi_currency", "EUR core and GBP add-on", "Enterprise", "EMEA", date(2024, 1, 1)
        )
        acct.currency = "EUR"
        self.line(acct, ("core_team", 1, "EUR"), 5, "100", date(2024, 1, 1))
        self.line(acct, ("analytics", 1, "GBP"), 1, "200", date(2024, 4, 1))

    def upgrade(self) -> None:
        """Team 10 x 60.00 from 2024-01-01, Business 12 x 80.00 from 2024-07-01."""
        acct = self.account(
            "upgrade", "Team to Business upgrade", "Mid-Market", "NA", date(2024, 1, 1)
        )
        sub = self.line(acct, ("core_team", 1, "USD"), 10, "60", date(2024, 1, 1))
        business = self.book.catalog.get("core_business", 1, "USD")
        sub.change(
            date(2024, 7, 1),
            wt_stamp(date(2024, 7, 1)),
            plan=business,
            quantity=12,
            unit_amount=money(80),
        )


# --------------------------------------------------------------------------------------------
# Expansion-signal accounts (fixed, seed independent)
# --------------------------------------------------------------------------------------------

SIGNAL_PREFIX = "acct_sig_"
SIGNAL_ID_TAG = "_sig"  # their ids (sub_sig_*, si_sig_*) never shift the random accounts' ids
SEAT_CAP_READY_FROM = date(2026, 9, 17)  # from here 16+ of 20 seats are active (>= 80%)
SHALLOW_READY_FROM = date(2026, 7, 15)  # from here 8+ of 10 seats are active
SHALLOW_GAP = date(2026, 8, 20)  # no seat-activity row that day: it breaks the streak
USAGE_TREND_START = date(2026, 4, 1)
USAGE_TREND_LAST = 2608  # calls on the horizon's last day; 12 fewer for each day before
USAGE_TREND_STEP = 12

# Per signal account, the features it uses: (feature_id, first day, every n days, events).
# A feature is used on its first day and then every n days up to the horizon.
SIGNAL_FEATURE_HABITS: dict[str, tuple[tuple[str, date, int, int], ...]] = {
    "acct_sig_seat_cap": (
        ("feat_core_audit_log", date(2026, 6, 10), 1000, 3),  # once: out of the window by D
        ("feat_core_dashboards", ACTIVITY_START, 1, 40),
        ("feat_core_integrations", ACTIVITY_START, 3, 12),
        ("feat_core_reports", ACTIVITY_START, 2, 15),
        ("feat_core_user_management", ACTIVITY_START, 7, 4),
    ),
    "acct_sig_usage_trend": (("feat_api_rest", ACTIVITY_START, 1, 25),),
    "acct_sig_shallow": (
        ("feat_core_dashboards", ACTIVITY_START, 1, 9),
        ("feat_core_reports", ACTIVITY_START, 7, 2),
        ("feat_core_sso", date(2026, 9, 1), 10, 0),  # rows with 0 events: not adopted
    ),
    "acct_sig_deep_no_addon": (
        ("feat_automation_workflows", ACTIVITY_START, 2, 30),
        ("feat_core_audit_log", ACTIVITY_START, 5, 6),
        ("feat_core_custom_roles", ACTIVITY_START, 14, 2),
        ("feat_core_dashboards", ACTIVITY_START, 1, 80),
        ("feat_core_integrations", ACTIVITY_START, 1, 25),
        ("feat_core_reports", ACTIVITY_START, 1, 60),
        ("feat_core_user_management", ACTIVITY_START, 3, 8),
    ),
}


class SignalAccounts:
    """Builds the four named expansion-signal accounts of docs/walkthrough_accounts.md.

    Their subscriptions are opened after the random accounts are simulated, with their own id
    sequences, and their activity rows are appended without drawing from the random generator:
    the random and walkthrough accounts' rows do not change.
    """

    def __init__(self, book: Book):
        self.book = book

    def account(self, case: str, name: str, segment: str, region: str, created: date) -> Account:
        """Register signal account acct_sig_<case> (kept out of the random edge cases)."""
        account = Account(
            account_id=f"{SIGNAL_PREFIX}{case}",
            name=f"Signals - {name}",
            segment=segment,
            region=region,
            currency="USD",
            created_at=wt_stamp(created),
            walkthrough=True,
        )
        self.book.accounts.append(account)
        return account

    def line(
        self, account: Account, family: str, quantity: int, unit: str, start: date
    ) -> Subscription:
        """Open a monthly USD line of a plan family."""
        plan = self.book.catalog.get(family, 1, "USD")
        spec = LineSpec(plan, quantity, money(unit))
        return Subscription(self.book, account, spec, start, wt_stamp(start), SIGNAL_ID_TAG)

    def build(self) -> None:
        """Create every signal account, in a fixed order."""
        for builder in (self.seat_cap, self.usage_trend, self.shallow, self.deep_no_addon):
            builder()

    def seat_cap(self) -> None:
        """Team 15 seats x 110.00 from 2025-09-01, 20 seats (same price) from 2026-03-01."""
        acct = self.account(
            "seat_cap", "team at its seat cap", "Mid-Market", "NA", date(2025, 9, 1)
        )
        core = self.line(acct, "core_team", 15, "110", date(2025, 9, 1))
        core.change(date(2026, 3, 1), wt_stamp(date(2026, 3, 1)), quantity=20)

    def usage_trend(self) -> None:
        """API Growth (100,000 calls a month) from 2026-04-01, daily calls rising by 12 a day."""
        acct = self.account(
            "usage_trend", "API usage trending up", "Mid-Market", "EMEA", USAGE_TREND_START
        )
        sub = self.line(acct, "api_growth", 1, "500", USAGE_TREND_START)
        day = USAGE_TREND_START
        while day <= HORIZON_END:
            calls = USAGE_TREND_LAST - USAGE_TREND_STEP * (HORIZON_END - day).days
            self.book.fixed_usage.append(UsageRow(acct.account_id, sub.subscription_id, day, calls))
            day += timedelta(1)

    def shallow(self) -> None:
        """Starter 10 seats x 50.00 from 2025-11-01: seats nearly full, two features used."""
        acct = self.account("shallow", "full seats, shallow use", "SMB", "APAC", date(2025, 11, 1))
        self.line(acct, "core_starter", 10, "50", date(2025, 11, 1))

    def deep_no_addon(self) -> None:
        """Business 40 x 160.00 + Automation 40 x 15.00; 55 seats at 150.00 from 2026-02-01."""
        acct = self.account(
            "deep_no_addon", "deep use, no Analytics", "Enterprise", "NA", date(2025, 6, 1)
        )
        core = self.line(acct, "core_business", 40, "160", date(2025, 6, 1))
        core.change(
            date(2026, 2, 1), wt_stamp(date(2026, 2, 1)), quantity=55, unit_amount=money(150)
        )
        self.line(acct, "automation", 40, "15", date(2025, 6, 1))


def signal_active_users(account_id: str, day: date) -> int | None:
    """Active users of a signal account on a day of the activity window (None: no row)."""
    index = (day - ACTIVITY_START).days
    weekend = day.weekday() >= 5
    if account_id == "acct_sig_seat_cap":
        if day < SEAT_CAP_READY_FROM:
            return 10 + 5 * index // ((SEAT_CAP_READY_FROM - ACTIVITY_START).days - 1)
        return 16 + 3 * (day - SEAT_CAP_READY_FROM).days // (HORIZON_END - SEAT_CAP_READY_FROM).days
    if account_id == "acct_sig_shallow":
        if day == SHALLOW_GAP:
            return None
        if day < SHALLOW_READY_FROM:
            return 7
        return 8 if day.weekday() == 6 else 9
    if account_id == "acct_sig_deep_no_addon":
        return 22 if weekend else 36
    return None


def signal_seat_activity_rows() -> list[list]:
    """Seat activity of the signal accounts (the API-only account has none)."""
    rows = []
    for account_id in sorted(SIGNAL_FEATURE_HABITS):
        for day in activity_days():
            active = signal_active_users(account_id, day)
            if active is not None:
                rows.append([account_id, day, active])
    return rows


def signal_feature_usage_rows() -> list[list]:
    """Feature events of the signal accounts, from SIGNAL_FEATURE_HABITS."""
    rows = []
    for account_id, habits in SIGNAL_FEATURE_HABITS.items():
        for feature_id, first, every, events in habits:
            day = first
            while day <= HORIZON_END:
                rows.append([account_id, feature_id, day, events])
                day += timedelta(every)
    return rows


def spread_evenly(total: int, days: int) -> list[int]:
    """Split a whole-number total over `days` days; the first days take the remainder."""
    base, remainder = divmod(total, days)
    return [base + (1 if index < remainder else 0) for index in range(days)]


# --------------------------------------------------------------------------------------------
# Random accounts
# --------------------------------------------------------------------------------------------

# Relative sign-ups per calendar month (January first): busy spring and autumn, quiet summer.
SEASONALITY = (1.05, 1.0, 1.2, 1.05, 1.0, 0.9, 0.7, 0.65, 1.15, 1.25, 1.1, 0.65)
SEGMENTS = (("SMB", 55), ("Mid-Market", 30), ("Enterprise", 12), (None, 3))
REGIONS = (("NA", 50), ("EMEA", 32), ("APAC", 15), (None, 3))
EMEA_CURRENCIES = (("EUR", 55), ("GBP", 30), ("USD", 15))
NAME_FIRST = (
    "Blue Northern Bright Quiet Swift Silver Granite Harbor Summit Cedar Polar Vivid Lunar Golden"
    " Iron Maple Coral Atlas Nimbus Orbit"
)
NAME_SECOND = (
    "Analytics Logistics Health Foods Robotics Media Labs Systems Retail Energy Finance Studio"
    " Networks Travel Learning Bio Motors Works"
)
NAME_SUFFIX = {
    "NA": ("Inc", "LLC", "Corp"),
    "EMEA": ("GmbH", "Ltd", "SAS", "BV"),
    "APAC": ("Pty Ltd", "Pte Ltd", "KK"),
    None: ("Co",),
}
TAX_RULES = {"NA": (0.15, "8.25"), "EMEA": (0.5, None), "APAC": (0.3, "10")}
VAT = {"EUR": "21", "GBP": "20", "USD": "20"}
MESSY_VARIANTS = {
    "USD": ("usd", " usd", "Usd "),
    "EUR": (" eur", "eur", "EUR "),
    "GBP": ("gbp", " GBP", "gbp "),
}


@dataclass(frozen=True)
class SegmentProfile:
    """How accounts of one segment buy and behave."""

    core_mix: tuple[tuple[str, int], ...]
    interval_mix: tuple[tuple[int, int], ...]
    api_mix: tuple[tuple[str, int], ...]
    seats: tuple[int, int]
    churn: float
    trial: float
    negotiated: float
    onboarding: tuple[float, tuple[str, ...]]


PROFILES = {
    "SMB": SegmentProfile(
        core_mix=(("core_starter_flat", 20), ("core_starter", 45), ("core_team", 35)),
        interval_mix=((1, 85), (12, 15)),
        api_mix=(("api_starter", 70), ("api_growth", 30)),
        seats=(2, 10),
        churn=0.02,
        trial=0.45,
        negotiated=0.15,
        onboarding=(0.05, ("500", "750")),
    ),
    "Mid-Market": SegmentProfile(
        core_mix=(("core_starter", 5), ("core_team", 50), ("core_business", 45)),
        interval_mix=((1, 50), (12, 34), (3, 8), (6, 8)),
        api_mix=(("api_starter", 30), ("api_growth", 70)),
        seats=(8, 40),
        churn=0.011,
        trial=0.3,
        negotiated=0.4,
        onboarding=(0.15, ("1000", "2500")),
    ),
    "Enterprise": SegmentProfile(
        core_mix=(("core_business", 45), ("core_enterprise", 55)),
        interval_mix=((1, 25), (12, 75)),
        api_mix=(("api_growth", 60), ("api_scale", 40)),
        seats=(25, 120),
        churn=0.005,
        trial=0.1,
        negotiated=0.7,
        onboarding=(0.5, ("5000", "7500", "12000")),
    ),
}


def weighted(rng: random.Random, options: tuple[tuple[object, int], ...]) -> object:
    """Pick one value from (value, weight) pairs."""
    values = [value for value, _ in options]
    weights = [weight for _, weight in options]
    return rng.choices(values, weights=weights)[0]


def creation_times(rng: random.Random, count: int) -> list[datetime]:
    """Account creation times: steady growth with seasonality over the data period."""
    months = month_starts(DATA_START, HORIZON_END)
    weights = [(1 + 0.015 * index) * SEASONALITY[m.month - 1] for index, m in enumerate(months)]
    times = []
    for month in rng.choices(months, weights=weights, k=count):
        day = min(month + timedelta(days=rng.randrange(days_in_month(month))), HORIZON_END)
        times.append(datetime.combine(day, random_time(rng)))
    return sorted(times)


def make_accounts(rng: random.Random, book: Book) -> list[Account]:
    """Create the random accounts (acct_0001...) in creation order, with their tax rates."""
    pairs = [f"{a} {b}" for a in NAME_FIRST.split() for b in NAME_SECOND.split()]
    names = rng.sample(pairs, RANDOM_ACCOUNTS)
    created = creation_times(rng, RANDOM_ACCOUNTS)
    accounts = []
    for index, (created_at, base) in enumerate(zip(created, names, strict=True), 1):
        segment = weighted(rng, SEGMENTS)
        region = weighted(rng, REGIONS)
        currency = weighted(rng, EMEA_CURRENCIES) if region == "EMEA" else "USD"
        account = Account(
            account_id=f"acct_{index:04d}",
            name=f"{base} {rng.choice(NAME_SUFFIX[region])}",
            segment=segment,
            region=region,
            currency=currency,
            created_at=created_at,
        )
        probability, rate = TAX_RULES.get(region, (0.0, None))
        if rng.random() < probability:
            book.tax_rates[account.account_id] = Decimal(rate or VAT[currency]) / HUNDRED
        accounts.append(account)
    book.accounts.extend(accounts)
    return accounts


# Events that act on the account's open core line (skipped when it has none).
CORE_ACTIONS = frozenset(
    {"seat_add", "seat_remove", "seat_cut", "upgrade", "downgrade", "to_annual", "flat_to_seats"}
    | {"discount_start", "uplift", "buy_addon", "blip"}
)


class AccountSimulator:
    """Simulates one random account month by month, writing its subscription versions."""

    def __init__(self, rng: random.Random, book: Book, account: Account, api_mode: str | None):
        self.rng = rng
        self.book = book
        self.account = account
        self.api_mode = api_mode
        self.profile = PROFILES[account.segment or "SMB"]
        self.factor = Decimal(1)
        if rng.random() < self.profile.negotiated:
            self.factor = Decimal(rng.randint(75, 95)) / HUNDRED
        self.core: Subscription | None = None
        self.api: Subscription | None = None
        self.api_track: UsageTrack | None = None
        self.addons: dict[str, Subscription] = {}
        self.pending: list[tuple[date, int, str, object]] = []
        self.sequence = 0
        self.live = False

    # -- small helpers ------------------------------------------------------------------------

    def stamp(self, day: date) -> datetime:
        """A write timestamp on `day`."""
        return datetime.combine(day, random_time(self.rng))

    def day_in(self, month: date) -> date:
        """An event day in `month`: the 1st about half the time, else any day."""
        day = (
            month
            if self.rng.random() < 0.45
            else month.replace(day=self.rng.randint(2, days_in_month(month)))
        )
        return min(day, HORIZON_END)

    def price(self, plan: Plan) -> Decimal:
        """The account's negotiated unit price for a plan."""
        return money(plan.list_amount * self.factor)

    def event(self, day: date, action: str, payload: object = None) -> tuple:
        """An event tuple, ordered by day then creation order."""
        self.sequence += 1
        return (day, self.sequence, action, payload)

    def schedule(self, day: date, action: str, payload: object = None) -> None:
        """Queue an event for a later month (dropped when after the horizon)."""
        if day <= HORIZON_END:
            self.pending.append(self.event(day, action, payload))

    def open_subscriptions(self) -> list[Subscription]:
        """Every open line of the account that the simulator tracks."""
        subs = [self.core, self.api, *self.addons.values()]
        return [sub for sub in subs if sub is not None and sub.is_open]

    # -- lifecycle ----------------------------------------------------------------------------

    def run(self) -> None:
        """Start the account, then step through every later month to the horizon."""
        start = min(self.account.created_at.date() + timedelta(self.rng.randint(0, 6)), HORIZON_END)
        if self.api_mode == "api_only":
            self.open_api(start)
            self.live = True
        elif not self.start_core(start):
            return
        elif self.api_mode == "with_core":
            self.open_api(start)
        elif self.api_mode == "cross_sell":
            self.schedule(start + timedelta(self.rng.randint(60, 400)), "api_start")
        for month in month_starts(add_months(start.replace(day=1), 1), HORIZON_END):
            self.simulate_month(month)

    def core_spec(self) -> LineSpec:
        """A new core line for this account's segment."""
        plan = self.book.catalog.get(
            weighted(self.rng, self.profile.core_mix),
            weighted(self.rng, self.profile.interval_mix),
            self.account.currency,
        )
        quantity = 1 if plan.pricing_model == "flat" else self.rng.randint(*self.profile.seats)
        return LineSpec(plan, quantity, self.price(plan))

    def start_core(self, start: date) -> bool:
        """Open the first core line, possibly after a trial; False if it never becomes paid."""
        spec = self.core_spec()
        if self.rng.random() >= self.profile.trial:
            self.core = Subscription(self.book, self.account, spec, start, self.stamp(start))
            self.paid_start(start)
            return True
        trial_end = start + timedelta(self.rng.choice((14, 14, 21, 30)))
        trial = Subscription(
            self.book, self.account, replace(spec, is_trial=True), start, self.stamp(start)
        )
        if trial_end > HORIZON_END:
            trial.close(trial_end, trial.current.updated_at)
            return False
        if self.rng.random() < 0.3:
            trial.close(trial_end, self.stamp(trial_end))
            return False
        trial.change(trial_end, self.stamp(trial_end), is_trial=False)
        self.core = trial
        self.paid_start(trial_end)
        return True

    def paid_start(self, day: date) -> None:
        """The account becomes a paying customer: maybe an onboarding fee."""
        self.live = True
        probability, fees = self.profile.onboarding
        if self.rng.random() < probability:
            amount = money(self.rng.choice(fees))
            self.book.one_time_fees.append(
                InvoiceLine(
                    self.account.account_id,
                    None,
                    "one_time",
                    amount,
                    self.account.currency,
                    day,
                    day + timedelta(1),
                )
            )

    def simulate_month(self, month: date) -> None:
        """Apply the due scheduled events and this month's random events, in date order."""
        due = [item for item in self.pending if item[0] <= month_end(month)]
        self.pending = [item for item in self.pending if item[0] > month_end(month)]
        events = due + (self.random_events(month) if self.live else [])
        for day, _, action, payload in sorted(events, key=lambda item: (item[0], item[1])):
            core_open = self.core is not None and self.core.is_open
            if core_open or action not in CORE_ACTIONS:
                getattr(self, f"do_{action}")(day, payload)

    def random_events(self, month: date) -> list[tuple]:
        """This month's random events for a live account."""
        events = []
        if self.churn_due(month):
            events.append(self.event(self.churn_day(month), "churn"))
        core = self.core
        if core is not None and core.is_open and not core.current.spec.is_trial:
            events += self.core_events(month, core.current.spec)
            events += self.addon_events(month)
        if self.api is not None and self.api.is_open:
            events += self.api_events(month)
        return events

    def churn_due(self, month: date) -> bool:
        """Monthly churn hazard; lines billed for several months churn at renewal only."""
        interval = self.core.current.spec.plan.interval if self.core else 1
        hazard = self.profile.churn
        if interval > 1:
            anchor = self.core.versions[0].valid_from
            elapsed = (month.year - anchor.year) * 12 + month.month - anchor.month
            if elapsed % interval:
                return False
            hazard = 1 - (1 - hazard) ** interval
        return self.rng.random() < hazard

    def churn_day(self, month: date) -> date:
        """The churn date: the renewal date for long intervals, else any day."""
        if self.core is not None and self.core.current.spec.plan.interval > 1:
            anchor_day = self.core.versions[0].valid_from.day
            return min(month.replace(day=min(anchor_day, days_in_month(month))), HORIZON_END)
        return self.day_in(month)

    def core_events(self, month: date, spec: LineSpec) -> list[tuple]:
        """Seat, tier, interval, discount and price events on the core line."""
        plan, rng = spec.plan, self.rng
        if plan.pricing_model == "per_seat":
            chances = (
                ("seat_add", 0.07),
                ("seat_remove", 0.03),
                ("seat_cut", 0.006),
                ("upgrade", 0.012 if plan.tier_rank < 4 else 0.0),
                ("downgrade", 0.006 if plan.tier_rank > 1 else 0.0),
                ("to_annual", 0.006 if plan.interval == 1 else 0.0),
            )
        else:
            chances = (("flat_to_seats", 0.03),)
        events = [
            self.event(self.day_in(month), action)
            for action, chance in chances
            if rng.random() < chance
        ]
        if not spec.discount_pct and rng.random() < 0.012:
            events.append(self.event(self.day_in(month), "discount_start"))
        anchor = self.core.versions[0].valid_from
        renewal = plan.interval == 12 and month.month == anchor.month and month.year > anchor.year
        if renewal and rng.random() < 0.3:
            events.append(self.event(self.day_in(month), "uplift"))
        return events

    def addon_events(self, month: date) -> list[tuple]:
        """Add-on purchases, removals and short-lived add-on lines."""
        events = []
        for family in ("analytics", "automation"):
            held = self.addons.get(family)
            if held is None or not held.is_open:
                if self.rng.random() < 0.022:
                    events.append(self.event(self.day_in(month), "buy_addon", family))
            elif self.rng.random() < 0.012:
                events.append(self.event(self.day_in(month), "remove_addon", family))
        if self.rng.random() < 0.004:
            events.append(self.event(self.day_in(month), "blip"))
        return events

    def api_events(self, month: date) -> list[tuple]:
        """API plan changes driven by last month's consumption against the commitment."""
        previous = add_months(month, -1)
        if self.api_track is None or previous not in self.api_track.levels:
            return []
        spec = self.api.current.spec
        used = self.api_track.levels[previous] * days_in_month(previous)
        ratio = used / float(spec.plan.included_units * spec.quantity)
        if ratio > 1.5 and self.rng.random() < 0.35:
            return [self.event(self.day_in(month), "api_upgrade")]
        if ratio < 0.45 and self.rng.random() < 0.25:
            return [self.event(self.day_in(month), "api_downgrade")]
        return []

    # -- event handlers (each receives the event day and its payload) -------------------------

    def change_core(self, day: date, **changes: object) -> bool:
        """Change the open core line on `day`."""
        if self.core is None or not self.core.is_open:
            return False
        return self.core.change(day, self.stamp(day), **changes)

    def do_churn(self, day: date, _payload: object) -> None:
        """Close every open line; sometimes schedule a reactivation months later."""
        subs = self.open_subscriptions()
        if not subs or any(not sub.can_change(day) for sub in subs):
            return
        stamp = self.stamp(day)
        for sub in subs:
            sub.close(day, stamp)
        self.live, self.core, self.api, self.addons = False, None, None, {}
        if self.rng.random() < 0.3:
            back = add_months(day.replace(day=1), self.rng.randint(3, 12))
            self.schedule(self.day_in(back), "reactivate")

    def do_reactivate(self, day: date, _payload: object) -> None:
        """A churned account comes back with new lines."""
        if self.live:
            return
        if self.api_mode == "api_only":
            self.open_api(day)
        else:
            self.core = Subscription(
                self.book, self.account, self.core_spec(), day, self.stamp(day)
            )
        self.live = True

    def do_seat_add(self, day: date, _payload: object) -> None:
        """Add 5-35% seats; the Automation add-on sometimes follows."""
        quantity = self.core.current.spec.quantity
        delta = max(1, round(quantity * self.rng.uniform(0.05, 0.35)))
        if self.change_core(day, quantity=quantity + delta):
            automation = self.addons.get("automation")
            if automation is not None and self.rng.random() < 0.5:
                seats = automation.current.spec.quantity + delta
                automation.change(day, self.stamp(day), quantity=seats)

    def do_seat_remove(self, day: date, _payload: object) -> None:
        """Remove 5-30% of the seats (at least one seat stays)."""
        quantity = self.core.current.spec.quantity
        seats = max(1, quantity - max(1, round(quantity * self.rng.uniform(0.05, 0.3))))
        if seats < quantity:
            self.change_core(day, quantity=seats)

    def do_seat_cut(self, day: date, _payload: object) -> None:
        """Cut about half the seats, and schedule a partial restore 2-6 months later."""
        quantity = self.core.current.spec.quantity
        cut = max(1, round(quantity * self.rng.uniform(0.45, 0.65)))
        if cut >= quantity or not self.change_core(day, quantity=cut):
            return
        restore = min(
            quantity - 1, cut + max(1, round((quantity - cut) * self.rng.uniform(0.4, 0.8)))
        )
        if restore > cut:
            later = add_months(day.replace(day=1), self.rng.randint(2, 6))
            self.schedule(self.day_in(later), "seat_restore", (self.core, restore))

    def do_seat_restore(self, day: date, payload: tuple[Subscription, int]) -> None:
        """Partially restore seats cut earlier, if the same per-seat line is still open."""
        sub, seats = payload
        if sub is self.core and sub.is_open and sub.current.spec.plan.pricing_model == "per_seat":
            self.change_core(day, quantity=seats)

    def move_tier(self, day: date, step: int) -> None:
        """Move the core line one tier up (step 1) or down (step -1) at the account's price."""
        spec = self.core.current.spec
        family = CORE_TIERS[CORE_TIERS.index(spec.plan.family) + step]
        plan = self.book.catalog.get(family, spec.plan.interval, self.account.currency)
        quantity = spec.quantity
        if step > 0 and self.rng.random() < 0.5:
            quantity += max(1, round(quantity * self.rng.uniform(0.05, 0.2)))
        self.change_core(day, plan=plan, quantity=quantity, unit_amount=self.price(plan))

    def do_upgrade(self, day: date, _payload: object) -> None:
        """Upgrade the core line to the next tier."""
        if self.core is not None and self.core.current.spec.plan.family in CORE_TIERS[:-1]:
            self.move_tier(day, 1)

    def do_downgrade(self, day: date, _payload: object) -> None:
        """Downgrade the core line to the previous tier."""
        if self.core is not None and self.core.current.spec.plan.family in CORE_TIERS[1:]:
            self.move_tier(day, -1)

    def do_to_annual(self, day: date, _payload: object) -> None:
        """Switch a monthly core line to annual billing."""
        spec = self.core.current.spec
        plan = self.book.catalog.get(spec.plan.family, 12, self.account.currency)
        if plan.interval == 12:
            self.change_core(day, plan=plan, unit_amount=self.price(plan))

    def do_flat_to_seats(self, day: date, _payload: object) -> None:
        """Move from the flat Starter plan to a per-seat plan."""
        family = self.rng.choice(("core_starter", "core_team"))
        plan = self.book.catalog.get(family, 1, self.account.currency)
        self.change_core(
            day, plan=plan, quantity=self.rng.randint(3, 10), unit_amount=self.price(plan)
        )

    def do_discount_start(self, day: date, _payload: object) -> None:
        """Start a temporary discount on the core line and schedule its end."""
        pct = money(self.rng.choice((10, 15, 20, 25, 30, 50)))
        if self.change_core(day, discount_pct=pct):
            later = add_months(day.replace(day=1), self.rng.randint(1, 6))
            self.schedule(self.day_in(later), "discount_end", self.core)

    def do_discount_end(self, day: date, sub: Subscription) -> None:
        """End a discount (the new version's discount is written as 0 or as null)."""
        if sub.is_open and sub.current.spec.discount_pct:
            ended = self.rng.choice((None, money(0)))
            sub.change(day, self.stamp(day), discount_pct=ended)

    def do_uplift(self, day: date, _payload: object) -> None:
        """Raise the negotiated unit price by 3-8% at an annual renewal."""
        unit = self.core.current.spec.unit_amount
        self.change_core(
            day, unit_amount=money(unit * Decimal(str(1 + self.rng.uniform(0.03, 0.08))))
        )

    def addon_spec(self, family: str) -> LineSpec:
        """A new add-on line matching the core line's billing interval."""
        core = self.core.current.spec
        plan = self.book.catalog.get(family, core.plan.interval, self.account.currency)
        quantity = 1
        if family == "automation":
            if core.plan.pricing_model == "per_seat":
                quantity = max(1, round(core.quantity * self.rng.uniform(0.3, 1.0)))
            else:
                quantity = self.rng.randint(2, 6)
        return LineSpec(plan, quantity, self.price(plan))

    def do_buy_addon(self, day: date, family: str) -> None:
        """Cross-sell an add-on; sometimes free (100% discount) for the first 2-3 months."""
        if self.core is None or not self.core.is_open or self.core.current.valid_from >= day:
            return
        spec = self.addon_spec(family)
        promo = self.rng.random() < 0.12
        if promo:
            spec = replace(spec, discount_pct=money(100))
        sub = Subscription(self.book, self.account, spec, day, self.stamp(day))
        self.addons[family] = sub
        if promo:
            later = add_months(day.replace(day=1), self.rng.randint(2, 3))
            self.schedule(self.day_in(later), "discount_end", sub)

    def do_remove_addon(self, day: date, family: str) -> None:
        """Cancel an add-on line."""
        sub = self.addons.get(family)
        if sub is not None and sub.can_change(day):
            sub.close(day, self.stamp(day))
            del self.addons[family]

    def do_blip(self, day: date, _payload: object) -> None:
        """An add-on bought and cancelled within the same month (never carries MRR)."""
        last = min(month_end(day), HORIZON_END)
        if self.core is None or (last - day).days < 3:
            return
        end = day + timedelta(self.rng.randint(2, min(15, (last - day).days)))
        family = self.rng.choice(("analytics", "automation"))
        sub = Subscription(self.book, self.account, self.addon_spec(family), day, self.stamp(day))
        sub.close(end, self.stamp(end))

    def open_api(self, day: date) -> None:
        """Open an API usage line and draw its consumption path."""
        family = weighted(self.rng, self.profile.api_mix)
        interval = 12 if self.account.currency == "USD" and self.rng.random() < 0.12 else 1
        plan = self.book.catalog.get(family, interval, self.account.currency)
        quantity = 2 if self.account.segment == "Enterprise" and self.rng.random() < 0.3 else 1
        spec = LineSpec(plan, quantity, self.price(plan))
        self.api = Subscription(self.book, self.account, spec, day, self.stamp(day))
        committed = float(plan.included_units) * quantity
        self.api_track = UsageTrack(self.api, usage_levels(self.rng, day, committed))
        self.book.usage_tracks.append(self.api_track)

    def do_api_start(self, day: date, _payload: object) -> None:
        """Cross-sell the API product to a live account."""
        if self.live and self.api is None and self.core is not None:
            self.open_api(day)

    def change_api(self, day: date, step: int) -> None:
        """Move the API line one tier (or one unit at the ends of the range) up or down."""
        spec = self.api.current.spec
        index = API_TIERS.index(spec.plan.family) + step
        if 0 <= index < len(API_TIERS):
            plan = self.book.catalog.get(
                API_TIERS[index], spec.plan.interval, self.account.currency
            )
            self.api.change(day, self.stamp(day), plan=plan, unit_amount=self.price(plan))
        elif spec.quantity + step >= 1:
            self.api.change(day, self.stamp(day), quantity=spec.quantity + step)

    def do_api_upgrade(self, day: date, _payload: object) -> None:
        """Usage outgrew the commitment: a bigger API plan."""
        if self.api is not None and self.api.is_open:
            self.change_api(day, 1)

    def do_api_downgrade(self, day: date, _payload: object) -> None:
        """Usage fell far below the commitment: a smaller API plan."""
        if self.api is not None and self.api.is_open:
            self.change_api(day, -1)


def usage_levels(rng: random.Random, start: date, committed: float) -> dict[date, float]:
    """Calls per day for each month from `start`: growth or decline with noise."""
    level = committed / 30.4 * rng.uniform(0.45, 1.15)
    growth = rng.gauss(0.035, 0.03)
    months = month_starts(start, HORIZON_END)
    turn = rng.randrange(len(months)) if rng.random() < 0.35 else None
    levels = {}
    for index, month in enumerate(months):
        levels[month] = level
        if index == turn:
            growth = -abs(rng.gauss(0.05, 0.02))
        factor = max(0.5, 1 + growth + rng.gauss(0, 0.07))
        level = min(committed / 30.4 * 8, max(committed / 30.4 * 0.05, level * factor))
    return levels


def simulate_accounts(rng: random.Random, book: Book) -> None:
    """Create and simulate the random accounts; about 30 of them use the API product."""
    accounts = make_accounts(rng, book)
    eligible = [a for a in accounts if a.created_at.date() < date(2026, 8, 1)]
    api_modes = {}
    for account in rng.sample(eligible, USAGE_ACCOUNTS):
        api_modes[account.account_id] = weighted(
            rng, (("api_only", 20), ("with_core", 50), ("cross_sell", 30))
        )
    for account in accounts:
        AccountSimulator(rng, book, account, api_modes.get(account.account_id)).run()


# --------------------------------------------------------------------------------------------
# Edge cases layered on the simulated accounts
# --------------------------------------------------------------------------------------------


def random_subscriptions(book: Book) -> list[Subscription]:
    """Subscriptions of the simulated (non-walkthrough) accounts."""
    return [sub for sub in book.subscriptions if not sub.account.walkthrough]


def open_core_by_account(book: Book) -> dict[str, list[Subscription]]:
    """Per simulated account with an open paid core line: all its open lines."""
    open_lines: dict[str, list[Subscription]] = {}
    for sub in random_subscriptions(book):
        if sub.is_open and not sub.current.spec.is_trial:
            open_lines.setdefault(sub.account.account_id, []).append(sub)
    return {
        account_id: subs
        for account_id, subs in open_lines.items()
        if any(sub.current.spec.plan.product_id == "prod_core" for sub in subs)
    }


def schedule_cancellations(rng: random.Random, book: Book, count: int = 3) -> None:
    """A few live accounts give notice in October 2026: valid_to falls after the horizon."""
    candidates = {
        account_id: subs
        for account_id, subs in sorted(open_core_by_account(book).items())
        if max(sub.current.valid_from for sub in subs) < date(2026, 10, 1)
    }
    ends = (date(2026, 11, 30), date(2026, 12, 1), date(2027, 1, 1))
    for account_id, end in zip(rng.sample(sorted(candidates), count), ends, strict=True):
        written = datetime.combine(date(2026, 10, rng.randint(1, 30)), random_time(rng))
        for sub in candidates[account_id]:
            sub.close(end, written)


def force_last_write(rng: random.Random, book: Book) -> None:
    """A seat change on 2026-10-31, so the latest updated_at is on the horizon's last day."""
    candidates = [
        subs
        for _, subs in sorted(open_core_by_account(book).items())
        for sub in subs
        if sub.current.spec.plan.pricing_model == "per_seat"
        and sub.current.spec.plan.product_id == "prod_core"
        and sub.can_change(HORIZON_END)
    ]
    core = next(
        sub for sub in rng.choice(candidates) if sub.current.spec.plan.product_id == "prod_core"
    )
    stamp = datetime.combine(HORIZON_END, time(16, rng.randint(0, 59), rng.randint(0, 59)))
    core.change(HORIZON_END, stamp, quantity=core.current.spec.quantity + rng.randint(1, 3))


def add_stale_copies(rng: random.Random, book: Book) -> None:
    """Earlier, superseded copies of some closed per-seat versions (a different quantity)."""
    candidates = [
        version
        for sub in random_subscriptions(book)
        for version in sub.versions
        if version.valid_to is not None
        and version.valid_to <= HORIZON_END
        and version.spec.plan.pricing_model == "per_seat"
        and not version.spec.is_trial
    ]
    for version in sorted(rng.sample(candidates, STALE_COPIES), key=lambda v: v.item_id):
        quantity = version.spec.quantity
        options = [q for q in (quantity - 2, quantity - 1, quantity + 1, quantity + 3) if q >= 1]
        book.stale_rows.append(
            replace(
                version,
                spec=replace(version.spec, quantity=rng.choice(options)),
                valid_to=None,
                updated_at=version.opened_at,
            )
        )


def add_messy_currencies(rng: random.Random, book: Book) -> None:
    """Write a few subscription item currencies in lower case or padded with spaces."""
    versions = [version for sub in random_subscriptions(book) for version in sub.versions]
    for version in sorted(rng.sample(versions, MESSY_CURRENCY_ROWS), key=lambda v: v.item_id):
        variants = MESSY_VARIANTS[version.spec.plan.currency]
        book.messy_currency[version.item_id] = rng.choice(variants)


# --------------------------------------------------------------------------------------------
# Usage, seat activity and feature usage
# --------------------------------------------------------------------------------------------


def level_on(levels: dict[date, float], day: date) -> float:
    """Daily level on `day`, interpolated between this month's and next month's levels."""
    month = day.replace(day=1)
    current = levels[month]
    following = levels.get(add_months(month, 1), current)
    return current + (following - current) * (day.day - 1) / days_in_month(month)


def paid_days(sub: Subscription) -> tuple[date, date]:
    """First paid day and exclusive end (capped after the horizon) of a subscription."""
    start = next(v.valid_from for v in sub.versions if not v.spec.is_trial)
    end = min(sub.current.valid_to or HORIZON_END + timedelta(1), HORIZON_END + timedelta(1))
    return start, end


def usage_rows(book: Book, seed: int) -> list[UsageRow]:
    """Daily API calls of every usage line while it is active (walkthrough rows included)."""
    rows = list(book.fixed_usage)
    for track in book.usage_tracks:
        sub = track.subscription
        rng = random.Random(f"usage:{seed}:{sub.subscription_id}")
        day, end = paid_days(sub)
        while day < end:
            weekday = 0.7 if day.weekday() >= 5 else 1.08
            quantity = round(level_on(track.levels, day) * weekday * rng.uniform(0.85, 1.15))
            rows.append(UsageRow(sub.account.account_id, sub.subscription_id, day, quantity))
            day += timedelta(1)
    return sorted(rows, key=lambda r: (r.account_id, r.subscription_id, r.day))


def activity_days() -> list[date]:
    """Every day of the activity window (2026-06-03 to 2026-10-31)."""
    return [
        ACTIVITY_START + timedelta(offset)
        for offset in range((HORIZON_END - ACTIVITY_START).days + 1)
    ]


def activity_accounts(rng: random.Random, book: Book) -> list[Account]:
    """About 60 live simulated accounts with per-seat core lines, for seat and feature data."""
    live = {
        sub.account.account_id: sub.account
        for sub in random_subscriptions(book)
        for version in sub.versions
        if version.active_on(HORIZON_END)
        and version.spec.plan.family in CORE_TIERS
        and version.spec.quantity >= 3
        and not version.spec.is_trial
    }
    chosen = rng.sample(sorted(live), min(ACTIVITY_ACCOUNTS, len(live)))
    return [live[account_id] for account_id in sorted(chosen)]


def account_versions(book: Book, account: Account) -> list[Version]:
    """Every paid version of an account."""
    return [
        version
        for sub in book.subscriptions
        if sub.account is account
        for version in sub.versions
        if not version.spec.is_trial
    ]


UTILISATION = (
    ("low", 30, (0.25, 0.45), (0.25, 0.5)),
    ("medium", 40, (0.5, 0.7), (0.55, 0.76)),
    ("high", 22, (0.7, 0.9), (0.85, 0.98)),
    ("over", 8, (0.9, 1.0), (1.0, 1.08)),
)


def seat_activity_rows(rng: random.Random, book: Book, accounts: list[Account]) -> list[list]:
    """Active users per account per day: a utilisation path of the licensed core seats."""
    rows, days = [], activity_days()
    for account in accounts:
        seat_versions = [
            v for v in account_versions(book, account) if v.spec.plan.family in CORE_TIERS
        ]
        _, _, first, last = rng.choices(UTILISATION, weights=[u[1] for u in UTILISATION])[0]
        start, end = rng.uniform(*first), rng.uniform(*last)
        capped = last[1] <= 1
        for index, day in enumerate(days):
            seats = sum(v.spec.quantity for v in seat_versions if v.active_on(day))
            if seats == 0:
                continue
            share = start + (end - start) * index / (len(days) - 1)
            active = round(seats * share * rng.uniform(0.97, 1.03))
            rows.append([account.account_id, day, min(active, seats) if capped else active])
    return rows


ADOPTION = (("deep", 30, (0.75, 1.0)), ("medium", 45, (0.35, 0.65)), ("shallow", 25, (0.1, 0.25)))


def feature_usage_rows(rng: random.Random, book: Book, accounts: list[Account]) -> list[list]:
    """Daily feature events for the features each account adopted among its products'."""
    rows, days = [], activity_days()
    for account in accounts:
        versions = account_versions(book, account)
        held = sorted({v.spec.plan.product_id for v in versions if v.active_on(HORIZON_END)})
        features = [f for f in FEATURES if f[1] in held]
        _, _, (low, high) = rng.choices(ADOPTION, weights=[a[1] for a in ADOPTION])[0]
        count = max(1, min(len(features), int(len(features) * rng.uniform(low, high))))
        adopted = sorted(rng.sample(features, count))
        habits = [(rng.uniform(0.25, 0.85), rng.uniform(2, 30)) for _ in adopted]
        for day in days:
            weekend = 0.5 if day.weekday() >= 5 else 1.0
            for (feature_id, product_id, _), (chance, mean) in zip(adopted, habits, strict=True):
                if not any(
                    v.active_on(day) and v.spec.plan.product_id == product_id for v in versions
                ):
                    continue
                if rng.random() < chance * weekend:
                    events = max(1, round(rng.gauss(mean, mean * 0.35)))
                    rows.append([account.account_id, feature_id, day, events])
    return sorted(rows)


# --------------------------------------------------------------------------------------------
# Invoices
# --------------------------------------------------------------------------------------------

LINE_ORDER = {"recurring": 0, "usage": 1, "one_time": 2, "credit": 3, "tax": 4}


def version_periods(sub: Subscription, version: Version, anchor: date) -> list[InvoiceLine]:
    """Recurring lines of one version: billing periods from the anchor, prorated at the edges."""
    spec, lines, index = version.spec, [], 0
    interval, full = spec.plan.interval, spec.interval_amount()
    while add_months(anchor, (index + 1) * interval) <= version.valid_from:
        index += 1
    while True:
        period_start = add_months(anchor, index * interval)
        period_end = add_months(anchor, (index + 1) * interval)
        start = max(period_start, version.valid_from)
        stop = version.valid_to
        if start > HORIZON_END or (stop is not None and start >= stop):
            return lines
        end = period_end if stop is None else min(period_end, stop)
        amount = full
        if (start, end) != (period_start, period_end):
            share = Decimal((end - start).days) / Decimal((period_end - period_start).days)
            amount = money(full * share)
        lines.append(
            InvoiceLine(
                sub.account.account_id,
                sub.subscription_id,
                "recurring",
                amount,
                spec.plan.currency,
                start,
                end,
            )
        )
        index += 1


def recurring_lines(sub: Subscription) -> list[InvoiceLine]:
    """Recurring lines of a subscription; the billing anchor resets when the interval changes."""
    lines, anchor, previous = [], None, None
    for version in sub.versions:
        if version.spec.is_trial:
            continue
        if previous is None or version.spec.plan.interval != previous.spec.plan.interval:
            anchor = version.valid_from
        lines += version_periods(sub, version, anchor)
        previous = version
    return lines


def usage_lines(book: Book, usage: list[UsageRow]) -> list[InvoiceLine]:
    """Monthly overage lines: usage above the commitment of the version active that month."""
    subs = {sub.subscription_id: sub for sub in book.subscriptions}
    months: dict[tuple[str, date], list[UsageRow]] = {}
    for row in usage:
        months.setdefault((row.subscription_id, row.day.replace(day=1)), []).append(row)
    lines = []
    for (subscription_id, _), rows in sorted(months.items()):
        sub, last = subs[subscription_id], rows[-1].day
        spec = next(v.spec for v in sub.versions if v.active_on(last) and not v.spec.is_trial)
        used = sum(row.quantity for row in rows)
        excess = max(0, used - spec.plan.included_units * spec.quantity)
        amount = money(excess * spec.plan.overage)
        if amount > 0:
            lines.append(
                InvoiceLine(
                    sub.account.account_id,
                    subscription_id,
                    "usage",
                    amount,
                    spec.plan.currency,
                    rows[0].day,
                    last + timedelta(1),
                )
            )
    return lines


def credit_lines(
    rng: random.Random, lines: list[InvoiceLine], count: int = 15
) -> list[InvoiceLine]:
    """Service credits: negative lines against some recurring charges."""
    walkthrough = {"acct_wt_", SIGNAL_PREFIX}
    candidates = [
        line
        for line in lines
        if line.line_type == "recurring"
        and line.amount > 0
        and not any(line.account_id.startswith(prefix) for prefix in walkthrough)
    ]
    credits = []
    for line in rng.sample(candidates, count):
        share = Decimal(rng.randint(10, 50)) / HUNDRED
        credits.append(replace(line, line_type="credit", amount=-money(line.amount * share)))
    return credits


def tax_lines(book: Book, lines: list[InvoiceLine]) -> list[InvoiceLine]:
    """Tax on every non-zero line of taxed accounts, tied to the taxed line's subscription."""
    taxes = []
    for line in lines:
        rate = book.tax_rates.get(line.account_id)
        if rate is not None and line.amount != 0:
            taxes.append(replace(line, line_type="tax", amount=money(line.amount * rate)))
    return taxes


def invoice_rows(rng: random.Random, book: Book, usage: list[UsageRow]) -> list[list]:
    """Every invoice line with ids: invoices group an account's lines by issue date."""
    lines = [line for sub in book.subscriptions for line in recurring_lines(sub)]
    lines += usage_lines(book, usage) + book.one_time_fees
    lines += credit_lines(rng, lines)
    lines += tax_lines(book, lines)
    # The signal accounts' invoices are numbered after all the others, so that adding them
    # left every other invoice id as it was.
    keys = sorted(
        {(line.period_start, line.account_id) for line in lines},
        key=lambda key: (key[1].startswith(SIGNAL_PREFIX), key),
    )
    invoices = {key: f"inv_{index:06d}" for index, key in enumerate(keys, 1)}
    ordered = sorted(
        lines,
        key=lambda line: (
            invoices[(line.period_start, line.account_id)],
            LINE_ORDER[line.line_type],
            line.subscription_id or "",
            line.period_start,
            line.period_end,
            line.amount,
        ),
    )
    return [
        [
            f"il_{index:07d}",
            invoices[(line.period_start, line.account_id)],
            line.account_id,
            line.subscription_id,
            line.line_type,
            line.amount,
            line.currency,
            line.period_start,
            line.period_end,
            datetime.combine(line.period_start, time(0, 0, 0)),
        ]
        for index, line in enumerate(ordered, 1)
    ]


# --------------------------------------------------------------------------------------------
# Table rows and the command
# --------------------------------------------------------------------------------------------

# The header line of each table's CSV: the contract's columns, in the contract's order.
HEADERS = {
    "accounts": "account_id,account_name,segment,region,created_at",
    "products": "product_id,product_name,is_add_on,parent_product_id",
    "plans": (
        "plan_id,product_id,plan_name,tier_rank,pricing_model,billing_interval_months,currency,"
        "list_unit_amount,included_units,overage_unit_amount,usage_metric"
    ),
    "subscription_items": (
        "subscription_item_id,subscription_id,account_id,plan_id,quantity,unit_amount,"
        "discount_pct,currency,valid_from,valid_to,is_trial,updated_at"
    ),
    "usage_daily": "account_id,subscription_id,usage_metric,usage_date,quantity",
    "seat_activity": "account_id,activity_date,active_users",
    "features": "feature_id,product_id,feature_name",
    "feature_usage": "account_id,feature_id,usage_date,events",
    "invoice_lines": (
        "invoice_line_id,invoice_id,account_id,subscription_id,line_type,amount,currency,"
        "period_start,period_end,issued_at"
    ),
    "fx_rates": "currency,rate_month,rate_to_reporting",
}


def plan_rows(catalog: Catalog) -> list[list]:
    """The price book, one row per plan."""
    return [
        [
            plan.plan_id,
            plan.product_id,
            plan.plan_name,
            plan.tier_rank,
            plan.pricing_model,
            plan.interval,
            MESSY_PLAN_CURRENCY.get(plan.plan_id, plan.currency),
            plan.list_amount,
            plan.included_units,
            plan.overage,
            plan.usage_metric,
        ]
        for plan in sorted(catalog.plans.values(), key=lambda p: p.plan_id)
    ]


def item_rows(book: Book) -> list[list]:
    """Every subscription item version, plus the stale copies, by id then updated_at."""
    rows = []
    stale = [(version, False) for version in book.stale_rows]
    for version, latest in [(version, True) for version in book.versions()] + stale:
        spec = version.spec
        currency = spec.plan.currency
        if latest:
            currency = book.messy_currency.get(version.item_id, currency)
        rows.append(
            [
                version.item_id,
                version.subscription_id,
                version.account_id,
                spec.plan.plan_id,
                spec.quantity,
                spec.unit_amount,
                spec.discount_pct,
                currency,
                version.valid_from,
                version.valid_to,
                spec.is_trial,
                version.updated_at,
            ]
        )
    return sorted(rows, key=lambda row: (row[0], row[-1]))


def build_tables(seed: int) -> dict[str, list[list]]:
    """Generate every table's rows for a seed."""
    rng = random.Random(seed)
    book = Book(Catalog())
    Walkthroughs(book).build()
    simulate_accounts(rng, book)
    schedule_cancellations(rng, book)
    force_last_write(rng, book)
    add_stale_copies(rng, book)
    add_messy_currencies(rng, book)
    SignalAccounts(book).build()
    usage = usage_rows(book, seed)
    chosen = activity_accounts(rng, book)
    return {
        "accounts": sorted(
            [a.account_id, a.name, a.segment, a.region, a.created_at] for a in book.accounts
        ),
        "products": [list(product) for product in PRODUCTS],
        "plans": plan_rows(book.catalog),
        "subscription_items": item_rows(book),
        "usage_daily": [
            [r.account_id, r.subscription_id, "api_calls", r.day, r.quantity] for r in usage
        ],
        "seat_activity": seat_activity_rows(rng, book, chosen) + signal_seat_activity_rows(),
        "features": [[f[0], f[1], f[2]] for f in FEATURES],
        "feature_usage": sorted(
            feature_usage_rows(rng, book, chosen) + signal_feature_usage_rows()
        ),
        "invoice_lines": invoice_rows(rng, book, usage),
        "fx_rates": [list(row) for row in fx_rates()],
    }


def main(argv: list[str] | None = None) -> None:
    """Parse the command line, generate the tables and write one CSV per table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for table, rows in build_tables(args.seed).items():
        count = write_csv(args.out / f"{table}.csv", HEADERS[table], rows)
        print(f"{table}: {count} rows")


if __name__ == "__main__":
    main()
