{#- One row per build: which months this run restates. The incremental month-grain models
    rebuild every month from restate_from_month_number on and keep the earlier ones, so a
    daily or monthly run touches a few months instead of the whole history. The window starts
    at the earliest of:
      - the months after the previous build's horizon (the new months), and before them the
        last restatement_lookback_months months of that horizon: 0 by default, since the
        detectors below see every late change to the data (decision log D94); a team may
        keep a margin;
      - the first month a subscription item changed since the previous build moves, however
        old (int_subscription_item_versions_logged compares contents): a late-arriving
        change is restated;
      - the first month whose usage or invoice lines differ from what the previous build saw
        (int_activity_months_fingerprinted): late usage or a late invoice line is restated;
      - month 0 (everything) on a first build, when the calendar's first month moved, when
        accounts, products, plans or FX rates differ from the previous build (they carry no
        update timestamps, so they are compared by fingerprint; accounts created after the
        previous build's last day are new, not changed, decision log D86), or when a setting
        that shapes the figures changed (macro settings_fingerprint, D94).
    "The previous build" is the latest finished one (macro previous_window_ctes): a run that
    stopped before every model reading the window was rebuilt did not finish, and the changes
    it found are found again by the next run (decision log D85).
    --full-refresh rebuilds this table too: its one row then restates everything. -#}
{{ config(materialized="incremental", incremental_strategy="append", on_schema_change="fail") }}
{%- set account_columns = [
    'accounts.account_id', 'accounts.account_name', 'accounts.segment', 'accounts.region',
    'accounts.rejection_code'
] %}

with

version_log as (

    select * from {{ ref('int_subscription_item_versions_logged') }}

),

activity_fingerprints as (

    select * from {{ ref('int_activity_months_fingerprinted') }}

),

months as (

    select * from {{ ref('int_months_spined') }}

),

accounts as (

    select * from {{ ref('int_accounts_validated') }}

),

products as (

    select * from {{ ref('int_products_validated') }}

),

plans as (

    select * from {{ ref('int_plans_validated') }}

),

fx_rates as (

    select * from {{ ref('int_fx_rates_completed') }}

),

calendar as (

    select
        min(month_start) as first_month_start,
        max(month_number) as horizon_month_number,
        max(as_of_date) as as_of_date
    from months

),

version_log_state as (

    select max(log_sequence) as version_log_sequence
    from version_log

),

activity_fingerprint_state as (

    select max(fingerprint_sequence) as activity_fingerprint_sequence
    from activity_fingerprints

),

-- the accounts created by the build's last day (or with no creation date): an account created
-- later reaches built months only through its items and activity, which the version log and
-- the activity fingerprints find, so a month's new accounts do not restate everything
accounts_fingerprint as (

    select
        {{ rows_fingerprint(account_columns) }} as accounts_fingerprint
    from accounts
    cross join calendar
    where
        accounts.created_at is null
        or cast(accounts.created_at as date) <= calendar.as_of_date

),

products_fingerprint as (

    select
        {{ rows_fingerprint(
            ['product_id', 'product_name', 'is_add_on', 'parent_product_id', 'rejection_code']
        ) }} as products_fingerprint
    from products

),

plans_fingerprint as (

    select
        {{ rows_fingerprint([
            'plan_id', 'product_id', 'tier_rank', 'pricing_model', 'billing_interval_months',
            'currency_code', 'list_unit_amount', 'included_units', 'overage_unit_amount',
            'usage_metric', 'rejection_code'
        ]) }} as plans_fingerprint
    from plans

),

fx_rates_fingerprint as (

    select
        {{ rows_fingerprint(['currency_code', 'month_number', 'rate_to_reporting']) }}
            as fx_rates_fingerprint
    from fx_rates

),

fingerprints as (

    select
        {{ settings_fingerprint() }} as settings_fingerprint,
        accounts_fingerprint.accounts_fingerprint,
        products_fingerprint.products_fingerprint,
        plans_fingerprint.plans_fingerprint,
        fx_rates_fingerprint.fx_rates_fingerprint
    from accounts_fingerprint
    cross join products_fingerprint
    cross join plans_fingerprint
    cross join fx_rates_fingerprint

),

{% if is_incremental() %}

{{ previous_window_ctes() }},

-- the accounts the previous build counted, as they are now, compared with what it saw:
-- accounts created since are not a change
previous_accounts_fingerprint as (

    select
        {{ rows_fingerprint(account_columns) }} as accounts_fingerprint
    from accounts
    inner join previous_window
        on
            accounts.created_at is null
            or cast(accounts.created_at as date) <= previous_window.as_of_date

),

-- the rates of the months the previous build covered, compared with what it saw: the new
-- month's rate is not a change
previous_fx_rates_fingerprint as (

    select
        {{ rows_fingerprint(
            ['fx_rates.currency_code', 'fx_rates.month_number', 'fx_rates.rate_to_reporting']
        ) }}
            as fx_rates_fingerprint
    from fx_rates
    inner join previous_window
        on fx_rates.month_number <= previous_window.horizon_month_number

),

{% endif %}

{% if is_incremental() %}

-- the items the version log (int_subscription_item_versions_logged) found changed since
-- the previous build, however old their months
changed_from as (

    select min({{ month_start('version_log.changed_from_date') }}) as changed_from_month_start
    from version_log
    cross join previous_window
    where version_log.log_sequence > previous_window.version_log_sequence

),

-- the usage and invoice-line months whose contents differ from what the previous build saw
-- (new months included: they are in the window anyway); seat activity and feature use are
-- fingerprinted for the daily signals (int_signal_windows_tracked) and move no MRR
{{ activity_changed_from_ctes(
    'activity_fingerprints', 'activity_fingerprint_state', 'previous_window',
    ['usage_daily', 'invoice_lines']
) }},

window_inputs as (

    select
        calendar.*,
        version_log_state.version_log_sequence,
        activity_fingerprint_state.activity_fingerprint_sequence,
        fingerprints.*,
        latest_run.run_sequence + 1 as run_sequence,
        previous_window.run_sequence as compared_run_sequence,
        previous_window.horizon_month_number as previous_horizon_month_number,
        changed_from.changed_from_month_start,
        case
            when changed_from.changed_from_month_start is null then null
            when changed_from.changed_from_month_start < calendar.first_month_start then 0
            else changed_month.month_number
        end as changed_from_month_number,
        activity_changed_from.activity_changed_from_month_start,
        case
            when activity_changed_from.activity_changed_from_month_start is null then null
            when
                activity_changed_from.activity_changed_from_month_start
                < calendar.first_month_start
                then 0
            else activity_changed_month.month_number
        end as activity_changed_from_month_number,
        case
            when previous_window.run_sequence is null then 'no finished build on record'
            when fingerprints.settings_fingerprint <> previous_window.settings_fingerprint
                then 'the settings changed'
            when calendar.first_month_start <> previous_window.first_month_start
                then 'the first month of the calendar moved'
            when
                coalesce(previous_accounts_fingerprint.accounts_fingerprint, '')
                <> coalesce(previous_window.accounts_fingerprint, '')
                then 'accounts changed'
            when fingerprints.products_fingerprint <> previous_window.products_fingerprint
                then 'products changed'
            when fingerprints.plans_fingerprint <> previous_window.plans_fingerprint
                then 'plans changed'
            when
                previous_fx_rates_fingerprint.fx_rates_fingerprint
                <> previous_window.fx_rates_fingerprint
                then 'FX rates changed'
        end as full_restatement_reason
    from calendar
    cross join version_log_state
    cross join activity_fingerprint_state
    cross join fingerprints
    cross join latest_run
    cross join previous_accounts_fingerprint
    cross join previous_fx_rates_fingerprint
    cross join changed_from
    cross join activity_changed_from
    -- no row when no build has finished: the window then restates everything
    left join previous_window
        on latest_run.run_sequence >= previous_window.run_sequence
    left join months as changed_month
        on changed_from.changed_from_month_start = changed_month.month_start
    left join months as activity_changed_month
        on
            activity_changed_from.activity_changed_from_month_start
            = activity_changed_month.month_start

),

{% else %}

window_inputs as (

    select
        calendar.*,
        version_log_state.version_log_sequence,
        activity_fingerprint_state.activity_fingerprint_sequence,
        fingerprints.*,
        1 as run_sequence,
        cast(null as {{ dbt.type_int() }}) as compared_run_sequence,
        cast(null as {{ dbt.type_int() }}) as previous_horizon_month_number,
        cast(null as date) as changed_from_month_start,
        cast(null as {{ dbt.type_int() }}) as changed_from_month_number,
        cast(null as date) as activity_changed_from_month_start,
        cast(null as {{ dbt.type_int() }}) as activity_changed_from_month_number,
        'first build or full refresh' as full_restatement_reason
    from calendar
    cross join version_log_state
    cross join activity_fingerprint_state
    cross join fingerprints

),

{% endif %}

windowed as (

    select
        *,
        {% set lookback = var('restatement_lookback_months', 0) | int %}
        case
            when full_restatement_reason is not null then 0
            else greatest(
                0,
                least(
                    previous_horizon_month_number + 1 - {{ lookback }},
                    horizon_month_number + 1,
                    coalesce(changed_from_month_number, horizon_month_number + 1),
                    coalesce(activity_changed_from_month_number, horizon_month_number + 1)
                )
            )
        end as restate_from_month_number
    from window_inputs

),

final as (

    select
        cast(run_sequence as {{ dbt.type_int() }}) as run_sequence,
        cast('{{ invocation_id }}' as {{ dbt.type_string() }}) as invocation_id,
        cast(compared_run_sequence as {{ dbt.type_int() }}) as compared_run_sequence,
        as_of_date,
        first_month_start,
        cast(horizon_month_number as {{ dbt.type_int() }}) as horizon_month_number,
        version_log_sequence,
        activity_fingerprint_sequence,
        settings_fingerprint,
        accounts_fingerprint,
        products_fingerprint,
        plans_fingerprint,
        fx_rates_fingerprint,
        changed_from_month_start,
        activity_changed_from_month_start,
        cast(restate_from_month_number as {{ dbt.type_int() }}) as restate_from_month_number,
        -- the same bound for the marts, which carry month_start
        cast({{ dbt.dateadd('month', 'restate_from_month_number', 'first_month_start') }} as date)
            as restate_from_month_start,
        case
            when full_restatement_reason is not null then full_restatement_reason
            -- the earlier of the two changes named, when it reaches before the lookback
            when
                changed_from_month_number < previous_horizon_month_number + 1 - {{ lookback }}
                and changed_from_month_number
                <= coalesce(activity_changed_from_month_number, changed_from_month_number)
                then 'a subscription item changed since the previous build'
            when
                activity_changed_from_month_number
                < previous_horizon_month_number + 1 - {{ lookback }}
                then 'usage or invoice lines of an earlier month changed since the previous build'
            else 'the months after the previous build{{
                " and a lookback of " ~ lookback ~ " months" if lookback > 0 }}'
        end as restate_reason
    from windowed

)

select * from final
