{#- The quarantine: every raw billing row that does not reach the marts, with the table, its key
    and a specific reason. Rows merely odd but valid (a zero price, a 100% discount) are not
    here: they follow metrics.md. Two kinds are expected, not errors: an older version of a
    subscription item superseded by a later updated_at (the contract), and an identical copy of
    a row. For every table, raw rows = accepted rows + the rows here. Each row's values are
    traced (row_detail) here, for these few rows, not upstream for every raw row. -#}
{%- set contract = billing_contract() -%}

with

{% for table_name, table in contract.items() %}
{%- set row_detail = row_values(billing_staged_columns(table_name), with_names=true) %}
{{ table_name }}_duplicates as (

    select
        '{{ table_name }}' as table_name,
        row_key,
        duplicate_status as reason_code,
        case duplicate_status
            when 'null_key' then 'the key is null'
            when 'superseded_version' then 'superseded by a later updated_at of the same id'
            when 'duplicate_key' then 'another row has the same key with different values'
            when 'duplicate_row' then 'an identical copy of another row'
        end as reason,
        duplicate_status not in ('superseded_version', 'duplicate_row') as is_error,
        {{ row_detail }} as row_detail
    from {{ ref('base_billing__' ~ table_name) }}
    where duplicate_status <> 'kept'

),

{%- if table.get("keyless", false) %}

-- a reading's columns pass through validation unchanged. Its name is built here, after the
-- filter, as classify_duplicates builds it: the rejection sits above the validation's joins,
-- so selecting the view's row_key would build it for every reading first (4.7 million
-- feature-usage rows at 100,000 accounts, for a handful of rejections)
{{ table_name }}_rejections as (

    select
        '{{ table_name }}' as table_name,
        {{ row_values(table.row_key) }} as row_key,
        rejection_code as reason_code,
        rejection_reason as reason,
        true as is_error,
        {{ row_detail }} as row_detail
    from {{ ref('int_' ~ table_name ~ '_validated') }}
    where rejection_code is not null

),

{%- else %}

{{ table_name }}_rejected_keys as (

    select
        row_key as rejected_row_key,
        rejection_code,
        rejection_reason
    from {{ ref('int_' ~ table_name ~ '_validated') }}
    where rejection_code is not null

),

-- the raw values of the one kept row of the key (validation may read a value differently,
-- e.g. a far-future valid_to as open-ended), traced after the join: only the few rejected
-- keys' rows build a text (decision log D96)
{{ table_name }}_rejections as (

    select
        '{{ table_name }}' as table_name,
        kept_rows.row_key,
        rejected.rejection_code as reason_code,
        rejected.rejection_reason as reason,
        true as is_error,
        {{ row_detail }} as row_detail
    from {{ ref('base_billing__' ~ table_name) }} as kept_rows
    inner join {{ table_name }}_rejected_keys as rejected
        on kept_rows.row_key = rejected.rejected_row_key
    where kept_rows.duplicate_status = 'kept'

),

{%- endif %}

{% endfor %}
unioned as (
    {% for table_name in contract.keys() %}
    select * from {{ table_name }}_duplicates
    union all
    select * from {{ table_name }}_rejections
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (

    select
        *,
        -- identical copies of one raw row are told apart by their copy number
        row_number() over (
            partition by table_name, row_key, reason_code, row_detail
            order by table_name
        ) as copy_number
    from unioned

)

select * from final
