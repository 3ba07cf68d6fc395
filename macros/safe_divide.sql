{#
    safe_divide(numerator, denominator)

    A ratio that is null when its denominator is zero or null (metrics.md: any ratio with a zero
    denominator is null), carried in the money type so that ratios keep ten decimal places on
    every engine; the division is divide_money's (exact at the tenth decimal).

    Arguments:
        numerator: SQL expression.
        denominator: SQL expression.
#}
{% macro safe_divide(numerator, denominator) %}
    case
        when {{ denominator }} is null or {{ denominator }} = 0 then null
        else {{ divide_money(numerator, denominator) }}
    end
{%- endmacro %}
