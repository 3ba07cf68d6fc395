{#- Usage per account and day of the signal calendar, with the trailing windows the usage
    signals read: 30 days (commitment ratio, projection), 90 days and the 90 before
    (quarter-over-quarter growth), and the least-squares sums over the last 90 days of the
    trailing-30-day usage. The slope is kept as an exact numerator and denominator, so
    "projected days" divides only once.
    Every window is computed from the account's usage whatever the calendar: the panel starts
    signal_lead_days() days before the first day computed, so a row is a function of the
    usage and the day alone, and an incremental run computes only the signal window's days
    (int_signal_windows_tracked). A day whose windows are all empty has no row: the scoring
    model reads a missing row as no usage, and most signal accounts have none. -#}
{{ config(**signal_days_config('calendar', per_account=false)) }}
-- depends_on: {{ ref('int_signal_windows_tracked') }}
{%- set lead_days = signal_lead_days() %}

with

days as (

    select * from {{ ref('int_signal_days_spined') }}

),

usage_daily as (

    select * from {{ ref('int_usage_daily_validated') }}
    where rejection_code is null

),

computed_days as (

    select
        {%- if is_incremental() %}
        {{ signal_restate_from_day(this) }} as first_day,
        {%- else %}
        min(activity_date) as first_day,
        {%- endif %}
        max(activity_date) as last_day
    from days

),

day_offsets as (

    {{ dbt.generate_series(lead_days + var('signal_history_days', 180) + lead_days) }}

),

-- the days of the panel: the days computed and the lead their windows read
panel_days as (

    select
        cast({{ dbt.dateadd(
            'day', 'day_offsets.generated_number - ' ~ (lead_days + 1), 'computed_days.first_day'
        ) }} as date) as activity_date,
        computed_days.first_day,
        -- the regression's x: any numbering of consecutive days gives the same sums
        day_offsets.generated_number as day_number
    from day_offsets
    cross join computed_days
    where
        {{ dbt.dateadd(
            'day', 'day_offsets.generated_number - ' ~ (lead_days + 1), 'computed_days.first_day'
        ) }} <= computed_days.last_day

),

daily_usage as (

    select
        usage_daily.account_id,
        usage_daily.usage_date,
        sum(usage_daily.quantity) as usage_quantity
    from usage_daily
    inner join computed_days
        on
            usage_daily.usage_date
            between {{ dbt.dateadd('day', -lead_days, 'computed_days.first_day') }}
            and computed_days.last_day
    group by usage_daily.account_id, usage_daily.usage_date

),

usage_accounts as (

    select distinct account_id
    from daily_usage

),

panel as (

    select
        usage_accounts.account_id,
        panel_days.activity_date,
        panel_days.activity_date >= panel_days.first_day as is_computed,
        panel_days.day_number,
        coalesce(daily_usage.usage_quantity, 0) as daily_usage
    from usage_accounts
    cross join panel_days
    left join daily_usage
        on
            usage_accounts.account_id = daily_usage.account_id
            and panel_days.activity_date = daily_usage.usage_date

),

trailing_windows as (

    select
        *,
        sum(daily_usage) over (
            partition by account_id order by activity_date
            rows between 29 preceding and current row
        ) as trailing_30d_usage,
        sum(daily_usage) over (
            partition by account_id order by activity_date
            rows between 89 preceding and current row
        ) as trailing_90d_usage,
        sum(daily_usage) over (
            partition by account_id order by activity_date
            rows between 179 preceding and 90 preceding
        ) as prior_90d_usage
    from panel

),

regression_sums as (

    select
        *,
        count(*) over (
            partition by account_id order by activity_date
            rows between 89 preceding and current row
        ) as points,
        sum(day_number) over (
            partition by account_id order by activity_date
            rows between 89 preceding and current row
        ) as sum_x,
        sum(trailing_30d_usage) over (
            partition by account_id order by activity_date
            rows between 89 preceding and current row
        ) as sum_y,
        sum(day_number * trailing_30d_usage) over (
            partition by account_id order by activity_date
            rows between 89 preceding and current row
        ) as sum_xy,
        sum(day_number * day_number) over (
            partition by account_id order by activity_date
            rows between 89 preceding and current row
        ) as sum_xx
    from trailing_windows

),

final as (

    select
        regression_sums.account_id,
        days.day_number,
        days.activity_date,
        regression_sums.daily_usage,
        regression_sums.trailing_30d_usage,
        regression_sums.trailing_90d_usage,
        coalesce(regression_sums.prior_90d_usage, 0) as prior_90d_usage,
        regression_sums.points * regression_sums.sum_xy
        - regression_sums.sum_x * regression_sums.sum_y as slope_numerator,
        regression_sums.points * regression_sums.sum_xx
        - regression_sums.sum_x * regression_sums.sum_x as slope_denominator
    from regression_sums
    inner join days
        on regression_sums.activity_date = days.activity_date
    where
        regression_sums.is_computed
        -- a day with nothing in its windows reads as no usage (see above)
        and (regression_sums.trailing_90d_usage <> 0 or regression_sums.prior_90d_usage <> 0)

)

select * from final
