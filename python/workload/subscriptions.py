"""Subscription item versions from a monthly state walk, without recursion.

Every account that pays gets one row per month from its signup month to the horizon. Each
row draws its change events from hashes of (account, month): a churn or a reactivation, a
seat step, a tier step, an add-on switched on or off, an API tier step. Window functions over
the account's months turn events into states (a running sum of seat and tier steps, the last
churn/reactivation event seen), which makes each state an exact Markov walk. Rows whose line
state differs from the previous month's become version starts (or stops), and `lead` over
those gives each version its `valid_to`.

Lines: 1 core seats, 2 Analytics (flat add-on), 3 Automation (per-seat add-on), 4 API usage
commitment. Contraction, downgrades, add-on drops and churn happen only at a renewal (every
month for monthly plans, every 3 or 12 months for longer terms); growth happens any month.
A reactivated account starts a new subscription (its id carries the month it restarted).
Changes take effect on the account's anniversary day; a trial's paid line starts 14 days
after signup.
"""

VERSIONS_TABLE_SQL = """
create or replace table versions as
with grid as (
    select
        acct.*,
        unnest(range(signup_t, $n_months)) as t
    from acct
    where not has_trial or trial_converts
),

events as (
    select
        *,
        t - signup_t as tenure,
        t > signup_t and (t - signup_t) % interval_months = 0 as is_renewal,
        case size_class when 'SMB' then 0.03 when 'Mid-Market' then 0.016 else 0.008 end
        * case when t - signup_t > 12 then 0.7 else 1.0 end
        * case when month(($start_month + to_months(t))::date) in (12, 1) then 1.3 else 1.0 end
            as churn_hazard
    from grid
),

draws as (
    select
        *,
        case
            when
                is_renewal
                and rnd(account_num, t, 'churn') < 1 - pow(1 - churn_hazard, interval_months)
                then 0
            when tenure > 0 and rnd(account_num, t, 'reactivate') < 0.04 then 1
        end as status_event,
        case
            when tenure = 0 or rnd(account_num, t, 'seat_event') >= 0.14 then 0.0
            when rnd(account_num, t, 'seat_dir') < 0.7
                then ln(1.05 + 0.30 * rnd(account_num, t, 'seat_size'))
            when is_renewal then -ln(1.05 + 0.25 * rnd(account_num, t, 'seat_size'))
            else 0.0
        end as seat_step,
        case
            when tenure > 0 and rnd(account_num, t, 'upgrade') < 0.012 then 1
            when is_renewal and rnd(account_num, t, 'downgrade') < 0.006 * interval_months
                then -1
            else 0
        end as tier_step,
        case
            when
                tenure > 0
                and rnd(account_num, t, 'analytics_on')
                < case size_class when 'SMB' then 0.012 else 0.03 end
                then 1
            when is_renewal and rnd(account_num, t, 'analytics_off') < 0.02 * interval_months
                then 0
        end as analytics_event,
        case
            when
                tenure > 0
                and rnd(account_num, t, 'automation_on')
                < case size_class when 'SMB' then 0.01 else 0.025 end
                then 1
            when is_renewal and rnd(account_num, t, 'automation_off') < 0.02 * interval_months
                then 0
        end as automation_event,
        case
            when tenure = 0 and has_api then 1
            when tenure > 0 and rnd(account_num, t, 'api_on') < 0.006 then 1
            when is_renewal and rnd(account_num, t, 'api_off') < 0.015 * interval_months then 0
        end as api_event,
        case when tenure > 0 and rnd(account_num, t, 'api_up') < 0.03 then 1 else 0 end
            as api_step,
        case
            when tenure < intro_months then intro_pct
            when rnd(account_num, tenure // 6, 'promo') < 0.06
                then [10, 15, 25][
                    1 + floor(3 * rnd(account_num, tenure // 6, 'promo_pct'))::integer
                ]
        end as discount_pct
    from events
),

walked as (
    select
        *,
        coalesce(last_value(status_event ignore nulls) over account_months, 1) = 1 as active,
        sum(seat_step) over account_months as log_seats,
        sum(tier_step) over account_months as tier_steps,
        coalesce(last_value(analytics_event ignore nulls) over account_months, 0) = 1
            as analytics_on,
        coalesce(last_value(automation_event ignore nulls) over account_months, 0) = 1
            as automation_on,
        coalesce(last_value(api_event ignore nulls) over account_months, 0) = 1 as api_on,
        sum(api_step) over account_months as api_steps
    from draws
    window account_months as (
        partition by account_num order by t rows between unbounded preceding and current row
    )
),

line_states as (
    select
        account_num,
        t,
        signup_t,
        anchor_day,
        signup_date,
        has_trial,
        max(case when not active then t end) over account_months as last_inactive_t,
        least(5000, greatest(1, round(base_seats * exp(log_seats)))) as seats,
        least(4, greatest(1, base_tier + tier_steps)) as tier,
        least(3, greatest(1, base_api_tier + api_steps)) as api_tier,
        discount_pct,
        automation_share,
        active,
        active and analytics_on as analytics_active,
        active and automation_on as automation_active,
        active and api_on as api_active
    from walked
    window account_months as (
        partition by account_num order by t rows between unbounded preceding and current row
    )
),

line_rows as (
    select
        *,
        [
            {'line': 1,
             'family': 'core_' || ['starter', 'team', 'business', 'enterprise'][tier::integer],
             'quantity': seats, 'discount_pct': discount_pct, 'is_on': active},
            {'line': 2, 'family': 'analytics', 'quantity': 1.0, 'discount_pct': null,
             'is_on': analytics_active},
            {'line': 3, 'family': 'automation',
             'quantity': greatest(1.0, ceil(seats * automation_share)),
             'discount_pct': null, 'is_on': automation_active},
            {'line': 4, 'family': 'api_' || ['starter', 'growth', 'scale'][api_tier::integer],
             'quantity': 1.0, 'discount_pct': null, 'is_on': api_active}
        ] as lines
    from line_states
),

line_months as (
    select
        account_num,
        t,
        signup_t,
        anchor_day,
        signup_date,
        has_trial,
        last_inactive_t,
        unnest(lines, recursive := true)
    from line_rows
),

line_changes as (
    select
        *,
        case when is_on then family || '|' || quantity || '|' || coalesce(discount_pct, 0) end
            as state,
        lag(case when is_on then family || '|' || quantity || '|' || coalesce(discount_pct, 0) end)
            over (partition by account_num, line order by t) as previous_state
    from line_months
),

boundaries as (
    select
        *,
        case
            when t = signup_t and has_trial then signup_date + 14
            else ($start_month + to_months(t))::date + (anchor_day - 1)
        end as boundary
    from line_changes
    where state is distinct from previous_state
),

versions as (
    select
        *,
        lead(boundary) over (partition by account_num, line order by t) as next_boundary
    from boundaries
)

select
    versions.account_num,
    versions.line,
    versions.t,
    'si_' || lpad(versions.account_num::varchar, 7, '0') || '_' || versions.line || '_'
    || lpad(versions.t::varchar, 3, '0') as subscription_item_id,
    'sub_' || lpad(versions.account_num::varchar, 7, '0') || '_'
    || lpad(coalesce(versions.last_inactive_t + 1, versions.signup_t)::varchar, 3, '0')
        as subscription_id,
    acct.account_id,
    plans.plan_id,
    plans.product_id,
    plans.pricing_model,
    plans.included_units,
    plans.billing_interval_months,
    versions.quantity::decimal(18, 2) as quantity,
    round(plans.list_unit_amount * (1 - acct.negotiated_off), 2)::decimal(18, 2) as unit_amount,
    versions.discount_pct::decimal(5, 2) as discount_pct,
    acct.currency,
    versions.boundary as valid_from,
    versions.next_boundary as valid_to,
    false as is_trial
from versions
inner join acct on versions.account_num = acct.account_num
inner join plans
    on
        plans.family = versions.family
        and plans.interval_months = acct.interval_months
        and plans.currency = acct.currency
where versions.is_on

union all

select
    acct.account_num,
    1 as line,
    -1 as t,
    'si_' || lpad(acct.account_num::varchar, 7, '0') || '_1_trial' as subscription_item_id,
    'sub_' || lpad(acct.account_num::varchar, 7, '0') || '_'
    || lpad(acct.signup_t::varchar, 3, '0') as subscription_id,
    acct.account_id,
    plans.plan_id,
    plans.product_id,
    plans.pricing_model,
    plans.included_units,
    plans.billing_interval_months,
    acct.base_seats::decimal(18, 2) as quantity,
    plans.list_unit_amount as unit_amount,
    null::decimal(5, 2) as discount_pct,
    acct.currency,
    acct.signup_date as valid_from,
    acct.signup_date + 14 as valid_to,
    true as is_trial
from acct
inner join plans
    on
        plans.family = 'core_' || ['starter', 'team', 'business', 'enterprise'][acct.base_tier]
        and plans.interval_months = acct.interval_months
        and plans.currency = acct.currency
where acct.has_trial
"""

SUBSCRIPTION_ITEMS_OUT = """
select
    subscription_item_id::varchar as subscription_item_id,
    subscription_id::varchar as subscription_id,
    account_id::varchar as account_id,
    plan_id::varchar as plan_id,
    quantity::decimal(18, 2) as quantity,
    unit_amount::decimal(18, 2) as unit_amount,
    discount_pct::decimal(5, 2) as discount_pct,
    currency::varchar as currency,
    valid_from::date as valid_from,
    valid_to::date as valid_to,
    is_trial::boolean as is_trial,
    case
        when is_trial
            then valid_from::timestamp
            + to_seconds((8 * 3600 + floor(rnd(account_num, t, 'trial_at') * 36000))::bigint)
        when valid_to is not null
            then valid_to::timestamp
            + to_seconds((7 * 3600 + floor(rnd(account_num, t, 'closed_at') * 36000))::bigint)
        else $last_day::timestamp
            + to_seconds(floor(rnd(account_num, t, 'synced_at') * 86399)::bigint)
    end::timestamp as updated_at
from versions
order by account_num, line, t
"""
