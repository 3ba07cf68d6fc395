{#- One row per key: the kept row of each key (see base_billing__subscription_items and the macro
    classify_duplicates); every other raw row is accounted for in billing_rejected_rows. -#}
with

base as (

    select * from {{ ref('base_billing__subscription_items') }}

),

final as (

    select
        subscription_item_id,
        subscription_id,
        account_id,
        plan_id,
        quantity,
        unit_amount,
        discount_pct,
        currency_code,
        valid_from,
        valid_to,
        coalesce(is_trial, false) as is_trial,
        updated_at,
        row_key
    from base
    where duplicate_status = 'kept'

)

select * from final
