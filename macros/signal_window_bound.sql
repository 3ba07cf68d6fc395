{#
    signal_window_bound(column='restate_from_day')

    A scalar subquery: a day of this run's signal window, from the latest row of
    int_signal_windows_tracked. A model using it declares
    `-- depends_on: {{ ref('int_signal_windows_tracked') }}` so that dbt orders it after the
    window even when the ref sits in an is_incremental() branch.

    Arguments:
        column: restate_from_day (the first day rebuilt), calendar_first_day or
            history_first_day (the first day kept).
#}
{% macro signal_window_bound(column='restate_from_day') %}
    {%- set windows = ref("int_signal_windows_tracked") -%}
    (
        select max(latest_window.{{ column }})
        from {{ windows }} as latest_window
        where latest_window.run_sequence = (select max(run_sequence) from {{ windows }})
    )
{%- endmacro %}
