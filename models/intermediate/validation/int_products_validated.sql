{#- Every staged product with the reason it is quarantined, null when accepted. An add-on whose
    parent product is missing is kept: the parent only informs cross-sell signals. -#}
with

products as (

    select * from {{ ref('stg_billing__products') }}

),

final as (

    select
        *,
        cast(null as {{ dbt.type_string() }}) as rejection_code,
        cast(null as {{ dbt.type_string() }}) as rejection_reason
    from products

)

select * from final
