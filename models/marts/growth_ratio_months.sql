{#- Growth efficiency per month, overall and per segment (metrics.md):
      quick ratio = (new + expansion) / (churn + contraction), null when nothing was lost;
        recovery and reactivation are left out on purpose (restoring revenue is not growth);
      expansion rate = expansion / opening_cc;
      expansion share of net-new = expansion / (new + expansion);
      ARPA = MRR / accounts with MRR > 0. -#}
with

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}

),

scoped_rows as (

    {{ overall_and_segment_rows('account_waterfall') }}

),

totals as (

    select
        month_start,
        dimension,
        dimension_value,
        sum(opening_mrr_cc) as opening_mrr_cc,
        sum(new_mrr) as new_mrr,
        sum(expansion_mrr) as expansion_mrr,
        sum(recovery_mrr) as recovery_mrr,
        sum(reactivation_mrr) as reactivation_mrr,
        sum(contraction_mrr) as contraction_mrr,
        sum(churn_mrr) as churn_mrr,
        sum(closing_mrr) as closing_mrr,
        sum(case when closing_mrr > 0 then 1 else 0 end) as active_accounts
    from scoped_rows
    group by month_start, dimension, dimension_value

),

final as (

    select
        month_start,
        dimension,
        dimension_value,
        opening_mrr_cc,
        new_mrr,
        expansion_mrr,
        recovery_mrr,
        reactivation_mrr,
        contraction_mrr,
        churn_mrr,
        closing_mrr,
        active_accounts,
        {{ safe_divide('new_mrr + expansion_mrr', 'churn_mrr + contraction_mrr') }} as quick_ratio,
        {{ safe_divide('expansion_mrr', 'opening_mrr_cc') }} as expansion_rate,
        {{ safe_divide('expansion_mrr', 'new_mrr + expansion_mrr') }} as expansion_share_of_net_new,
        {{ safe_divide('closing_mrr', 'active_accounts') }} as arpa
    from totals

)

select * from final
