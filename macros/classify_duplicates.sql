{#
    classify_duplicates(relation, key_columns, columns, version_column=none,
                        required_key_columns=none, keyless=false)

    Selects every row of `relation` with three added columns, so staging can keep one row per
    key and the quarantine can account for every other raw row:
      row_key           the key values joined with '|' (how a rejected row is named);
      row_detail        every column as name=value, for tracing a rejected row to the raw file;
      duplicate_status  kept | null_key | superseded_version | duplicate_key | duplicate_row:
        null_key            a key column is null;
        superseded_version  an older `version_column` value than the key's latest (the raw
                            contract: the later updated_at wins);
        duplicate_key       rows sharing the key (and version) whose contents differ: which one
                            is right cannot be known, so none is kept;
        duplicate_row       an identical copy of a kept row;
        kept                the one row of its key that staging passes on.

    Arguments:
        relation: a CTE or relation name.
        key_columns: the columns identifying a row.
        columns: every column of the relation (the content compared between copies).
        version_column: optional; a later value supersedes an earlier one of the same key.
        required_key_columns: the key columns that may not be null (default: all of them).
        keyless: the table has no key (the contract names none): every row with its required
            columns is kept, identical rows included, and key_columns only name the row. For
            the daily activity tables, whose rows are readings to add up.
#}
{% macro classify_duplicates(relation, key_columns, columns, version_column=none, required_key_columns=none, keyless=false) %}
    {%- if keyless %}
    {#- readings to add up: no row is dropped as a copy, so no hash and no comparison of
        copies is needed, only a number telling identical readings apart -#}
    select
        {{ relation }}.*,
        {{ row_values(key_columns) }} as row_key,
        {{ row_values(columns, with_names=true) }} as row_detail,
        row_number() over (
            partition by {{ columns | join(", ") }}
            order by {{ key_columns | first }}
        ) as copy_number,
        case
            when {% for key in (required_key_columns or key_columns) %}{{ key }} is null{{ " or " if not loop.last }}{% endfor %}
                then 'null_key'
            else 'kept'
        end as duplicate_status
    from {{ relation }}
    {%- else %}
    {%- set required_key_columns = required_key_columns or key_columns -%}
    {%- set text_type = dbt.type_string() -%}
    {%- set version_group = ("coalesce(cast(" ~ version_column ~ " as " ~ text_type ~ "), '')")
        if version_column else "''" -%}
    select
        hashed.*,
        case
            when {% for key in required_key_columns %}hashed.{{ key }} is null{{ " or " if not loop.last }}{% endfor %}
                then 'null_key'
            {%- if version_column %}
            when
                hashed.latest_version is not null
                and (
                    hashed.{{ version_column }} is null
                    or hashed.{{ version_column }} < hashed.latest_version
                )
                then 'superseded_version'
            {%- endif %}
            when hashed.first_row_hash <> hashed.last_row_hash then 'duplicate_key'
            when hashed.copy_number > 1 then 'duplicate_row'
            else 'kept'
        end as duplicate_status
    from (
        select
            with_hash.*,
            {%- if version_column %}
            max(with_hash.{{ version_column }}) over (
                partition by {{ key_columns | join(", ") }}
            ) as latest_version,
            {%- endif %}
            min(with_hash.row_hash) over (
                partition by {{ key_columns | join(", ") }}, {{ version_group }}
            ) as first_row_hash,
            max(with_hash.row_hash) over (
                partition by {{ key_columns | join(", ") }}, {{ version_group }}
            ) as last_row_hash,
            row_number() over (
                partition by {{ key_columns | join(", ") }}, {{ version_group }}, with_hash.row_hash
                order by with_hash.row_hash
            ) as copy_number
        from (
            select
                {{ relation }}.*,
                {{ row_values(key_columns) }} as row_key,
                {{ row_values(columns, with_names=true) }} as row_detail,
                {{ row_hash(columns) }} as row_hash
            from {{ relation }}
        ) as with_hash
    ) as hashed
    {%- endif %}
{%- endmacro %}
