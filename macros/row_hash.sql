{#
    row_hash(columns)

    A hash of a row's values, equal for two rows exactly when their values match (up to hash
    collisions, which classify_duplicates only risks between rows sharing a key). The default
    hashes the row's text (row_values); DuckDB hashes the values themselves, which saves
    building a text per raw row of the largest tables.

    Arguments:
        columns: column names (or SQL expressions).
#}
{% macro row_hash(columns) %}
    {{- return(adapter.dispatch("row_hash", "revenue_warehouse")(columns)) -}}
{% endmacro %}

{% macro default__row_hash(columns) %}
    {{ dbt.hash(row_values(columns)) }}
{%- endmacro %}

{% macro duckdb__row_hash(columns) %}
    hash({{ columns | join(", ") }})
{%- endmacro %}
