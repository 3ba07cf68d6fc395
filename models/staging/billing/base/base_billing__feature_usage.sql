with

source as (

    select * from {{ billing_source('feature_usage') }}

),

renamed as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(feature_id as {{ dbt.type_string() }}) as feature_id,
        cast(usage_date as date) as usage_date,
        cast(events as {{ dbt.type_int() }}) as events
    from source

),

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=billing_contract()['feature_usage']['row_key'],
        columns=['account_id', 'feature_id', 'usage_date', 'events'],
        required_key_columns=['account_id', 'usage_date'],
        keyless=true
    ) }}

),

final as (

    select
        account_id,
        feature_id,
        usage_date,
        events,
        row_key,
        duplicate_status
    from classified

)

select * from final
