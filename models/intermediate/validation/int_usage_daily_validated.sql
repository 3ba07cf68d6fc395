{#- Every staged usage row with the reason it is quarantined, null when accepted. -#}
with

usage_daily as (

    select * from {{ ref('stg_billing__usage_daily') }}

),

accounts as (

    select * from {{ ref('int_accounts_validated') }}
    where rejection_code is null

),

checked as (

    select
        usage_daily.*,
        case
            when usage_daily.quantity is null then 'missing_required_value'
            when accounts.account_id is null then 'unknown_account'
            when usage_daily.quantity < 0 then 'negative_quantity'
            when usage_daily.usage_date > {{ far_future_cutoff() }} then 'far_future_date'
        end as rejection_code
    from usage_daily
    left join accounts
        on usage_daily.account_id = accounts.account_id

),

final as (

    select
        *,
        case rejection_code
            when 'missing_required_value' then 'quantity is required'
            when 'unknown_account'
                then 'account ' || account_id || ' is not an accepted account'
            when 'negative_quantity'
                then 'quantity ' || {{ to_text('quantity') }} || ' is negative'
            when 'far_future_date'
                then
                    'usage_date ' || cast(usage_date as {{ dbt.type_string() }})
                    || ' is in the far future'
        end as rejection_reason
    from checked

)

select * from final
