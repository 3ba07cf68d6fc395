{#- Every raw row whose required key values are present: the contract gives this table no
    key, so its rows are readings to add up, identical ones included (base_billing__seat_activity,
    the macro classify_duplicates); rows without them are in billing_rejected_rows. -#}
with

base as (

    select * from {{ ref('base_billing__seat_activity') }}

),

final as (

    select
        account_id,
        activity_date,
        active_users,
        row_key
    from base
    where duplicate_status = 'kept'

)

select * from final
