{#- Each active item-month valued in the reporting currency: recurring MRR plus usage overage
    (metrics.md: max(0, usage in M - included_units * quantity) * overage_unit_amount, no
    discount, no division by the interval), converted at M's rate. The same amounts at the next
    month's rate let the next month measure its movements in constant currency: a month's row
    is completed by the next month's rate, so an incremental run also rewrites the month
    before its window, whose next month it brings (the previous horizon when a month is
    added; decision log D94). -#}
{%- set months_before = 1 -%}
{{ config(**restatement_config(months_before=months_before)) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

item_months as (

    select * from {{ ref('int_subscription_item_months_spread') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }} - {{ months_before }}
    {%- endif %}

),

usage_months as (

    select * from {{ ref('int_usage_months_aggregated') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_completed') }}

),

with_usage as (

    select
        item_months.*,
        coalesce(usage_months.usage_quantity, 0) as usage_quantity,
        {% if include_usage_in_mrr() -%}
        case
            when item_months.pricing_model = 'usage'
                then {{ money(
                    "greatest(0, coalesce(usage_months.usage_quantity, 0) - "
                    ~ money("coalesce(item_months.included_units, 0) * item_months.quantity")
                    ~ ") * coalesce(item_months.overage_unit_amount, 0)") }}
            else {{ money(0) }}
        end
        {%- else -%}
        {{ money(0) }}
        {%- endif %} as usage_mrr_local
    from item_months
    left join usage_months
        on
            item_months.pricing_model = 'usage'
            and item_months.account_id = usage_months.account_id
            and item_months.subscription_id = usage_months.subscription_id
            and item_months.usage_metric = usage_months.usage_metric
            and item_months.month_start = usage_months.month_start

),

final as (

    select
        with_usage.subscription_item_id,
        with_usage.month_number,
        with_usage.month_start,
        with_usage.subscription_id,
        with_usage.account_id,
        with_usage.product_id,
        with_usage.plan_id,
        with_usage.pricing_model,
        with_usage.currency_code,
        with_usage.quantity,
        with_usage.usage_quantity,
        with_usage.recurring_mrr_local,
        with_usage.usage_mrr_local,
        {{ money('with_usage.recurring_mrr_local + with_usage.usage_mrr_local') }} as mrr_local,
        current_rates.rate_to_reporting as fx_rate,
        next_rates.rate_to_reporting as next_month_fx_rate,
        {{ money('with_usage.recurring_mrr_local * current_rates.rate_to_reporting') }}
            as recurring_mrr,
        {{ money('with_usage.usage_mrr_local * current_rates.rate_to_reporting') }}
            as usage_mrr,
        {{ money('with_usage.recurring_mrr_local * next_rates.rate_to_reporting') }}
            as recurring_mrr_at_next_rate,
        {{ money('with_usage.usage_mrr_local * next_rates.rate_to_reporting') }}
            as usage_mrr_at_next_rate
    from with_usage
    left join fx_rates as current_rates
        on
            with_usage.currency_code = current_rates.currency_code
            and with_usage.month_number = current_rates.month_number
    left join fx_rates as next_rates
        on
            with_usage.currency_code = next_rates.currency_code
            and with_usage.month_number + 1 = next_rates.month_number

)

select * from final
