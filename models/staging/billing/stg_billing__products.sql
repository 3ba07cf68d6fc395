{#- One row per key: the kept row of each key (see base_billing__products and the macro
    classify_duplicates); every other raw row is accounted for in billing_rejected_rows. -#}
with

base as (

    select * from {{ ref('base_billing__products') }}

),

final as (

    select
        product_id,
        product_name,
        coalesce(is_add_on, false) as is_add_on,
        parent_product_id,
        row_key
    from base
    where duplicate_status = 'kept'

)

select * from final
