{#
    divide_money(numerator, denominator)

    numerator / denominator in the money type (type_money), exact to the tenth decimal place,
    the one rounding type_money allows, with an exact tie (a quotient with exactly eleven
    decimals, the last a 5) rounded to the even tenth decimal (decision log D104). Ties are
    common here (a two-month period halves an amount whose tenth decimal is odd), and rounding
    them all away from zero would bias sums of many shares. The numerator is taken at ten
    decimal places. A zero denominator is an error: a ratio whose denominator can be zero uses
    safe_divide, which is null there.

      duckdb   DuckDB's `/` on decimals returns a DOUBLE (about 16 significant digits), which
               gets the tenth decimal wrong from about a million up (5,000 seats x 2,400.01 a
               year at 12.5% off is 875,003.6458333333 a month, not ...334). Its
               decimal_division(x, y, scale) divides in exact integer arithmetic and rounds half
               to even. Its result must fit 38 digits, so the numerator is cast to
               decimal(28, 10): from 1e18 up the cast fails the query rather than a value being
               rounded.
      spark    decimal division (decimal arithmetic with precision loss turned off,
               profiles.yml; the quotient keeps a bounded number of decimals, so a quotient
               within that bound of a tie can round twice), then bround, Spark's half-to-even
               rounding, at ten decimals;
      default  the engine's decimal division cast to the money type, which rounds ties away
               from zero on most engines.

    Arguments:
        numerator: SQL expression, a number below 1e18 in absolute value.
        denominator: SQL expression, a nonzero number with at most ten decimal places.
#}
{% macro divide_money(numerator, denominator) %}
    {{- return(adapter.dispatch("divide_money", "revenue_warehouse")(numerator, denominator)) -}}
{% endmacro %}

{% macro default__divide_money(numerator, denominator) %}
    {{- money(money(numerator) ~ " / (" ~ denominator ~ ")") -}}
{% endmacro %}

{% macro spark__divide_money(numerator, denominator) %}
    {{- money("bround(" ~ money(numerator) ~ " / (" ~ denominator ~ "), 10)") -}}
{% endmacro %}

{% macro duckdb__divide_money(numerator, denominator) %}
    decimal_division(
        cast({{ numerator }} as decimal(28, 10)), {{ money(denominator) }}, 10
    )
{%- endmacro %}
