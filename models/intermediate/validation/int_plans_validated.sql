{#- Every staged plan with the reason it is quarantined (the first rule that applies), null when
    accepted. Subscription items on a quarantined plan are quarantined in turn (unknown_plan). -#}
with

plans as (

    select * from {{ ref('stg_billing__plans') }}

),

products as (

    select * from {{ ref('int_products_validated') }}
    where rejection_code is null

),

checked as (

    select
        plans.*,
        case
            when plans.product_id is null then 'missing_required_value'
            when plans.pricing_model is null then 'missing_required_value'
            when plans.billing_interval_months is null then 'missing_required_value'
            when products.product_id is null then 'unknown_product'
            when plans.pricing_model not in ('flat', 'per_seat', 'usage') then 'invalid_pricing_model'
            when plans.billing_interval_months not in (1, 3, 6, 12) then 'invalid_billing_interval'
            when plans.list_unit_amount < 0 or plans.overage_unit_amount < 0 then 'negative_amount'
        end as rejection_code
    from plans
    left join products
        on plans.product_id = products.product_id

),

final as (

    select
        *,
        case rejection_code
            when 'missing_required_value'
                then 'product_id, pricing_model and billing_interval_months are required'
            when 'unknown_product'
                then 'product ' || coalesce(product_id, '(null)') || ' is not an accepted product'
            when 'invalid_pricing_model'
                then 'pricing_model ' || pricing_model || ' is not flat, per_seat or usage'
            when 'invalid_billing_interval'
                then
                    'billing_interval_months '
                    || cast(billing_interval_months as {{ dbt.type_string() }})
                    || ' is not 1, 3, 6 or 12'
            when 'negative_amount'
                then
                    'list_unit_amount '
                    || coalesce({{ to_text('list_unit_amount') }}, '(null)')
                    || ' or overage_unit_amount '
                    || coalesce({{ to_text('overage_unit_amount') }}, '(null)')
                    || ' is negative'
        end as rejection_reason
    from checked

)

select * from final
