with

source as (

    select * from {{ billing_source('usage_daily') }}

),

renamed as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(subscription_id as {{ dbt.type_string() }}) as subscription_id,
        cast(usage_metric as {{ dbt.type_string() }}) as usage_metric,
        cast(usage_date as date) as usage_date,
        {{ money('quantity') }} as quantity
    from source

),

final as (

    select
        account_id,
        subscription_id,
        usage_metric,
        usage_date,
        -- several rows for one day and metric are readings to add, not duplicates
        sum(quantity) as quantity
    from renamed
    group by account_id, subscription_id, usage_metric, usage_date

)

select * from final
