{#
    include_usage_in_mrr()

    Whether usage overage counts as MRR: the var include_usage_in_mrr (default true) read as a
    boolean, so that false, 0 and no, in any case, turn it off. One reading for the model that
    values usage (int_subscription_item_months_valued) and the settings a build records
    (macro settings_fingerprint), so that the two cannot disagree on what a value means.
#}
{% macro include_usage_in_mrr() %}
    {{- return(var("include_usage_in_mrr", true) | string | lower not in ["false", "0", "no"]) -}}
{% endmacro %}
