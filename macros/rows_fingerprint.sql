{#
    rows_fingerprint(columns)

    An aggregate expression summarising the values of `columns` over the rows of a query,
    independent of row order: two fingerprints differ when any value, row or row count
    differs (up to hash collisions). The restatement window compares a run's fingerprint of a
    small table (accounts, plans, products, FX rates) with the previous run's, and rebuilds
    every period when it changed, since those tables carry no update timestamps.

    Arguments:
        columns: column names or SQL expressions of the rows.
#}
{% macro rows_fingerprint(columns) %}
    {{- return(adapter.dispatch("rows_fingerprint", "revenue_warehouse")(columns)) -}}
{% endmacro %}

{% macro default__rows_fingerprint(columns) %}
    {{ dbt.hash(dbt.listagg(row_values(columns), "'~'", "order by " ~ row_values(columns))) }}
{%- endmacro %}

{% macro duckdb__rows_fingerprint(columns) %}
    cast(count(*) as {{ dbt.type_string() }}) || ':'
    || cast(sum(hash({{ columns | join(", ") }})) as {{ dbt.type_string() }})
{%- endmacro %}

{% macro spark__rows_fingerprint(columns) %}
    cast(count(*) as string) || ':'
    || cast(sum(cast(xxhash64({{ columns | join(", ") }}) as decimal(38, 0))) as string)
{%- endmacro %}
