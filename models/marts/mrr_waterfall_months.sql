{#- Monthly waterfall totals, overall and per segment, region and product: one row per month,
    dimension and dimension value. Account counts are accounts (for product: accounts on that
    product) with MRR > 0 at the month's start and end. Incremental (D90): a month's totals
    read that month's rows alone, so a run restates the window's months. -#}
{{ config(**restatement_config('month_start')) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}
    {%- if is_incremental() %}
    where month_start >= {{ restate_from_bound('month_start') }}
    {%- endif %}

),

product_lines as (

    select * from {{ ref('int_product_line_months_pivoted') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

dimension_rows as (
{% for dimension, value_column in [
    ("overall", "'all'"), ("segment", "segment"), ("region", "region"), ("product", "product_id")
] %}
    select
        month_start,
        '{{ dimension }}' as dimension,
        {{ value_column }} as dimension_value,
        opening_mrr,
        {%- for component in waterfall_components() %}
        {{ component }}_mrr,
        {%- endfor %}
        opening_mrr_cc,
        closing_mrr
    from {{ "product_lines" if dimension == "product" else "account_waterfall" }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (

    select
        month_start,
        dimension,
        dimension_value,
        sum(opening_mrr) as opening_mrr,
        {%- for component in waterfall_components() %}
        sum({{ component }}_mrr) as {{ component }}_mrr,
        {%- endfor %}
        sum(closing_mrr) as closing_mrr,
        sum(opening_mrr_cc) as opening_mrr_cc,
        {{ money('sum(closing_mrr) - sum(opening_mrr)') }} as net_change_mrr,
        sum(case when opening_mrr > 0 then 1 else 0 end) as opening_accounts,
        sum(case when closing_mrr > 0 then 1 else 0 end) as closing_accounts
    from dimension_rows
    group by month_start, dimension, dimension_value

)

select * from final
