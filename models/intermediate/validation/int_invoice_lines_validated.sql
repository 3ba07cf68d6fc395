{#- Every staged invoice line with the reason it is quarantined, null when accepted. -#}
{%- set reporting_currency = var("reporting_currency", "USD") | upper -%}
with

invoice_lines as (

    select * from {{ ref('stg_billing__invoice_lines') }}

),

accounts as (

    select * from {{ ref('int_accounts_validated') }}
    where rejection_code is null

),

fx_currencies as (

    select distinct currency_code
    from {{ ref('int_fx_rates_validated') }}
    where rejection_code is null

),

checked as (

    select
        invoice_lines.*,
        case
            when
                invoice_lines.amount is null
                or invoice_lines.currency_code is null
                or invoice_lines.line_type is null
                then 'missing_required_value'
            when accounts.account_id is null then 'unknown_account'
            when invoice_lines.period_end < invoice_lines.period_start then 'invalid_period'
            when
                invoice_lines.line_type not in ('recurring', 'usage', 'one_time', 'credit', 'tax')
                then 'invalid_line_type'
            when
                invoice_lines.currency_code <> '{{ reporting_currency }}'
                and fx_currencies.currency_code is null
                then 'unknown_currency'
            when
                invoice_lines.period_start > {{ far_future_cutoff() }}
                or invoice_lines.period_end > {{ far_future_cutoff() }}
                or cast(invoice_lines.issued_at as date) > {{ far_future_cutoff() }}
                then 'far_future_date'
        end as rejection_code
    from invoice_lines
    left join accounts
        on invoice_lines.account_id = accounts.account_id
    left join fx_currencies
        on invoice_lines.currency_code = fx_currencies.currency_code

),

final as (

    select
        *,
        case rejection_code
            when 'missing_required_value' then 'amount, currency and line_type are required'
            when 'unknown_account'
                then 'account ' || coalesce(account_id, '(null)') || ' is not an accepted account'
            when 'invalid_period'
                then
                    'period_end ' || cast(period_end as {{ dbt.type_string() }})
                    || ' is before period_start ' || cast(period_start as {{ dbt.type_string() }})
            when 'invalid_line_type'
                then
                    'line_type ' || line_type
                    || ' is not recurring, usage, one_time, credit or tax'
            when 'unknown_currency'
                then
                    'currency ' || currency_code
                    || ' is not {{ reporting_currency }} and has no fx_rates'
            when 'far_future_date' then 'a period date or issued_at is in the far future'
        end as rejection_reason
    from checked

)

select * from final
