{#
    overall_and_segment_rows(relation)

    Every row of `relation` twice: once in the scope of the whole company (dimension 'overall',
    dimension_value 'all') and once in its segment (dimension 'segment'), so one group by
    month, dimension and dimension_value gives the overall and the per-segment figures of the
    retention and growth-ratio marts.

    Arguments:
        relation: a CTE with a `segment` column.
#}
{% macro overall_and_segment_rows(relation) %}
    select
        'overall' as dimension,
        'all' as dimension_value,
        {{ relation }}.*
    from {{ relation }}
    union all
    select
        'segment' as dimension,
        segment as dimension_value,
        {{ relation }}.*
    from {{ relation }}
{%- endmacro %}
