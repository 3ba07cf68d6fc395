-- A needed FX rate that is missing is an error, never carried forward (metrics.md). Needed:
-- the rate of every currency an account has ever billed in, for every month the account is
-- reported (this month's MRR, last month's re-valued, the prior peak, trailing 12 months).
-- Returns each missing currency and month once.
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

final as (

    select
        needed.currency_code,
        fx_rates.month_start,
        'missing fx rate: add a fx_rates row for this currency and month' as problem
    from needed
    inner join fx_rates
        on
            needed.currency_code = fx_rates.currency_code
            and needed.month_number = fx_rates.month_number
    where fx_rates.rate_to_reporting is null

)

select * from final
