{#- MetricFlow's time spine: one row per month of the reporting calendar. Every amount in the
    warehouse is a month-end figure, so a month is the finest grain a metric can have; the spine
    ends with the horizon, like the marts (MRR is never a forecast). -#}
with

months as (

    select * from {{ ref('int_months_spined') }}

),

final as (

    select month_start as date_month
    from months

)

select * from final
