with

source as (

    select * from {{ billing_source('fx_rates') }}

),

renamed as (

    select
        upper(trim(cast(currency as {{ dbt.type_string() }}))) as currency_code,
        {{ month_start('cast(rate_month as date)') }} as rate_month,
        {{ money('rate_to_reporting') }} as rate_to_reporting
    from source

),

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=['currency_code', 'rate_month'],
        columns=['currency_code', 'rate_month', 'rate_to_reporting']
    ) }}

),

final as (

    select
        currency_code,
        rate_month,
        rate_to_reporting,
        row_key,
        copy_number,
        duplicate_status
    from classified

)

select * from final
