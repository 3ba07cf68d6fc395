{#- MRR per account, currency and month in the line currency. Re-valuing an earlier month at a
    later month's rates (the prior peak, trailing-12-month retention) needs the amounts before
    conversion, per currency. -#}
{{ config(**restatement_config()) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

item_months as (

    select * from {{ ref('int_subscription_item_months_valued') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

final as (

    select
        account_id,
        currency_code,
        month_number,
        month_start,
        sum(mrr_local) as mrr_local
    from item_months
    group by account_id, currency_code, month_number, month_start

)

select * from final
