-- The hand-tuned yardstick: account-month MRR and the monthly MRR waterfall in one DuckDB
-- query straight over the raw Parquet files, with none of the warehouse's machinery
-- (no quarantine, no per-line motions, no prior-peak split, no intermediate tables).
-- Same rules as metrics.md: a paid version counts when active on the month's last day;
-- recurring MRR = quantity x unit amount x (1 - discount) / interval; usage overage
-- undiscounted; converted at the month's rate; movements in constant currency (last month's
-- MRR re-valued at this month's rates), FX moves separate.
-- Parameters: $raw (folder), $horizon (first day of the last month reported).
with latest_versions as (
    select *
    from read_parquet($raw || '/subscription_items.parquet')
    qualify row_number() over (partition by subscription_item_id order by updated_at desc) = 1
),
paid_versions as (
    select
        latest_versions.*,
        upper(trim(latest_versions.currency)) as currency_code,
        plans.billing_interval_months,
        plans.pricing_model,
        plans.included_units,
        plans.overage_unit_amount,
        plans.usage_metric
    from latest_versions
    join read_parquet($raw || '/plans.parquet') as plans using (plan_id)
    where not coalesce(latest_versions.is_trial, false)
),
months as (
    select
        month_start::date as month_start,
        (month_start + interval 1 month - interval 1 day)::date as month_end
    from range(
        (select date_trunc('month', min(valid_from)) from paid_versions),
        $horizon::date + interval 1 month,
        interval 1 month
    ) as calendar(month_start)
),
usage_months as (
    select
        account_id, subscription_id, usage_metric,
        date_trunc('month', usage_date)::date as month_start,
        sum(quantity) as usage_quantity
    from read_parquet($raw || '/usage_daily.parquet')
    group by all
),
rates as (
    select upper(trim(currency)) as currency_code, date_trunc('month', rate_month)::date as month_start,
        rate_to_reporting
    from read_parquet($raw || '/fx_rates.parquet')
),
item_months as (
    select
        paid_versions.account_id,
        paid_versions.currency_code,
        months.month_start,
        paid_versions.quantity * paid_versions.unit_amount
            * (1 - coalesce(paid_versions.discount_pct, 0) / 100)
            / paid_versions.billing_interval_months
        + case when paid_versions.pricing_model = 'usage' then
            greatest(0, coalesce(usage_months.usage_quantity, 0)
                - coalesce(paid_versions.included_units, 0) * paid_versions.quantity)
            * coalesce(paid_versions.overage_unit_amount, 0)
          else 0 end as mrr_local
    from paid_versions
    join months
        on paid_versions.valid_from <= months.month_end
        and (paid_versions.valid_to is null or paid_versions.valid_to > months.month_end)
    left join usage_months
        on paid_versions.pricing_model = 'usage'
        and usage_months.account_id = paid_versions.account_id
        and usage_months.subscription_id = paid_versions.subscription_id
        and usage_months.usage_metric = paid_versions.usage_metric
        and usage_months.month_start = months.month_start
),
currency_months as (
    select account_id, currency_code, month_start, sum(mrr_local) as mrr_local
    from item_months group by all
),
account_currencies as (
    select account_id, currency_code, min(month_start) as first_month
    from currency_months group by all
),
first_months as (
    select account_id, min(month_start) as first_month
    from currency_months where mrr_local > 0 group by all
),
-- dense: every currency an account ever billed in, every month from its first MRR month
panel as (
    select
        account_currencies.account_id, account_currencies.currency_code, months.month_start,
        coalesce(currency_months.mrr_local, 0) as mrr_local
    from account_currencies
    join first_months using (account_id)
    join months on months.month_start >= first_months.first_month
    left join currency_months
        on currency_months.account_id = account_currencies.account_id
        and currency_months.currency_code = account_currencies.currency_code
        and currency_months.month_start = months.month_start
),
valued as (
    select
        panel.account_id, panel.month_start,
        panel.mrr_local * coalesce(this_rate.rate_to_reporting, 1) as mrr,
        lag(panel.mrr_local, 1, 0) over currency_history
            * coalesce(last_rate.rate_to_reporting, 1) as opening_mrr,
        lag(panel.mrr_local, 1, 0) over currency_history
            * coalesce(this_rate.rate_to_reporting, 1) as opening_mrr_cc
    from panel
    left join rates as this_rate
        on this_rate.currency_code = panel.currency_code and this_rate.month_start = panel.month_start
    left join rates as last_rate
        on last_rate.currency_code = panel.currency_code
        and last_rate.month_start = panel.month_start - interval 1 month
    window currency_history as (
        partition by panel.account_id, panel.currency_code order by panel.month_start
    )
),
account_months as (
    select
        account_id, month_start,
        sum(mrr) as mrr, sum(opening_mrr) as opening_mrr, sum(opening_mrr_cc) as opening_mrr_cc
    from valued group by all
),
account_movements as (
    select
        *,
        max(mrr > 0) over (
            partition by account_id order by month_start
            rows between unbounded preceding and 1 preceding
        ) as had_mrr_before
    from account_months
)
select
    month_start,
    count(*) filter (where mrr > 0) as closing_accounts,
    sum(opening_mrr) as opening_mrr,
    sum(opening_mrr_cc - opening_mrr) as fx_adjustment_mrr,
    sum(mrr) filter (where opening_mrr = 0 and mrr > 0 and not coalesce(had_mrr_before, false))
        as new_mrr,
    sum(mrr) filter (where opening_mrr = 0 and mrr > 0 and had_mrr_before) as reactivation_mrr,
    sum(mrr - opening_mrr_cc) filter (where opening_mrr > 0 and mrr > 0) as net_expansion_mrr,
    sum(opening_mrr_cc) filter (where opening_mrr > 0 and mrr = 0) as churn_mrr,
    sum(mrr) as closing_mrr
from account_movements
group by month_start
order by month_start
