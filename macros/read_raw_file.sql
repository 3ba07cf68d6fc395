{#
    read_raw_file(raw_path, table_name)

    Reads one billing table from a file: <raw_path>/<table_name>.parquet, else .csv (header row,
    comma separated, every column read as text for staging to cast). An optional table with
    neither file reads as empty; a required one stops the build naming the files looked for.
    A file that is unreadable, lacks a contract column or holds a value that is not of its
    column's type stops the build naming the file, the column and the value (check_raw_file).
    Only engines that can read local files implement it.

    Arguments:
        raw_path: folder holding the files.
        table_name: a table of the billing contract.
#}
{% macro read_raw_file(raw_path, table_name) %}
    {{- return(adapter.dispatch("read_raw_file", "revenue_warehouse")(raw_path, table_name)) -}}
{% endmacro %}

{% macro default__read_raw_file(raw_path, table_name) %}
    {{ exceptions.raise_compiler_error(
        "raw_data_path is only supported on DuckDB; on target '" ~ target.name
        ~ "' load the files into the schema named by the var billing_schema instead") }}
{% endmacro %}

{% macro duckdb__read_raw_file(raw_path, table_name) %}
    {%- set folder = raw_path.rstrip("/") -%}
    {%- set parquet_file = folder ~ "/" ~ table_name ~ ".parquet" -%}
    {%- set csv_file = folder ~ "/" ~ table_name ~ ".csv" -%}
    {%- set found = run_query(
        "select file from glob('" ~ parquet_file ~ "') union all "
        ~ "select file from glob('" ~ csv_file ~ "')") -%}
    {%- set found_files = found.columns[0].values() | list -%}
    {%- if parquet_file in found_files -%}
        {%- set reader = "read_parquet('" ~ parquet_file ~ "')" -%}
        {%- do check_raw_file(reader, parquet_file, table_name) -%}
        {{ return(reader) }}
    {%- elif csv_file in found_files -%}
        {%- set reader = "read_csv('" ~ csv_file ~ "', header = true, delim = ',', quote = '\"', all_varchar = true)" -%}
        {%- do check_raw_file(reader, csv_file, table_name) -%}
        {{ return(reader) }}
    {%- elif billing_contract()[table_name]["required"] -%}
        {{ exceptions.raise_compiler_error(
            "raw_data_path: required billing table '" ~ table_name ~ "' not found: expected "
            ~ parquet_file ~ " or " ~ csv_file) }}
    {%- else -%}
        {{ return(empty_billing_table(table_name)) }}
    {%- endif -%}
{% endmacro %}
