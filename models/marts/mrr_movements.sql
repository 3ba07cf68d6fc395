{{ config(**restatement_config('month_start')) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

movements as (

    select * from {{ ref('int_mrr_movements_allocated') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

final as (

    select
        account_id,
        product_id,
        month_start,
        movement_type,
        motion,
        amount,
        case
            when movement_type in ('contraction', 'churn') then {{ money('0 - amount') }}
            else amount
        end as signed_amount
    from movements

)

select * from final
