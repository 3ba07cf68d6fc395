{{ config(**restatement_config('month_start')) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

account_months as (

    select * from {{ ref('int_account_months_densified') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

account_peaks as (

    select * from {{ ref('int_account_months_peaked') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

accounts as (

    select * from {{ ref('int_accounts_validated') }}
    where rejection_code is null

),

months as (

    select * from {{ ref('int_months_spined') }}

),

final as (

    select
        account_months.account_id,
        account_months.month_start,
        months.month_end,
        accounts.account_name,
        coalesce(accounts.segment, 'unknown') as segment,
        coalesce(accounts.region, 'unknown') as region,
        first_months.month_start as cohort_month,
        account_months.month_number - account_months.first_mrr_month_number
            as months_since_start,
        account_months.account_status,
        account_months.mrr > 0 as is_active,
        account_months.recurring_mrr,
        account_months.usage_mrr,
        account_months.mrr,
        {{ money('12 * account_months.mrr') }} as arr,
        {{ money('account_peaks.prior_peak_mrr') }} as prior_peak_mrr,
        {{ money('12 * account_peaks.prior_peak_mrr') }} as prior_peak_arr
    from account_months
    inner join months
        on account_months.month_number = months.month_number
    -- the cohort is the account's first month with MRR, restated or not
    inner join months as first_months
        on account_months.first_mrr_month_number = first_months.month_number
    left join accounts
        on account_months.account_id = accounts.account_id
    left join account_peaks
        on
            account_months.account_id = account_peaks.account_id
            and account_months.month_number = account_peaks.month_number

)

select * from final
