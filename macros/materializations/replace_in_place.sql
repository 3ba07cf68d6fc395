{#
    replace_in_place(target_relation)

    Builds the model being run as `target_relation` with one
    `create or replace <table|view> ... as (<model>)` in one transaction, between the model's
    hooks, and returns the materialization's result. The body of the project's DuckDB table
    and view materializations (decision log D103): DuckDB's DDL is transactional, so a reader
    sees the old relation until the commit, as with the adapter's build-aside-and-swap, without
    its renames and drop.

    Arguments:
        target_relation: the model's relation, of the type to build ('table' or 'view').
#}
{% macro replace_in_place(target_relation) %}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    -- `BEGIN` happens here:
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {% call statement("main") -%}
        create or replace {{ target_relation.type }} {{ target_relation }} as (
            {{ compiled_code }}
        )
    {%- endcall %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {% do persist_docs(target_relation, model) %}

    -- `COMMIT` happens here
    {{ adapter.commit() }}

    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({"relations": [target_relation]}) }}
{% endmacro %}
