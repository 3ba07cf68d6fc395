{#- The waterfall of each product line (account x product) and month: opening, the final
    movements pivoted into one column per component, closing. Every mart's waterfall is a sum
    of these rows, so the identity that holds here holds at every level. -#}
{{ config(**restatement_config()) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

product_months as (

    select * from {{ ref('int_account_product_months_densified') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

movements as (

    select * from {{ ref('int_mrr_movements_allocated') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

movement_totals as (

    select
        account_id,
        product_id,
        {%- for component in waterfall_components() %}
        sum(case when movement_type = '{{ component }}' then amount else 0 end)
            as {{ component }}_mrr,
        {%- endfor %}
        month_number
    from movements
    group by account_id, product_id, month_number

),

final as (

    select
        product_months.account_id,
        product_months.product_id,
        product_months.month_number,
        product_months.month_start,
        product_months.opening_mrr,
        {%- for component in waterfall_components() %}
        {{ money('coalesce(movement_totals.' ~ component ~ '_mrr, 0)') }} as {{ component }}_mrr,
        {%- endfor %}
        product_months.opening_mrr_cc,
        product_months.mrr as closing_mrr
    from product_months
    left join movement_totals
        on
            product_months.account_id = movement_totals.account_id
            and product_months.product_id = movement_totals.product_id
            and product_months.month_number = movement_totals.month_number

)

select * from final
