{#
    money(expression)

    Casts an amount to the project's money type (see type_money). Use it wherever a
    multiplication or division widens the scale, so every stored amount has one type.

    Arguments:
        expression: SQL expression yielding a number.
#}
{% macro money(expression) %}
    cast({{ expression }} as {{ type_money() }})
{%- endmacro %}
