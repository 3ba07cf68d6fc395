{#- The reporting calendar: every month from the first month any paid line starts through the
    horizon, the last complete month on or before as_of_date (metrics.md). month_number counts
    months from the first, so "the month before" is month_number - 1 on every engine. -#}
with

subscription_items as (

    select * from {{ ref('int_subscription_items_validated') }}
    where rejection_code is null

),

bounds as (

    select
        min(case when not is_trial then valid_from end) as first_valid_from,
        {{ as_of_date('updated_at') }} as as_of_date
    from subscription_items

),

horizon as (

    select
        {{ month_start('first_valid_from') }} as first_month_start,
        as_of_date,
        {{ horizon_month_start('as_of_date') }} as horizon_month_start
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
