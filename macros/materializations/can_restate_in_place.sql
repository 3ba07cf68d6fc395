{#
    can_restate_in_place(existing_relation)

    Whether the project's DuckDB incremental materialization (materialization_incremental_duckdb)
    may run the model's restatement as one statement batch (macro restate_in_place) instead of
    handing it to dbt-duckdb's: the model's table exists, the run is not a full refresh, the
    model uses one of the project's strategies (restate, restate_raw_keys,
    restate_signal_days) or dbt's append, with `on_schema_change: fail`, and it configures nothing only the
    adapter handles (macro needs_adapter_materialization). Decision log D106.

    Arguments:
        existing_relation: the model's relation as the relation cache has it, or none.
#}
{% macro can_restate_in_place(existing_relation) %}
    {{- return(
        existing_relation is not none
        and existing_relation.type == "table"
        and not should_full_refresh()
        and config.get("incremental_strategy")
            in ("restate", "restate_raw_keys", "restate_signal_days", "append")
        and config.get("on_schema_change") == "fail"
        and not needs_adapter_materialization()
    ) -}}
{% endmacro %}
