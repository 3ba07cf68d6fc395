{#
    previous_window_ctes()

    Four CTEs for an incremental restatement window model (int_restatement_windows_tracked,
    int_signal_windows_tracked), which compare what this build finds with what an earlier
    build saw:
      previous_runs    every window the model recorded ({{ this }});
      latest_run       one row: the latest run_sequence (this build's is the next);
      finished_run     one row: the run_sequence of the latest window that was finished, that
                       is built with every model reading it in one dbt invocation (macro
                       record_finished_windows); null when none is on record;
      previous_window  that window's row, or no row.
    A window recorded by a run that stopped part-way is not compared with: the changes it
    found are found again, so the next run restates them.

    Call it inside an is_incremental() branch.
#}
{% macro previous_window_ctes() %}
{%- set finished = window_completion_relation(this) -%}
{%- set finished_exists = adapter.get_relation(
    database=finished.database, schema=finished.schema, identifier=finished.identifier
) is not none -%}
previous_runs as (

    select * from {{ this }}

),

latest_run as (

    select max(run_sequence) as run_sequence
    from previous_runs

),

finished_run as (

    {%- if finished_exists %}
    select max(previous_runs.run_sequence) as run_sequence
    from previous_runs
    inner join {{ finished }} as finished_windows
        on previous_runs.invocation_id = finished_windows.invocation_id
    where finished_windows.window_model = '{{ this.identifier }}'
    {%- else %}
    -- no build has finished since the record was introduced
    select cast(null as {{ dbt.type_int() }}) as run_sequence
    {%- endif %}

),

previous_window as (

    select previous_runs.*
    from previous_runs
    inner join finished_run
        on previous_runs.run_sequence = finished_run.run_sequence

)
{%- endmacro %}
