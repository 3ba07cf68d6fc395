{#
    materialization_view_duckdb

    The view materialization on DuckDB: one `create or replace view` (macro replace_in_place),
    where dbt's default, which dbt-duckdb uses, creates the view under a temporary name, renames
    the old one aside, renames the new one in and drops the old one (decision log D103). A model
    the replace path does not cover (macro can_replace_in_place) is built by dbt's default view
    materialization.
#}
{% materialization view, adapter="duckdb" %}
    {%- if not can_replace_in_place(load_cached_relation(this), "view") -%}
        {{ return(dbt.materialization_view_default()) }}
    {%- endif -%}
    {{ return(replace_in_place(this.incorporate(type="view"))) }}
{% endmaterialization %}
