{#- Usage per signal account with usage in the calendar and day of the calendar (dense: a day
    without usage is 0), with the trailing windows the usage signals read: 30 days (commitment ratio, projection),
    90 days and the 90 before (quarter-over-quarter growth), and the least-squares sums over the
    last 90 days of the trailing-30-day usage. The slope is kept as an exact numerator and
    denominator, so "projected days" divides only once. An account with no usage in the calendar
    has no rows: every window of it would be 0 and its slope 0 (no projection), which the
    scoring model reads from the missing row; most signal accounts have no usage lines, so
    this keeps the windows to a fraction of the panel. -#}
with

days as (

    select * from {{ ref('int_signal_days_spined') }}

),

accounts as (

    select * from {{ ref('int_signal_accounts_selected') }}

),

usage_daily as (

    select * from {{ ref('int_usage_daily_validated') }}
    where rejection_code is null

),

daily_usage as (

    select
        account_id,
        usage_date,
        sum(quantity) as usage_quantity
    from usage_daily
    group by account_id, usage_date

),

calendar as (

    select
        min(activity_date) as first_day,
        max(activity_date) as last_day
    from days

),

usage_accounts as (

    select distinct daily_usage.account_id
    from daily_usage
    inner join accounts
        on daily_usage.account_id = accounts.account_id
    inner join calendar
        on daily_usage.usage_date between calendar.first_day and calendar.last_day

),

panel as (

    select
        usage_accounts.account_id,
        days.day_number,
        days.activity_date,
        coalesce(daily_usage.usage_quantity, 0) as daily_usage
    from usage_accounts
    cross join days
    left join daily_usage
        on
            usage_accounts.account_id = daily_usage.account_id
            and days.activity_date = daily_usage.usage_date

),

trailing_windows as (

    select
        *,
        sum(daily_usage) over (
            partition by account_id order by day_number
            rows between 29 preceding and current row
        ) as trailing_30d_usage,
        sum(daily_usage) over (
            partition by account_id order by day_number
            rows between 89 preceding and current row
        ) as trailing_90d_usage,
        sum(daily_usage) over (
            partition by account_id order by day_number
            rows between 179 preceding and 90 preceding
        ) as prior_90d_usage
    from panel

),

regression_sums as (

    select
        *,
        count(*) over (
            partition by account_id order by day_number
            rows between 89 preceding and current row
        ) as points,
        sum(day_number) over (
            partition by account_id order by day_number
            rows between 89 preceding and current row
        ) as sum_x,
        sum(trailing_30d_usage) over (
            partition by account_id order by day_number
            rows between 89 preceding and current row
        ) as sum_y,
        sum(day_number * trailing_30d_usage) over (
            partition by account_id order by day_number
            rows between 89 preceding and current row
        ) as sum_xy,
        sum(day_number * day_number) over (
            partition by account_id order by day_number
            rows between 89 preceding and current row
        ) as sum_xx
    from trailing_windows

),

final as (

    select
        account_id,
        day_number,
        activity_date,
        daily_usage,
        trailing_30d_usage,
        trailing_90d_usage,
        coalesce(prior_90d_usage, 0) as prior_90d_usage,
        points * sum_xy - sum_x * sum_y as slope_numerator,
        points * sum_xx - sum_x * sum_x as slope_denominator
    from regression_sums

)

select * from final
