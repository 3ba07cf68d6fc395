{#- Net and gross revenue retention per month, overall and per segment (metrics.md).
    Monthly: over accounts with opening MRR > 0, in constant currency,
      NRR = (opening_cc + expansion + recovery - contraction - churn) / opening_cc,
      GRR = (opening_cc - contraction - churn) / opening_cc.
    Trailing 12 months at M: over accounts with MRR(M-12) > 0, both months at M's rates,
      T12M NRR = sum MRR(M) / sum MRR(M-12), T12M GRR = sum min(MRR(M), MRR(M-12)) / sum MRR(M-12).
    Null where the denominator is zero or M-12 is before the data.
    Incremental (D90): a month's ratios read that month and the month twelve before it, so a
    run restates the window's months from the window and the twelve months before it. -#}
{{ config(**restatement_config('month_start')) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}
    {%- if is_incremental() %}
    where month_start >= {{ restate_from_bound('month_start') }}
    {%- endif %}

),

account_months as (

    select * from {{ ref('int_account_months_densified') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }} - 12
    {%- endif %}

),

currency_months as (

    select * from {{ ref('int_account_currency_months_aggregated') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }} - 12
    {%- endif %}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_asserted') }}

),

months as (

    select * from {{ ref('int_months_spined') }}

),

-- MRR twelve months earlier, re-valued at this month's rates, for accounts that had MRR then
trailing_bases as (

    select
        currency_months.account_id,
        currency_months.month_number + 12 as month_number,
        sum({{ money('currency_months.mrr_local * fx_rates.rate_to_reporting') }})
            as base_mrr_cc
    from currency_months
    inner join account_months as base_months
        on
            currency_months.account_id = base_months.account_id
            and currency_months.month_number = base_months.month_number
    inner join fx_rates
        on
            currency_months.currency_code = fx_rates.currency_code
            and currency_months.month_number + 12 = fx_rates.month_number
    where base_months.mrr > 0
    group by currency_months.account_id, currency_months.month_number + 12

),

trailing_accounts as (

    select
        trailing_bases.account_id,
        trailing_bases.month_number,
        trailing_bases.base_mrr_cc,
        account_months.mrr as current_mrr,
        case
            when account_months.mrr < trailing_bases.base_mrr_cc then account_months.mrr
            else trailing_bases.base_mrr_cc
        end as retained_gross_mrr
    from trailing_bases
    inner join account_months
        on
            trailing_bases.account_id = account_months.account_id
            and trailing_bases.month_number = account_months.month_number

),

account_rows as (

    select
        account_waterfall.account_id,
        account_waterfall.month_start,
        account_waterfall.segment,
        case when account_waterfall.opening_mrr > 0 then account_waterfall.opening_mrr_cc else 0 end
            as retention_base_mrr,
        case when account_waterfall.opening_mrr > 0 then account_waterfall.expansion_mrr else 0 end
            as expansion_mrr,
        case when account_waterfall.opening_mrr > 0 then account_waterfall.recovery_mrr else 0 end
            as recovery_mrr,
        case when account_waterfall.opening_mrr > 0 then account_waterfall.contraction_mrr else 0 end
            as contraction_mrr,
        case when account_waterfall.opening_mrr > 0 then account_waterfall.churn_mrr else 0 end
            as churn_mrr,
        coalesce(trailing_accounts.base_mrr_cc, 0) as trailing_base_mrr,
        coalesce(trailing_accounts.current_mrr, 0) as trailing_current_mrr,
        coalesce(trailing_accounts.retained_gross_mrr, 0) as trailing_retained_gross_mrr
    from account_waterfall
    inner join months
        on account_waterfall.month_start = months.month_start
    left join trailing_accounts
        on
            account_waterfall.account_id = trailing_accounts.account_id
            and months.month_number = trailing_accounts.month_number

),

scoped_rows as (

    {{ overall_and_segment_rows('account_rows') }}

),

totals as (

    select
        month_start,
        dimension,
        dimension_value,
        sum(retention_base_mrr) as retention_base_mrr,
        sum(expansion_mrr) as expansion_mrr,
        sum(recovery_mrr) as recovery_mrr,
        sum(contraction_mrr) as contraction_mrr,
        sum(churn_mrr) as churn_mrr,
        sum(trailing_base_mrr) as trailing_base_mrr,
        sum(trailing_current_mrr) as trailing_current_mrr,
        sum(trailing_retained_gross_mrr) as trailing_retained_gross_mrr
    from scoped_rows
    group by month_start, dimension, dimension_value

),

final as (

    select
        month_start,
        dimension,
        dimension_value,
        retention_base_mrr,
        expansion_mrr,
        recovery_mrr,
        contraction_mrr,
        churn_mrr,
        {{ safe_divide(
            'retention_base_mrr + expansion_mrr + recovery_mrr'
            ~ ' - contraction_mrr - churn_mrr',
            'retention_base_mrr') }} as nrr,
        {{ safe_divide(
            'retention_base_mrr - contraction_mrr - churn_mrr',
            'retention_base_mrr') }} as grr,
        trailing_base_mrr as t12m_base_mrr,
        trailing_current_mrr as t12m_current_mrr,
        trailing_retained_gross_mrr as t12m_retained_gross_mrr,
        {{ safe_divide('trailing_current_mrr', 'trailing_base_mrr') }} as t12m_nrr,
        {{ safe_divide('trailing_retained_gross_mrr', 'trailing_base_mrr') }}
            as t12m_grr
    from totals

)

select * from final
