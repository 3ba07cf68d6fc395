"""How each number of the report is computed: the shared design's metrics.md in short, shown
at the bottom of the report and linked from every chart's note."""

from __future__ import annotations

# anchor -> (title, definition); the wording follows metrics.md and the docs overview page
DEFINITIONS: dict[str, tuple[str, str]] = {
    "def-mrr": (
        "MRR and ARR",
        "A month-end run rate: every paid (non-trial) subscription version active on the "
        "month's last day, quantity x unit amount x (1 - discount/100) / billing interval "
        "months, plus usage overage max(0, usage - included units x quantity) x overage price, "
        "converted at that month's FX rate. A line that starts and ends inside one month never "
        "counts. ARR = 12 x MRR. Mart: mrr_account_months (per account), mrr_waterfall_months "
        "(closing_mrr).",
    ),
    "def-waterfall": (
        "The MRR waterfall",
        "closing = opening + fx_adjustment + new + reactivation + expansion + recovery - "
        "contraction - churn, exactly, per account and month; opening is last month's closing. "
        "Movements are measured in constant currency (last month's MRR re-valued at this "
        "month's rates), so a currency move only ever shows as FX. New: MRR in the account's "
        "first MRR month. Churn: last month's MRR when this month has none. Reactivation: MRR "
        "after a month with none. Expansion / contraction: changes of accounts with MRR in both "
        "months, per product line. Mart: mrr_waterfall_months.",
    ),
    "def-recovery": (
        "Recovery",
        "The part of a month's gains that only climbs back to the account's prior peak MRR "
        "(re-valued at this month's rates): min(gains, max(0, peak - opening)). It is not "
        "expansion; the peak survives churn.",
    ),
    "def-motions": (
        "Expansion motions",
        "Each gaining product line is one motion: cross_sell (a product not held last month), "
        "upsell (the set of plans changed: one net movement), seat_growth (quantity change x new "
        "per-unit MRR), price_change (per-unit change x old quantity, e.g. a discount ending), "
        "usage_growth (change in usage overage). Mart: expansion_motion_months.",
    ),
    "def-nrr": (
        "Monthly NRR and GRR",
        "Over accounts with opening MRR > 0: NRR = (opening + expansion + recovery - "
        "contraction - churn) / opening, GRR = (opening - contraction - churn) / opening, in "
        "constant currency. Mart: retention_months (nrr, grr).",
    ),
    "def-t12m": (
        "Trailing-12-month NRR and GRR",
        "Over accounts that had MRR twelve months earlier: NRR = their MRR now / their MRR then, "
        "GRR = sum of min(MRR now, MRR then) / their MRR then, both months at this month's "
        "rates. The annual benchmarks apply to these: 100% keeps all revenue, 110% and 120% are "
        "strong and best-in-class net retention. Mart: retention_months (t12m_nrr, t12m_grr).",
    ),
    "def-growth": (
        "Quick ratio, expansion rate, ARPA, active accounts",
        "Quick ratio = (new + expansion) / (churn + contraction), null when nothing was lost "
        "(recovery and reactivation left out: restoring revenue is not growth). Expansion rate = "
        "expansion / opening. ARPA = MRR / active accounts; active accounts have MRR > 0 at "
        "month end. Mart: growth_ratio_months.",
    ),
    "def-cohorts": (
        "Cohort revenue retention",
        "An account's cohort is its first MRR month. Revenue retention = the cohort's MRR in a "
        "later month / its MRR in the first month (each at its month's rates); logo retention = "
        "active accounts / cohort accounts. Mart: cohort_retention.",
    ),
    "def-plays": (
        "Expansion-ready accounts and plays",
        "Seat upsell: 80% or more of licensed seats in use for 30 days running. Usage tier: 80% "
        "or more of the monthly commitment used (trailing 30 days) for 30 days running, or the "
        "usage trend reaching the commitment within 90 days. Tier upgrade and cross-sell: deep "
        "adoption (70%+ of a product's features used in 90 days). Accounts using under 30% of "
        "their features get no play. Each play has its owner from seeds/play_owners.csv. "
        "Marts: expansion_plays, signal_accounts_latest.",
    ),
}


def docs_link(mart: str) -> str:
    """The mart's page in the static docs site (`./warehouse docs` writes it beside the report's
    folder), where its columns, tests and lineage are."""
    return f"../static_index.html#!/model/model.revenue_warehouse.{mart}"
