-- Every account-month: closing = opening + fx_adjustment + new + reactivation + expansion
-- + recovery - contraction - churn, exactly (metrics.md). Returns the rows that break it.
with

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}

),

final as (

    select
        account_id,
        month_start,
        closing_mrr,
        opening_mrr + fx_adjustment_mrr + new_mrr + reactivation_mrr + expansion_mrr
        + recovery_mrr - contraction_mrr - churn_mrr as recomputed_closing_mrr
    from account_waterfall

)

select * from final
where closing_mrr <> recomputed_closing_mrr
