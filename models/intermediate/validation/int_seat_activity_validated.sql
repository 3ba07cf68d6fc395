{#- Every staged seat-activity row with the reason it is quarantined, null when accepted. -#}
with

seat_activity as (

    select * from {{ ref('stg_billing__seat_activity') }}

),

accounts as (

    select * from {{ ref('int_accounts_validated') }}
    where rejection_code is null

),

checked as (

    select
        seat_activity.*,
        case
            when seat_activity.active_users is null then 'missing_required_value'
            when accounts.account_id is null then 'unknown_account'
            when seat_activity.active_users < 0 then 'negative_quantity'
            when seat_activity.activity_date > {{ far_future_cutoff() }} then 'far_future_date'
        end as rejection_code
    from seat_activity
    left join accounts
        on seat_activity.account_id = accounts.account_id

),

final as (

    select
        *,
        case rejection_code
            when 'missing_required_value' then 'active_users is required'
            when 'unknown_account'
                then 'account ' || account_id || ' is not an accepted account'
            when 'negative_quantity'
                then
                    'active_users ' || cast(active_users as {{ dbt.type_string() }})
                    || ' is negative'
            when 'far_future_date'
                then
                    'activity_date ' || cast(activity_date as {{ dbt.type_string() }})
                    || ' is in the far future'
        end as rejection_reason
    from checked

)

select * from final
