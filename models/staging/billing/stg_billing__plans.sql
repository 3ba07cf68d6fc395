{#- One row per key: the kept row of each key (see base_billing__plans and the macro
    classify_duplicates); every other raw row is accounted for in billing_rejected_rows. -#}
with

base as (

    select * from {{ ref('base_billing__plans') }}

),

final as (

    select
        plan_id,
        product_id,
        plan_name,
        tier_rank,
        pricing_model,
        billing_interval_months,
        currency_code,
        list_unit_amount,
        included_units,
        overage_unit_amount,
        usage_metric,
        row_key
    from base
    where duplicate_status = 'kept'

)

select * from final
