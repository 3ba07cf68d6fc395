-- Nothing the raw tables hold is lost without a trace: for every billing table, raw rows =
-- accepted rows + quarantined rows. Returns each table where the counts disagree.
{%- set tables = billing_contract().keys() | list %}

with

counts as (
    {% for table_name in tables %}
    select
        '{{ table_name }}' as table_name,
        (select count(*) from {{ ref('base_billing__' ~ table_name) }}) as raw_rows,
        (
            select count(*) from {{ ref('int_' ~ table_name ~ '_validated') }}
            where rejection_code is null
        ) as accepted_rows,
        (
            select count(*) from {{ ref('billing_rejected_rows') }}
            where table_name = '{{ table_name }}'
        ) as quarantined_rows
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (

    select * from counts
    where raw_rows <> accepted_rows + quarantined_rows

)

select * from final
