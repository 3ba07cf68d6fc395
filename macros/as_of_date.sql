{#
    as_of_date(updated_at_column)

    The as_of_date the horizon is derived from, as an aggregate expression (one row per
    query either way): the var as_of_date when set, else the latest date of
    `updated_at_column` over the rows selected.

    Arguments:
        updated_at_column: the subscription items' updated_at column.
#}
{% macro as_of_date(updated_at_column) %}
    {%- if var("as_of_date", "") -%}
        max(cast('{{ var("as_of_date") }}' as date))
    {%- else -%}
        max(cast({{ updated_at_column }} as date))
    {%- endif -%}
{%- endmacro %}
