{#- Every staged subscription item version with the reason it is quarantined, null when accepted:
    the one model that decides which versions the MRR is built from. Rules, the first that
    applies: a required value missing; an unknown (or quarantined) account or plan; valid_to
    before valid_from; negative quantity or price; a discount outside 0-100; a currency that is
    neither the reporting currency nor in fx_rates; a date in the far future or an updated_at
    after the build; then, among the versions that pass all of these, a foreign-currency
    version active at a month end of the horizon with no rate for that month; last, a paid
    version overlapping an earlier-starting paid version of the same line (subscription x plan),
    of which the earlier is kept. Zero prices, 100% discounts, zero-length versions and a
    far-future valid_to (an open end) are valid. -#}
{%- set reporting_currency = var("reporting_currency", "USD") | upper -%}
{%- set text = dbt.type_string() -%}

with

subscription_items as (

    select
        subscription_item_id,
        subscription_id,
        account_id,
        plan_id,
        quantity,
        unit_amount,
        discount_pct,
        currency_code,
        valid_from,
        -- a far-future end (9999-12-31 is a common "never") is an open end, as null is
        case when valid_to > {{ far_future_cutoff() }} then null else valid_to end as valid_to,
        is_trial,
        updated_at,
        row_key
    from {{ ref('stg_billing__subscription_items') }}

),

accounts as (

    select * from {{ ref('int_accounts_validated') }}
    where rejection_code is null

),

plans as (

    select * from {{ ref('int_plans_validated') }}
    where rejection_code is null

),

fx_rates as (

    select * from {{ ref('int_fx_rates_validated') }}
    where rejection_code is null

),

fx_currencies as (

    select distinct currency_code
    from fx_rates

),

row_checks as (

    select
        subscription_items.*,
        plans.product_id,
        case
            when
                subscription_items.account_id is null
                or subscription_items.plan_id is null
                or subscription_items.quantity is null
                or subscription_items.unit_amount is null
                or subscription_items.currency_code is null
                or subscription_items.valid_from is null
                or subscription_items.updated_at is null
                then 'missing_required_value'
            when accounts.account_id is null then 'unknown_account'
            when plans.plan_id is null then 'unknown_plan'
            when subscription_items.valid_to < subscription_items.valid_from then 'invalid_period'
            when subscription_items.quantity < 0 then 'negative_quantity'
            when subscription_items.unit_amount < 0 then 'negative_amount'
            when
                subscription_items.discount_pct < 0 or subscription_items.discount_pct > 100
                then 'invalid_discount'
            when
                subscription_items.currency_code <> '{{ reporting_currency }}'
                and fx_currencies.currency_code is null
                then 'unknown_currency'
            when
                subscription_items.valid_from > {{ far_future_cutoff() }}
                or subscription_items.updated_at > {{ dbt.current_timestamp() }}
                then 'far_future_date'
        end as row_rejection_code
    from subscription_items
    left join accounts
        on subscription_items.account_id = accounts.account_id
    left join plans
        on subscription_items.plan_id = plans.plan_id
    left join fx_currencies
        on subscription_items.currency_code = fx_currencies.currency_code

),

clean_rows as (

    select * from row_checks
    where row_rejection_code is null

),

-- the same horizon as int_months_spined: the latest updated_at of any row not itself dated
-- after the build
horizon as (

    select
        {{ horizon_month_start(as_of_date(
            "case when coalesce(row_rejection_code, '') <> 'far_future_date' then updated_at end"
        )) }} as horizon_month_start
    from row_checks

),

-- the month ends a foreign-currency version needs a rate for: those it is active at and the
-- one after (where last month's MRR is re-valued), up to the horizon
fx_needs as (

    select
        clean_rows.subscription_item_id,
        clean_rows.currency_code,
        {{ month_start('clean_rows.valid_from') }} as first_needed_month,
        case
            when
                clean_rows.valid_to is null
                or {{ month_start('clean_rows.valid_to') }} > horizon.horizon_month_start
                then horizon.horizon_month_start
            else {{ month_start('clean_rows.valid_to') }}
        end as last_needed_month
    from clean_rows
    cross join horizon
    where
        clean_rows.currency_code <> '{{ reporting_currency }}'
        and not clean_rows.is_trial
        and {{ month_start('clean_rows.valid_from') }} <= horizon.horizon_month_start
        -- a version that starts and ends inside one month is never active at a month end
        and (
            clean_rows.valid_to is null
            or {{ month_start('clean_rows.valid_to') }} > {{ month_start('clean_rows.valid_from') }}
        )

),

fx_coverage as (

    select
        fx_needs.subscription_item_id,
        fx_needs.currency_code,
        fx_needs.first_needed_month,
        fx_needs.last_needed_month,
        1 + {{ dbt.datediff(
            'fx_needs.first_needed_month', 'fx_needs.last_needed_month', 'month'
        ) }} as needed_months,
        count(fx_rates.rate_month) as covered_months
    from fx_needs
    left join fx_rates
        on
            fx_needs.currency_code = fx_rates.currency_code
            and fx_needs.first_needed_month <= fx_rates.rate_month
            and fx_needs.last_needed_month >= fx_rates.rate_month
    group by
        fx_needs.subscription_item_id,
        fx_needs.currency_code,
        fx_needs.first_needed_month,
        fx_needs.last_needed_month

),

fx_gaps as (

    select * from fx_coverage
    where covered_months < needed_months

),

lines as (

    select clean_rows.*
    from clean_rows
    left join fx_gaps
        on clean_rows.subscription_item_id = fx_gaps.subscription_item_id
    where
        fx_gaps.subscription_item_id is null
        -- a trial may run beside the paid version that follows it: only paid versions overlap
        and not clean_rows.is_trial
        -- a zero-length version (valid_to = valid_from) is never active: it overlaps nothing
        and (clean_rows.valid_to is null or clean_rows.valid_to > clean_rows.valid_from)

),

-- a version that starts while an earlier-starting version of the same line (subscription x
-- plan) is still open: the same plan twice at once in one subscription counts it twice. Two
-- plans of one product side by side (a platform fee and seats) are two lines, not an overlap
overlapping_versions as (

    select
        later_versions.subscription_item_id,
        min(earlier_versions.subscription_item_id) as overlapped_item_id
    from lines as later_versions
    inner join lines as earlier_versions
        on
            later_versions.subscription_id = earlier_versions.subscription_id
            and later_versions.plan_id = earlier_versions.plan_id
            and later_versions.subscription_item_id <> earlier_versions.subscription_item_id
            and (
                later_versions.valid_from > earlier_versions.valid_from
                or (
                    later_versions.valid_from = earlier_versions.valid_from
                    and later_versions.subscription_item_id > earlier_versions.subscription_item_id
                )
            )
            and (
                earlier_versions.valid_to is null
                or later_versions.valid_from < earlier_versions.valid_to
            )
    group by later_versions.subscription_item_id

),

coded as (

    select
        row_checks.*,
        coalesce(
            row_checks.row_rejection_code,
            case
                when fx_gaps.subscription_item_id is not null then 'missing_fx_rate'
                when overlapping_versions.subscription_item_id is not null then 'overlapping_version'
            end
        ) as rejection_code,
        fx_gaps.first_needed_month,
        fx_gaps.last_needed_month,
        fx_gaps.needed_months,
        fx_gaps.covered_months,
        overlapping_versions.overlapped_item_id
    from row_checks
    left join fx_gaps
        on row_checks.subscription_item_id = fx_gaps.subscription_item_id
    left join overlapping_versions
        on row_checks.subscription_item_id = overlapping_versions.subscription_item_id

),

final as (

    select
        subscription_item_id,
        subscription_id,
        account_id,
        plan_id,
        quantity,
        unit_amount,
        discount_pct,
        currency_code,
        valid_from,
        valid_to,
        is_trial,
        updated_at,
        row_key,
        rejection_code,
        case rejection_code
            when 'missing_required_value'
                then
                    'account_id, plan_id, quantity, unit_amount, currency, valid_from and '
                    || 'updated_at are required'
            when 'unknown_account'
                then 'account ' || account_id || ' is not an accepted account'
            when 'unknown_plan' then 'plan ' || plan_id || ' is not an accepted plan'
            when 'invalid_period'
                then
                    'valid_to ' || cast(valid_to as {{ text }}) || ' is before valid_from '
                    || cast(valid_from as {{ text }})
            when 'negative_quantity'
                then 'quantity ' || {{ to_text('quantity') }} || ' is negative'
            when 'negative_amount'
                then 'unit_amount ' || {{ to_text('unit_amount') }} || ' is negative'
            when 'invalid_discount'
                then 'discount_pct ' || {{ to_text('discount_pct') }} || ' is outside 0-100'
            when 'unknown_currency'
                then
                    'currency ' || currency_code || ' is not {{ reporting_currency }} and has no '
                    || 'fx_rates'
            when 'far_future_date'
                then
                    'valid_from ' || cast(valid_from as {{ text }}) || ' or updated_at '
                    || cast(updated_at as {{ text }}) || ' is in the far future'
            when 'missing_fx_rate'
                then
                    'fx_rates has ' || cast(covered_months as {{ text }}) || ' of the '
                    || cast(needed_months as {{ text }}) || ' monthly ' || currency_code
                    || ' rates from ' || cast(first_needed_month as {{ text }}) || ' to '
                    || cast(last_needed_month as {{ text }}) || ' this version needs'
            when 'overlapping_version'
                then
                    'overlaps ' || overlapped_item_id || ', an earlier version of the same '
                    || 'subscription line'
        end as rejection_reason
    from coded

)

select * from final
