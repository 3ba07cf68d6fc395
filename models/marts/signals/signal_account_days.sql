{#- Daily expansion-signal history: one row per signal account and day of the history (the
    signal_history_days days ending on the reported day). Restated with the scores it reads
    (int_signal_windows_tracked): an incremental run adds the window's days, and every day of
    an account the scores rebuilt whole. -#}
{{ config(**signal_days_config('history', per_account=true)) }}
-- depends_on: {{ ref('int_signal_windows_tracked') }}
-- depends_on: {{ ref('int_signal_accounts_selected') }}

with

scored as (

    select * from {{ ref('int_account_signal_days_scored') }}
    {%- if is_incremental() %}
    where
        activity_date >= {{ signal_restate_from_day(this) }}
        -- an account without the day before the window here was rebuilt whole upstream
        or account_id not in (
            select kept_day.account_id
            from {{ this }} as kept_day
            where
                kept_day.activity_date
                = cast({{ dbt.dateadd('day', -1, signal_restate_from_day(this)) }} as date)
        )
    {%- endif %}

),

final as (

    select
        account_id,
        activity_date,
        licensed_seats,
        active_users,
        seat_utilization,
        seat_ready_streak_days,
        seat_ready_streak_days >= 30 as is_seat_upsell_ready,
        usage_commitment,
        trailing_30d_usage,
        usage_commitment_ratio,
        usage_ready_streak_days,
        usage_ready_streak_days >= 30 as is_usage_tier_ready,
        trailing_90d_usage,
        prior_90d_usage,
        consumption_growth_qoq,
        projected_days_to_commitment,
        coalesce(
            projected_days_to_commitment > 0 and projected_days_to_commitment <= 90, false
        ) as is_in_expansion_window,
        features_used_90d,
        features_available,
        adoption_breadth,
        is_deep_adopter,
        is_too_early
    from scored

)

select * from final
