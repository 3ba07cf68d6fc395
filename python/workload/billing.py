"""Invoice lines and FX rates.

Invoices: one recurring line per paid subscription item version per billing period, issued on
the period's first day. Periods step from `valid_from` by the plan's billing interval; a
version closed mid-period bills the prorated part (days billed over the period's days).

FX rates: EUR and GBP to USD for every month of the window, a smooth seeded drift (two slow
waves and a little noise) keyed on the calendar month, so a month's rate does not depend on
the window's length.
"""

FX_RATES_OUT = """
with months as (
    select
        ($start_month + to_months(t))::date as rate_month,
        year(($start_month + to_months(t))::date) * 12
        + month(($start_month + to_months(t))::date) as calendar_month
    from range(0, $n_months) as r(t)
),

currencies as (
    select * from (values ('EUR', 1.085, 0.035), ('GBP', 1.255, 0.045)) as c(currency, base, amp)
)

select
    currencies.currency::varchar as currency,
    months.rate_month::date as rate_month,
    round(
        currencies.base
        + currencies.amp * sin(
            2 * pi() * calendar_month / 41.0
            + 6.28 * rnd(hash(currencies.currency) % 1000, 0, 'fx_phase')
        )
        + 0.35 * currencies.amp * sin(2 * pi() * calendar_month / 9.0)
        + 0.01 * (rnd(hash(currencies.currency) % 1000, calendar_month, 'fx') - 0.5),
        6
    )::decimal(18, 6) as rate_to_reporting
from currencies
cross join months
order by currency, rate_month
"""

INVOICE_LINES_OUT = """
with periods as (
    select
        account_num,
        line,
        t,
        subscription_item_id,
        subscription_id,
        account_id,
        currency,
        billing_interval_months,
        valid_from,
        coalesce(valid_to, $last_day + 1) as billed_until,
        valid_to,
        quantity * unit_amount * (1 - coalesce(discount_pct, 0) / 100) as period_amount,
        unnest(range(
            0,
            date_diff('month', valid_from, coalesce(valid_to, $last_day + 1))
            // billing_interval_months + 1
        )) as k
    from versions
    where not is_trial
),

dated as (
    select
        *,
        (valid_from + to_months(k * billing_interval_months))::date as period_start,
        (valid_from + to_months((k + 1) * billing_interval_months))::date as full_period_end
    from periods
)

select
    (
        'il_' || substr(subscription_item_id, 4) || '_' || lpad(k::varchar, 3, '0')
    )::varchar as invoice_line_id,
    ('inv_' || substr(account_id, 6) || '_' || strftime(period_start, '%Y%m%d'))::varchar
        as invoice_id,
    account_id::varchar as account_id,
    subscription_id::varchar as subscription_id,
    'recurring'::varchar as line_type,
    round(
        period_amount
        * (least(full_period_end, coalesce(valid_to, full_period_end)) - period_start)
        / (full_period_end - period_start),
        2
    )::decimal(18, 2) as amount,
    currency::varchar as currency,
    period_start::date as period_start,
    least(full_period_end, coalesce(valid_to, full_period_end))::date as period_end,
    (period_start::timestamp + to_seconds(6 * 3600))::timestamp as issued_at
from dated
where period_start < billed_until
order by account_num, line, t, k
"""
