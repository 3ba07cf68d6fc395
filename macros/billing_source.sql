{#
    billing_source(table_name)

    The relation a staging model reads for one billing table. The only caller of source():
    it always calls source('billing', table_name) so that lineage is recorded, then
      - with the var raw_data_path set, reads <raw_data_path>/<table>.parquet or .csv instead
        (read_raw_file; an optional table whose file is absent reads as empty);
      - on a warehouse where an optional table does not exist, reads it as empty.
    On the DuckDB default (neither raw_data_path nor billing_schema set) the source tables are
    the sample-data seeds: the macro also ref()s the seed, so `dbt build` loads the seeds
    before the staging models read them.
    A required table that cannot be found stops the build with a message naming it.

    Arguments:
        table_name: a table of the billing contract (see billing_contract).
#}
{% macro billing_source(table_name) %}
    {%- set contract = billing_contract() -%}
    {%- if table_name not in contract -%}
        {{ exceptions.raise_compiler_error("billing_source: '" ~ table_name ~ "' is not a table of the billing contract") }}
    {%- endif -%}
    {%- set source_relation = source("billing", table_name) -%}
    {%- set raw_path = var("raw_data_path", "") -%}
    {%- if not raw_path and not var("billing_schema", "") -%}
        {%- set seed_relation = ref(table_name) -%}
        {{ return(seed_relation) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return(source_relation) }}
    {%- endif -%}
    {%- if raw_path -%}
        {{ return(read_raw_file(raw_path, table_name)) }}
    {%- endif -%}
    {%- if not contract[table_name]["required"] -%}
        {%- set existing = adapter.get_relation(
            database=source_relation.database,
            schema=source_relation.schema,
            identifier=source_relation.identifier) -%}
        {%- if existing is none -%}
            {{ return(empty_billing_table(table_name)) }}
        {%- endif -%}
    {%- endif -%}
    {{ return(source_relation) }}
{% endmacro %}
