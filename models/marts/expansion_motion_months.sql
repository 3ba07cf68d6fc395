{#- Expansion, recovery and contraction per month and motion: one row per month and each of
    the five motions, zero-filled, with each motion's share of the month's expansion. -#}
with

movements as (

    select * from {{ ref('int_mrr_movements_allocated') }}

),

months as (

    select * from {{ ref('int_months_spined') }}

),

motions as (

    {% for motion in ["cross_sell", "upsell", "seat_growth", "usage_growth", "price_change"] -%}
    select '{{ motion }}' as motion
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

motion_totals as (

    select
        month_number,
        motion,
        sum(case when movement_type = 'expansion' then amount else 0 end) as expansion_mrr,
        sum(case when movement_type = 'recovery' then amount else 0 end) as recovery_mrr,
        sum(case when movement_type = 'contraction' then amount else 0 end) as contraction_mrr
    from movements
    where motion is not null
    group by month_number, motion

),

filled as (

    select
        months.month_start,
        motions.motion,
        {{ money('coalesce(motion_totals.expansion_mrr, 0)') }} as expansion_mrr,
        {{ money('coalesce(motion_totals.recovery_mrr, 0)') }} as recovery_mrr,
        {{ money('coalesce(motion_totals.contraction_mrr, 0)') }} as contraction_mrr
    from months
    cross join motions
    left join motion_totals
        on
            months.month_number = motion_totals.month_number
            and motions.motion = motion_totals.motion

),

final as (

    select
        month_start,
        motion,
        case
            when motion in ('seat_growth', 'usage_growth') then 'organic'
            when motion in ('upsell', 'cross_sell') then 'deliberate'
            else 'pricing'
        end as motion_kind,
        expansion_mrr,
        recovery_mrr,
        contraction_mrr,
        {{ money('expansion_mrr + recovery_mrr - contraction_mrr') }} as net_mrr,
        {{ safe_divide('expansion_mrr', 'sum(expansion_mrr) over (partition by month_start)') }}
            as share_of_expansion
    from filled

)

select * from final
