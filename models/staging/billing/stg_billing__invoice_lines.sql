{#- One row per key: the kept row of each key (see base_billing__invoice_lines and the macro
    classify_duplicates); every other raw row is accounted for in billing_rejected_rows. -#}
with

base as (

    select * from {{ ref('base_billing__invoice_lines') }}

),

final as (

    select
        invoice_line_id,
        invoice_id,
        account_id,
        subscription_id,
        line_type,
        amount,
        currency_code,
        period_start,
        period_end,
        issued_at,
        row_key
    from base
    where duplicate_status = 'kept'

)

select * from final
