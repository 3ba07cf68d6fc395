{#- Billing tie-out: what was invoiced against what the subscriptions say, per account-month.
    Recognised recurring revenue in month M = sum over `recurring` invoice lines of
      amount x (M's part of the period, in months) / (the period's length, in months),
    periods being [period_start, period_end) and a month's part being its days in the period
    over its own days, converted at M's FX rate. Measuring in months rather than days makes a
    line billed for whole months recognise exactly its monthly price in each of them (an
    annual invoice gives February a twelfth, like every month), as MRR does. It is compared with the
    subscription part of MRR (recurring_mrr): usage overage is invoiced on `usage` lines and
    one-time fees, credits and taxes are never MRR. Billing and subscriptions drift legitimately
    (proration, calendar days against a monthly run rate), so the variance is reported, not
    asserted; the reconciliation suite lists variances above a tolerance. An incremental run
    restates the window's months (int_restatement_windows_tracked, which also watches for
    invoice lines arriving late for an earlier month). -#}
{{ config(**restatement_config('month_start')) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

-- accepted lines only: a quarantined line (billing_rejected_rows) never reaches a mart
invoice_lines as (

    select * from {{ ref('int_invoice_lines_validated') }}
    where rejection_code is null

),

account_months as (

    select * from {{ ref('mrr_account_months') }}
    {%- if is_incremental() %}
    where month_start >= {{ restate_from_bound('month_start') }}
    {%- endif %}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_completed') }}

),

months as (

    select * from {{ ref('int_months_spined') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

-- the lines whose period reaches into the restated months (all of them on a full build)
window_invoice_lines as (

    select * from invoice_lines
    {%- if is_incremental() %}
    where period_end > {{ restate_from_bound('month_start') }}
    {%- endif %}

),

recurring_lines as (

    select
        invoice_line_id,
        account_id,
        currency_code,
        amount,
        period_start,
        period_end,
        {{ month_start('period_start') }} as first_month,
        {{ month_start('period_end') }} as end_month
    from window_invoice_lines
    where
        line_type = 'recurring'
        and period_end > period_start

),

-- the period's length in months: the first month's share of its days, the whole months in
-- between, and the share of the month the period ends in (0 when it ends on a month start)
line_lengths as (

    select
        *,
        {%- set first_month_days = dbt.datediff(
            'first_month', dbt.dateadd('month', 1, 'first_month'), 'day') %}
        {%- set end_month_days = dbt.datediff(
            'end_month', dbt.dateadd('month', 1, 'end_month'), 'day') %}
        case
            when first_month = end_month
                then {{ divide_money(dbt.datediff('period_start', 'period_end', 'day'), first_month_days) }}
            else
                {{ divide_money(
                    dbt.datediff('period_start', dbt.dateadd('month', 1, 'first_month'), 'day'),
                    first_month_days) }}
                + {{ dbt.datediff(dbt.dateadd('month', 1, 'first_month'), 'end_month', 'month') }}
                + {{ divide_money(dbt.datediff('end_month', 'period_end', 'day'), end_month_days) }}
        end as period_months
    from recurring_lines

),

-- each line once per reporting month its period overlaps, with that month's part in months
line_months as (

    select
        line_lengths.account_id,
        line_lengths.currency_code,
        line_lengths.amount,
        line_lengths.period_months,
        months.month_number,
        months.month_start,
        {{ divide_money(
            dbt.datediff(
                'case when line_lengths.period_start > months.month_start'
                ~ ' then line_lengths.period_start else months.month_start end',
                'case when line_lengths.period_end <= months.month_end then line_lengths.period_end'
                ~ ' else ' ~ dbt.dateadd('day', 1, 'months.month_end') ~ ' end',
                'day'),
            dbt.datediff('months.month_start', 'months.month_end', 'day') ~ ' + 1') }}
            as month_part
    from line_lengths
    inner join months
        on
            line_lengths.period_start <= months.month_end
            and line_lengths.period_end > months.month_start

),

line_month_amounts as (

    select
        line_months.account_id,
        line_months.month_start,
        {{ money(
            safe_divide('line_months.amount * line_months.month_part', 'line_months.period_months')
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
