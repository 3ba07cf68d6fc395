{#- Every staged FX rate with the reason it is quarantined, null when accepted. -#}
with

fx_rates as (

    select * from {{ ref('stg_billing__fx_rates') }}

),

checked as (

    select
        *,
        case
            when rate_to_reporting is null then 'missing_required_value'
            when rate_to_reporting <= 0 then 'invalid_fx_rate'
            when rate_month > {{ far_future_cutoff() }} then 'far_future_date'
        end as rejection_code
    from fx_rates

),

final as (

    select
        *,
        case rejection_code
            when 'missing_required_value' then 'rate_to_reporting is required'
            when 'invalid_fx_rate'
                then
                    'rate_to_reporting ' || {{ to_text('rate_to_reporting') }}
                    || ' is not positive'
            when 'far_future_date'
                then
                    'rate_month ' || cast(rate_month as {{ dbt.type_string() }})
                    || ' is in the far future'
        end as rejection_reason
    from checked

)

select * from final
