-- Months with new, churn or reactivation carry no motion movements, and only those months
-- carry new, churn or reactivation (metrics.md). FX is never a motion.
with

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}

),

final as (

    select *
    from account_waterfall
    where
        (
            account_status <> 'retained'
            and (expansion_mrr <> 0 or recovery_mrr <> 0 or contraction_mrr <> 0)
        )
        or (account_status <> 'new' and new_mrr <> 0)
        or (account_status <> 'churned' and churn_mrr <> 0)
        or (account_status <> 'reactivated' and reactivation_mrr <> 0)
        or (account_status = 'new' and new_mrr <> closing_mrr)
        or (account_status = 'churned' and churn_mrr <> opening_mrr_cc)

)

select * from final
