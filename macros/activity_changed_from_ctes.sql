{#
    activity_changed_from_ctes(fingerprints, current_state, previous_state, table_names)

    Three CTEs that find the first month whose activity differs from what the previous build
    saw, for the restatement windows (int_restatement_windows_tracked,
    int_signal_windows_tracked): current_activity and previous_activity (the fingerprints of
    int_activity_months_fingerprinted that this build and the previous one recorded, for
    `table_names`), and activity_changed_from, one row with activity_changed_from_month_start:
    the earliest month that is new, gone or whose fingerprint differs (null when none). A
    table whose rows all went has no month left in the current set: its previous months then
    count as changed.

    Arguments:
        fingerprints: the CTE reading int_activity_months_fingerprinted (every table).
        current_state: a one-row CTE whose activity_fingerprint_sequence is this build's set.
        previous_state: a one-row CTE whose activity_fingerprint_sequence is the set the
            previous window recorded.
        table_names: the activity tables that move this window.
#}
{% macro activity_changed_from_ctes(fingerprints, current_state, previous_state, table_names) %}
{%- set tables = "'" ~ table_names | join("', '") ~ "'" -%}
current_activity as (

    select {{ fingerprints }}.*
    from {{ fingerprints }}
    inner join {{ current_state }}
        on
            {{ fingerprints }}.fingerprint_sequence
            = {{ current_state }}.activity_fingerprint_sequence
    where {{ fingerprints }}.table_name in ({{ tables }})

),

previous_activity as (

    select {{ fingerprints }}.*
    from {{ fingerprints }}
    inner join {{ previous_state }}
        on
            {{ fingerprints }}.fingerprint_sequence
            = {{ previous_state }}.activity_fingerprint_sequence
    where {{ fingerprints }}.table_name in ({{ tables }})

),

activity_changed_from as (

    select
        min(coalesce(current_activity.month_start, previous_activity.month_start))
            as activity_changed_from_month_start
    from current_activity
    full outer join previous_activity
        on
            current_activity.table_name = previous_activity.table_name
            and current_activity.month_start = previous_activity.month_start
    where
        current_activity.fingerprint is null
        or previous_activity.fingerprint is null
        or current_activity.fingerprint <> previous_activity.fingerprint

)
{%- endmacro %}
