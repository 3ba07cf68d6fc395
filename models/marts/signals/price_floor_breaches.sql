{#- Price-floor guard: one row per account, product and month in which the product line
    expanded while a version active at month end is priced per unit (after discount, per
    month) below the account's first per-unit price for that product. Both prices at the
    month's FX rates; gap_mrr is what the line would add at the first price. Restated with
    the movements (int_restatement_windows_tracked): a month's breaches depend on its
    movements and versions, and on the first price, which only a change to the product's
    earliest version moves (and that restates from its month). -#}
{#- on Spark a table: an overwrite of the month partitions would keep a restated month whose
    breaches all went (breaches are sparse) -#}
{{ config(**(
    {'materialized': 'table'} if target.type == 'spark' else restatement_config('month_start')
)) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

items as (

    select * from {{ ref('int_subscription_items_priced') }}

),

item_months as (

    select * from {{ ref('int_subscription_item_months_valued') }}
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

fx_rates as (

    select * from {{ ref('int_fx_rates_completed') }}

),

expanding_lines as (

    select distinct
        account_id,
        product_id,
        month_number,
        month_start
    from movements
    where movement_type = 'expansion'

),

expanding_products as (

    select distinct
        account_id,
        product_id
    from expanding_lines

),

-- only the versions of the product lines that expand: the window's few on an incremental run,
-- so the prices and the ranking below do not go through every version of the export
unit_prices as (

    select
        items.subscription_item_id,
        items.account_id,
        items.product_id,
        items.currency_code,
        items.valid_from,
        {{ divide_money(
            money('items.unit_amount * (100 - items.discount_pct)'),
            '100 * items.billing_interval_months') }} as unit_price_local
    from items
    inner join expanding_products
        on
            items.account_id = expanding_products.account_id
            and items.product_id = expanding_products.product_id

),

first_prices as (

    select
        account_id,
        product_id,
        currency_code,
        unit_price_local
    from (
        select
            *,
            row_number() over (
                partition by account_id, product_id
                order by valid_from asc, subscription_item_id asc
            ) as price_rank
        from unit_prices
    ) as ranked_prices
    where price_rank = 1

),

current_versions as (

    select
        expanding_lines.account_id,
        expanding_lines.product_id,
        expanding_lines.month_start,
        item_months.quantity,
        {{ money('unit_prices.unit_price_local * item_months.fx_rate') }} as unit_price,
        {{ money('first_prices.unit_price_local * first_rates.rate_to_reporting') }}
            as first_unit_price
    from expanding_lines
    inner join item_months
        on
            expanding_lines.account_id = item_months.account_id
            and expanding_lines.product_id = item_months.product_id
            and expanding_lines.month_number = item_months.month_number
    inner join unit_prices
        on item_months.subscription_item_id = unit_prices.subscription_item_id
    inner join first_prices
        on
            expanding_lines.account_id = first_prices.account_id
            and expanding_lines.product_id = first_prices.product_id
    inner join fx_rates as first_rates
        on
            first_prices.currency_code = first_rates.currency_code
            and expanding_lines.month_number = first_rates.month_number

),

final as (

    select
        account_id,
        product_id,
        month_start,
        max(first_unit_price) as first_unit_price,
        min(unit_price) as lowest_unit_price,
        sum(quantity) as quantity_below_floor,
        sum({{ money('(first_unit_price - unit_price) * quantity') }}) as gap_mrr
    from current_versions
    where unit_price < first_unit_price
    group by account_id, product_id, month_start

)

select * from final
