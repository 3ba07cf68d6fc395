{#- Every staged feature-usage row with the reason it is quarantined, null when accepted. -#}
with

feature_usage as (

    select * from {{ ref('stg_billing__feature_usage') }}

),

accounts as (

    select * from {{ ref('int_accounts_validated') }}
    where rejection_code is null

),

features as (

    select * from {{ ref('int_features_validated') }}
    where rejection_code is null

),

checked as (

    select
        feature_usage.*,
        case
            when feature_usage.events is null then 'missing_required_value'
            when accounts.account_id is null then 'unknown_account'
            when features.feature_id is null then 'unknown_feature'
            when feature_usage.events < 0 then 'negative_quantity'
            when feature_usage.usage_date > {{ far_future_cutoff() }} then 'far_future_date'
        end as rejection_code
    from feature_usage
    left join accounts
        on feature_usage.account_id = accounts.account_id
    left join features
        on feature_usage.feature_id = features.feature_id

),

final as (

    select
        *,
        case rejection_code
            when 'missing_required_value' then 'events is required'
            when 'unknown_account'
                then 'account ' || account_id || ' is not an accepted account'
            when 'unknown_feature'
                then 'feature ' || coalesce(feature_id, '(null)') || ' is not an accepted feature'
            when 'negative_quantity'
                then 'events ' || cast(events as {{ dbt.type_string() }}) || ' is negative'
            when 'far_future_date'
                then
                    'usage_date ' || cast(usage_date as {{ dbt.type_string() }})
                    || ' is in the far future'
        end as rejection_reason
    from checked

)

select * from final
