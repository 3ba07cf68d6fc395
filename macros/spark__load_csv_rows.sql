{#
    spark__load_csv_rows(model, agate_table)

    dbt's seed loader on Spark (overrides dbt-spark's variant of dbt's `load_csv_rows`, which
    dbt dispatches to the root project first). dbt-spark binds every value as a quoted text
    through Python's `%` formatting, so an empty CSV field (None) is stored as the text 'None'
    in a string column and a quote inside a value breaks the statement. This variant writes
    each value as a SQL literal: an empty field is null, text is escaped, and every value is
    cast to its column's type (column_types in the seeds' YAML, else dbt's inferred type)
    exactly as dbt-spark does.

    Arguments:
        model: the seed node.
        agate_table: the seed's rows, as dbt read them.
#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set batch_size = get_batch_size() -%}
    {%- set column_override = model["config"].get("column_types", {}) -%}
    {%- set column_types = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- do column_types.append(
            column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(batch_size) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                (
                {%- for value in row -%}
                    {%- if value is none -%}
                        cast(null as {{ column_types[loop.index0] }})
                    {%- else -%}
                        cast('{{ (value | string).replace("\\", "\\\\").replace("'", "\\'") }}' as {{ column_types[loop.index0] }})
                    {%- endif -%}
                    {{- ", " if not loop.last -}}
                {%- endfor -%}
                ){{ "," if not loop.last }}
            {% endfor -%}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first -%}
            {%- do statements.append(sql) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(statements[0]) }}
{% endmacro %}
