{#
    create_window_completion_table(relation)

    `create table if not exists` for the finished-window record (macro
    window_completion_relation), in the engine's syntax: Spark names its table format.

    Arguments:
        relation: the relation to create.
#}
{% macro create_window_completion_table(relation) %}
    {{- return(adapter.dispatch("create_window_completion_table", "revenue_warehouse")(relation)) -}}
{% endmacro %}

{% macro default__create_window_completion_table(relation) %}
    create table if not exists {{ relation }} (
        window_model {{ dbt.type_string() }},
        invocation_id {{ dbt.type_string() }},
        finished_at {{ dbt.type_timestamp() }}
    )
{%- endmacro %}

{% macro spark__create_window_completion_table(relation) %}
    create table if not exists {{ relation }} (
        window_model string,
        invocation_id string,
        finished_at timestamp
    )
    using {{ 'parquet' if target.name == 'spark' else 'delta' }}
{%- endmacro %}
