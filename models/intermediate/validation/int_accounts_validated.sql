{#- Every staged account with the reason it is quarantined, null when accepted. -#}
with

accounts as (

    select * from {{ ref('stg_billing__accounts') }}

),

final as (

    select
        *,
        case
            when cast(created_at as date) > {{ far_future_cutoff() }} then 'far_future_date'
        end as rejection_code,
        case
            when cast(created_at as date) > {{ far_future_cutoff() }}
                then
                    'created_at ' || cast(created_at as {{ dbt.type_string() }})
                    || ' is in the far future'
        end as rejection_reason
    from accounts

)

select * from final
