{#- One row per paid subscription item version and month-end it is active at, from its first
    month through the horizon (open-ended versions included). A version that starts and ends
    inside one month has first_month_start = end_month_start and gets no row. -#}
{{ config(**restatement_config()) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

subscription_items as (

    select * from {{ ref('int_subscription_items_priced') }}

),

months as (

    select * from {{ ref('int_months_spined') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

final as (

    select
        subscription_items.subscription_item_id,
        months.month_number,
        months.month_start,
        subscription_items.subscription_id,
        subscription_items.account_id,
        subscription_items.product_id,
        subscription_items.plan_id,
        subscription_items.pricing_model,
        subscription_items.currency_code,
        subscription_items.quantity,
        subscription_items.included_units,
        subscription_items.overage_unit_amount,
        subscription_items.usage_metric,
        subscription_items.recurring_mrr_local
    from subscription_items
    inner join months
        on
            subscription_items.first_month_start <= months.month_start
            and (
                subscription_items.end_month_start is null
                or subscription_items.end_month_start > months.month_start
            )

)

select * from final
