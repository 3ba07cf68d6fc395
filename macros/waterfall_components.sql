{#
    waterfall_components()

    The movement types of the MRR waterfall between opening and closing, in the order the
    identity reads them: closing = opening + fx_adjustment + new + reactivation + expansion
    + recovery - contraction - churn. Models loop over this list to pivot and sum, so a
    component is named in one place.

    Returns: list of movement_type names.
#}
{% macro waterfall_components() %}
    {{ return(["fx_adjustment", "new", "reactivation", "expansion", "recovery", "contraction", "churn"]) }}
{% endmacro %}
