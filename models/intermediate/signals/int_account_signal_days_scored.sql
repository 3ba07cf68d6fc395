{#- Every signal of every signal account on every day of the history (docs/
    expansion_signals.md): seat utilization and its ready streak, the usage commitment ratio and
    its streak, quarter-over-quarter consumption growth, the projected days to reach the
    commitment, and feature adoption breadth. Thresholds are compared by cross-multiplication
    (active users >= 0.8 x seats), exactly, so 79.9% is never rounded up to 80%.
    A streak is capped at signal_lead_days() + 1 (180) days, so a history day's streak does not
    depend on where the calendar starts. An incremental run computes the signal window's days
    (int_signal_windows_tracked) and continues each streak from the day before, which it keeps;
    an account without that day (entering the selection, or a window reaching before the
    history) is computed over the whole calendar. -#}
{{ config(**signal_days_config('history', per_account=true)) }}
-- depends_on: {{ ref('int_signal_windows_tracked') }}
{%- set streak_cap = signal_lead_days() + 1 %}

with

days as (

    select * from {{ ref('int_signal_days_spined') }}

),

accounts as (

    select * from {{ ref('int_signal_accounts_selected') }}

),

holdings as (

    select * from {{ ref('int_account_product_days_held') }}

),

usage_days as (

    select * from {{ ref('int_account_usage_days_windowed') }}

),

feature_days as (

    select * from {{ ref('int_account_feature_days_adopted') }}

),

seat_activity as (

    select * from {{ ref('int_seat_activity_validated') }}
    where rejection_code is null

),

product_features as (

    select
        product_id,
        count(*) as features_available
    from {{ ref('int_features_validated') }}
    where rejection_code is null
    group by product_id

),

calendar as (

    select min(activity_date) as first_day
    from days

),

{% if is_incremental() %}

window_start as (

    select {{ signal_restate_from_day(this) }} as first_day

),

-- the day before the window, as kept: an account's streaks go on from it
kept_days as (

    select
        kept_rows.account_id,
        kept_rows.seat_ready_streak_days,
        kept_rows.usage_ready_streak_days
    from {{ this }} as kept_rows
    inner join window_start
        on kept_rows.activity_date = {{ dbt.dateadd('day', -1, 'window_start.first_day') }}

),

{% endif %}

-- per account, the first day computed and the streaks carried into it: the window's start
-- after a kept day, else the calendar's (streaks from 0)
account_windows as (

    select
        accounts.account_id,
        {%- if is_incremental() %}
        case
            when kept_days.account_id is null then calendar.first_day
            else window_start.first_day
        end as first_day,
        coalesce(kept_days.seat_ready_streak_days, 0) as seat_streak_carried,
        coalesce(kept_days.usage_ready_streak_days, 0) as usage_streak_carried
        {%- else %}
        calendar.first_day,
        0 as seat_streak_carried,
        0 as usage_streak_carried
        {%- endif %}
    from accounts
    cross join calendar
    {%- if is_incremental() %}
    cross join window_start
    left join kept_days
        on accounts.account_id = kept_days.account_id
    {%- endif %}

),

account_first_days as (

    select
        account_windows.*,
        first_days.day_number as first_day_number
    from account_windows
    inner join days as first_days
        on account_windows.first_day = first_days.activity_date

),

-- the holdings and seat readings of the days computed only: an incremental run adds up
-- the window's days, not the whole calendar's
held_totals as (

    select
        holdings.account_id,
        holdings.day_number,
        sum(holdings.licensed_seats) as licensed_seats,
        sum(holdings.usage_commitment) as usage_commitment,
        sum(coalesce(product_features.features_available, 0)) as features_available,
        sum(coalesce(feature_days.features_used_90d, 0)) as features_used_90d
    from holdings
    inner join account_first_days
        on
            holdings.account_id = account_first_days.account_id
            and holdings.day_number >= account_first_days.first_day_number
    left join product_features
        on holdings.product_id = product_features.product_id
    left join feature_days
        on
            holdings.account_id = feature_days.account_id
            and holdings.product_id = feature_days.product_id
            and holdings.day_number = feature_days.day_number
    group by holdings.account_id, holdings.day_number

),

-- readings of one account and day add up (the contract gives seat_activity no key)
seat_totals as (

    select
        seat_activity.account_id,
        seat_activity.activity_date,
        sum(seat_activity.active_users) as active_users
    from seat_activity
    inner join account_first_days
        on
            seat_activity.account_id = account_first_days.account_id
            and seat_activity.activity_date >= account_first_days.first_day
    group by seat_activity.account_id, seat_activity.activity_date

),

panel as (

    select
        account_first_days.account_id,
        days.day_number,
        days.activity_date,
        days.is_in_history,
        account_first_days.seat_streak_carried,
        account_first_days.usage_streak_carried,
        account_first_days.first_day_number,
        coalesce(held_totals.licensed_seats, 0) as licensed_seats,
        coalesce(held_totals.usage_commitment, 0) as usage_commitment,
        coalesce(held_totals.features_available, 0) as features_available,
        coalesce(held_totals.features_used_90d, 0) as features_used_90d,
        seat_totals.active_users,
        -- an account without usage in the calendar has no usage rows: its windows are 0
        coalesce(usage_days.trailing_30d_usage, 0) as trailing_30d_usage,
        coalesce(usage_days.trailing_90d_usage, 0) as trailing_90d_usage,
        coalesce(usage_days.prior_90d_usage, 0) as prior_90d_usage,
        usage_days.slope_numerator,
        usage_days.slope_denominator
    from account_first_days
    inner join days
        on account_first_days.first_day <= days.activity_date
    left join held_totals
        on
            account_first_days.account_id = held_totals.account_id
            and days.day_number = held_totals.day_number
    left join seat_totals
        on
            account_first_days.account_id = seat_totals.account_id
            and days.activity_date = seat_totals.activity_date
    left join usage_days
        on
            account_first_days.account_id = usage_days.account_id
            and days.day_number = usage_days.day_number

),

flagged as (

    select
        *,
        coalesce(licensed_seats > 0 and active_users >= 0.8 * licensed_seats, false)
            as is_seat_ready_day,
        coalesce(usage_commitment > 0 and trailing_30d_usage >= 0.8 * usage_commitment, false)
            as is_usage_ready_day
    from panel

),

streak_bounds as (

    select
        *,
        max(case when not is_seat_ready_day then day_number end) over (
            partition by account_id order by day_number
            rows between unbounded preceding and current row
        ) as last_seat_break,
        max(case when not is_usage_ready_day then day_number end) over (
            partition by account_id order by day_number
            rows between unbounded preceding and current row
        ) as last_usage_break
    from flagged

),

final as (

    select
        account_id,
        day_number,
        activity_date,
        licensed_seats,
        active_users,
        {{ safe_divide('active_users', 'licensed_seats') }} as seat_utilization,
        -- since the last day not ready; without one in the days computed, the streak
        -- carried in goes on (capped: see above)
        cast(least(
            {{ streak_cap }},
            coalesce(
                day_number - last_seat_break, seat_streak_carried + day_number - first_day_number + 1
            )
        ) as {{ dbt.type_int() }}) as seat_ready_streak_days,
        usage_commitment,
        trailing_30d_usage,
        {{ safe_divide('trailing_30d_usage', 'usage_commitment') }} as usage_commitment_ratio,
        cast(least(
            {{ streak_cap }},
            coalesce(
                day_number - last_usage_break,
                usage_streak_carried + day_number - first_day_number + 1
            )
        ) as {{ dbt.type_int() }}) as usage_ready_streak_days,
        trailing_90d_usage,
        prior_90d_usage,
        {{ safe_divide('trailing_90d_usage - prior_90d_usage', 'prior_90d_usage') }}
            as consumption_growth_qoq,
        case
            when
                slope_numerator > 0
                and slope_denominator > 0
                and trailing_30d_usage < usage_commitment
                then cast(ceil(
                    cast((usage_commitment - trailing_30d_usage) * slope_denominator as double)
                    / cast(slope_numerator as double)
                ) as {{ dbt.type_int() }})
        end as projected_days_to_commitment,
        features_used_90d,
        features_available,
        {{ safe_divide('features_used_90d', 'features_available') }} as adoption_breadth,
        coalesce(features_available > 0 and features_used_90d >= 0.7 * features_available, false)
            as is_deep_adopter,
        coalesce(features_available > 0 and features_used_90d < 0.3 * features_available, false)
            as is_too_early
    from streak_bounds
    where is_in_history

)

select * from final
