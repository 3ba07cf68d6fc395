{#
    sorted_listagg(measure, delimiter_text)

    An aggregate: the group's values of `measure` as one text, in ascending order, joined by
    `delimiter_text`. dbt's own listagg ignores its order-by on Spark (collect_list has no
    order), which would make two equal sets of plans read as different texts.

    Arguments:
        measure: the column (or SQL expression) to aggregate.
        delimiter_text: SQL string literal put between values, e.g. "','".
#}
{% macro sorted_listagg(measure, delimiter_text) %}
    {{- return(adapter.dispatch("sorted_listagg", "revenue_warehouse")(measure, delimiter_text)) -}}
{% endmacro %}

{% macro default__sorted_listagg(measure, delimiter_text) %}
    {{- dbt.listagg(measure, delimiter_text, "order by " ~ measure) -}}
{%- endmacro %}

{% macro spark__sorted_listagg(measure, delimiter_text) %}
    array_join(array_sort(collect_list({{ measure }})), {{ delimiter_text }})
{%- endmacro %}

{#- DuckDB sorts each group's list once, about twice as fast as an ordered string_agg -#}
{% macro duckdb__sorted_listagg(measure, delimiter_text) %}
    array_to_string(list_sort(list({{ measure }})), {{ delimiter_text }})
{%- endmacro %}
