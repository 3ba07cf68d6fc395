{#- Metered usage per account, subscription, metric and calendar month: the volume the
    overage of a usage line is measured on (metrics.md). -#}
with

usage_daily as (

    select * from {{ ref('int_usage_daily_validated') }}
    where rejection_code is null

),

final as (

    select
        account_id,
        subscription_id,
        usage_metric,
        {{ month_start('usage_date') }} as month_start,
        sum(quantity) as usage_quantity
    from usage_daily
    group by 1, 2, 3, 4

)

select * from final
