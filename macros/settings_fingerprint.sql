{#
    settings_fingerprint()

    A string literal naming the value of every var that shapes a built month's figures
    without being data: the reporting currency, whether usage overage counts as MRR, the
    expansion basis (peak or prior month) and the rounding tolerance of the seat/price split.
    int_restatement_windows_tracked records it with each build and restates every month when
    it differs from the previous build's: the change detectors compare the raw data, so a
    changed setting is the one input they cannot see, and months kept from a build with
    other settings would silently disagree with the new ones (decision log D94).

    The values are normalised as the models read them (the currency upper-cased, the usage
    flag as macro include_usage_in_mrr reads it), so writing a var differently without
    changing it restates nothing.
#}
{% macro settings_fingerprint() %}
    {%- set settings = [
        "reporting_currency=" ~ (var("reporting_currency", "USD") | upper),
        "include_usage_in_mrr=" ~ (include_usage_in_mrr() | string | lower),
        "expansion_basis=" ~ var("expansion_basis", "peak"),
        "rounding_tolerance=" ~ var("rounding_tolerance"),
    ] -%}
    {{- return("'" ~ (settings | join(";") | replace("'", "''")) ~ "'") -}}
{% endmacro %}
