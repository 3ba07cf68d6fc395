"""The reconciliation queries: each runs inside DuckDB over the built warehouse and returns a
small frame, one row per month (per raw table for the row counts), never a whole table.

Every money, ratio or count rule is written as a query of *checked rows* (one per
account-month, month x scope, ...) with a signed `difference` that must be zero, null when the
row cannot be compared at all (missing on one side, a gap, a missing rate). `worst_per_group`
then keeps, per month, the row with the largest |difference| (nulls first), with the number of
rows checked and the number off. Great Expectations validates those frames (runner.py).
"""

from __future__ import annotations

from pathlib import Path

MARTS = "main_marts"
INTERMEDIATE = "main_intermediate"
STAGING = "main_staging"
RAW = "main_billing_raw"
REPORTING_CURRENCY = "USD"

# the raw contract's tables, in the order the contract lists them
RAW_TABLES = (
    "accounts",
    "products",
    "plans",
    "subscription_items",
    "usage_daily",
    "seat_activity",
    "features",
    "feature_usage",
    "invoice_lines",
    "fx_rates",
)
REJECTED_ROWS = f"{MARTS}.billing_rejected_rows"


def validated_model(table: str) -> str:
    """The quarantine model of one raw table: every staged row with its rejection_code."""
    return f"{INTERMEDIATE}.int_{table}_validated"


def staged_model(table: str) -> str:
    """The staging view of one raw table."""
    return f"{STAGING}.stg_billing__{table}"


def accepted_source(table: str, existing: set[str]) -> str:
    """Where a raw table's accepted rows are: its validated (quarantine) model when the
    warehouse has it, else its staging view."""
    return validated_model(table) if validated_model(table) in existing else staged_model(table)


def accepted_rows(table: str, existing: set[str]) -> str:
    """The accepted rows of a raw table: the validated model's rows without a rejection code,
    or the staging view's rows."""
    source = accepted_source(table, existing)
    if source == validated_model(table):
        return f"(select * from {source} where rejection_code is null)"
    return source


def sql_literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def worst_per_group(
    checked_sql: str, group_columns: list[str], detail_columns: list[str], tolerance: float
) -> str:
    """One row per group: the checked row with the largest |difference| (a null difference
    ranks first; ties go to the first by the detail columns, in order, nulls last, then to the
    positive difference), plus rows_checked and rows_off (|difference| > tolerance, or null).

    Aggregates, not a sort: the counts and the worst |difference| are one group-by, and each
    tie-break column keeps the rows at its group's minimum. When every row passes, every row
    ties at a difference of 0, and ranking them all with window functions sorted the whole
    checked table (about two thirds of the suite's time at 100,000 accounts)."""
    partition = ", ".join(group_columns)
    columns = ", ".join([*group_columns, *detail_columns])

    def same_group(left: str, right: str) -> str:
        return " and ".join(
            f"{left}.{column} is not distinct from {right}.{column}" for column in group_columns
        )

    tie_breaks = ""
    previous = "worst_rows"
    for number, column in enumerate(detail_columns, start=1):
        tie_breaks += f""",
best_{number} as (
    select {partition}, min({column}) as best_value
    from {previous}
    group by {partition}
),
tied_{number} as (
    select {previous}.*
    from {previous}
    inner join best_{number}
        on {same_group(previous, f"best_{number}")}
    where {previous}.{column} is not distinct from best_{number}.best_value
)"""
        previous = f"tied_{number}"
    return f"""
with checked as (
{checked_sql}
),
groups as (
    select
        {partition},
        count(*) as rows_checked,
        sum(case when difference is null or abs(difference) > {tolerance!r} then 1 else 0 end)
            as rows_off,
        count(*) > count(difference) as has_null_difference,
        max(abs(difference)) as worst_abs_difference
    from checked
    group by {partition}
),
worst_rows as (
    select
        checked.*,
        groups.rows_checked,
        groups.rows_off
    from checked
    inner join groups
        on {same_group("checked", "groups")}
    where
        case
            when groups.has_null_difference then checked.difference is null
            else abs(checked.difference) = groups.worst_abs_difference
        end
){tie_breaks},
ranked as (
    -- rows still tied agree on every column shown but perhaps the sign of the difference
    select
        *,
        row_number() over (partition by {partition} order by difference desc) as worst_rank
    from {previous}
)
select {columns}, difference, cast(rows_off as bigint) as rows_off, rows_checked
from ranked
where worst_rank = 1
order by {partition}
"""


def waterfall_identity_account_months() -> str:
    """closing - (opening + fx + new + reactivation + expansion + recovery - contraction -
    churn) per account-month."""
    return f"""
select
    cast(month_start as varchar) as month_start,
    account_id,
    cast(
        closing_mrr - (
            opening_mrr + fx_adjustment_mrr + new_mrr + reactivation_mrr + expansion_mrr
            + recovery_mrr - contraction_mrr - churn_mrr
        ) as double
    ) as difference
from {MARTS}.mrr_waterfall_account_months
"""


def waterfall_identity_months() -> str:
    """The same identity on every month x dimension x value row of the monthly waterfall."""
    return f"""
select
    cast(month_start as varchar) as month_start,
    dimension,
    dimension_value,
    cast(
        closing_mrr - (
            opening_mrr + fx_adjustment_mrr + new_mrr + reactivation_mrr + expansion_mrr
            + recovery_mrr - contraction_mrr - churn_mrr
        ) as double
    ) as difference
from {MARTS}.mrr_waterfall_months
"""


def continuity() -> str:
    """opening(M) - closing(M-1) per account-month (an account's first row opens at 0); a row
    after a missing month, or an account's last row before the horizon, has no difference."""
    return f"""
with rows as (
    select
        account_id,
        month_start,
        opening_mrr,
        lag(month_start) over account_rows as previous_month,
        lag(closing_mrr) over account_rows as previous_closing,
        lead(month_start) over account_rows as next_month
    from {MARTS}.mrr_waterfall_account_months
    window account_rows as (partition by account_id order by month_start)
),
horizon as (
    select max(month_start) as horizon_month from {INTERMEDIATE}.int_months_spined
),
classified as (
    select
        rows.*,
        case
            when
                previous_month is not null
                and cast(previous_month + interval 1 month as date) <> month_start
                then 'the previous month''s row is missing'
            when next_month is null and month_start < horizon.horizon_month
                then 'rows stop before the horizon ' || cast(horizon.horizon_month as varchar)
            when previous_month is null then 'first row: opening should be 0'
            else 'opening differs from the previous closing'
        end as issue
    from rows
    cross join horizon
)
select
    cast(month_start as varchar) as month_start,
    account_id,
    issue,
    case
        when issue like 'the previous%' or issue like 'rows stop%' then null
        when previous_month is null then cast(opening_mrr as double)
        else cast(opening_mrr - previous_closing as double)
    end as difference
from classified
"""


MRR_INPUTS = ("subscription_items", "plans", "usage_daily", "fx_rates")


def recomputed_mrr(existing: set[str]) -> str:
    """metrics.md's month-end MRR per account-month, written independently of the models:
    versions active on the month's last day, not trial, quantity x unit_amount x (1 -
    discount/100) / interval, plus usage overage, at the month's rate (null when a rate is
    missing)."""
    return f"""
with
items as (
    select * from {accepted_rows("subscription_items", existing)}
    where not coalesce(is_trial, false)
),
plans as (select * from {accepted_rows("plans", existing)}),
usage_daily as (select * from {accepted_rows("usage_daily", existing)}),
fx_rates as (select * from {accepted_rows("fx_rates", existing)}),
bounds as (
    select
        (select date_trunc('month', min(valid_from)) from items) as first_month,
        (select max(month_start) from {INTERMEDIATE}.int_months_spined) as horizon_month
),
months as (
    select
        cast(month_start as date) as month_start,
        cast(last_day(month_start) as date) as month_end
    from (
        select unnest(generate_series(first_month, horizon_month, interval 1 month)) as month_start
        from bounds
    )
),
usage_months as (
    select account_id, subscription_id, usage_metric,
           cast(date_trunc('month', usage_date) as date) as month_start,
           sum(cast(quantity as double)) as usage_quantity
    from usage_daily
    group by all
),
line_months as (
    select
        items.account_id,
        months.month_start,
        (
            cast(items.quantity as double) * cast(items.unit_amount as double)
            * (1 - coalesce(cast(items.discount_pct as double), 0) / 100)
            / plans.billing_interval_months
            + case
                when plans.pricing_model = 'usage' then greatest(
                    0,
                    coalesce(usage_months.usage_quantity, 0)
                    - coalesce(cast(plans.included_units as double), 0)
                    * cast(items.quantity as double)
                ) * coalesce(cast(plans.overage_unit_amount as double), 0)
                else 0
            end
        ) * case
            when items.currency_code = {sql_literal(REPORTING_CURRENCY)} then 1
            else cast(fx_rates.rate_to_reporting as double)
        end as mrr
    from items
    inner join plans on items.plan_id = plans.plan_id
    inner join months
        on items.valid_from <= months.month_end
        and (items.valid_to is null or items.valid_to > months.month_end)
    left join usage_months
        on plans.pricing_model = 'usage'
        and items.account_id = usage_months.account_id
        and items.subscription_id = usage_months.subscription_id
        and plans.usage_metric = usage_months.usage_metric
        and months.month_start = usage_months.month_start
    left join fx_rates
        on items.currency_code = fx_rates.currency_code
        and months.month_start = fx_rates.rate_month
),
recomputed as (
    select
        account_id,
        month_start,
        case when count(*) = count(mrr) then sum(mrr) end as mrr
    from line_months
    group by account_id, month_start
),
mart as (
    select account_id, month_start, cast(mrr as double) as mrr from {MARTS}.mrr_account_months
)
select
    cast(coalesce(mart.month_start, recomputed.month_start) as varchar) as month_start,
    coalesce(mart.account_id, recomputed.account_id) as account_id,
    case
        when recomputed.account_id is not null and recomputed.mrr is null
            then 'no FX rate for a line''s currency'
        when mart.account_id is not null and mart.mrr is null then 'null MRR in the mart'
        when mart.account_id is null then 'account-month missing from the mart'
        when recomputed.account_id is null then 'no active paid line in the re-computation'
        else 'the mart differs from the re-computation'
    end as issue,
    mart.mrr as mart_mrr,
    recomputed.mrr as recomputed_mrr,
    case
        when recomputed.account_id is not null and recomputed.mrr is null then null
        when mart.account_id is not null and mart.mrr is null then null
        else coalesce(mart.mrr, 0) - coalesce(recomputed.mrr, 0)
    end as difference
from mart
full outer join recomputed
    on mart.account_id = recomputed.account_id
    and mart.month_start = recomputed.month_start
"""


def recomputed_ratios() -> str:
    """Monthly NRR, GRR (accounts with opening > 0), quick ratio and expansion rate re-computed
    from the account waterfall, overall and per segment, against retention_months and
    growth_ratio_months (a ratio null on both sides agrees; null on one side does not)."""
    return f"""
with
account_rows as (
    select 'overall' as dimension, 'all' as dimension_value, *
    from {MARTS}.mrr_waterfall_account_months
    union all
    select 'segment' as dimension, segment as dimension_value, *
    from {MARTS}.mrr_waterfall_account_months
),
components as (
    select
        month_start,
        dimension,
        dimension_value,
        sum(case when opening_mrr > 0 then opening_mrr_cc else 0 end) as retention_base,
        sum(case when opening_mrr > 0
            then opening_mrr_cc + expansion_mrr + recovery_mrr - contraction_mrr - churn_mrr
            else 0 end) as net_retained,
        sum(case when opening_mrr > 0 then opening_mrr_cc - contraction_mrr - churn_mrr
            else 0 end) as gross_retained,
        sum(new_mrr + expansion_mrr) as gained,
        sum(churn_mrr + contraction_mrr) as lost,
        sum(expansion_mrr) as expansion,
        sum(opening_mrr_cc) as opening_cc
    from account_rows
    group by month_start, dimension, dimension_value
),
recomputed as (
    select month_start, dimension, dimension_value, 'nrr' as ratio,
        cast(net_retained as double) / nullif(cast(retention_base as double), 0) as value
    from components
    union all
    select month_start, dimension, dimension_value, 'grr',
        cast(gross_retained as double) / nullif(cast(retention_base as double), 0)
    from components
    union all
    select month_start, dimension, dimension_value, 'quick_ratio',
        cast(gained as double) / nullif(cast(lost as double), 0)
    from components
    union all
    select month_start, dimension, dimension_value, 'expansion_rate',
        cast(expansion as double) / nullif(cast(opening_cc as double), 0)
    from components
),
mart as (
    select month_start, dimension, dimension_value, 'nrr' as ratio, cast(nrr as double) as value
    from {MARTS}.retention_months
    union all
    select month_start, dimension, dimension_value, 'grr', cast(grr as double)
    from {MARTS}.retention_months
    union all
    select month_start, dimension, dimension_value, 'quick_ratio', cast(quick_ratio as double)
    from {MARTS}.growth_ratio_months
    union all
    select month_start, dimension, dimension_value, 'expansion_rate',
        cast(expansion_rate as double)
    from {MARTS}.growth_ratio_months
),
joined as (
    select
        coalesce(mart.month_start, recomputed.month_start) as month_start,
        coalesce(mart.dimension, recomputed.dimension) as dimension,
        coalesce(mart.dimension_value, recomputed.dimension_value) as dimension_value,
        coalesce(mart.ratio, recomputed.ratio) as ratio,
        mart.month_start is not null as in_mart,
        recomputed.month_start is not null as in_recomputation,
        mart.value as mart_value,
        recomputed.value as recomputed_value
    from mart
    full outer join recomputed
        on mart.month_start = recomputed.month_start
        and mart.dimension = recomputed.dimension
        and mart.dimension_value = recomputed.dimension_value
        and mart.ratio = recomputed.ratio
)
select
    cast(month_start as varchar) as month_start,
    dimension,
    dimension_value,
    ratio,
    case
        when not in_mart then 'scope missing from the mart'
        when not in_recomputation then 'scope not in the account waterfall'
        when mart_value is null and recomputed_value is not null then 'null in the mart only'
        when mart_value is not null and recomputed_value is null
            then 'null in the re-computation only'
        else 'the mart differs from the re-computation'
    end as issue,
    mart_value,
    recomputed_value,
    case
        when not in_mart or not in_recomputation then null
        when mart_value is null and recomputed_value is null then 0
        else mart_value - recomputed_value
    end as difference
from joined
"""


def raw_row_count(table: str, raw_data_path: Path | None) -> str:
    """A scalar query counting the raw rows of one contract table: the seed table on the
    default build, or <raw_data_path>/<table>.parquet (preferred) or .csv, read exactly as
    the build reads it (an absent file counts 0)."""
    if raw_data_path is None:
        return f"(select count(*) from {RAW}.{table})"
    parquet, csv = raw_data_path / f"{table}.parquet", raw_data_path / f"{table}.csv"
    if parquet.exists():
        return f"(select count(*) from read_parquet({sql_literal(str(parquet))}))"
    if csv.exists():
        return (
            f"(select count(*) from read_csv({sql_literal(str(csv))}, header = true,"
            " delim = ',', quote = '\"', all_varchar = true))"
        )
    return "(select 0)"


def nothing_lost(raw_data_path: Path | None) -> str:
    """Per raw table: raw rows - accepted rows - quarantined rows, which must be 0."""
    selects = [
        f"""
select
    {sql_literal(table)} as table_name,
    {raw_row_count(table, raw_data_path)} as raw_rows,
    (select count(*) from {validated_model(table)} where rejection_code is null)
        as accepted_rows,
    (select count(*) from {REJECTED_ROWS} where table_name = {sql_literal(table)})
        as quarantined_rows"""
        for table in RAW_TABLES
    ]
    return f"""
with counts as ({" union all ".join(selects)}
)
select
    table_name,
    raw_rows,
    accepted_rows,
    quarantined_rows,
    cast(raw_rows - accepted_rows - quarantined_rows as double) as difference,
    abs(raw_rows - accepted_rows - quarantined_rows) as rows_off,
    raw_rows as rows_checked
from counts
"""


def billing_tieout() -> str:
    """Per account-month, the relative variance of recognised recurring invoice revenue
    against recurring MRR (variance_pct; where recurring MRR is 0, +-1 for any variance above
    half a cent)."""
    return f"""
select
    cast(month_start as varchar) as month_start,
    account_id,
    cast(recognised_recurring_revenue as double) as recognised_revenue,
    cast(recurring_mrr as double) as recurring_mrr,
    coalesce(
        cast(variance_pct as double),
        case when abs(variance) <= 0.005 then 0.0 else sign(variance) end
    ) as difference
from {MARTS}.billing_tieout_account_months
"""
