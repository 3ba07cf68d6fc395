-- Every month, dimension and value of the monthly totals obeys the waterfall identity exactly,
-- and opening_cc = opening + fx_adjustment.
with

monthly_waterfall as (

    select * from {{ ref('mrr_waterfall_months') }}

),

final as (

    select
        month_start,
        dimension,
        dimension_value,
        closing_mrr,
        opening_mrr + fx_adjustment_mrr + new_mrr + reactivation_mrr + expansion_mrr
        + recovery_mrr - contraction_mrr - churn_mrr as recomputed_closing_mrr,
        opening_mrr_cc,
        opening_mrr + fx_adjustment_mrr as recomputed_opening_mrr_cc
    from monthly_waterfall

)

select * from final
where
    closing_mrr <> recomputed_closing_mrr
    or opening_mrr_cc <> recomputed_opening_mrr_cc
