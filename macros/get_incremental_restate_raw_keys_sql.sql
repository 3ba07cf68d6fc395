{#
    get_incremental_restate_raw_keys_sql(arg_dict)

    dbt's hook for the custom incremental strategy `restate_raw_keys` (set by macro
    raw_rows_config): deletes the target's rows of every key the model classified again (its
    `unique_key` config, compared null-safe, so the rows of a null key part are replaced
    together), then inserts the model's rows but those marked duplicate_status 'removed',
    which stand for keys gone from the export (macro changed_raw_rows_ctes), and drops the
    window's staging table (macro drop_window_staging_table). A built-in merge or
    delete+insert would keep the rows of a key that left the export, and would match no row
    of a null key.

    Arguments:
        arg_dict: dbt's strategy arguments; target_relation, temp_relation, unique_key and
            dest_columns are used.
#}
{% macro get_incremental_restate_raw_keys_sql(arg_dict) %}
    {%- set key_columns = arg_dict["unique_key"] -%}
    {%- if not key_columns -%}
        {{ exceptions.raise_compiler_error(
            "incremental_strategy 'restate_raw_keys' needs the config unique_key: "
            ~ "set it with config(**raw_rows_config([...]))"
        ) }}
    {%- endif -%}
    {%- set key_columns = [key_columns] if key_columns is string else key_columns -%}
    {%- set target = arg_dict["target_relation"] -%}
    {%- set temp = arg_dict["temp_relation"] -%}
    {%- set columns = get_quoted_csv(arg_dict["dest_columns"] | map(attribute="name")) -%}
    delete from {{ target }}
    where exists (
        select 1
        from {{ temp }} as reclassified
        where
            {%- for key in key_columns %}
            reclassified.{{ key }} is not distinct from {{ target }}.{{ key }}
            {{- " and" if not loop.last }}
            {%- endfor %}
    );

    insert into {{ target }} ({{ columns }})
    select {{ columns }}
    from {{ temp }}
    where duplicate_status <> 'removed';

    {{ drop_window_staging_table(temp) }}
{% endmacro %}
