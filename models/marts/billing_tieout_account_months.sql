{#- Billing tie-out: what was invoiced against what the subscriptions say, per account-month.
    Recognised recurring revenue in month M = sum over `recurring` invoice lines of
      amount x (days of the line's period inside M) / (days in the period),
    periods being [period_start, period_end), converted at M's FX rate. It is compared with the
    subscription part of MRR (recurring_mrr): usage overage is invoiced on `usage` lines and
    one-time fees, credits and taxes are never MRR. Billing and subscriptions drift legitimately
    (proration, calendar days against a monthly run rate), so the variance is reported, not
    asserted; the reconciliation suite lists variances above a tolerance. -#}
with

-- accepted lines only: a quarantined line (billing_rejected_rows) never reaches a mart
invoice_lines as (

    select * from {{ ref('int_invoice_lines_validated') }}
    where rejection_code is null

),

account_months as (

    select * from {{ ref('mrr_account_months') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_completed') }}

),

months as (

    select * from {{ ref('int_months_spined') }}

),

recurring_lines as (

    select
        account_id,
        currency_code,
        amount,
        period_start,
        period_end,
        {{ dbt.datediff('period_start', 'period_end', 'day') }}
            as period_days
    from invoice_lines
    where
        line_type = 'recurring'
        and period_end > period_start

),

-- each line once per calendar month its period overlaps: the part of [period_start,
-- period_end) inside [month_start, month_start of the next month)
line_months as (

    select
        recurring_lines.account_id,
        recurring_lines.currency_code,
        recurring_lines.amount,
        recurring_lines.period_days,
        months.month_number,
        months.month_start,
        case
            when recurring_lines.period_start > months.month_start then recurring_lines.period_start
            else months.month_start
        end as overlap_start,
        case
            when recurring_lines.period_end <= months.month_end then recurring_lines.period_end
            else cast({{ dbt.dateadd('day', 1, 'months.month_end') }} as date)
        end as overlap_end
    from recurring_lines
    inner join months
        on
            recurring_lines.period_start <= months.month_end
            and recurring_lines.period_end > months.month_start

),

line_month_amounts as (

    select
        line_months.account_id,
        line_months.month_start,
        {{ money(
            safe_divide(
                'line_months.amount * '
                ~ dbt.datediff('line_months.overlap_start', 'line_months.overlap_end', 'day'),
                'line_months.period_days')
            ~ ' * fx_rates.rate_to_reporting') }} as recognised_amount
    from line_months
    left join fx_rates
        on
            line_months.currency_code = fx_rates.currency_code
            and line_months.month_number = fx_rates.month_number

),

recognised as (

    select
        account_id,
        month_start,
        count(*) as invoice_line_count,
        sum(recognised_amount) as recognised_recurring_revenue
    from line_month_amounts
    group by account_id, month_start

),

-- every account-month with MRR (zero months included) or with recognised revenue
account_month_keys as (

    select
        account_id,
        month_start
    from account_months
    union
    select
        account_id,
        month_start
    from recognised

),

final as (

    select
        account_month_keys.account_id,
        account_month_keys.month_start,
        coalesce(recognised.invoice_line_count, 0) as invoice_line_count,
        {{ money('coalesce(recognised.recognised_recurring_revenue, 0)') }}
            as recognised_recurring_revenue,
        {{ money('coalesce(account_months.recurring_mrr, 0)') }} as recurring_mrr,
        {{ money('coalesce(account_months.mrr, 0)') }} as mrr,
        {{ money(
            'coalesce(recognised.recognised_recurring_revenue, 0)'
            ~ ' - coalesce(account_months.recurring_mrr, 0)') }} as variance,
        {{ safe_divide(
            'coalesce(recognised.recognised_recurring_revenue, 0)'
            ~ ' - coalesce(account_months.recurring_mrr, 0)',
            'account_months.recurring_mrr') }} as variance_pct
    from account_month_keys
    left join recognised
        on
            account_month_keys.account_id = recognised.account_id
            and account_month_keys.month_start = recognised.month_start
    left join account_months
        on
            account_month_keys.account_id = account_months.account_id
            and account_month_keys.month_start = account_months.month_start

)

select * from final
