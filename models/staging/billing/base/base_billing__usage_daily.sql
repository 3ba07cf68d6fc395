with

source as (

    select * from {{ billing_source('usage_daily') }}

),

renamed as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(subscription_id as {{ dbt.type_string() }}) as subscription_id,
        cast(usage_metric as {{ dbt.type_string() }}) as usage_metric,
        cast(usage_date as date) as usage_date,
        {{ money('quantity') }} as quantity
    from source

),

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=billing_contract()['usage_daily']['row_key'],
        columns=['account_id', 'subscription_id', 'usage_metric', 'usage_date', 'quantity'],
        required_key_columns=['account_id', 'usage_date'],
        keyless=true
    ) }}

),

final as (

    select
        account_id,
        subscription_id,
        usage_metric,
        usage_date,
        quantity,
        row_key,
        duplicate_status
    from classified

)

select * from final
