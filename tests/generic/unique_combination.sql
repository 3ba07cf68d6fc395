{#
    unique_combination(columns)

    A model-level test: no two rows share the same values of `columns` (nulls compare equal,
    as a grain's key should). The project's composite primary keys are tested with it.

    Arguments:
        columns: list of column names forming the key.
#}
{% test unique_combination(model, columns) %}

select
    {{ columns | join(", ") }},
    count(*) as duplicate_rows
from {{ model }}
group by {{ columns | join(", ") }}
having count(*) > 1

{% endtest %}
