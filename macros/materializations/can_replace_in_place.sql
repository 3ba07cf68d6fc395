{#
    can_replace_in_place(existing_relation, relation_type)

    Whether the project's DuckDB table and view materializations (materialization_table_duckdb,
    materialization_view_duckdb) may build the model with macro replace_in_place instead of the
    adapter's build-aside-and-swap: the model is SQL, the relation is new or
    already of the same type, and the model configures nothing the swap path handles and the
    replace path does not (macro needs_adapter_materialization). Otherwise the materialization
    hands the model to the adapter's own (decision log D103).

    Arguments:
        existing_relation: the model's relation as the relation cache has it, or none.
        relation_type: 'table' or 'view', the type the model builds.
#}
{% macro can_replace_in_place(existing_relation, relation_type) %}
    {{- return(
        model["language"] == "sql"
        and (existing_relation is none or existing_relation.type == relation_type)
        and not needs_adapter_materialization()
    ) -}}
{% endmacro %}
