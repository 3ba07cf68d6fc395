{#
    far_future_cutoff()

    The date after which a raw date is treated as malformed rather than scheduled: the var
    far_future_years (default 20) after the day the build runs. A version scheduled for next
    year is fine; one starting in 2999 (or 9999-12-31 standing in for "never") is not.
#}
{% macro far_future_cutoff() %}
    cast({{ dbt.dateadd('year', var('far_future_years', 20), 'current_date') }} as date)
{%- endmacro %}
