{#- What each signal account holds each day of the signal calendar, per product: a paid version
    is active on day d when valid_from <= d < valid_to. Licensed seats come from per-seat
    versions (quantity x included units), the usage commitment from usage versions (included
    units x quantity, a monthly volume). A row is a function of the items and the day alone,
    so an incremental run computes the signal window's days (int_signal_windows_tracked) for
    the accounts it already holds, and every calendar day for an account entering the
    selection. -#}
{{ config(**signal_days_config('calendar', per_account=true)) }}
-- depends_on: {{ ref('int_signal_windows_tracked') }}

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

calendar as (

    select min(activity_date) as first_day
    from days

),

{% if is_incremental() %}

window_start as (

    select {{ signal_restate_from_day(this) }} as first_day

),

-- accounts with rows kept: they compute the window's days only
kept_accounts as (

    select distinct account_id
    from {{ this }}

),

{% endif %}

-- the first day computed per account: the window's for an account with rows kept, the
-- calendar's for one entering the selection (and on a full build)
account_windows as (

    select
        accounts.account_id,
        {%- if is_incremental() %}
        case
            when kept_accounts.account_id is null then calendar.first_day
            else window_start.first_day
        end as first_day
        {%- else %}
        calendar.first_day
        {%- endif %}
    from accounts
    cross join calendar
    {%- if is_incremental() %}
    cross join window_start
    left join kept_accounts
        on accounts.account_id = kept_accounts.account_id
    {%- endif %}

),

account_items as (

    select
        items.account_id,
        items.product_id,
        items.pricing_model,
        items.quantity,
        items.included_units,
        items.valid_to,
        plans.tier_rank,
        -- the first day computed: one lower bound keeps the join a range join
        greatest(items.valid_from, account_windows.first_day) as computed_from
    from items
    inner join account_windows
        on items.account_id = account_windows.account_id
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
            account_items.computed_from <= days.activity_date
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
