with

source as (

    select * from {{ billing_source('plans') }}

),

renamed as (

    select
        cast(plan_id as {{ dbt.type_string() }}) as plan_id,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(plan_name as {{ dbt.type_string() }}) as plan_name,
        cast(tier_rank as {{ dbt.type_int() }}) as tier_rank,
        lower(trim(cast(pricing_model as {{ dbt.type_string() }}))) as pricing_model,
        cast(billing_interval_months as {{ dbt.type_int() }}) as billing_interval_months,
        upper(trim(cast(currency as {{ dbt.type_string() }}))) as currency_code,
        {{ money('list_unit_amount') }} as list_unit_amount,
        {{ money('included_units') }} as included_units,
        {{ money('overage_unit_amount') }} as overage_unit_amount,
        cast(usage_metric as {{ dbt.type_string() }}) as usage_metric
    from source

),

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=['plan_id'],
        columns=[
            'plan_id', 'product_id', 'plan_name', 'tier_rank', 'pricing_model',
            'billing_interval_months', 'currency_code', 'list_unit_amount',
            'included_units', 'overage_unit_amount', 'usage_metric'
        ]
    ) }}

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
        row_key,
        copy_number,
        duplicate_status
    from classified

)

select * from final
