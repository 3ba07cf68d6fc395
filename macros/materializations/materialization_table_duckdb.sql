{#
    materialization_table_duckdb

    The table materialization on DuckDB: one `create or replace table` in one transaction
    (macro replace_in_place), where dbt-duckdb's own builds the table under a temporary name,
    renames the old one aside, renames the new one in, commits and drops the old one (decision
    log D103). A model the replace path does not cover (macro can_replace_in_place) is built by
    dbt-duckdb's table materialization.
#}
{% materialization table, adapter="duckdb", supported_languages=["sql", "python"] %}
    {%- if not can_replace_in_place(load_cached_relation(this), "table") -%}
        {{ return(dbt.materialization_table_duckdb()) }}
    {%- endif -%}
    {{ return(replace_in_place(this.incorporate(type="table"))) }}
{% endmaterialization %}
