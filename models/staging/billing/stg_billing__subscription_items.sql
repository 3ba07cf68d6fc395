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

-- the contract: of two rows with the same subscription_item_id the later updated_at wins
deduplicated as (

    select
        *,
        row_number() over (
            partition by subscription_item_id
            order by updated_at desc, valid_from desc, quantity desc, unit_amount desc
        ) as version_rank
    from renamed

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
        coalesce(is_trial, false) as is_trial,
        updated_at
    from deduplicated
    where version_rank = 1

)

select * from final
