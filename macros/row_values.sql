{#
    row_values(columns, with_names=false)

    The values of `columns` as one text: 'a|b|c', or 'col_a=a; col_b=b' with names. A null
    reads as '(null)', so a rejected row's key stays readable and two rows have the same text
    exactly when their values match.

    Arguments:
        columns: column names (or SQL expressions).
        with_names: prefix each value with its column name.
#}
{% macro row_values(columns, with_names=false) %}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- if with_names -%}
            {%- do parts.append("'" ~ column ~ "='") -%}
        {%- endif -%}
        {%- do parts.append("coalesce(" ~ to_text(column) ~ ", '(null)')") -%}
        {%- if not loop.last -%}
            {%- do parts.append("'; '" if with_names else "'|'") -%}
        {%- endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
