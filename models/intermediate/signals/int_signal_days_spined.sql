{#- The signal calendar: every day from signal_lead_days() (179) days before the history starts
    (so trailing 90-day, quarter-over-quarter and streak windows are full on its first day)
    through the reported day D, the as_of_date of the MRR marts. history: the
    signal_history_days days ending on D. Days are numbered from 1970-01-01, not from the
    calendar's start, so a day keeps its number when D moves and an incremental run's rows
    equal a full build's. -#}
{%- set history_days = var("signal_history_days", 180) -%}
{%- set lead_days = signal_lead_days() -%}

with

months as (

    select * from {{ ref('int_months_spined') }}

),

reported_day as (

    select max(as_of_date) as reported_day
    from months

),

day_offsets as (

    {{ dbt.generate_series(history_days + lead_days) }}

),

calendar_days as (

    select
        cast({{ dbt.dateadd(
            'day',
            '(day_offsets.generated_number - ' ~ (history_days + lead_days) ~ ')',
            'reported_day.reported_day'
        ) }} as date) as activity_date,
        reported_day.reported_day,
        day_offsets.generated_number > {{ lead_days }} as is_in_history
    from day_offsets
    cross join reported_day

),

final as (

    select
        cast(
            {{ dbt.datediff("cast('1970-01-01' as date)", 'activity_date', 'day') }}
            as {{ dbt.type_int() }}
        ) as day_number,
        activity_date,
        reported_day,
        is_in_history
    from calendar_days

)

select * from final
