with

source as (

    select * from {{ billing_source('invoice_lines') }}

),

renamed as (

    select
        cast(invoice_line_id as {{ dbt.type_string() }}) as invoice_line_id,
        cast(invoice_id as {{ dbt.type_string() }}) as invoice_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(subscription_id as {{ dbt.type_string() }}) as subscription_id,
        lower(trim(cast(line_type as {{ dbt.type_string() }}))) as line_type,
        {{ money('amount') }} as amount,
        upper(trim(cast(currency as {{ dbt.type_string() }}))) as currency_code,
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        cast(issued_at as {{ dbt.type_timestamp() }}) as issued_at
    from source

),

classified as (

    {{ classify_duplicates(
        relation='renamed',
        key_columns=['invoice_line_id'],
        columns=[
            'invoice_line_id', 'invoice_id', 'account_id', 'subscription_id', 'line_type',
            'amount', 'currency_code', 'period_start', 'period_end', 'issued_at'
        ]
    ) }}

),

final as (

    select
        invoice_line_id,
        invoice_id,
        account_id,
        subscription_id,
        line_type,
        amount,
        currency_code,
        period_start,
        period_end,
        issued_at,
        row_key,
        copy_number,
        duplicate_status
    from classified

)

select * from final
