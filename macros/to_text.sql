{#
    to_text(expression, whole=false)

    An expression as text, for messages and evidence strings; with whole=true rounded to a
    whole number first (a percentage, a seat count).

    Arguments:
        expression: SQL expression.
        whole: round to an integer before casting.
#}
{% macro to_text(expression, whole=false) %}
    {%- if whole -%}
        cast(cast(round({{ expression }}, 0) as {{ dbt.type_int() }}) as {{ dbt.type_string() }})
    {%- else -%}
        cast({{ expression }} as {{ dbt.type_string() }})
    {%- endif -%}
{%- endmacro %}
