{#- The product-line panel: one row per account, product and month, from the later of the
    account's first MRR month and the product's first held month through the horizon, zero
    months included, so the previous month is always the previous row. Carries what the
    movement rules compare: whether the product is held (an active paid version, even at MRR 0),
    the set of plans held, quantity, and recurring and usage MRR this month and last month
    (last month both at its own rates, opening_mrr, and re-valued at this month's rates,
    the _cc columns). -#}
{{ config(**restatement_config()) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

-- the months recomputed: the restated ones and the month before them, which the first
-- restated month compares with (all months on a full build)
window_item_months as (

    select * from {{ ref('int_subscription_item_months_valued') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }} - 1
    {%- endif %}

),

{%- if is_incremental() %}

-- every month, for where each line starts; read once, so the engine reads only the columns
-- used instead of keeping a copy of the whole table (decision log D96)
item_month_history as (

    select * from {{ ref('int_subscription_item_months_valued') }}

),

{%- endif %}

months as (

    select * from {{ ref('int_months_spined') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }} - 1
    {%- endif %}

),

-- the set of plans and the sums in one pass over the window (decision log D99)
line_months as (

    select
        account_id,
        product_id,
        month_number,
        {{ sorted_listagg('plan_id', "','", distinct=true) }} as plan_ids,
        sum(quantity) as quantity,
        sum(recurring_mrr) as recurring_mrr,
        sum(usage_mrr) as usage_mrr,
        sum(recurring_mrr_at_next_rate) as recurring_mrr_at_next_rate,
        sum(usage_mrr_at_next_rate) as usage_mrr_at_next_rate
    from window_item_months
    group by account_id, product_id, month_number

),

-- where each line and account starts needs the whole history, restated or not. On a full
-- build the window's line months are the whole history. An incremental run reads the history
-- by line, not by line and month: an item's MRR is never negative (negative quantities, prices
-- and rates are quarantined), so a line's month has MRR > 0 exactly when one of its items has
line_starts as (

    select
        account_id,
        product_id,
        min(month_number) as first_held_month_number,
        min(
            case when recurring_mrr + usage_mrr > 0 then month_number end
        ) as first_mrr_month_number
    from {{ 'item_month_history' if is_incremental() else 'line_months' }}
    group by account_id, product_id

),

account_first_mrr_months as (

    select
        account_id,
        min(first_mrr_month_number) as first_mrr_month_number
    from line_starts
    group by account_id
    having min(first_mrr_month_number) is not null

),

account_products as (

    select
        account_id,
        product_id,
        first_held_month_number
    from line_starts

),

panel as (

    select
        account_products.account_id,
        account_products.product_id,
        months.month_number,
        months.month_start
    from account_products
    inner join account_first_mrr_months
        on account_products.account_id = account_first_mrr_months.account_id
    inner join months
        on
            account_products.first_held_month_number <= months.month_number
            and account_first_mrr_months.first_mrr_month_number <= months.month_number

),

filled as (

    select
        panel.account_id,
        panel.product_id,
        panel.month_number,
        panel.month_start,
        line_months.account_id is not null as is_held,
        line_months.plan_ids,
        coalesce(line_months.quantity, 0) as quantity,
        coalesce(line_months.recurring_mrr, 0) as recurring_mrr,
        coalesce(line_months.usage_mrr, 0) as usage_mrr,
        coalesce(line_months.recurring_mrr_at_next_rate, 0) as recurring_mrr_at_next_rate,
        coalesce(line_months.usage_mrr_at_next_rate, 0) as usage_mrr_at_next_rate
    from panel
    left join line_months
        on
            panel.account_id = line_months.account_id
            and panel.product_id = line_months.product_id
            and panel.month_number = line_months.month_number

),

-- the panel holds every month of an account-product from its first, so the month before a
-- row is a row of it too: a join finds it, cheaper than five lag windows that sort the panel
with_previous as (

    select
        filled.*,
        previous_month.is_held as previous_is_held,
        previous_month.plan_ids as previous_plan_ids,
        previous_month.recurring_mrr + previous_month.usage_mrr as previous_mrr,
        previous_month.recurring_mrr_at_next_rate as previous_recurring_mrr_cc,
        previous_month.usage_mrr_at_next_rate as previous_usage_mrr_cc
    from filled
    left join filled as previous_month
        on
            filled.account_id = previous_month.account_id
            and filled.product_id = previous_month.product_id
            and filled.month_number = previous_month.month_number + 1

),

final as (

    select
        account_id,
        product_id,
        month_number,
        month_start,
        is_held,
        coalesce(previous_is_held, false) as was_held,
        plan_ids,
        previous_plan_ids,
        quantity,
        recurring_mrr,
        usage_mrr,
        {{ money('recurring_mrr + usage_mrr') }} as mrr,
        coalesce(previous_mrr, 0) as opening_mrr,
        coalesce(previous_recurring_mrr_cc, 0) as previous_recurring_mrr_cc,
        coalesce(previous_usage_mrr_cc, 0) as previous_usage_mrr_cc,
        {{ money('coalesce(previous_recurring_mrr_cc, 0) + coalesce(previous_usage_mrr_cc, 0)') }}
            as opening_mrr_cc
    from with_previous
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

)

select * from final
