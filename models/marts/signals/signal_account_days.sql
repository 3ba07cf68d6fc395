{#- Daily expansion-signal history: one row per signal account and day of the history (the
    signal_history_days days ending on the reported day). -#}
with

scored as (

    select * from {{ ref('int_account_signal_days_scored') }}

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
    where is_in_history

)

select * from final
