{#
    get_incremental_restate_sql(arg_dict)

    dbt's hook for the custom incremental strategy `restate` (set by macro restatement_config):
    deletes the target's rows from the restatement window's first period on, then inserts the
    rows the model computed for the window. Rows of a period that no longer has any (a late
    change removed them) are deleted too, which a key-based merge would leave behind.

    Then it drops the window's staging table. dbt-duckdb writes a Python model's window into a
    real table of the target database (a Python model cannot create a temporary one) and drops
    it only on MotherDuck, so without this every incremental run of int_account_months_peaked
    left a table of its window behind, under a new timestamped name each run (decision log
    D88). A SQL model's window is a temporary table: dropping it frees its memory before the
    run's later models instead of at the end of the run.

    Arguments:
        arg_dict: dbt's strategy arguments; target_relation, temp_relation and dest_columns
            are used, and the model's `restate_column` config names the period column.
#}
{% macro get_incremental_restate_sql(arg_dict) %}
    {%- set restate_column = config.get("restate_column") -%}
    {%- if not restate_column -%}
        {{ exceptions.raise_compiler_error(
            "incremental_strategy 'restate' needs the config restate_column: "
            ~ "set it with config(**restatement_config('<column>'))"
        ) }}
    {%- endif -%}
    {%- set columns = get_quoted_csv(arg_dict["dest_columns"] | map(attribute="name")) -%}
    delete from {{ arg_dict["target_relation"] }}
    where {{ restate_column }} >= {{ restate_from_bound(restate_column) }};

    insert into {{ arg_dict["target_relation"] }} ({{ columns }})
    select {{ columns }}
    from {{ arg_dict["temp_relation"] }};

    drop table if exists {{ arg_dict["temp_relation"] }}
{% endmacro %}
