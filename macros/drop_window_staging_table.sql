{#
    drop_window_staging_table(relation)

    The last statement of the project's incremental strategies (macros
    get_incremental_restate_sql and get_incremental_restate_signal_days_sql): drops the table
    the model's window was staged in, once its rows are in the target. dbt-duckdb stages a
    Python model's window in a real table of the target database (a Python model cannot
    create a temporary one) and drops it only on MotherDuck, so without this every
    incremental run left such a table behind under a new timestamped name (decision log D88).
    A SQL model's window is a temporary table: dropping it frees its memory before the run's
    later models instead of at the end of the run.

    Arguments:
        relation: the strategy's temp_relation.
#}
{% macro drop_window_staging_table(relation) %}
    drop table if exists {{ relation }}
{%- endmacro %}
