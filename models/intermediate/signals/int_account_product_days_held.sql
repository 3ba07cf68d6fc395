{#- What each signal account holds each day of the signal calendar, per product: a paid version
    is active on day d when valid_from <= d < valid_to. Licensed seats come from per-seat
    versions (quantity x included units), the usage commitment from usage versions (included
    units x quantity, a monthly volume). -#}
with

items as (

    select * from {{ ref('int_subscription_items_priced') }}

),

plans as (

    select * from {{ ref('int_plans_validated') }}
    where rejection_code is null

),

accounts as (

    select * from {{ ref('int_signal_accounts_selected') }}

),

days as (

    select * from {{ ref('int_signal_days_spined') }}

),

account_items as (

    select
        items.account_id,
        items.product_id,
        items.pricing_model,
        items.quantity,
        items.included_units,
        items.valid_from,
        items.valid_to,
        plans.tier_rank
    from items
    inner join accounts
        on items.account_id = accounts.account_id
    inner join plans
        on items.plan_id = plans.plan_id

),

final as (

    select
        account_items.account_id,
        account_items.product_id,
        days.day_number,
        days.activity_date,
        sum(
            case
                when account_items.pricing_model = 'per_seat'
                    then account_items.quantity * coalesce(account_items.included_units, 1)
                else 0
            end
        ) as licensed_seats,
        sum(
            case
                when account_items.pricing_model = 'usage'
                    then coalesce(account_items.included_units, 0) * account_items.quantity
                else 0
            end
        ) as usage_commitment,
        max(account_items.tier_rank) as highest_tier_rank_held
    from account_items
    inner join days
        on
            account_items.valid_from <= days.activity_date
            -- one inequality per bound (an open end reads as the far future), so the engine
            -- can run a range join instead of comparing every version with every day
            and coalesce(account_items.valid_to, cast('9999-12-31' as date)) > days.activity_date
    group by
        account_items.account_id,
        account_items.product_id,
        days.day_number,
        days.activity_date

)

select * from final
