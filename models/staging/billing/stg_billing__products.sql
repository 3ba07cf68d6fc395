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

deduplicated as (

    select
        *,
        row_number() over (
            partition by product_id
            order by product_name desc
        ) as duplicate_rank
    from renamed

),

final as (

    select
        product_id,
        product_name,
        coalesce(is_add_on, false) as is_add_on,
        parent_product_id
    from deduplicated
    where duplicate_rank = 1

)

select * from final
