{{ config(**restatement_config('month_start')) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

product_months as (

    select * from {{ ref('int_account_product_months_densified') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

products as (

    select * from {{ ref('int_products_validated') }}
    where rejection_code is null

),

final as (

    select
        product_months.account_id,
        product_months.product_id,
        product_months.month_start,
        products.product_name,
        products.is_add_on,
        product_months.is_held,
        product_months.plan_ids,
        product_months.quantity,
        product_months.recurring_mrr,
        product_months.usage_mrr,
        product_months.mrr,
        {{ money('12 * product_months.mrr') }} as arr
    from product_months
    left join products
        on product_months.product_id = products.product_id

)

select * from final
