{#- Logo and revenue retention per cohort (the month of an account's first MRR) and months since
    start: one row per cohort month and month from the cohort month through the horizon.
    Revenue is each month's MRR as reported (at that month's rates). -#}
with

account_months as (

    select * from {{ ref('mrr_account_months') }}

),

cohort_sizes as (

    select
        cohort_month,
        count(*) as cohort_accounts,
        sum(mrr) as cohort_starting_mrr
    from account_months
    where months_since_start = 0
    group by cohort_month

),

cohort_months as (

    select
        cohort_month,
        months_since_start,
        month_start,
        sum(case when is_active then 1 else 0 end) as active_accounts,
        sum(mrr) as cohort_mrr
    from account_months
    group by cohort_month, months_since_start, month_start

),

final as (

    select
        cohort_months.cohort_month,
        cohort_months.months_since_start,
        cohort_months.month_start,
        cohort_sizes.cohort_accounts,
        cohort_months.active_accounts,
        {{ safe_divide('cohort_months.active_accounts', 'cohort_sizes.cohort_accounts') }}
            as logo_retention,
        cohort_sizes.cohort_starting_mrr,
        cohort_months.cohort_mrr,
        {{ safe_divide('cohort_months.cohort_mrr', 'cohort_sizes.cohort_starting_mrr') }}
            as revenue_retention
    from cohort_months
    inner join cohort_sizes
        on cohort_months.cohort_month = cohort_sizes.cohort_month

)

select * from final
