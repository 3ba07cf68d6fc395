{#
    type_money()

    The one SQL type for money, quantities and rates: a fixed-point decimal wide enough for any
    account's MRR with ten decimal places, so sums and differences are exact and only a division
    (by a billing interval, or a ratio) ever rounds, at the tenth decimal place (macro
    divide_money: exact there, ties to even).
#}
{% macro type_money() %}
    {{- return(adapter.dispatch("type_money", "revenue_warehouse")()) -}}
{% endmacro %}

{% macro default__type_money() %}
    {{- return("decimal(38, 10)") -}}
{% endmacro %}
