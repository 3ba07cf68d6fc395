with

source as (

    select * from {{ billing_source('seat_activity') }}

),

renamed as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(activity_date as date) as activity_date,
        cast(active_users as {{ dbt.type_int() }}) as active_users
    from source

),

final as (

    select
        account_id,
        activity_date,
        -- one reading per account and day: a repeated day keeps its highest count
        max(active_users) as active_users
    from renamed
    group by account_id, activity_date

)

select * from final
