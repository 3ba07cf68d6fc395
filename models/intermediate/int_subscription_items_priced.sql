{#- Each paid (non-trial) subscription item version with its plan and its recurring MRR in its
    own currency: quantity * unit_amount * (1 - discount_pct / 100) / billing_interval_months
    (metrics.md). Its active months are [first_month_start, end_month_start): a version is
    active in M when it starts on or before M's last day and ends after it, which is exactly
    "month of valid_from <= M < month of valid_to". -#}
with

subscription_items as (

    select * from {{ ref('int_subscription_items_validated') }}
    where rejection_code is null

),

plans as (

    select * from {{ ref('int_plans_validated') }}
    where rejection_code is null

),

paid_items as (

    select * from subscription_items
    where not is_trial

),

joined as (

    select
        paid_items.subscription_item_id,
        paid_items.subscription_id,
        paid_items.account_id,
        paid_items.plan_id,
        plans.product_id,
        plans.pricing_model,
        plans.billing_interval_months,
        plans.included_units,
        plans.overage_unit_amount,
        plans.usage_metric,
        paid_items.currency_code,
        paid_items.quantity,
        paid_items.unit_amount,
        coalesce(paid_items.discount_pct, 0) as discount_pct,
        paid_items.valid_from,
        paid_items.valid_to
    from paid_items
    inner join plans
        on paid_items.plan_id = plans.plan_id

),

final as (

    select
        *,
        -- each product is cast back to the money type before the next factor: three decimal
        -- factors at scale 10 would need scale 30 and overflow 38 digits on large contracts
        {{ divide_money(
            money(money("quantity * unit_amount") ~ " * (100 - discount_pct)"),
            "100 * billing_interval_months") }} as recurring_mrr_local,
        {{ month_start('valid_from') }} as first_month_start,
        {{ month_start('valid_to') }} as end_month_start
    from joined

)

select * from final
