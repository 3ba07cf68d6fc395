{#- One row per key: the kept row of each key (see base_billing__seat_activity and the macro
    classify_duplicates); every other raw row is accounted for in billing_rejected_rows. -#}
with

base as (

    select * from {{ ref('base_billing__seat_activity') }}

),

final as (

    select
        account_id,
        activity_date,
        active_users,
        row_key,
        row_detail
    from base
    where duplicate_status = 'kept'

)

select * from final
