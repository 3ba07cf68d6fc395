-- Errors when the malformed share of any raw table exceeds the var max_quarantined_share
-- (default 0.05): past that the data is more likely broken than dirty, and figures built from
-- the rest would mislead. Returns each table over the limit with its share.
{%- set tables = billing_contract().keys() | list %}

with

raw_counts as (
    {% for table_name in tables %}
    select
        '{{ table_name }}' as table_name,
        count(*) as raw_rows
    from {{ ref('base_billing__' ~ table_name) }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

quarantined as (

    select
        table_name,
        count(*) as quarantined_rows
    from {{ ref('billing_rejected_rows') }}
    where is_error
    group by table_name

),

final as (

    select
        raw_counts.table_name,
        raw_counts.raw_rows,
        quarantined.quarantined_rows,
        {{ safe_divide('quarantined.quarantined_rows', 'raw_counts.raw_rows') }} as quarantined_share
    from raw_counts
    inner join quarantined
        on raw_counts.table_name = quarantined.table_name

)

select * from final
where quarantined_share > {{ var('max_quarantined_share', 0.05) }}
