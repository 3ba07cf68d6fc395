-- Recovery never exceeds the gap between the prior peak and the opening (constant currency),
-- and under expansion_basis prior_month there is none.
with

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}

),

final as (

    select *
    from account_waterfall
    where
    {% if var("expansion_basis", "peak") == "prior_month" -%}
        recovery_mrr <> 0
        {%- else -%}
        recovery_mrr > prior_peak_mrr - opening_mrr_cc
        and recovery_mrr > 0
    {%- endif %}

)

select * from final
