{#
    needs_adapter_materialization()

    Whether the model being run configures something only dbt-duckdb's own materializations
    handle, so that the project's DuckDB materializations (decision logs D103 and D106) hand it
    to them: an enforced contract, indexes, grants, partitioning or sorting, incremental
    predicates, or a DuckLake or MotherDuck catalog.
#}
{% macro needs_adapter_materialization() %}
    {%- set contract = config.get("contract") -%}
    {%- set configured = [
        contract is not none and contract.enforced,
        config.get("indexes"),
        config.get("grants"),
        config.get("partitioned_by"),
        config.get("sorted_by"),
        config.get("incremental_predicates"),
        config.get("predicates"),
    ] -%}
    {{- return(
        (configured | select | list | length) > 0
        or adapter.is_ducklake(this)
        or adapter.is_motherduck()
    ) -}}
{% endmacro %}
