"""The reconciliation rules: what each checks, the query that computes its small frame, the
relations it needs, and how strict it is.

Money is compared to half a cent (DECIMAL arrives in pandas as float64), ratios to 1e-8, row
counts exactly; the billing tie-out to a configurable fraction of recurring MRR.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reconciliation import sql

MONEY_TOLERANCE = 0.005
RATIO_TOLERANCE = 1e-8


@dataclass(frozen=True)
class Options:
    """What a reconciliation run checks and how strictly."""

    raw_data_path: Path | None = None
    tieout_tolerance: float = 0.02
    tieout_severity: str = "warning"


@dataclass(frozen=True)
class Rule:
    """One reconciliation rule.

    checked_sql returns the checked rows (group columns, detail columns, `difference`); query
    reduces them to one row per group (month, or raw table) with the detail columns of the
    worst offender, `difference` (must lie within +-tolerance and not be null), `rows_off`
    and `rows_checked`. A rule with grouped=False returns its frame directly.
    """

    name: str
    title: str
    description: str
    checked_sql: str
    group_columns: tuple[str, ...]
    detail_columns: tuple[str, ...]
    tolerance: float
    unit: str  # money | ratio | rows | fraction: how a difference is printed
    checked: str  # what one checked row is, e.g. "account-months"
    requires: tuple[str, ...]
    severity: str = "error"
    worst_first: bool = False  # list offenders by |difference| instead of by month
    grouped: bool = True  # checked_sql returns checked rows, reduced to the worst per group

    @property
    def query(self) -> str:
        """The query returning the rule's frame."""
        if not self.grouped:
            return self.checked_sql
        return sql.worst_per_group(
            self.checked_sql, list(self.group_columns), list(self.detail_columns), self.tolerance
        )

    @property
    def group_noun(self) -> str:
        """What one group of the rule's frame is."""
        return "table" if self.group_columns == ("table_name",) else "month"

    @property
    def index_columns(self) -> list[str]:
        """The columns Great Expectations returns for each unexpected row."""
        return [*self.group_columns, *self.detail_columns, "rows_off"]


def waterfall_rules() -> list[Rule]:
    """The waterfall identity per account-month and per month, and continuity."""
    account_waterfall = f"{sql.MARTS}.mrr_waterfall_account_months"
    return [
        Rule(
            name="waterfall_identity_account_months",
            title="Waterfall identity per account-month",
            description=(
                "closing = opening + fx_adjustment + new + reactivation + expansion + recovery"
                " - contraction - churn on every row of mrr_waterfall_account_months, to the cent."
            ),
            checked_sql=sql.waterfall_identity_account_months(),
            group_columns=("month_start",),
            detail_columns=("account_id",),
            tolerance=MONEY_TOLERANCE,
            unit="money",
            checked="account-months",
            requires=(account_waterfall,),
        ),
        Rule(
            name="waterfall_identity_months",
            title="Waterfall identity per month",
            description=(
                "The same identity on every month x dimension x value row of"
                " mrr_waterfall_months (overall, segment, region, product), to the cent."
            ),
            checked_sql=sql.waterfall_identity_months(),
            group_columns=("month_start",),
            detail_columns=("dimension", "dimension_value"),
            tolerance=MONEY_TOLERANCE,
            unit="money",
            checked="month x dimension rows",
            requires=(f"{sql.MARTS}.mrr_waterfall_months",),
        ),
        Rule(
            name="continuity",
            title="Continuity: closing(M) = opening(M+1)",
            description=(
                "Each account-month's opening MRR equals the previous month's closing MRR"
                " (before FX re-valuation); an account's first row opens at 0; every account"
                " has a row for every month from its first through the horizon."
            ),
            checked_sql=sql.continuity(),
            group_columns=("month_start",),
            detail_columns=("account_id", "issue"),
            tolerance=MONEY_TOLERANCE,
            unit="money",
            checked="account-months",
            requires=(account_waterfall, f"{sql.INTERMEDIATE}.int_months_spined"),
        ),
    ]


def recomputation_rules(existing: set[str]) -> list[Rule]:
    """Account-month MRR and the mart ratios against independent re-computations."""
    source = sql.accepted_source("subscription_items", existing)
    return [
        Rule(
            name="mrr_recomputed",
            title="Account-month MRR = independent re-computation",
            description=(
                "mrr_account_months.mrr against metrics.md's month-end MRR re-computed in SQL"
                f" from the accepted subscription item versions ({source}), plans, daily usage"
                " and FX rates: versions active on the month's last day, not trial, quantity x"
                " unit_amount x (1 - discount/100) / interval + usage overage, at the month's"
                " rate. An account-month with MRR on one side only is a difference. To the cent."
            ),
            checked_sql=sql.recomputed_mrr(existing),
            group_columns=("month_start",),
            detail_columns=("account_id", "issue", "mart_mrr", "recomputed_mrr"),
            tolerance=MONEY_TOLERANCE,
            unit="money",
            checked="account-months",
            requires=(
                f"{sql.MARTS}.mrr_account_months",
                f"{sql.INTERMEDIATE}.int_months_spined",
                *(sql.accepted_source(table, existing) for table in sql.MRR_INPUTS),
            ),
        ),
        Rule(
            name="ratios_recomputed",
            title="NRR, GRR, quick ratio, expansion rate = re-computation",
            description=(
                "Monthly NRR and GRR (accounts with opening MRR > 0), quick ratio and expansion"
                " rate re-computed from mrr_waterfall_account_months, overall and per segment,"
                " against retention_months and growth_ratio_months; null where the denominator"
                " is zero on both sides. To 1e-8."
            ),
            checked_sql=sql.recomputed_ratios(),
            group_columns=("month_start",),
            detail_columns=(
                "dimension",
                "dimension_value",
                "ratio",
                "issue",
                "mart_value",
                "recomputed_value",
            ),
            tolerance=RATIO_TOLERANCE,
            unit="ratio",
            checked="month x scope x ratio rows",
            requires=(
                f"{sql.MARTS}.mrr_waterfall_account_months",
                f"{sql.MARTS}.retention_months",
                f"{sql.MARTS}.growth_ratio_months",
            ),
        ),
    ]


def nothing_lost_rule(options: Options) -> Rule:
    """Raw rows = accepted rows + quarantined rows, per raw table."""
    if options.raw_data_path is None:
        raw_relations = tuple(f"{sql.RAW}.{table}" for table in sql.RAW_TABLES)
        raw_source = f"the seed tables {sql.RAW}.<table>"
    else:
        raw_relations = ()
        raw_source = f"the files <table>.parquet / .csv in {options.raw_data_path}"
    return Rule(
        name="nothing_lost",
        title="Nothing lost: raw rows = accepted + quarantined",
        description=(
            f"For every raw contract table: rows in {raw_source} = accepted rows"
            " (int_<table>_validated without a rejection_code) + quarantined rows"
            f" ({sql.REJECTED_ROWS} of that table_name). Exactly."
        ),
        checked_sql=sql.nothing_lost(options.raw_data_path),
        grouped=False,
        group_columns=("table_name",),
        detail_columns=("raw_rows", "accepted_rows", "quarantined_rows"),
        tolerance=0.0,
        unit="rows",
        checked="raw rows",
        requires=(
            *raw_relations,
            *(sql.validated_model(table) for table in sql.RAW_TABLES),
            sql.REJECTED_ROWS,
        ),
    )


def tieout_rule(options: Options) -> Rule:
    """Recognised recurring invoice revenue against recurring MRR, within a tolerance."""
    return Rule(
        name="billing_tieout",
        title="Billing tie-out: recognised recurring revenue vs MRR",
        description=(
            "billing_tieout_account_months: recognised recurring invoice revenue (recurring"
            " lines prorated by day into each month, at the month's rate) against recurring MRR"
            f" per account-month; |variance| above {options.tieout_tolerance:.1%} of recurring"
            " MRR is listed (any variance above half a cent where recurring MRR is 0)."
            f" Severity: {options.tieout_severity}; billing and subscriptions drift"
            " legitimately through proration. Each month's worst account-month is shown; all"
            f" of them: select * from {sql.MARTS}.billing_tieout_account_months where"
            f" abs(variance_pct) > {options.tieout_tolerance:g} or (recurring_mrr = 0 and"
            " abs(variance) > 0.005)."
        ),
        checked_sql=sql.billing_tieout(),
        group_columns=("month_start",),
        detail_columns=("account_id", "recognised_revenue", "recurring_mrr"),
        tolerance=options.tieout_tolerance,
        unit="fraction",
        checked="account-months",
        requires=(f"{sql.MARTS}.billing_tieout_account_months",),
        severity=options.tieout_severity,
        worst_first=True,
    )


def build_rules(existing: set[str], options: Options) -> list[Rule]:
    """Every rule, in the order they are reported."""
    return [
        *waterfall_rules(),
        *recomputation_rules(existing),
        nothing_lost_rule(options),
        tieout_rule(options),
    ]
