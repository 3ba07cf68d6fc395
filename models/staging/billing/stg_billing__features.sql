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

deduplicated as (

    select
        *,
        row_number() over (
            partition by feature_id
            order by feature_name desc, product_id desc
        ) as duplicate_rank
    from renamed

),

final as (

    select
        feature_id,
        product_id,
        feature_name
    from deduplicated
    where duplicate_rank = 1

)

select * from final
