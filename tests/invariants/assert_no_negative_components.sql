-- Components are magnitudes: none is negative (fx_adjustment is signed and excluded), MRR is
-- never negative, and each movement sits in the column of its sign.
with

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}

),

final as (

    select *
    from account_waterfall
    where
        opening_mrr < 0
        or new_mrr < 0
        or reactivation_mrr < 0
        or expansion_mrr < 0
        or recovery_mrr < 0
        or contraction_mrr < 0
        or churn_mrr < 0
        or closing_mrr < 0

)

select * from final
