{#
    empty_billing_table(table_name)

    A subquery with the contract's columns and types and no rows: how an absent optional table
    is read.

    Arguments:
        table_name: a table of the billing contract.
#}
{% macro empty_billing_table(table_name) %}
    {%- set columns = billing_contract()[table_name]["columns"] -%}
    (
        select
        {%- for column_name, contract_type in columns %}
            cast(null as {{ contract_sql_type(contract_type) }}) as {{ column_name }}{{ "," if not loop.last }}
        {%- endfor %}
        where 1 = 0
    )
{%- endmacro %}
