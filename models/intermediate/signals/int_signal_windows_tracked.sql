{#- One row per build: from which day this run restates the daily signal models. They keep
    their rows before that day and rebuild the rest, so a monthly run computes the new month's
    days instead of the whole calendar, and a daily run the days of the current month (readings
    are compared by month, so the new day's month counts as changed). Each model also starts
    no later than the day after its own last row (macro signal_restate_from_day), so days a
    failed or partial run did not write are written by the next. The window starts at the
    earliest of:
      - the day after the previous build's reported day (the new days);
      - the first day a subscription item changed since the previous build moves
        (int_subscription_item_versions_logged): what an account holds changed from there;
      - the first month whose usage, seat activity or feature use differs from what the
        previous build saw (int_activity_months_fingerprinted): late readings are restated;
      - the calendar's first day (everything) on a first build, when plans or features
        changed (they carry no timestamps and are compared by fingerprint), when the history's
        length changed or when the reported day moved back.
    "The previous build" is the latest finished one (macro previous_window_ctes, decision log
    D85): a change found by a run that stopped part-way is found again by the next.
    The window never starts before the calendar. --full-refresh rebuilds this table too: its
    one row then restates everything. -#}
{{ config(materialized="incremental", incremental_strategy="append", on_schema_change="fail") }}

with

days as (

    select * from {{ ref('int_signal_days_spined') }}

),

version_log as (

    select * from {{ ref('int_subscription_item_versions_logged') }}

),

activity_fingerprints as (

    select * from {{ ref('int_activity_months_fingerprinted') }}

),

plans as (

    select * from {{ ref('int_plans_validated') }}

),

features as (

    select * from {{ ref('int_features_validated') }}

),

calendar as (

    select
        max(reported_day) as reported_day,
        min(activity_date) as calendar_first_day,
        min(case when is_in_history then activity_date end) as history_first_day,
        cast({{ var('signal_history_days', 180) }} as {{ dbt.type_int() }}) as signal_history_days
    from days

),

version_log_state as (

    select max(log_sequence) as version_log_sequence
    from version_log

),

activity_state as (

    select max(fingerprint_sequence) as activity_fingerprint_sequence
    from activity_fingerprints

),

log_state as (

    select
        version_log_state.version_log_sequence,
        activity_state.activity_fingerprint_sequence
    from version_log_state
    cross join activity_state

),

plans_fingerprint as (

    select
        {{ rows_fingerprint([
            'plan_id', 'product_id', 'tier_rank', 'pricing_model', 'included_units',
            'rejection_code'
        ]) }} as plans_fingerprint
    from plans

),

features_fingerprint as (

    select
        {{ rows_fingerprint(['feature_id', 'product_id', 'rejection_code']) }}
            as features_fingerprint
    from features

),

fingerprints as (

    select
        plans_fingerprint.plans_fingerprint,
        features_fingerprint.features_fingerprint
    from plans_fingerprint
    cross join features_fingerprint

),

{% if is_incremental() %}

{{ previous_window_ctes() }},

-- the items the version log found changed since the previous build, however old
items_changed_from as (

    select min(version_log.changed_from_date) as items_changed_from_date
    from version_log
    cross join previous_window
    where version_log.log_sequence > previous_window.version_log_sequence

),

-- the signal tables' months whose contents differ from what the previous build saw
{{ activity_changed_from_ctes(
    'activity_fingerprints', 'log_state', 'previous_window',
    ['usage_daily', 'seat_activity', 'feature_usage']
) }},

window_inputs as (

    select
        calendar.*,
        log_state.*,
        fingerprints.*,
        latest_run.run_sequence + 1 as run_sequence,
        previous_window.run_sequence as compared_run_sequence,
        cast({{ dbt.dateadd('day', 1, 'previous_window.reported_day') }} as date)
            as first_new_day,
        items_changed_from.items_changed_from_date,
        activity_changed_from.activity_changed_from_month_start,
        case
            when previous_window.run_sequence is null then 'no finished build on record'
            when calendar.signal_history_days <> previous_window.signal_history_days
                then 'the history length changed'
            when calendar.reported_day < previous_window.reported_day
                then 'the reported day moved back'
            when fingerprints.plans_fingerprint <> previous_window.plans_fingerprint
                then 'plans changed'
            when fingerprints.features_fingerprint <> previous_window.features_fingerprint
                then 'features changed'
        end as full_restatement_reason
    from calendar
    cross join log_state
    cross join fingerprints
    cross join latest_run
    cross join items_changed_from
    cross join activity_changed_from
    -- no row when no build has finished: the window then restates everything
    left join previous_window
        on latest_run.run_sequence >= previous_window.run_sequence

),

{% else %}

window_inputs as (

    select
        calendar.*,
        log_state.*,
        fingerprints.*,
        1 as run_sequence,
        cast(null as {{ dbt.type_int() }}) as compared_run_sequence,
        cast(null as date) as first_new_day,
        cast(null as date) as items_changed_from_date,
        cast(null as date) as activity_changed_from_month_start,
        'first build or full refresh' as full_restatement_reason
    from calendar
    cross join log_state
    cross join fingerprints

),

{% endif %}

windowed as (

    select
        *,
        case
            when full_restatement_reason is not null then calendar_first_day
            else greatest(
                calendar_first_day,
                least(
                    first_new_day,
                    coalesce(items_changed_from_date, first_new_day),
                    coalesce(activity_changed_from_month_start, first_new_day)
                )
            )
        end as restate_from_day
    from window_inputs

),

final as (

    select
        cast(run_sequence as {{ dbt.type_int() }}) as run_sequence,
        cast('{{ invocation_id }}' as {{ dbt.type_string() }}) as invocation_id,
        cast(compared_run_sequence as {{ dbt.type_int() }}) as compared_run_sequence,
        reported_day,
        calendar_first_day,
        history_first_day,
        signal_history_days,
        version_log_sequence,
        activity_fingerprint_sequence,
        plans_fingerprint,
        features_fingerprint,
        items_changed_from_date,
        activity_changed_from_month_start,
        cast(restate_from_day as date) as restate_from_day,
        case
            when full_restatement_reason is not null then full_restatement_reason
            when restate_from_day >= first_new_day then 'the days after the previous build'
            when
                items_changed_from_date < calendar_first_day
                or activity_changed_from_month_start < calendar_first_day
                then 'a change before the calendar'
            when items_changed_from_date = restate_from_day
                then 'a subscription item changed since the previous build'
            -- readings are compared by month: the new days' month changed with them
            when activity_changed_from_month_start = {{ month_start('first_new_day') }}
                then 'the days after the previous build, from the first day of their month'
            when activity_changed_from_month_start = restate_from_day
                then 'usage, seat activity or feature use of an earlier month changed'
            else 'the days after the previous build'
        end as restate_reason
    from windowed

)

select * from final
