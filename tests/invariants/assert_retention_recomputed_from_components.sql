-- Monthly NRR and GRR of the mart equal a re-computation from the account waterfall
-- (accounts with opening > 0), to the tenth decimal place.
with

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}

),

retention as (

    select * from {{ ref('retention_months') }}

),

recomputed as (

    select
        month_start,
        sum(opening_mrr_cc) as base_mrr,
        sum(opening_mrr_cc + expansion_mrr + recovery_mrr - contraction_mrr - churn_mrr)
            as net_retained_mrr,
        sum(opening_mrr_cc - contraction_mrr - churn_mrr) as gross_retained_mrr
    from account_waterfall
    where opening_mrr > 0
    group by month_start

),

final as (

    select
        retention.month_start,
        retention.nrr,
        retention.grr,
        {{ safe_divide('recomputed.net_retained_mrr', 'recomputed.base_mrr') }} as recomputed_nrr,
        {{ safe_divide('recomputed.gross_retained_mrr', 'recomputed.base_mrr') }} as recomputed_grr
    from retention
    left join recomputed
        on retention.month_start = recomputed.month_start
    where retention.dimension = 'overall'

)

select * from final
where
    abs(coalesce(nrr, -1) - coalesce(recomputed_nrr, -1)) > 0.0000000001
    or abs(coalesce(grr, -1) - coalesce(recomputed_grr, -1)) > 0.0000000001
