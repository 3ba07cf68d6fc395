{#
    materialization_incremental_duckdb

    The incremental materialization on DuckDB. A run that restates a window with one of the
    project's strategies (macro can_restate_in_place) sends one batch of statements in one
    transaction (macro restate_in_place): stage the model's rows in a temporary table, check
    that its columns are the table's, then the strategy's delete and insert. dbt-duckdb's own
    runs the stage as a query of its own, reads both relations' columns back over dbt's
    result-table layer to widen string columns (which DuckDB's VARCHAR never needs) and to
    compare them, then sends the strategy (decision log D106). Every other build (the first,
    `--full-refresh`, another strategy or configuration) is dbt-duckdb's, called as
    `dbt.materialization_incremental_duckdb()`, except a Python model's: dbt runs a Python
    model's code only from a statement the materialization itself calls (its
    `submit_python_job` checks the call stack), so its frame is written here, into the
    staging table of the restatement (temporary name) or of the rebuild (macro
    replace_with_staged_table).
#}
{% materialization incremental, adapter="duckdb", supported_languages=["sql", "python"] %}
    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set restating = can_restate_in_place(existing_relation) -%}
    {%- set python = model["language"] == "python" -%}
    {%- if not restating and not python -%}
        {{ return(dbt.materialization_incremental_duckdb()) }}
    {%- endif -%}
    {#- a Python model not restated is rebuilt whole from its frame: only right when the
        frame is the whole table (a first build, a full refresh, another relation in its
        place); an incremental run of another strategy would replace the table with its
        window's rows -#}
    {%- set rebuilding = existing_relation is none
        or existing_relation.type != "table"
        or should_full_refresh() -%}
    {%- if python and not restating and (not rebuilding or needs_adapter_materialization()) -%}
        {{ exceptions.raise_compiler_error(
            "The project's DuckDB incremental materialization restates a Python model only "
            ~ "with the strategies restate, restate_raw_keys, restate_signal_days or append "
            ~ "and on_schema_change: fail, and builds its table without an enforced contract, "
            ~ "indexes, grants, partitioning, sorting or incremental predicates, and not on "
            ~ "DuckLake or MotherDuck (decision log D106)"
        ) }}
    {%- endif -%}
    {%- set target_relation = this.incorporate(type="table") -%}
    {%- if restating -%}
        {%- set staged_relation = make_temp_relation(target_relation) -%}
    {%- else -%}
        {%- set staged_relation = make_intermediate_relation(target_relation) -%}
        {{ drop_relation_if_exists(load_cached_relation(staged_relation)) }}
    {%- endif -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    -- `BEGIN` happens here:
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- if python %}
    {% call statement("stage", language="python") -%}
        {{ create_table_as(false, staged_relation, compiled_code, "python") }}
    {%- endcall %}
    {%- endif %}

    {%- if restating %}
    {% do restate_in_place(target_relation, staged_relation, staged=python) %}
    {%- else %}
    {% do replace_with_staged_table(existing_relation, staged_relation, target_relation) %}
    {%- endif %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {% do persist_docs(target_relation, model) %}

    -- `COMMIT` happens here
    {{ adapter.commit() }}

    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({"relations": [target_relation]}) }}
{% endmaterialization %}
