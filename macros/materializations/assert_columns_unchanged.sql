{#
    assert_columns_unchanged(target_relation, staged_relation)

    A DuckDB statement that fails, naming every difference, when the columns (names and types)
    of the staged rows of an incremental run differ from the model's table: what
    `on_schema_change: fail` asks, checked by the engine in the run's statement batch instead
    of by reading both column lists back into dbt (macro restate_in_place, decision log D106).
    The staged relation is a temporary table (a SQL model) or a table of the connection's
    default schema (a Python model's frame).

    Arguments:
        target_relation: the model's table.
        staged_relation: the staging table of the run.
#}
{% macro assert_columns_unchanged(target_relation, staged_relation) %}
    select error(
        'on_schema_change fail: the columns of {{ target_relation }} differ from its model''s ('
        || string_agg(
            column_name || ' is ' || coalesce(table_type, 'missing') || ' in the table and '
            || coalesce(model_type, 'missing') || ' in the model',
            '; ' order by column_name
        )
        || '). Rebuild it with --full-refresh, or set on_schema_change'
    )
    from (
        select
            coalesce(in_table.column_name, in_model.column_name) as column_name,
            in_table.data_type as table_type,
            in_model.data_type as model_type
        from (
            select column_name, data_type
            from duckdb_columns()
            where
                database_name = '{{ target_relation.database }}'
                and schema_name = '{{ target_relation.schema }}'
                and table_name = '{{ target_relation.identifier }}'
        ) as in_table
        full outer join (
            select column_name, data_type
            from duckdb_columns()
            where
                table_name = '{{ staged_relation.identifier }}'
                and schema_name = 'main'
                and database_name in ('temp', '{{ target_relation.database }}')
        ) as in_model
            on in_table.column_name = in_model.column_name
        where in_table.data_type is distinct from in_model.data_type
    ) as differences
    having count(*) > 0
{% endmacro %}
