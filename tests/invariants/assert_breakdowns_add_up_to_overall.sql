-- The segment, region and product breakdowns of every month add up to the overall row for
-- every component, exactly.
with

monthly_waterfall as (

    select * from {{ ref('mrr_waterfall_months') }}

),

overall as (

    select * from monthly_waterfall
    where dimension = 'overall'

),

breakdowns as (

    select
        month_start,
        dimension,
        sum(opening_mrr) as opening_mrr,
        {%- for component in waterfall_components() %}
        sum({{ component }}_mrr) as {{ component }}_mrr,
        {%- endfor %}
        sum(closing_mrr) as closing_mrr
    from monthly_waterfall
    where dimension <> 'overall'
    group by month_start, dimension

),

final as (

    select
        breakdowns.month_start,
        breakdowns.dimension
    from breakdowns
    inner join overall
        on breakdowns.month_start = overall.month_start
    where
        breakdowns.opening_mrr <> overall.opening_mrr
        or breakdowns.closing_mrr <> overall.closing_mrr
        {%- for component in waterfall_components() %}
        or breakdowns.{{ component }}_mrr <> overall.{{ component }}_mrr
        {%- endfor %}

)

select * from final
