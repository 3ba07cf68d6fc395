{#- Every raw account row, renamed and cast, with its duplicate status. An incremental run
    classifies again only the rows of the accounts whose rows changed, found by comparing each
    account's rows with those the previous build classified (decision log D95). -#}
{%- set key_columns = ['account_id'] -%}
{%- set columns = ['account_id', 'account_name', 'segment', 'region', 'created_at'] -%}
{{ config(**raw_rows_config(key_columns)) }}

with

source as (

    select * from {{ billing_source('accounts') }}

),

renamed as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(account_name as {{ dbt.type_string() }}) as account_name,
        cast(segment as {{ dbt.type_string() }}) as segment,
        cast(region as {{ dbt.type_string() }}) as region,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at
    from source

),

{%- if is_incremental() %}

{{ changed_raw_rows_ctes(
    relation='renamed', key_columns=key_columns, columns=columns, bucket='account_id'
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
        account_id,
        account_name,
        segment,
        region,
        created_at,
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
