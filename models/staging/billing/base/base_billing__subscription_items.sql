with

source as (

    select * from {{ billing_source('subscription_items') }}

),

renamed as (

    select
        cast(subscription_item_id as {{ dbt.type_string() }}) as subscription_item_id,
        cast(subscription_id as {{ dbt.type_string() }}) as subscription_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(plan_id as {{ dbt.type_string() }}) as plan_id,
        {{ money('quantity') }} as quantity,
        {{ money('unit_amount') }} as unit_amount,
        {{ money('discount_pct') }} as discount_pct,
        upper(trim(cast(currency as {{ dbt.type_string() }}))) as currency_code,
        cast(valid_from as date) as valid_from,
        cast(valid_to as date) as valid_to,
        cast(is_trial as {{ dbt.type_boolean() }}) as is_trial,
        cast(updated_at as {{ dbt.type_timestamp() }}) as updated_at
    from source

),

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=['subscription_item_id'],
        columns=[
            'subscription_item_id', 'subscription_id', 'account_id', 'plan_id', 'quantity',
            'unit_amount', 'discount_pct', 'currency_code', 'valid_from', 'valid_to',
            'is_trial', 'updated_at'
        ],
        version_column='updated_at'
    ) }}

),

final as (

    select
        subscription_item_id,
        subscription_id,
        account_id,
        plan_id,
        quantity,
        unit_amount,
        discount_pct,
        currency_code,
        valid_from,
        valid_to,
        is_trial,
        updated_at,
        row_key,
        copy_number,
        duplicate_status
    from classified

)

select * from final
