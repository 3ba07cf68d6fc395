{#- The latest-day view of the expansion signals: one row per signal account, on the reported
    day, with the account's segment, region and ARR. -#}
with

signal_days as (

    select * from {{ ref('signal_account_days') }}

),

days as (

    select * from {{ ref('int_signal_days_spined') }}

),

account_months as (

    select * from {{ ref('mrr_account_months') }}

),

months as (

    select * from {{ ref('int_months_spined') }}

),

reported as (

    select max(reported_day) as reported_day
    from days

),

horizon as (

    select max(horizon_month_start) as horizon_month_start
    from months

),

horizon_accounts as (

    select account_months.*
    from account_months
    inner join horizon
        on account_months.month_start = horizon.horizon_month_start

),

final as (

    select
        signal_days.*,
        horizon_accounts.account_name,
        horizon_accounts.segment,
        horizon_accounts.region,
        coalesce(horizon_accounts.arr, 0) as account_arr
    from signal_days
    inner join reported
        on signal_days.activity_date = reported.reported_day
    left join horizon_accounts
        on signal_days.account_id = horizon_accounts.account_id

)

select * from final
