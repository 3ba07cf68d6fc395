{#- The reporting calendar: every month from the first month any paid line starts through the
    horizon, the last complete month on or before as_of_date (metrics.md). month_number counts
    months from the first, so "the month before" is month_number - 1 on every engine. -#}
{%- set as_of_date = var("as_of_date", "") -%}

with

subscription_items as (

    select * from {{ ref('stg_billing__subscription_items') }}

),

bounds as (

    select
        min(case when not is_trial then valid_from end) as first_valid_from,
        {% if as_of_date -%}
        cast('{{ as_of_date }}' as date) as as_of_date
        {%- else -%}
        max(cast(updated_at as date)) as as_of_date
        {%- endif %}
    from subscription_items

),

horizon as (

    select
        {{ month_start('first_valid_from') }} as first_month_start,
        as_of_date,
        -- the month holding the day after as_of_date, minus one, is complete on as_of_date
        cast({{ dbt.dateadd('month', -1, month_start(dbt.dateadd('day', 1, 'as_of_date'))) }} as date)
            as horizon_month_start
    from bounds

),

month_offsets as (

    {{ dbt.generate_series(1200) }}

),

months as (

    select
        cast(month_offsets.generated_number - 1 as {{ dbt.type_int() }}) as month_number,
        horizon.first_month_start,
        horizon.horizon_month_start,
        horizon.as_of_date
    from month_offsets
    cross join horizon

),

final as (

    select
        month_number,
        cast({{ dbt.dateadd('month', 'month_number', 'first_month_start') }} as date) as month_start,
        cast({{ dbt.last_day(dbt.dateadd('month', 'month_number', 'first_month_start'), 'month') }} as date)
            as month_end,
        horizon_month_start,
        as_of_date
    from months
    where
        cast({{ dbt.dateadd('month', 'month_number', 'first_month_start') }} as date)
        <= horizon_month_start

)

select * from final
