{#
    get_incremental_restate_signal_days_sql(arg_dict)

    dbt's hook for the custom incremental strategy `restate_signal_days` (set by macro
    signal_days_config): deletes the target's rows from the signal window's first day on, the
    days before the first day kept (the calendar's or the history's, config
    signal_days_kept_from) and, for a per-account model (config signal_days_per_account), the
    rows of accounts that left the signal selection or that this run rebuilt whole (an
    account entering the selection); then inserts the rows the model computed and drops the
    window's staging table (macro drop_window_staging_table).

    Arguments:
        arg_dict: dbt's strategy arguments; target_relation, temp_relation and dest_columns
            are used.
#}
{% macro get_incremental_restate_signal_days_sql(arg_dict) %}
    {%- set kept_from = config.get("signal_days_kept_from") -%}
    {%- if kept_from not in ("calendar", "history") -%}
        {{ exceptions.raise_compiler_error(
            "incremental_strategy 'restate_signal_days' needs the config signal_days_kept_from: "
            ~ "set it with config(**signal_days_config(...))"
        ) }}
    {%- endif -%}
    {%- set target = arg_dict["target_relation"] -%}
    {%- set temp = arg_dict["temp_relation"] -%}
    {%- set restate_from = signal_restate_from_day(target) -%}
    {%- set columns = get_quoted_csv(arg_dict["dest_columns"] | map(attribute="name")) -%}
    delete from {{ target }}
    where
        activity_date >= {{ restate_from }}
        or activity_date < {{ signal_window_bound(kept_from ~ "_first_day") }}
        {%- if config.get("signal_days_per_account") %}
        or account_id not in (select account_id from {{ ref("int_signal_accounts_selected") }})
        or account_id in (
            select rebuilt.account_id
            from {{ temp }} as rebuilt
            where rebuilt.activity_date < {{ restate_from }}
        )
        {%- endif %};

    insert into {{ target }} ({{ columns }})
    select {{ columns }}
    from {{ temp }};

    {{ drop_window_staging_table(temp) }}
{% endmacro %}
