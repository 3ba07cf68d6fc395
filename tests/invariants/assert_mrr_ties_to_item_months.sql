-- Account-month MRR ties to the valued subscription item months it is built from: for every
-- account and month, the mart's MRR equals the sum of its active paid versions' MRR, and no
-- item-month's MRR is outside the mart.
with

account_months as (

    select * from {{ ref('mrr_account_months') }}

),

item_months as (

    select * from {{ ref('int_subscription_item_months_valued') }}

),

item_totals as (

    select
        account_id,
        month_start,
        sum(recurring_mrr + usage_mrr) as item_mrr
    from item_months
    group by account_id, month_start

),

final as (

    select
        coalesce(account_months.account_id, item_totals.account_id) as account_id,
        coalesce(account_months.month_start, item_totals.month_start) as month_start,
        account_months.mrr,
        item_totals.item_mrr
    from account_months
    full outer join item_totals
        on
            account_months.account_id = item_totals.account_id
            and account_months.month_start = item_totals.month_start

)

select * from final
where
    coalesce(mrr, 0) <> coalesce(item_mrr, 0)
    and not (mrr is null and item_mrr = 0)
