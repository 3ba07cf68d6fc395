{#- The final movements: each expansion movement gives up its share of the account-month's
    recovery, in proportion to its amount (metrics.md), keeping its motion. The largest gain
    takes the rounding remainder, so the recovery parts add up to the account's recovery
    exactly, and each movement's expansion + recovery is its original gain exactly. -#}
{{ config(**restatement_config()) }}
-- depends_on: {{ ref('int_restatement_windows_tracked') }}

with

movements as (

    select * from {{ ref('int_mrr_movements_classified') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

account_recoveries as (

    select * from {{ ref('int_account_months_peaked') }}
    {%- if is_incremental() %}
    where month_number >= {{ restate_from_bound() }}
    {%- endif %}

),

gains as (

    select
        movements.account_id,
        movements.product_id,
        movements.month_number,
        movements.month_start,
        movements.motion,
        movements.amount,
        {{ money('account_recoveries.recovery_mrr') }} as account_recovery_mrr,
        {{ money('account_recoveries.gains_mrr') }} as account_gains_mrr,
        row_number() over (
            partition by movements.account_id, movements.month_number
            order by movements.amount desc, movements.product_id asc, movements.motion asc
        ) as gain_rank
    from movements
    inner join account_recoveries
        on
            movements.account_id = account_recoveries.account_id
            and movements.month_number = account_recoveries.month_number
    where movements.movement_type = 'expansion'

),

proportional_shares as (

    select
        *,
        case
            when account_recovery_mrr = 0 then {{ money(0) }}
            else {{ divide_money(money('account_recovery_mrr * amount'), 'account_gains_mrr') }}
        end as proportional_recovery_mrr
    from gains

),

recovery_shares as (

    select
        *,
        case
            when gain_rank = 1
                then {{ money(
                    "account_recovery_mrr - (sum(proportional_recovery_mrr) over ("
                    ~ "partition by account_id, month_number) - proportional_recovery_mrr)") }}
            else proportional_recovery_mrr
        end as recovery_mrr
    from proportional_shares

),

split_gains as (

    select
        account_id,
        product_id,
        month_number,
        month_start,
        'recovery' as movement_type,
        motion,
        recovery_mrr as amount
    from recovery_shares

    union all

    select
        account_id,
        product_id,
        month_number,
        month_start,
        'expansion' as movement_type,
        motion,
        {{ money('amount - recovery_mrr') }} as amount
    from recovery_shares

),

other_movements as (

    select
        account_id,
        product_id,
        month_number,
        month_start,
        movement_type,
        motion,
        amount
    from movements
    where movement_type <> 'expansion'

),

unioned as (

    select * from split_gains
    union all
    select * from other_movements

),

final as (

    select * from unioned
    where amount <> 0

)

select * from final
