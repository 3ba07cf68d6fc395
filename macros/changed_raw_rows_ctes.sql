{#
    changed_raw_rows_ctes(relation, key_columns, columns, bucket)

    CTEs for the incremental run of a keyed base model (macro raw_rows_config): which raw rows
    must be classified again because their key's rows differ from those the previous build
    classified ({{ this }}, which holds every raw row with its columns as `relation` names
    them). The export carries no load timestamp, so contents are compared, in two steps that
    keep the comparison cheap:
      current_buckets, previous_buckets  an order-independent fingerprint (macro
                      rows_fingerprint) of every bucket of rows, now and as classified;
      changed_buckets the buckets whose fingerprints differ (new and emptied buckets too);
      changed_keys    every key with a row in a changed bucket, now or before: a key whose
                      rows changed, arrived, went or were copied;
      changed_rows    every current raw row of a changed key, which the model classifies
                      (classify_duplicates looks only at a key's own rows);
      removed_keys    the changed keys with no raw row left, whose classified rows the strategy
                      deletes (the model emits them as rows with duplicate_status 'removed').
    A bucket groups rows that tend to change together (the invoice lines of a month: an
    export adds a month's lines and seldom touches older months'), or is the key itself.
    Buckets only set how finely the change is found: two buckets read as one would classify
    both again, never miss a change. Buckets and keys are compared null-safe, so the rows of a
    null bucket, or with a null key part, are compared like any other.

    Arguments:
        relation: the CTE of renamed and cast raw rows.
        key_columns: the key columns (as in classify_duplicates).
        columns: every column of `relation`, which {{ this }} also has.
        bucket: a SQL expression over those columns, unqualified, grouping the rows compared
            together.
#}
{% macro changed_raw_rows_ctes(relation, key_columns, columns, bucket) %}
{%- set key_match -%}
    {% for key in key_columns %}changed_keys.{{ key }} is not distinct from {{ relation }}.{{ key }}{{ " and " if not loop.last }}{% endfor %}
{%- endset -%}
{%- set changed_row_key_match -%}
    {% for key in key_columns %}changed_keys.{{ key }} is not distinct from changed_rows.{{ key }}{{ " and " if not loop.last }}{% endfor %}
{%- endset -%}
{%- for buckets, rows in [("current_buckets", relation), ("previous_buckets", this)] %}
{{ buckets }} as (

    select
        {{ bucket }} as change_bucket,
        {{ rows_fingerprint(columns) }} as rows_fingerprint
    from {{ rows }}
    group by {{ bucket }}

),
{% endfor %}

changed_buckets as (

    select coalesce(current_buckets.change_bucket, previous_buckets.change_bucket) as change_bucket
    from current_buckets
    full outer join previous_buckets
        on current_buckets.change_bucket is not distinct from previous_buckets.change_bucket
    where current_buckets.rows_fingerprint is distinct from previous_buckets.rows_fingerprint

),

changed_keys as (

    select {% for key in key_columns %}current_raw_rows.{{ key }}{{ ", " if not loop.last }}{% endfor %}
    from {{ relation }} as current_raw_rows
    inner join changed_buckets
        on {{ bucket }} is not distinct from changed_buckets.change_bucket
    union
    select {% for key in key_columns %}classified_rows.{{ key }}{{ ", " if not loop.last }}{% endfor %}
    from {{ this }} as classified_rows
    inner join changed_buckets
        on {{ bucket }} is not distinct from changed_buckets.change_bucket

),

changed_rows as (

    select {{ relation }}.*
    from {{ relation }}
    where exists (
        select 1
        from changed_keys
        where {{ key_match }}
    )

),

-- a changed key with no current row is gone: changed_rows holds every current row of the
-- changed keys, so it is the only place to look
removed_keys as (

    select changed_keys.*
    from changed_keys
    where not exists (
        select 1
        from changed_rows
        where {{ changed_row_key_match }}
    )

)
{%- endmacro %}
