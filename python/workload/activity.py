"""Daily signals for the accounts with activity: seats used, API calls, feature events.

Only accounts drawn into the activity share get these rows, and only for the last 180 days.
Each account has its own seat utilization (some above 100%: a seat upsell), usage level and
trend (some grow past their commitment: overage and a usage tier play) and adoption breadth
(some below 30%: too early for a play). Weekends are quieter.
"""

ACTIVITY_VERSIONS_SQL = """
create or replace table activity_days as
select
    versions.account_num,
    versions.line,
    versions.t,
    versions.account_id,
    versions.subscription_id,
    versions.product_id,
    versions.quantity,
    versions.included_units,
    unnest(range(
        greatest(versions.valid_from, $activity_start)::timestamp,
        least(coalesce(versions.valid_to, $last_day + 1), $last_day + 1)::timestamp,
        interval 1 day
    ))::date as activity_date
from versions
inner join acct on versions.account_num = acct.account_num
where
    acct.has_activity
    and coalesce(versions.valid_to, $last_day + 1) > $activity_start
    and versions.valid_from <= $last_day
"""

SEAT_ACTIVITY_OUT = """
select
    account_id::varchar as account_id,
    activity_date::date as activity_date,
    round(
        quantity
        * (0.35 + 0.8 * rnd(account_num, 0, 'utilization'))
        * exp((rnd(account_num, 0, 'seat_trend') - 0.4) * 0.004 * (activity_date - $activity_start))
        * case when dayofweek(activity_date) in (0, 6) then 0.3 else 1.0 end
        * (0.9 + 0.2 * rnd(account_num, (activity_date - $activity_start), 'seat_noise'))
    )::integer as active_users
from activity_days
where line = 1
order by account_num, activity_date
"""

USAGE_DAILY_OUT = """
select
    account_id::varchar as account_id,
    subscription_id::varchar as subscription_id,
    'api_calls'::varchar as usage_metric,
    activity_date::date as usage_date,
    round(
        included_units * quantity / 30.4
        * (0.5 + 0.9 * rnd(account_num, 0, 'usage_level'))
        * exp(
            (rnd(account_num, 0, 'usage_trend') - 0.3) * 0.006
            * (activity_date - $activity_start)
        )
        * case when dayofweek(activity_date) in (0, 6) then 0.5 else 1.0 end
        * (0.85 + 0.3 * rnd(account_num, (activity_date - $activity_start), 'usage_noise'))
    )::decimal(18, 2) as quantity
from activity_days
where line = 4
order by account_num, t, activity_date
"""

FEATURE_USAGE_OUT = """
with adopted as (
    select
        activity_days.account_num,
        activity_days.account_id,
        activity_days.activity_date,
        activity_days.quantity,
        features.feature_id,
        features.feature_num
    from activity_days
    inner join features on activity_days.product_id = features.product_id
    where
        rnd(activity_days.account_num, features.feature_num, 'adopt')
        < 0.2 + 0.75 * rnd(activity_days.account_num, 0, 'breadth')
),

counted as (
    select
        *,
        floor(
            -ln(1 - rnd(account_num, feature_num * 100000 + (activity_date - $activity_start),
                        'events'))
            * (1 + sqrt(quantity) * 2)
            * case when dayofweek(activity_date) in (0, 6) then 0.3 else 1.0 end
        )::integer as events
    from adopted
)

select
    account_id::varchar as account_id,
    feature_id::varchar as feature_id,
    activity_date::date as usage_date,
    events::integer as events
from counted
where events > 0
order by account_num, feature_num, activity_date
"""
