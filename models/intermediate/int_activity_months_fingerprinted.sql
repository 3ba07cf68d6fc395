{#- What the dated activity tables held, month by month, as each build saw them: an
    order-independent fingerprint (macro rows_fingerprint) of the accepted usage_daily,
    seat_activity and feature_usage rows per month of their day, and of the accepted invoice
    lines per month their period starts in. Each build appends its own set under the next
    fingerprint_sequence. The restatement windows compare the latest set with the one the
    previous window recorded, so a row arriving late for an old month restates from there on,
    however old: usage (which can be MRR) and invoice lines (the billing tie-out) the monthly
    models (int_restatement_windows_tracked), usage, seats and feature use the daily signals
    (int_signal_windows_tracked). -#}
{{ config(materialized="incremental", incremental_strategy="append", on_schema_change="fail") }}

with

usage_daily as (

    select * from {{ ref('int_usage_daily_validated') }}
    where rejection_code is null

),

invoice_lines as (

    select * from {{ ref('int_invoice_lines_validated') }}
    where rejection_code is null

),

seat_activity as (

    select * from {{ ref('int_seat_activity_validated') }}
    where rejection_code is null

),

feature_usage as (

    select * from {{ ref('int_feature_usage_validated') }}
    where rejection_code is null

),

usage_months as (

    select
        'usage_daily' as table_name,
        {{ month_start('usage_date') }} as month_start,
        {{ rows_fingerprint(
            ['account_id', 'subscription_id', 'usage_metric', 'usage_date', 'quantity']
        ) }} as fingerprint
    from usage_daily
    group by {{ month_start('usage_date') }}

),

invoice_line_months as (

    select
        'invoice_lines' as table_name,
        {{ month_start('period_start') }} as month_start,
        {{ rows_fingerprint([
            'invoice_line_id', 'invoice_id', 'account_id', 'subscription_id', 'line_type',
            'amount', 'currency_code', 'period_start', 'period_end', 'issued_at'
        ]) }} as fingerprint
    from invoice_lines
    group by {{ month_start('period_start') }}

),

seat_activity_months as (

    select
        'seat_activity' as table_name,
        {{ month_start('activity_date') }} as month_start,
        {{ rows_fingerprint(['account_id', 'activity_date', 'active_users']) }} as fingerprint
    from seat_activity
    group by {{ month_start('activity_date') }}

),

feature_usage_months as (

    select
        'feature_usage' as table_name,
        {{ month_start('usage_date') }} as month_start,
        {{ rows_fingerprint(['account_id', 'feature_id', 'usage_date', 'events']) }}
            as fingerprint
    from feature_usage
    group by {{ month_start('usage_date') }}

),

activity_months as (

    select * from usage_months
    union all
    select * from invoice_line_months
    union all
    select * from seat_activity_months
    union all
    select * from feature_usage_months

),

next_sequence as (

    {%- if is_incremental() %}
    select max(fingerprint_sequence) + 1 as fingerprint_sequence
    from {{ this }}
    {%- else %}
    select 1 as fingerprint_sequence
    {%- endif %}

),

final as (

    select
        cast(next_sequence.fingerprint_sequence as {{ dbt.type_int() }}) as fingerprint_sequence,
        activity_months.table_name,
        cast(activity_months.month_start as date) as month_start,
        activity_months.fingerprint
    from activity_months
    cross join next_sequence

)

select * from final
