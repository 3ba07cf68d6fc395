{#- Every raw invoice line, renamed and cast, with its duplicate status. An incremental run
    classifies again only the lines of the keys whose rows changed, found by comparing each
    month's lines (the month their period starts in) with those the previous build classified:
    an export adds a month of lines and seldom touches older ones (decision log D95). -#}
{%- set key_columns = ['invoice_line_id'] -%}
{%- set columns = [
    'invoice_line_id', 'invoice_id', 'account_id', 'subscription_id', 'line_type', 'amount',
    'currency_code', 'period_start', 'period_end', 'issued_at'
] -%}
{{ config(**raw_rows_config(key_columns)) }}

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

{%- if is_incremental() %}

{{ changed_raw_rows_ctes(
    relation='renamed',
    key_columns=key_columns,
    columns=columns,
    bucket=dbt.date_trunc('month', 'period_start')
) }},

{%- endif %}

classified as (

    {{ classify_duplicates(
        relation='changed_rows' if is_incremental() else 'renamed',
        key_columns=key_columns,
        columns=columns
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
    {%- if is_incremental() %}
    union all
    {{ removed_raw_keys_rows('removed_keys', key_columns, columns) }}
    {%- endif %}

)

select * from final
