-- Continuity: each account's closing MRR equals the next month's opening MRR (before the FX
-- re-valuation, which is the next month's fx_adjustment), and every account has a row for
-- every month from its first through the horizon (no gaps, no missing last month).
with

account_waterfall as (

    select * from {{ ref('mrr_waterfall_account_months') }}

),

months as (

    select * from {{ ref('int_months_spined') }}

),

numbered as (

    select
        account_waterfall.account_id,
        account_waterfall.month_start,
        months.month_number,
        months.horizon_month_start,
        account_waterfall.opening_mrr,
        account_waterfall.closing_mrr,
        lead(months.month_number) over (
            partition by account_waterfall.account_id order by months.month_number
        ) as next_month_number,
        lead(account_waterfall.opening_mrr) over (
            partition by account_waterfall.account_id order by months.month_number
        ) as next_opening_mrr
    from account_waterfall
    inner join months
        on account_waterfall.month_start = months.month_start

),

final as (

    select
        *,
        case
            when next_month_number is null and month_start <> horizon_month_start
                then 'account rows stop before the horizon'
            when next_month_number is not null and next_month_number <> month_number + 1
                then 'gap in account months'
            when next_month_number is not null and next_opening_mrr <> closing_mrr
                then 'closing does not equal next opening'
        end as problem
    from numbered

)

select * from final
where problem is not null
