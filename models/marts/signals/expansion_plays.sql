{#- Proposed expansion plays on the reported day: one row per account and play (and, for
    tier_upgrade and cross_sell, per product). Rules (docs/expansion_signals.md): seat_upsell
    when seats are >= 80% used 30 days running; usage_tier when usage is >= 80% of the
    commitment 30 days running or projected to reach it within 90 days; tier_upgrade when a
    core product is deeply adopted (>= 70% of its features) below its top tier; cross_sell of
    each add-on not held whose parent product is deeply adopted. No play for an account with
    adoption breadth under 30% ("too early"). The owner comes from the seed play_owners. -#}
with

latest as (

    select * from {{ ref('signal_accounts_latest') }}

),

days as (

    select * from {{ ref('int_signal_days_spined') }}

),

holdings as (

    select * from {{ ref('int_account_product_days_held') }}

),

feature_days as (

    select * from {{ ref('int_account_feature_days_adopted') }}

),

products as (

    select * from {{ ref('int_products_validated') }}
    where rejection_code is null

),

plans as (

    select * from {{ ref('int_plans_validated') }}
    where rejection_code is null

),

features as (

    select * from {{ ref('int_features_validated') }}
    where rejection_code is null

),

play_owners as (

    select * from {{ ref('play_owners') }}

),

reported_day as (

    select max(day_number) as day_number
    from days

),

top_tiers as (

    select
        product_id,
        max(tier_rank) as top_tier_rank
    from plans
    group by product_id

),

product_feature_counts as (

    select
        product_id,
        count(*) as features_available
    from features
    group by product_id

),

held_products as (

    select
        holdings.account_id,
        holdings.product_id,
        holdings.highest_tier_rank_held,
        products.is_add_on,
        coalesce(feature_days.features_used_90d, 0) as features_used_90d,
        product_feature_counts.features_available
    from holdings
    inner join reported_day
        on holdings.day_number = reported_day.day_number
    inner join products
        on holdings.product_id = products.product_id
    left join feature_days
        on
            holdings.account_id = feature_days.account_id
            and holdings.product_id = feature_days.product_id
            and holdings.day_number = feature_days.day_number
    left join product_feature_counts
        on holdings.product_id = product_feature_counts.product_id

),

deep_core_products as (

    select * from held_products
    where
        not is_add_on
        and features_available > 0
        and features_used_90d >= 0.7 * features_available

),

eligible_accounts as (

    select * from latest
    where
        not is_too_early
        and account_id in (select held_products.account_id from held_products)

),

candidate_plays as (

    select
        account_id,
        'seat_upsell' as play_motion,
        cast(null as {{ dbt.type_string() }}) as product_id,
        cast(null as {{ type_money() }}) as product_adoption_breadth
    from eligible_accounts
    where is_seat_upsell_ready

    union all

    select
        account_id,
        'usage_tier' as play_motion,
        cast(null as {{ dbt.type_string() }}) as product_id,
        cast(null as {{ type_money() }}) as product_adoption_breadth
    from eligible_accounts
    where is_usage_tier_ready or is_in_expansion_window

    union all

    select
        deep_core_products.account_id,
        'tier_upgrade' as play_motion,
        deep_core_products.product_id,
        {{ safe_divide('deep_core_products.features_used_90d', 'deep_core_products.features_available') }}
            as product_adoption_breadth
    from deep_core_products
    inner join top_tiers
        on deep_core_products.product_id = top_tiers.product_id
    where deep_core_products.highest_tier_rank_held < top_tiers.top_tier_rank

    union all

    select
        deep_core_products.account_id,
        'cross_sell' as play_motion,
        add_ons.product_id,
        {{ safe_divide('deep_core_products.features_used_90d', 'deep_core_products.features_available') }}
            as product_adoption_breadth
    from deep_core_products
    inner join products as add_ons
        on
            deep_core_products.product_id = add_ons.parent_product_id
            and add_ons.is_add_on
    left join held_products as held_add_ons
        on
            deep_core_products.account_id = held_add_ons.account_id
            and add_ons.product_id = held_add_ons.product_id
    where held_add_ons.product_id is null

),

described as (

    select
        candidate_plays.*,
        -- the evidence in words, for the person making the call
        case candidate_plays.play_motion
            when 'seat_upsell'
                then
                    {{ to_text('eligible_accounts.active_users') }} || ' of '
                    || {{ to_text('eligible_accounts.licensed_seats', whole=true) }}
                    || ' seats in use; at or above 80% for '
                    || {{ to_text('eligible_accounts.seat_ready_streak_days') }} || ' days running'
            when 'usage_tier'
                then
                    'last 30 days used '
                    || {{ to_text('100 * eligible_accounts.usage_commitment_ratio', whole=true) }}
                    || '% of the monthly commitment'
                    || case
                        when eligible_accounts.is_usage_tier_ready
                            then
                                ', at or above 80% for '
                                || {{ to_text('eligible_accounts.usage_ready_streak_days') }}
                                || ' days running'
                        else ''
                    end
                    || case
                        when eligible_accounts.is_in_expansion_window
                            then
                                '; on trend to reach it in '
                                || {{ to_text('eligible_accounts.projected_days_to_commitment') }}
                                || ' days'
                        else ''
                    end
            when 'tier_upgrade'
                then
                    'uses '
                    || {{ to_text('100 * candidate_plays.product_adoption_breadth', whole=true) }}
                    || '% of the features of its product, below the top tier'
            when 'cross_sell'
                then
                    'uses '
                    || {{ to_text('100 * candidate_plays.product_adoption_breadth', whole=true) }}
                    || '% of the core product''s features and does not hold this add-on'
        end as evidence
    from candidate_plays
    inner join eligible_accounts
        on candidate_plays.account_id = eligible_accounts.account_id

),

final as (

    select
        candidate_plays.account_id,
        candidate_plays.play_motion,
        candidate_plays.product_id,
        products.product_name,
        case
            when eligible_accounts.account_arr > play_owners.escalation_arr_threshold
                then play_owners.escalation_owner_role
            else play_owners.owner_role
        end as owner_role,
        eligible_accounts.account_name,
        eligible_accounts.segment,
        eligible_accounts.region,
        eligible_accounts.account_arr,
        eligible_accounts.activity_date as reported_on,
        eligible_accounts.seat_utilization,
        eligible_accounts.seat_ready_streak_days,
        eligible_accounts.usage_commitment_ratio,
        eligible_accounts.usage_ready_streak_days,
        eligible_accounts.projected_days_to_commitment,
        eligible_accounts.consumption_growth_qoq,
        eligible_accounts.adoption_breadth,
        candidate_plays.product_adoption_breadth,
        candidate_plays.evidence
    from described as candidate_plays
    inner join eligible_accounts
        on candidate_plays.account_id = eligible_accounts.account_id
    inner join play_owners
        on candidate_plays.play_motion = play_owners.play_motion
    left join products
        on candidate_plays.product_id = products.product_id

)

select * from final
