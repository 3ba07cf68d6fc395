{#- One row per key: the kept row of each key (see base_billing__usage_daily and the macro
    classify_duplicates); every other raw row is accounted for in billing_rejected_rows. -#}
with

base as (

    select * from {{ ref('base_billing__usage_daily') }}

),

final as (

    select
        account_id,
        subscription_id,
        usage_metric,
        usage_date,
        quantity,
        row_key,
        row_detail
    from base
    where duplicate_status = 'kept'

)

select * from final
