with

source as (

    select * from {{ billing_source('products') }}

),

renamed as (

    select
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(product_name as {{ dbt.type_string() }}) as product_name,
        cast(is_add_on as {{ dbt.type_boolean() }}) as is_add_on,
        cast(parent_product_id as {{ dbt.type_string() }}) as parent_product_id
    from source

),

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=['product_id'],
        columns=['product_id', 'product_name', 'is_add_on', 'parent_product_id']
    ) }}

),

final as (

    select
        product_id,
        product_name,
        is_add_on,
        parent_product_id,
        row_key,
        copy_number,
        duplicate_status
    from classified

)

select * from final
