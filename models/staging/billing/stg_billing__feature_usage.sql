with

source as (

    select * from {{ billing_source('feature_usage') }}

),

renamed as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(feature_id as {{ dbt.type_string() }}) as feature_id,
        cast(usage_date as date) as usage_date,
        cast(events as {{ dbt.type_int() }}) as events
    from source

),

final as (

    select
        account_id,
        feature_id,
        usage_date,
        -- several rows for one account, feature and day are counts to add
        sum(events) as events
    from renamed
    group by account_id, feature_id, usage_date

)

select * from final
