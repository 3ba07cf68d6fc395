{#- Every movement of every product line (account x product) and month, before the prior-peak
    step: new, reactivation and churn in the months the account starts, returns or leaves;
    fx_adjustment in every month; and, in months the account holds MRR on both sides, each
    product line's change split into motions (metrics.md):
      cross_sell   the product was not held last month (gain) or is not held now (loss);
      upsell       the set of plans held changed: the whole net change, one movement;
      seat_growth  same plans: each plan's change in quantity x its per-unit MRR this month;
      price_change same plans: the rest of the recurring change (per-unit MRR change x last
                   month's quantity, computed as a remainder so the parts add up exactly);
      usage_growth same plans: change in usage overage revenue.
    All in constant currency at this month's rates. Gains are expansion, losses contraction;
    amount is a positive magnitude except fx_adjustment, which is signed. Zero movements are
    left out. -#}
{{ config(**restatement_config()) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

product_months as (

    select * from {{ ref('int_account_product_months_densified') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

account_months as (

    select * from {{ ref('int_account_months_densified') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

item_months as (

    select * from {{ ref('int_subscription_item_months_valued') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }} - 1
    {%- endif %}

),

-- quantity and recurring MRR per plan of a product line, this month and (at next month's
-- rates) for next month's comparison
plan_months as (

    select
        account_id,
        product_id,
        plan_id,
        month_number,
        sum(quantity) as quantity,
        sum(recurring_mrr) as recurring_mrr,
        sum(recurring_mrr_at_next_rate) as recurring_mrr_at_next_rate
    from item_months
    group by account_id, product_id, plan_id, month_number

),

lines as (

    select
        product_months.*,
        account_months.account_status
    from product_months
    inner join account_months
        on
            product_months.account_id = account_months.account_id
            and product_months.month_number = account_months.month_number

),

account_state_movements as (

    select
        account_id,
        product_id,
        month_number,
        month_start,
        case account_status
            when 'new' then 'new'
            when 'reactivated' then 'reactivation'
            when 'churned' then 'churn'
        end as movement_type,
        case account_status
            when 'churned' then opening_mrr_cc
            else mrr
        end as signed_amount
    from lines
    where account_status in ('new', 'reactivated', 'churned')

),

fx_movements as (

    select
        account_id,
        product_id,
        month_number,
        month_start,
        'fx_adjustment' as movement_type,
        {{ money('opening_mrr_cc - opening_mrr') }} as signed_amount
    from lines

),

retained_lines as (

    select
        *,
        case
            when is_held and not was_held then 'cross_sell'
            when was_held and not is_held then 'cross_sell'
            when is_held and was_held and plan_ids <> previous_plan_ids then 'upsell'
            when is_held and was_held then 'same_plans'
            else 'not_held'
        end as change_kind
    from lines
    where account_status = 'retained'

),

whole_line_changes as (

    select
        account_id,
        product_id,
        month_number,
        month_start,
        change_kind as motion,
        {{ money('mrr - opening_mrr_cc') }} as signed_amount
    from retained_lines
    where change_kind in ('cross_sell', 'upsell')

),

-- seat growth per plan: each plan's quantity change at its own per-unit MRR (this month's;
-- last month's when none is held now), so a flat fee beside seats, or two seat plans at
-- different prices, show no price change when only a quantity moved. A remainder under
-- rounding_tolerance is the rounding of the per-unit division: all of it is seat growth
plan_pairs as (

    select
        current_plans.account_id,
        current_plans.product_id,
        current_plans.month_number,
        current_plans.quantity,
        previous_plans.quantity as previous_quantity,
        current_plans.recurring_mrr,
        previous_plans.recurring_mrr_at_next_rate as previous_recurring_mrr_cc,
        case
            when current_plans.quantity <> 0
                then {{ divide_money('current_plans.recurring_mrr', 'current_plans.quantity') }}
            when previous_plans.quantity <> 0
                then {{ divide_money(
                    'previous_plans.recurring_mrr_at_next_rate', 'previous_plans.quantity'
                ) }}
            else {{ money(0) }}
        end as unit_mrr
    from plan_months as current_plans
    inner join plan_months as previous_plans
        on
            current_plans.account_id = previous_plans.account_id
            and current_plans.product_id = previous_plans.product_id
            and current_plans.plan_id = previous_plans.plan_id
            and current_plans.month_number = previous_plans.month_number + 1

),

plan_seat_growth as (

    select
        account_id,
        product_id,
        month_number,
        case
            when quantity = previous_quantity then {{ money(0) }}
            when
                abs(
                    recurring_mrr - previous_recurring_mrr_cc
                    - (quantity - previous_quantity) * unit_mrr
                ) < {{ var("rounding_tolerance") }}
                then {{ money('recurring_mrr - previous_recurring_mrr_cc') }}
            else {{ money('(quantity - previous_quantity) * unit_mrr') }}
        end as seat_growth_amount
    from plan_pairs

),

line_seat_growth as (

    select
        account_id,
        product_id,
        month_number,
        sum(seat_growth_amount) as seat_growth_amount
    from plan_seat_growth
    group by account_id, product_id, month_number

),

same_plan_lines as (

    select
        retained_lines.*,
        coalesce(line_seat_growth.seat_growth_amount, {{ money(0) }}) as seat_growth_amount
    from retained_lines
    left join line_seat_growth
        on
            retained_lines.account_id = line_seat_growth.account_id
            and retained_lines.product_id = line_seat_growth.product_id
            and retained_lines.month_number = line_seat_growth.month_number
    where retained_lines.change_kind = 'same_plans'

),

same_plan_changes as (
{% for motion, signed_amount in [
    ("seat_growth", "seat_growth_amount"),
    ("price_change", money("recurring_mrr - previous_recurring_mrr_cc - seat_growth_amount")),
    ("usage_growth", money("usage_mrr - previous_usage_mrr_cc")),
] %}
    select
        account_id,
        product_id,
        month_number,
        month_start,
        '{{ motion }}' as motion,
        {{ signed_amount }} as signed_amount
    from same_plan_lines
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

motion_changes as (

    select * from whole_line_changes
    union all
    select * from same_plan_changes

),

motion_movements as (

    select
        account_id,
        product_id,
        month_number,
        month_start,
        case when signed_amount > 0 then 'expansion' else 'contraction' end as movement_type,
        motion,
        signed_amount
    from motion_changes

),

unioned as (

    select
        account_id,
        product_id,
        month_number,
        month_start,
        movement_type,
        cast(null as {{ dbt.type_string() }}) as motion,
        signed_amount
    from account_state_movements

    union all

    select
        account_id,
        product_id,
        month_number,
        month_start,
        movement_type,
        cast(null as {{ dbt.type_string() }}) as motion,
        signed_amount
    from fx_movements

    union all

    select
        account_id,
        product_id,
        month_number,
        month_start,
        movement_type,
        motion,
        signed_amount
    from motion_movements

),

final as (

    select
        account_id,
        product_id,
        month_number,
        month_start,
        movement_type,
        motion,
        case
            when movement_type = 'fx_adjustment' then signed_amount
            when signed_amount < 0 then {{ money('0 - signed_amount') }}
            else signed_amount
        end as amount
    from unioned
    where signed_amount <> 0

)

select * from final
