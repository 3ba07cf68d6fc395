{#
    horizon_month_start(as_of_date)

    The last complete month on or before a date (metrics.md: the reporting horizon): the month
    that holds the day after as_of_date, minus one month.

    Arguments:
        as_of_date: SQL expression yielding a date.
#}
{% macro horizon_month_start(as_of_date) %}
    cast({{ dbt.dateadd('month', -1, month_start(dbt.dateadd('day', 1, as_of_date))) }} as date)
{%- endmacro %}
