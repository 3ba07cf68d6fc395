{#
    record_finished_windows(results)

    The project's on-run-end hook. For each restatement window model (macro
    restatement_window_models) built in this invocation, records the window as finished
    (table window_completion_relation: window_model, invocation_id, finished_at) when the
    window and every model that reads it succeeded. The next build compares what it finds with
    the latest finished window (macro previous_window_ctes), not merely the latest: a run that
    found a late change and stopped before every reader restated it (an error, a failed test
    skipping the models after it, a selection leaving readers out) leaves that change to the
    next run, which finds it again.

    Arguments:
        results: dbt's results of the invocation (the on-run-end context variable).
#}
{% macro record_finished_windows(results) %}
    {%- if execute -%}
        {%- set succeeded = [] -%}
        {%- for result in results -%}
            {%- if result.status == "success" -%}
                {%- do succeeded.append(result.node.unique_id) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set models = graph.nodes.values() | selectattr("resource_type", "equalto", "model") | list -%}
        {%- for window_name in restatement_window_models() -%}
            {%- for window in models | selectattr("name", "equalto", window_name) -%}
                {%- set readers = [] -%}
                {%- for model in models -%}
                    {%- if window.unique_id in model.depends_on.nodes -%}
                        {%- do readers.append(model.unique_id) -%}
                    {%- endif -%}
                {%- endfor -%}
                {%- set unfinished = readers | reject("in", succeeded) | list -%}
                {%- if window.unique_id in succeeded and unfinished | length == 0 -%}
                    {%- set window_relation = api.Relation.create(
                        database=window.database, schema=window.schema, identifier=window.alias
                    ) -%}
                    {%- set finished = window_completion_relation(window_relation) -%}
                    {%- call statement("create_finished_windows", auto_begin=false) -%}
                        {{ create_window_completion_table(finished) }}
                    {%- endcall -%}
                    {%- call statement("record_finished_window", auto_begin=false) -%}
                        insert into {{ finished }} (window_model, invocation_id, finished_at)
                        values (
                            '{{ window.alias }}',
                            '{{ invocation_id }}',
                            cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
                        )
                    {%- endcall -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
{% endmacro %}
