{#
    month_start(date_expression)

    The first day of the month containing a date, as a date on every engine (Postgres and
    some others return a timestamp from date_trunc).

    Arguments:
        date_expression: SQL expression yielding a date or timestamp.
#}
{% macro month_start(date_expression) %}
    cast({{ dbt.date_trunc("month", date_expression) }} as date)
{%- endmacro %}
