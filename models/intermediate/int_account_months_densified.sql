{#- One row per account and month from its first month with MRR > 0 through the horizon, zero
    months included: closing MRR, opening MRR (last month at last month's rates), opening
    re-valued at this month's rates, and the account's state this month, which decides whether
    the month carries new, churn, reactivation or motion movements (metrics.md). -#}
{{ config(**restatement_config()) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

product_months as (

    select * from {{ ref('int_account_product_months_densified') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

account_months as (

    select
        account_id,
        month_number,
        month_start,
        sum(recurring_mrr) as recurring_mrr,
        sum(usage_mrr) as usage_mrr,
        sum(mrr) as mrr,
        sum(opening_mrr) as opening_mrr,
        sum(opening_mrr_cc) as opening_mrr_cc
    from product_months
    group by account_id, month_number, month_start

),

{%- if is_incremental() %}

-- an account with months kept before the window has a row in the month just before it (the
-- panel runs without a gap from the account's first MRR month through the horizon), which
-- carries that first month; and it had MRR before the window, in that first month. Reading
-- that one month replaces a pass over the whole history (decision log D96)
kept_histories as (

    select
        account_id,
        first_mrr_month_number,
        1 as had_mrr_before_window
    from {{ this }}
    where month_number = {{ restate_from_bound() }} - 1

),

{%- endif %}

-- the panel starts in the account's first month with MRR: kept accounts carry it, the others
-- start in the window
account_histories as (

    {%- if is_incremental() %}
    select * from kept_histories
    union all
    {%- endif %}
    select
        account_id,
        min(month_number) as first_mrr_month_number,
        0 as had_mrr_before_window
    from account_months
    {%- if is_incremental() %}
    where
        not exists (
            select 1
            from kept_histories
            where kept_histories.account_id = account_months.account_id
        )
    {%- endif %}
    group by account_id

),

with_history as (

    select
        account_months.*,
        account_histories.first_mrr_month_number,
        greatest(
            account_histories.had_mrr_before_window,
            coalesce(max(case when account_months.mrr > 0 then 1 else 0 end) over (
                partition by account_months.account_id
                order by account_months.month_number
                rows between unbounded preceding and 1 preceding
            ), 0)
        ) as had_mrr_before
    from account_months
    inner join account_histories
        on account_months.account_id = account_histories.account_id

),

final as (

    select
        account_id,
        month_number,
        month_start,
        first_mrr_month_number,
        recurring_mrr,
        usage_mrr,
        mrr,
        opening_mrr,
        opening_mrr_cc,
        {{ money('opening_mrr_cc - opening_mrr') }} as fx_adjustment_mrr,
        case
            when month_number = first_mrr_month_number then 'new'
            when opening_mrr > 0 and mrr > 0 then 'retained'
            when opening_mrr > 0 then 'churned'
            when mrr > 0 and had_mrr_before = 1 then 'reactivated'
            else 'inactive'
        end as account_status
    from with_history

)

select * from final
