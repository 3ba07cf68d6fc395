{#
    billing_staged_columns(table_name)

    The columns of a billing table as staging names them: the contract's column names
    (billing_contract), except `currency`, which staging names `currency_code` (its one rename).

    Arguments:
        table_name: a table of the billing contract.

    Returns: a list of column names, in contract order.
#}
{% macro billing_staged_columns(table_name) %}
    {%- set staged_names = {"currency": "currency_code"} -%}
    {%- set columns = [] -%}
    {%- for column_name, contract_type in billing_contract()[table_name]["columns"] -%}
        {%- do columns.append(staged_names.get(column_name, column_name)) -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
