{#- One row per key: the kept row of each key (see base_billing__fx_rates and the macro
    classify_duplicates); every other raw row is accounted for in billing_rejected_rows. -#}
with

base as (

    select * from {{ ref('base_billing__fx_rates') }}

),

final as (

    select
        currency_code,
        rate_month,
        rate_to_reporting,
        row_key
    from base
    where duplicate_status = 'kept'

)

select * from final
