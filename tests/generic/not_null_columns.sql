{#
    not_null_columns(columns)

    A model-level test: none of `columns` is null in any row. One scan of the model checks
    every column, where dbt's built-in not_null needs one test, one query and one node per
    column (decision log D98). Each failing row is returned whole, with the first of
    `columns` that is null in it.

    Arguments:
        columns: list of column names that must never be null.
#}
{% test not_null_columns(model, columns) %}

select
    case
        {%- for column in columns %}
        when {{ column }} is null then '{{ column }}'
        {%- endfor %}
    end as null_column,
    *
from {{ model }}
where
    {%- for column in columns %}
    {{ column }} is null{% if not loop.last %} or{% endif %}
    {%- endfor %}

{% endtest %}
