{#
    replace_with_staged_table(existing_relation, staged_relation, target_relation)

    The first build or full refresh of a Python incremental model on DuckDB (decision log D106):
    its frame was written to `staged_relation`, which this renames into the model's place, in
    the open transaction, after dropping the relation there (DuckDB's DDL is transactional, so
    a reader sees the old relation until the commit). The caller commits.

    Arguments:
        existing_relation: the relation in the model's place, or none.
        staged_relation: the table holding the model's rows.
        target_relation: the model's table.
#}
{% macro replace_with_staged_table(existing_relation, staged_relation, target_relation) %}
    {% call statement("main") -%}
        {%- if existing_relation is not none %}
        drop {{ existing_relation.type }} {{ existing_relation }};
        {%- endif %}
        alter table {{ staged_relation }}
        rename to {{ adapter.quote_as_configured(target_relation.identifier, "identifier") }}
    {%- endcall %}
{% endmacro %}
