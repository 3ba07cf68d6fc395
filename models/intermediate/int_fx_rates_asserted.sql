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

-- an account's months run without a gap from its first MRR month through the horizon
-- (int_account_months_densified), so its span stands for them: a gap is looked up in a few
-- spans per currency instead of every account-month being joined and made distinct
account_spans as (

    select
        account_id,
        min(month_number) as first_month_number,
        max(month_number) as last_month_number
    from account_months
    group by account_id

),

needed_spans as (

    select
        account_currencies.currency_code,
        greatest(
            account_currencies.first_month_number, account_spans.first_month_number
        ) as first_month_number,
        account_spans.last_month_number
    from account_currencies
    inner join account_spans
        on account_currencies.account_id = account_spans.account_id

),

missing_needed as (

    select distinct
        fx_rates.currency_code,
        fx_rates.month_number,
        fx_rates.month_start
    from fx_rates
    inner join needed_spans
        on
            fx_rates.currency_code = needed_spans.currency_code
            and fx_rates.month_number
            between needed_spans.first_month_number and needed_spans.last_month_number
    where fx_rates.rate_to_reporting is null

),

gaps as (

    select
        currency_code,
        month_number,
        month_start,
        row_number() over (order by month_number asc, currency_code asc) as gap_rank,
        count(*) over () as gap_count
    from missing_needed

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
