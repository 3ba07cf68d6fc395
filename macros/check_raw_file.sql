{#
    check_raw_file(reader, file_path, table_name)

    Stops the build with a message naming the file when a raw file cannot serve as its contract
    table: it cannot be read, a contract column is missing, or a value cannot be read as its
    column's contract type (the first such value is named). Runs at execution time, one scan
    of the file. Rows that are well-typed but wrong (a negative price, an unknown account) are
    not errors: they are quarantined downstream.

    Arguments:
        reader: the SQL table function reading the file (read_csv / read_parquet call).
        file_path: the file, for the message.
        table_name: a table of the billing contract.
#}
{% macro check_raw_file(reader, file_path, table_name) %}
    {%- set contract_columns = billing_contract()[table_name]["columns"] -%}
    {%- set described = run_query("select column_name from (describe select * from " ~ reader ~ ")") -%}
    {%- set present = described.columns[0].values() | map("lower") | list -%}
    {%- for column_name, contract_type in contract_columns -%}
        {%- if column_name not in present -%}
            {{ exceptions.raise_compiler_error(
                "raw_data_path: " ~ file_path ~ ": missing required column '" ~ column_name
                ~ "' (the " ~ table_name ~ " table needs: "
                ~ (contract_columns | map(attribute=0) | join(", ")) ~ ")") }}
        {%- endif -%}
    {%- endfor -%}
    {%- set probes = [] -%}
    {%- for column_name, contract_type in contract_columns if contract_type != "text" -%}
        {%- do probes.append(
            "(select '" ~ column_name ~ "' as column_name, '" ~ contract_type ~ "' as contract_type, "
            ~ "cast(" ~ column_name ~ " as varchar) as bad_value from " ~ reader
            ~ " where " ~ column_name ~ " is not null and try_cast(" ~ column_name ~ " as "
            ~ contract_sql_type(contract_type) ~ ") is null limit 1)") -%}
    {%- endfor -%}
    {%- if probes -%}
        {%- set bad = run_query(probes | join(" union all ")) -%}
        {%- if bad.rows | length > 0 -%}
            {%- set row = bad.rows[0] -%}
            {{ exceptions.raise_compiler_error(
                "raw_data_path: " ~ file_path ~ ": column '" ~ row[0] ~ "' has the value '"
                ~ row[2] ~ "', which is not a valid " ~ row[1]) }}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
