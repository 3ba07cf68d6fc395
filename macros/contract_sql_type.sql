{#
    contract_sql_type(contract_type)

    Maps a raw-contract type name to this engine's SQL type.

    Arguments:
        contract_type: text, integer, decimal, date, timestamp or boolean.
#}
{% macro contract_sql_type(contract_type) %}
    {%- set types = {
        "text": dbt.type_string(),
        "integer": dbt.type_int(),
        "decimal": type_money(),
        "date": "date",
        "timestamp": dbt.type_timestamp(),
        "boolean": dbt.type_boolean(),
    } -%}
    {%- if contract_type not in types -%}
        {{ exceptions.raise_compiler_error("contract_sql_type: unknown contract type '" ~ contract_type ~ "'") }}
    {%- endif -%}
    {{ return(types[contract_type]) }}
{% endmacro %}
