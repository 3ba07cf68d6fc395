{#
    restatement_config(column='month_number', months_before=0)

    The model config of an incremental model that restates a trailing window: a run rebuilds
    every row whose `column` is at or after the window's start (macro restate_from_bound),
    less `months_before`, and keeps the rows before it. Given to
    `config(**restatement_config())` so that each engine
    gets the write strategy it supports:
      default  the project's `restate` strategy (macro get_incremental_restate_sql): delete the
               window, insert its new rows; a month that lost all its rows is emptied too;
      spark    `insert_overwrite` of the `column` partitions the new rows fill (parquet tables
               support no delete).
    A first run, or `--full-refresh`, builds the whole table.

    Arguments:
        column: the period column the window is cut on (month_number or month_start).
        months_before: months before the window's start the model rebuilds too (month_number
            only): a model whose month rows depend on the month after them (the re-valuation
            at next month's rate of int_subscription_item_months_valued) rewrites the month
            before the window, which the window's first month completes. The model's own
            filter must read from the same month.
#}
{% macro restatement_config(column='month_number', months_before=0) %}
    {%- if months_before and column != 'month_number' -%}
        {{ exceptions.raise_compiler_error(
            "restatement_config: months_before needs the column month_number, not " ~ column) }}
    {%- endif -%}
    {{- return(adapter.dispatch("restatement_config", "revenue_warehouse")(column, months_before)) -}}
{% endmacro %}

{% macro default__restatement_config(column, months_before) %}
    {{- return({
        "materialized": "incremental",
        "incremental_strategy": "restate",
        "restate_column": column,
        "restate_months_before": months_before,
        "on_schema_change": "fail",
    }) -}}
{% endmacro %}

{% macro spark__restatement_config(column, months_before) %}
    {#- insert_overwrite replaces the partitions the model's rows fill, the month before the
        window's start included when the model computes it -#}
    {{- return({
        "materialized": "incremental",
        "incremental_strategy": "insert_overwrite",
        "partition_by": [column],
        "restate_column": column,
        "restate_months_before": months_before,
        "on_schema_change": "fail",
    }) -}}
{% endmacro %}
