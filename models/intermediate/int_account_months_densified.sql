{#- One row per account and month from its first month with MRR > 0 through the horizon, zero
    months included: closing MRR, opening MRR (last month at last month's rates), opening
    re-valued at this month's rates, and the account's state this month, which decides whether
    the month carries new, churn, reactivation or motion movements (metrics.md). -#}
with

product_months as (

    select * from {{ ref('int_account_product_months_densified') }}

),

account_months as (

    select
        account_id,
        month_number,
        month_start,
        sum(recurring_mrr) as recurring_mrr,
        sum(usage_mrr) as usage_mrr,
        sum(mrr) as mrr,
        sum(opening_mrr) as opening_mrr,
        sum(opening_mrr_cc) as opening_mrr_cc,
        min(month_number) over (partition by account_id) as first_mrr_month_number
    from product_months
    group by account_id, month_number, month_start

),

with_history as (

    select
        *,
        max(case when mrr > 0 then 1 else 0 end) over (
            partition by account_id
            order by month_number
            rows between unbounded preceding and 1 preceding
        ) as had_mrr_before
    from account_months

),

final as (

    select
        account_id,
        month_number,
        month_start,
        first_mrr_month_number,
        recurring_mrr,
        usage_mrr,
        mrr,
        opening_mrr,
        opening_mrr_cc,
        {{ money('opening_mrr_cc - opening_mrr') }} as fx_adjustment_mrr,
        case
            when month_number = first_mrr_month_number then 'new'
            when opening_mrr > 0 and mrr > 0 then 'retained'
            when opening_mrr > 0 then 'churned'
            when mrr > 0 and had_mrr_before = 1 then 'reactivated'
            else 'inactive'
        end as account_status
    from with_history

)

select * from final
