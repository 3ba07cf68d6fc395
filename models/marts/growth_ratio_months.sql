{#- Growth efficiency per month, overall and per segment (metrics.md):
      quick ratio = (new + expansion) / (churn + contraction), null when nothing was lost;
        recovery and reactivation are left out on purpose (restoring revenue is not growth);
      expansion rate = expansion / opening_cc;
      expansion share of net-new = expansion / (new + expansion);
      ARPA = MRR / accounts with MRR > 0.
    Every figure is a ratio of the monthly waterfall's totals, so they are read from
    mrr_waterfall_months (its overall and segment rows, closing_accounts being the accounts
    with MRR > 0) instead of being summed again from every account-month (decision log D96). -#}
with

waterfall_months as (

    select * from {{ ref('mrr_waterfall_months') }}
    where dimension in ('overall', 'segment')

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
        closing_accounts as active_accounts,
        {{ safe_divide('new_mrr + expansion_mrr', 'churn_mrr + contraction_mrr') }} as quick_ratio,
        {{ safe_divide('expansion_mrr', 'opening_mrr_cc') }} as expansion_rate,
        {{ safe_divide('expansion_mrr', 'new_mrr + expansion_mrr') }} as expansion_share_of_net_new,
        {{ safe_divide('closing_mrr', 'closing_accounts') }} as arpa
    from waterfall_months

)

select * from final
