{#- The accounts the signals are computed for: those with any accepted seat-activity, usage or
    feature-usage row in the history (the signal_history_days days ending on the reported
    day). An account without recent activity data has no signal. -#}
with

days as (

    select * from {{ ref('int_signal_days_spined') }}

),

seat_activity as (

    select * from {{ ref('int_seat_activity_validated') }}
    where rejection_code is null

),

usage_daily as (

    select * from {{ ref('int_usage_daily_validated') }}
    where rejection_code is null

),

feature_usage as (

    select * from {{ ref('int_feature_usage_validated') }}
    where rejection_code is null

),

history as (

    select
        min(activity_date) as first_day,
        max(activity_date) as last_day
    from days
    where is_in_history

),

activity as (

    select
        account_id,
        activity_date
    from seat_activity
    union all
    select
        account_id,
        usage_date as activity_date
    from usage_daily
    union all
    select
        account_id,
        usage_date as activity_date
    from feature_usage

),

final as (

    select distinct activity.account_id
    from activity
    inner join history
        on activity.activity_date between history.first_day and history.last_day

)

select * from final
