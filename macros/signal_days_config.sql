{#
    signal_days_config(kept_from, per_account)

    The model config of a daily signal model restated by the signal window
    (int_signal_windows_tracked): a run rebuilds every row from the window's first day on,
    drops the days the calendar (or the history) no longer covers, and keeps the rest. Given
    to `config(**signal_days_config(...))` so that each engine gets what it supports:
      default  the project's `restate_signal_days` strategy
               (macro get_incremental_restate_signal_days_sql);
      spark    a table rebuilt on every run: its parquet tables support no delete, and an
               overwrite of day partitions would keep the days that left the calendar.
    A first run, or `--full-refresh`, builds the whole table.

    Arguments:
        kept_from: 'calendar' when the model keeps every calendar day (its rows are a function
            of the day alone), 'history' when it keeps the history's days only (the streaks,
            which are capped so that a history day's value does not depend on the calendar).
        per_account: true when the model holds rows only for the signal accounts
            (int_signal_accounts_selected): the rows of an account that left the selection
            are dropped, and an account entering it brings rows for all its days.
#}
{% macro signal_days_config(kept_from, per_account) %}
    {{- return(adapter.dispatch("signal_days_config", "revenue_warehouse")(kept_from, per_account)) -}}
{% endmacro %}

{% macro default__signal_days_config(kept_from, per_account) %}
    {%- if kept_from not in ("calendar", "history") -%}
        {{ exceptions.raise_compiler_error(
            "signal_days_config: kept_from must be 'calendar' or 'history', not " ~ kept_from
        ) }}
    {%- endif -%}
    {{- return({
        "materialized": "incremental",
        "incremental_strategy": "restate_signal_days",
        "signal_days_kept_from": kept_from,
        "signal_days_per_account": per_account,
        "on_schema_change": "fail",
    }) -}}
{% endmacro %}

{% macro spark__signal_days_config(kept_from, per_account) %}
    {{- return({"materialized": "table"}) -}}
{% endmacro %}
