{#
    signal_restate_from_day(relation)

    A scalar subquery: the first day a daily signal model rebuilds this run. The signal
    window's (int_signal_windows_tracked), or the day after the model's own last row when that
    is earlier (a run that failed or did not select the model left days unwritten), never
    before the calendar's first day. Restating from an earlier day is always safe: the rows
    are recomputed, not patched. The model SQL and the write strategy both call it, on the
    same table, before the strategy deletes anything.

    Arguments:
        relation: the model's own table ({{ this }} in the model, the target in the strategy).
#}
{% macro signal_restate_from_day(relation) %}
    (
        select
            greatest(
                window_bounds.calendar_first_day,
                least(
                    window_bounds.restate_from_day,
                    coalesce(
                        cast({{ dbt.dateadd('day', 1, 'kept_rows.last_day') }} as date),
                        window_bounds.restate_from_day
                    )
                )
            )
        from (
            select
                max(restate_from_day) as restate_from_day,
                max(calendar_first_day) as calendar_first_day
            from {{ ref("int_signal_windows_tracked") }}
            where run_sequence = (select max(run_sequence) from {{ ref("int_signal_windows_tracked") }})
        ) as window_bounds
        cross join (select max(activity_date) as last_day from {{ relation }}) as kept_rows
    )
{%- endmacro %}
