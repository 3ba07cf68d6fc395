{#
    get_incremental_restate_sql(arg_dict)

    dbt's hook for the custom incremental strategy `restate` (set by macro restatement_config):
    deletes the target's rows from the restatement window's first period on (less the model's
    restate_months_before config, macro restatement_config), then inserts the rows the model
    computed for the window. Rows of a period that no longer has any (a late
    change removed them) are deleted too, which a key-based merge would leave behind.

    Then it drops the window's staging table (macro drop_window_staging_table).

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
    {%- set months_before = config.get("restate_months_before") or 0 -%}
    {%- set columns = get_quoted_csv(arg_dict["dest_columns"] | map(attribute="name")) -%}
    delete from {{ arg_dict["target_relation"] }}
    where {{ restate_column }} >= {{ restate_from_bound(restate_column) }}
    {%- if months_before %} - {{ months_before }}{% endif %};

    insert into {{ arg_dict["target_relation"] }} ({{ columns }})
    select {{ columns }}
    from {{ arg_dict["temp_relation"] }};

    {{ drop_window_staging_table(arg_dict["temp_relation"]) }}
{% endmacro %}
