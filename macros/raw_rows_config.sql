{#
    raw_rows_config(key_columns)

    The model config of a keyed base model (base_billing__<table>) that classifies only the
    raw rows whose key changed since the previous build (decision log D95). Given to
    `config(**raw_rows_config([...]))` so that each engine gets what it supports:
      default  incremental with the project's `restate_raw_keys` strategy (macro
               get_incremental_restate_raw_keys_sql): the rows of every changed key are
               deleted and classified again, the other keys' rows are kept;
      spark    a table rebuilt on every run (its parquet tables support no delete).
    A first run, or `--full-refresh`, classifies every raw row.

    Arguments:
        key_columns: the columns identifying a row of the table (its contract key).
#}
{% macro raw_rows_config(key_columns) %}
    {{- return(adapter.dispatch("raw_rows_config", "revenue_warehouse")(key_columns)) -}}
{% endmacro %}

{% macro default__raw_rows_config(key_columns) %}
    {{- return({
        "materialized": "incremental",
        "incremental_strategy": "restate_raw_keys",
        "unique_key": key_columns,
        "on_schema_change": "fail",
    }) -}}
{% endmacro %}

{% macro spark__raw_rows_config(key_columns) %}
    {{- return({"materialized": "table"}) -}}
{% endmacro %}
