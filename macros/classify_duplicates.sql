{#
    classify_duplicates(relation, key_columns, columns, version_column=none,
                        required_key_columns=none, keyless=false)

    Selects every row of `relation` with added columns, so staging can keep one row per key
    and the quarantine can account for every other raw row:
      row_key           the key values joined with '|' (how a rejected row is named);
      copy_number       (keyed tables) 1, 2, ... among identical copies of a key's version;
      duplicate_status  kept | null_key | superseded_version | duplicate_key | duplicate_row:
        null_key            a key column is null;
        superseded_version  an older `version_column` value than the key's latest (the raw
                            contract: the later updated_at wins);
        duplicate_key       rows sharing the key (and version) whose contents differ: which one
                            is right cannot be known, so none is kept;
        duplicate_row       an identical copy of a kept row;
        kept                the one row of its key that staging passes on.
    The trace of a rejected row's values (row_detail) is built in billing_rejected_rows for
    the few rows that need it, not here for every row.

    Most keys have exactly one raw row: those are classified by a count per key (no window),
    and only the keys with several rows are ranked by window functions, which would otherwise
    sort the whole table.

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
    {%- set required_key_columns = required_key_columns or key_columns -%}
    {%- set null_key_condition -%}
        {% for key in required_key_columns %}{{ key }} is null{{ " or " if not loop.last }}{% endfor %}
    {%- endset -%}
    {%- if keyless %}
    {#- readings to add up: no row is dropped as a copy, so nothing is compared or ranked -#}
    select
        {{ relation }}.*,
        {{ row_values(key_columns) }} as row_key,
        case
            when {{ null_key_condition }} then 'null_key'
            else 'kept'
        end as duplicate_status
    from {{ relation }}
    {%- else %}
    {%- set text_type = dbt.type_string() -%}
    {%- set version_group = ("coalesce(cast(" ~ version_column ~ " as " ~ text_type ~ "), '')")
        if version_column else "''" -%}
    {%- set key_join -%}
        {% for key in key_columns %}hashed.{{ key }} = key_counts.{{ key }}{{ " and " if not loop.last }}{% endfor %}
    {%- endset %}
    with

    hashed as (

        select
            {{ relation }}.*,
            {{ row_values(key_columns) }} as row_key,
            {{ row_hash(columns) }} as row_hash
        from {{ relation }}

    ),

    key_counts as (

        select
            {{ key_columns | join(", ") }},
            count(*) as key_rows
        from hashed
        group by {{ key_columns | join(", ") }}

    ),

    counted as (

        select
            hashed.*,
            key_counts.key_rows
        from hashed
        left join key_counts
            on {{ key_join }}

    ),

    -- a key with one row is its own latest version and has no copies; it matched its count
    -- by equality on every key column, so none of them is null
    single_rows as (

        select
            {% for column in columns %}{{ column }},
            {% endfor -%}
            row_key,
            cast(1 as {{ dbt.type_bigint() }}) as copy_number,
            'kept' as duplicate_status
        from counted
        where key_rows = 1

    ),

    -- keys with several rows, and keys with a null part (which no equality join matches)
    ranked as (

        select
            *,
            {%- if version_column %}
            max({{ version_column }}) over (
                partition by {{ key_columns | join(", ") }}
            ) as latest_version,
            {%- endif %}
            min(row_hash) over (
                partition by {{ key_columns | join(", ") }}, {{ version_group }}
            ) as first_row_hash,
            max(row_hash) over (
                partition by {{ key_columns | join(", ") }}, {{ version_group }}
            ) as last_row_hash,
            row_number() over (
                partition by {{ key_columns | join(", ") }}, {{ version_group }}, row_hash
                order by row_hash
            ) as copy_number
        from counted
        where key_rows is null or key_rows > 1

    ),

    several_rows as (

        select
            {% for column in columns %}{{ column }},
            {% endfor -%}
            row_key,
            cast(copy_number as {{ dbt.type_bigint() }}) as copy_number,
            case
                when {{ null_key_condition }} then 'null_key'
                {%- if version_column %}
                when
                    latest_version is not null
                    and ({{ version_column }} is null or {{ version_column }} < latest_version)
                    then 'superseded_version'
                {%- endif %}
                when first_row_hash <> last_row_hash then 'duplicate_key'
                when copy_number > 1 then 'duplicate_row'
                else 'kept'
            end as duplicate_status
        from ranked

    )

    select * from single_rows
    union all
    select * from several_rows
    {%- endif %}
{%- endmacro %}
