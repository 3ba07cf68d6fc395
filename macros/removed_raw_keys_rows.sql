{#
    removed_raw_keys_rows(removed_keys, key_columns, columns)

    A select of one row per key gone from the export (the CTE removed_keys of macro
    changed_raw_rows_ctes), shaped like a base model's rows: the key, every other column null,
    duplicate_status 'removed'. The `restate_raw_keys` strategy (macro
    get_incremental_restate_raw_keys_sql) deletes the key's classified rows and inserts none
    of these, so the base table never holds one.

    Arguments:
        removed_keys: the CTE of removed keys.
        key_columns: the key columns.
        columns: the base model's columns before row_key, copy_number and duplicate_status,
            in its order.
#}
{% macro removed_raw_keys_rows(removed_keys, key_columns, columns) %}
    select
        {%- for column in columns %}
        {{ removed_keys ~ "." ~ column if column in key_columns else "null" }} as {{ column }},
        {%- endfor %}
        cast(null as {{ dbt.type_string() }}) as row_key,
        cast(null as {{ dbt.type_bigint() }}) as copy_number,
        'removed' as duplicate_status
    from {{ removed_keys }}
{%- endmacro %}
