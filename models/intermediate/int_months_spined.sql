{#- The reporting calendar: every month from the first month any paid line starts through the
    horizon, the last complete month on or before as_of_date (metrics.md). month_number counts
    months from the first, so "the month before" is month_number - 1 on every engine. -#}
with

subscription_items as (

    select * from {{ ref('int_subscription_items_validated') }}

),

-- the calendar starts with the first accepted paid version; the as_of_date is the latest
-- updated_at of subscription_items (metrics.md), quarantined rows included, except one that
-- is itself malformed by lying after the build date
bounds as (

    select
        min(case when rejection_code is null and not is_trial then valid_from end)
            as first_valid_from,
        {{ as_of_date(
            "case when coalesce(rejection_code, '') <> 'far_future_date' then updated_at end"
        ) }} as as_of_date
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
