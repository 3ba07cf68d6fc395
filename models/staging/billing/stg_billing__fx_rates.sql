with

source as (

    select * from {{ billing_source('fx_rates') }}

),

renamed as (

    select
        upper(trim(cast(currency as {{ dbt.type_string() }}))) as currency_code,
        {{ month_start('cast(rate_month as date)') }} as rate_month,
        {{ money('rate_to_reporting') }} as rate_to_reporting
    from source

),

deduplicated as (

    select
        *,
        row_number() over (
            partition by currency_code, rate_month
            order by rate_to_reporting desc
        ) as duplicate_rank
    from renamed

),

final as (

    select
        currency_code,
        rate_month,
        rate_to_reporting
    from deduplicated
    where duplicate_rank = 1

)

select * from final
