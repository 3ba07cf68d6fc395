{#
    to_text(expression, whole=false)

    An expression as text, for messages, evidence strings and the row traces of the
    quarantine; with whole=true rounded to a whole number first (a percentage, a seat count).
    A decimal reads in plain notation on every engine ('0.0000000000', never '0E-10').

    Arguments:
        expression: SQL expression.
        whole: round to an integer before casting.
#}
{% macro to_text(expression, whole=false) %}
    {{- return(adapter.dispatch("to_text", "revenue_warehouse")(expression, whole)) -}}
{% endmacro %}

{% macro default__to_text(expression, whole=false) %}
    {%- if whole -%}
        cast(cast(round({{ expression }}, 0) as {{ dbt.type_int() }}) as {{ dbt.type_string() }})
    {%- else -%}
        cast({{ expression }} as {{ dbt.type_string() }})
    {%- endif -%}
{%- endmacro %}

{#- dbt-spark runs Spark with ANSI mode off, where a decimal(38, 10) value below 1 in size
    read from a table casts to text in scientific notation when it is below 1e-6 ('0E-10'
    for zero). Every decimal of the warehouse is the money type (type_money): such a value is
    written by format_number with its ten decimals instead (exact for a decimal; no thousands
    separators below 1). typeof() is a constant per column, so Spark keeps one branch; the
    detour through text keeps the decimal branch valid SQL for columns of any type. -#}
{% macro spark__to_text(expression, whole=false) %}
    {%- if whole -%}
        {{ default__to_text(expression, whole=true) }}
    {%- else -%}
        {%- set as_money = "try_cast(cast(" ~ expression ~ " as string) as " ~ type_money() ~ ")" -%}
        case
            when typeof({{ expression }}) = '{{ type_money() | replace(" ", "") }}' and abs({{ as_money }}) < 1
                then format_number({{ as_money }}, 10)
            else cast({{ expression }} as string)
        end
    {%- endif -%}
{%- endmacro %}
