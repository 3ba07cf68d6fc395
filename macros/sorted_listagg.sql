{#
    sorted_listagg(measure, delimiter_text, distinct=false)

    An aggregate: the group's values of `measure` as one text, in ascending order, joined by
    `delimiter_text`. dbt's own listagg ignores its order-by on Spark (collect_list has no
    order), which would make two equal sets of plans read as different texts.

    Arguments:
        measure: the column (or SQL expression) to aggregate.
        delimiter_text: SQL string literal put between values, e.g. "','".
        distinct: each value once (a set), so a model that also sums the group's rows needs
            no separate distinct pass and join (decision log D99).
#}
{% macro sorted_listagg(measure, delimiter_text, distinct=false) %}
    {{- return(adapter.dispatch("sorted_listagg", "revenue_warehouse")(
        measure, delimiter_text, distinct)) -}}
{% endmacro %}

{% macro default__sorted_listagg(measure, delimiter_text, distinct) %}
    {{- dbt.listagg(("distinct " if distinct else "") ~ measure, delimiter_text, "order by " ~ measure) -}}
{%- endmacro %}

{% macro spark__sorted_listagg(measure, delimiter_text, distinct) %}
    array_join(array_sort({{ "collect_set" if distinct else "collect_list" }}({{ measure }})), {{ delimiter_text }})
{%- endmacro %}

{#- DuckDB sorts each group's list once, about twice as fast as an ordered string_agg -#}
{% macro duckdb__sorted_listagg(measure, delimiter_text, distinct) %}
    array_to_string(list_sort(list({{ "distinct " if distinct else "" }}{{ measure }})), {{ delimiter_text }})
{%- endmacro %}
