{#- Expansion attribution: one row per month, owner role and motion kind with the month's
    expansion MRR (recovery is not expansion). A movement's owner is its motion's play owner in
    the seed play_owners (seat_growth -> seat_upsell, usage_growth -> usage_tier, upsell ->
    tier_upgrade, cross_sell -> cross_sell, price_change -> price_change), escalated when the
    account's opening ARR is above the threshold. Motion kind: organic (seat and usage growth),
    deliberate (upsell, cross-sell) or pricing (price change). -#}
with

movements as (

    select * from {{ ref('mrr_movements') }}

),

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}

),

play_owners as (

    select * from {{ ref('play_owners') }}

),

expansions as (

    select
        movements.month_start,
        movements.motion,
        movements.amount,
        {{ money('12 * account_waterfall.opening_mrr') }} as opening_arr,
        case movements.motion
            when 'seat_growth' then 'seat_upsell'
            when 'usage_growth' then 'usage_tier'
            when 'upsell' then 'tier_upgrade'
            else movements.motion
        end as play_motion,
        case
            when movements.motion in ('seat_growth', 'usage_growth') then 'organic'
            when movements.motion in ('upsell', 'cross_sell') then 'deliberate'
            else 'pricing'
        end as motion_kind
    from movements
    inner join account_waterfall
        on
            movements.account_id = account_waterfall.account_id
            and movements.month_start = account_waterfall.month_start
    where movements.movement_type = 'expansion'

),

final as (

    select
        expansions.month_start,
        case
            when expansions.opening_arr > play_owners.escalation_arr_threshold
                then play_owners.escalation_owner_role
            else play_owners.owner_role
        end as owner_role,
        expansions.motion_kind,
        sum(expansions.amount) as expansion_mrr,
        count(*) as movements
    from expansions
    inner join play_owners
        on expansions.play_motion = play_owners.play_motion
    group by 1, 2, 3

)

select * from final
