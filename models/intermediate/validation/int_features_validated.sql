{#- Every staged feature with the reason it is quarantined, null when accepted. -#}
with

features as (

    select * from {{ ref('stg_billing__features') }}

),

products as (

    select * from {{ ref('int_products_validated') }}
    where rejection_code is null

),

checked as (

    select
        features.*,
        case
            when products.product_id is null then 'unknown_product'
        end as rejection_code
    from features
    left join products
        on features.product_id = products.product_id

),

final as (

    select
        *,
        case rejection_code
            when 'unknown_product'
                then 'product ' || coalesce(product_id, '(null)') || ' is not an accepted product'
        end as rejection_reason
    from checked

)

select * from final
