{#
    restatement_config(column='month_number')

    The model config of an incremental model that restates a trailing window: a run rebuilds
    every row whose `column` is at or after the window's start (macro restate_from_bound) and
    keeps the rows before it. Given to `config(**restatement_config())` so that each engine
    gets the write strategy it supports:
      default  the project's `restate` strategy (macro get_incremental_restate_sql): delete the
               window, insert its new rows; a month that lost all its rows is emptied too;
      spark    `insert_overwrite` of the `column` partitions the new rows fill (parquet tables
               support no delete).
    A first run, or `--full-refresh`, builds the whole table.

    Arguments:
        column: the period column the window is cut on (month_number or month_start).
#}
{% macro restatement_config(column='month_number') %}
    {{- return(adapter.dispatch("restatement_config", "revenue_warehouse")(column)) -}}
{% endmacro %}

{% macro default__restatement_config(column) %}
    {{- return({
        "materialized": "incremental",
        "incremental_strategy": "restate",
        "restate_column": column,
        "on_schema_change": "fail",
    }) -}}
{% endmacro %}

{% macro spark__restatement_config(column) %}
    {{- return({
        "materialized": "incremental",
        "incremental_strategy": "insert_overwrite",
        "partition_by": [column],
        "restate_column": column,
        "on_schema_change": "fail",
    }) -}}
{% endmacro %}
