{#- The FX rates the account-level re-valuations read (the prior peak, trailing twelve months),
    asserted complete. Needed: the rate of every currency an account has billed in, for every
    month from its first use through the horizon. A needed rate that is missing stops the
    build here, naming the currency and month, even under a plain `dbt run` that runs no
    tests: never a carried-forward rate, never a peak valued without it (metrics.md). Versions
    whose own months lack a rate were already quarantined (missing_fx_rate). -#}
with

currency_months as (

    select * from {{ ref('int_account_currency_months_aggregated') }}

),

account_months as (

    select * from {{ ref('int_account_months_densified') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_completed') }}

),

account_currencies as (

    select
        account_id,
        currency_code,
        min(month_number) as first_month_number
    from currency_months
    group by account_id, currency_code

),

needed as (

    select distinct
        account_currencies.currency_code,
        account_months.month_number
    from account_currencies
    inner join account_months
        on
            account_currencies.account_id = account_months.account_id
            and account_currencies.first_month_number <= account_months.month_number

),

gaps as (

    select
        fx_rates.currency_code,
        fx_rates.month_number,
        fx_rates.month_start,
        row_number() over (
            order by fx_rates.month_number asc, fx_rates.currency_code asc
        ) as gap_rank,
        count(*) over () as gap_count
    from fx_rates
    inner join needed
        on
            fx_rates.currency_code = needed.currency_code
            and fx_rates.month_number = needed.month_number
    where fx_rates.rate_to_reporting is null

),

final as (

    -- the error names the earliest gap, the same on every run, and how many there are
    select
        fx_rates.currency_code,
        fx_rates.month_number,
        fx_rates.month_start,
        case
            when gaps.gap_rank = 1
                then {{ raise_data_error(
                    "'missing fx rate: fx_rates has no ' || gaps.currency_code || ' rate for '"
                    ~ " || cast(gaps.month_start as " ~ dbt.type_string() ~ ")"
                    ~ " || ', which an account''s history needs (prior peak, trailing 12 months); '"
                    ~ " || cast(gaps.gap_count as " ~ dbt.type_string() ~ ")"
                    ~ " || ' currency-month(s) missing in all'"
                ) }}
            else fx_rates.rate_to_reporting
        end as rate_to_reporting
    from fx_rates
    left join gaps
        on
            fx_rates.currency_code = gaps.currency_code
            and fx_rates.month_number = gaps.month_number

)

select * from final
