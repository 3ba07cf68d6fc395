{#
    restate_in_place(target_relation, staged_relation, staged=false)

    The restatement of an incremental model on DuckDB (decision log D106), as one statement
    batch named `main` in the open transaction: stage the model's rows in the temporary table
    `staged_relation` (unless `staged`: a Python model's frame is already there), fail if its
    columns differ from the table's (macro assert_columns_unchanged: `on_schema_change: fail`),
    then the model's strategy (get_incremental_<strategy>_sql: the project's delete the window
    and insert the staged rows, dbt's append only inserts them), then drop the staging table
    (the project's strategies drop it already; dbt's append does not, and a Python model's is a
    real table). The caller commits.

    Arguments:
        target_relation: the model's table.
        staged_relation: the staging table's relation.
        staged: true when the rows are already in staged_relation.
#}
{% macro restate_in_place(target_relation, staged_relation, staged=false) %}
    {%- set strategy_sql = adapter.get_incremental_strategy_macro(
        context, config.get("incremental_strategy")
    ) -%}
    {%- set strategy_args = {
        "target_relation": target_relation,
        "temp_relation": staged_relation,
        "unique_key": config.get("unique_key"),
        "dest_columns": adapter.get_columns_in_relation(target_relation),
        "incremental_predicates": none,
    } -%}
    {% call statement("main") -%}
        {%- if not staged %}
        create temporary table {{ staged_relation }} as (
            {{ compiled_code }}
        );
        {%- endif %}
        {{ assert_columns_unchanged(target_relation, staged_relation) }};
        {{ strategy_sql(strategy_args) }};
        drop table if exists {{ staged_relation }}
    {%- endcall %}
{% endmacro %}
