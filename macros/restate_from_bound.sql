{#
    restate_from_bound(column='month_number')

    A scalar subquery: the first period this run restates, from the latest row of
    int_restatement_windows_tracked. Incremental models keep the rows before it and rebuild
    the rest; a model using it declares `-- depends_on: {{ ref('int_restatement_windows_tracked') }}`
    so dbt orders it after the window even when the ref sits in an is_incremental() branch.

    Arguments:
        column: month_number or month_start (the monthly models; the daily signal models use
            signal_restate_from_day).
#}
{% macro restate_from_bound(column='month_number') %}
    {%- set windows = ref("int_restatement_windows_tracked") -%}
    {%- set bound = "restate_from_" ~ column -%}
    (
        select max(latest_window.{{ bound }})
        from {{ windows }} as latest_window
        where latest_window.run_sequence = (select max(run_sequence) from {{ windows }})
    )
{%- endmacro %}
