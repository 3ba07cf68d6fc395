{#- The signal calendar: every day from 179 days before the history starts (so trailing
    90-day, quarter-over-quarter and streak windows are full on its first day) through the
    reported day D, the as_of_date of the MRR marts. history: the signal_history_days days
    ending on D. -#}
{%- set history_days = var("signal_history_days", 180) -%}
{%- set lead_days = 179 -%}

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

final as (

    select
        cast(day_offsets.generated_number as {{ dbt.type_int() }}) as day_number,
        cast({{ dbt.dateadd(
            'day',
            '(day_offsets.generated_number - ' ~ (history_days + lead_days) ~ ')',
            'reported_day.reported_day'
        ) }} as date) as activity_date,
        reported_day.reported_day,
        day_offsets.generated_number > {{ lead_days }} as is_in_history
    from day_offsets
    cross join reported_day

)

select * from final
