{{ config(**restatement_config('month_start')) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

product_lines as (

    select * from {{ ref('int_product_line_months_pivoted') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

account_months as (

    select * from {{ ref('mrr_account_months') }}
    {%- if is_incremental() %}
    where month_start >= {{ restate_from_bound('month_start') }}
    {%- endif %}

),

account_totals as (

    select
        account_id,
        month_start,
        sum(opening_mrr) as opening_mrr,
        {%- for component in waterfall_components() %}
        sum({{ component }}_mrr) as {{ component }}_mrr,
        {%- endfor %}
        sum(opening_mrr_cc) as opening_mrr_cc,
        sum(closing_mrr) as closing_mrr
    from product_lines
    group by account_id, month_start

),

final as (

    select
        account_totals.account_id,
        account_totals.month_start,
        account_months.segment,
        account_months.region,
        account_months.cohort_month,
        account_months.account_status,
        account_totals.opening_mrr,
        {%- for component in waterfall_components() %}
        account_totals.{{ component }}_mrr,
        {%- endfor %}
        account_totals.closing_mrr,
        account_totals.opening_mrr_cc,
        account_months.prior_peak_mrr
    from account_totals
    inner join account_months
        on
            account_totals.account_id = account_months.account_id
            and account_totals.month_start = account_months.month_start

)

select * from final
