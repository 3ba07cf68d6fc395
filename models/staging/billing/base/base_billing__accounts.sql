with

source as (

    select * from {{ billing_source('accounts') }}

),

renamed as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(account_name as {{ dbt.type_string() }}) as account_name,
        cast(segment as {{ dbt.type_string() }}) as segment,
        cast(region as {{ dbt.type_string() }}) as region,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at
    from source

),

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=['account_id'],
        columns=['account_id', 'account_name', 'segment', 'region', 'created_at']
    ) }}

),

final as (

    select
        account_id,
        account_name,
        segment,
        region,
        created_at,
        row_key,
        copy_number,
        duplicate_status
    from classified

)

select * from final
