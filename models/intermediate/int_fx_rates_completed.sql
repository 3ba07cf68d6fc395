{#- One rate per currency the subscription lines use and per reporting month. The reporting
    currency converts at 1; any other missing rate stays null here, never carried forward
    (metrics.md): versions whose months lack a rate are quarantined (missing_fx_rate), and
    int_fx_rates_asserted stops the build for a rate an account's history needs. -#}
with

subscription_items as (

    select * from {{ ref('int_subscription_items_validated') }}
    where rejection_code is null

),

fx_rates as (

    select * from {{ ref('int_fx_rates_validated') }}
    where rejection_code is null

),

months as (

    select * from {{ ref('int_months_spined') }}

),

currencies as (

    select distinct currency_code
    from subscription_items

),

currency_months as (

    select
        currencies.currency_code,
        months.month_number,
        months.month_start
    from currencies
    cross join months

),

final as (

    select
        currency_months.currency_code,
        currency_months.month_number,
        currency_months.month_start,
        case
            when currency_months.currency_code = '{{ var("reporting_currency", "USD") | upper }}'
                then {{ money(1) }}
            else fx_rates.rate_to_reporting
        end as rate_to_reporting
    from currency_months
    left join fx_rates
        on
            currency_months.currency_code = fx_rates.currency_code
            and currency_months.month_start = fx_rates.rate_month

)

select * from final
