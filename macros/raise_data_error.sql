{#
    raise_data_error(message)

    A SQL expression that stops the query with `message` when it is evaluated: put it in the
    branch of a CASE that only rows breaking a rule reach. Used where a wrong number would
    otherwise be built silently by a plain `dbt run` (which runs no tests).

    Arguments:
        message: SQL expression yielding the text of the error.
#}
{% macro raise_data_error(message) %}
    {{- return(adapter.dispatch("raise_data_error", "revenue_warehouse")(message)) -}}
{% endmacro %}

{% macro default__raise_data_error(message) %}
    cast({{ message }} as {{ dbt.type_int() }})
{%- endmacro %}

{% macro duckdb__raise_data_error(message) %}
    error({{ message }})
{%- endmacro %}

{% macro spark__raise_data_error(message) %}
    raise_error({{ message }})
{%- endmacro %}
