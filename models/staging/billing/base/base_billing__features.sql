with

source as (

    select * from {{ billing_source('features') }}

),

renamed as (

    select
        cast(feature_id as {{ dbt.type_string() }}) as feature_id,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(feature_name as {{ dbt.type_string() }}) as feature_name
    from source

),

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=['feature_id'],
        columns=['feature_id', 'product_id', 'feature_name']
    ) }}

),

final as (

    select
        feature_id,
        product_id,
        feature_name,
        row_key,
        copy_number,
        duplicate_status
    from classified

)

select * from final
