{#- One row per key: the kept row of each key (see base_billing__accounts and the macro
    classify_duplicates); every other raw row is accounted for in billing_rejected_rows. -#}
with

base as (

    select * from {{ ref('base_billing__accounts') }}

),

final as (

    select
        account_id,
        account_name,
        segment,
        region,
        created_at,
        row_key
    from base
    where duplicate_status = 'kept'

)

select * from final
