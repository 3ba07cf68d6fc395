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

-- accounts carry no updated_at: of exact or conflicting duplicates one row is kept, the
-- latest created, so the key stays unique and the choice is deterministic
deduplicated as (

    select
        *,
        row_number() over (
            partition by account_id
            order by created_at desc, account_name desc
        ) as duplicate_rank
    from renamed

),

final as (

    select
        account_id,
        account_name,
        segment,
        region,
        created_at
    from deduplicated
    where duplicate_rank = 1

)

select * from final
