{#- Every raw subscription item version, renamed and cast, with its duplicate status. An
    incremental run classifies again only the rows of the items whose rows changed, found by
    comparing each item's rows with those the previous build classified (decision log D95). -#}
{%- set key_columns = ['subscription_item_id'] -%}
{%- set columns = [
    'subscription_item_id', 'subscription_id', 'account_id', 'plan_id', 'quantity',
    'unit_amount', 'discount_pct', 'currency_code', 'valid_from', 'valid_to', 'is_trial',
    'updated_at'
] -%}
{{ config(**raw_rows_config(key_columns)) }}

with

source as (

    select * from {{ billing_source('subscription_items') }}

),

renamed as (

    select
        cast(subscription_item_id as {{ dbt.type_string() }}) as subscription_item_id,
        cast(subscription_id as {{ dbt.type_string() }}) as subscription_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(plan_id as {{ dbt.type_string() }}) as plan_id,
        {{ money('quantity') }} as quantity,
        {{ money('unit_amount') }} as unit_amount,
        {{ money('discount_pct') }} as discount_pct,
        upper(trim(cast(currency as {{ dbt.type_string() }}))) as currency_code,
        cast(valid_from as date) as valid_from,
        cast(valid_to as date) as valid_to,
        cast(is_trial as {{ dbt.type_boolean() }}) as is_trial,
        cast(updated_at as {{ dbt.type_timestamp() }}) as updated_at
    from source

),

{%- if is_incremental() %}

{{ changed_raw_rows_ctes(
    relation='renamed', key_columns=key_columns, columns=columns, bucket='subscription_item_id'
) }},

{%- endif %}

classified as (

    {{ classify_duplicates(
        relation='changed_rows' if is_incremental() else 'renamed',
        key_columns=key_columns,
        columns=columns,
        version_column='updated_at'
    ) }}

),

final as (

    select
        subscription_item_id,
        subscription_id,
        account_id,
        plan_id,
        quantity,
        unit_amount,
        discount_pct,
        currency_code,
        valid_from,
        valid_to,
        is_trial,
        updated_at,
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
