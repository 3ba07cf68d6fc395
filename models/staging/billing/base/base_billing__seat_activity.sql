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

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=billing_contract()['seat_activity']['row_key'],
        columns=['account_id', 'activity_date', 'active_users'],
        keyless=true
    ) }}

),

final as (

    select
        account_id,
        activity_date,
        active_users,
        row_key,
        duplicate_status
    from classified

)

select * from final
