{#- Acquire vs. expand: how much new-logo ARR a growth target needs, given the trailing
    twelve-month NRR the warehouse measured.

    Over a year the starting base B keeps B x NRR (expansion, contraction and churn included);
    to end at B x (1 + growth target) new logos must bring B x (1 + growth target - NRR).
    At 85% NRR a 40% growth target needs new-logo ARR of 1 + 0.40 - 0.85 = 55% of the
    starting base; at 120% NRR the same target needs 20%.

    Vars: growth_target (default 0.40), plan_as_of_month (default: the last reported month).
    Compile with `./warehouse dbt compile -s acquire_vs_expand_plan` and run the SQL in
    target/compiled, or paste it into a BI tool. -#}
{%- set growth_target = var("growth_target", 0.40) -%}

with

retention as (

    select * from {{ ref('retention_months') }}

),

account_months as (

    select * from {{ ref('mrr_account_months') }}

),

plan_month as (

    select
        {% if var("plan_as_of_month", "") -%}
        cast('{{ var("plan_as_of_month") }}' as date)
        {%- else -%}
        max(month_start)
        {%- endif %} as month_start
    from retention

),

starting_base as (

    select sum(account_months.arr) as starting_arr
    from account_months
    inner join plan_month
        on account_months.month_start = plan_month.month_start

),

measured as (

    select
        retention.dimension_value as scope,
        retention.t12m_nrr
    from retention
    inner join plan_month
        on retention.month_start = plan_month.month_start
    where retention.dimension = 'overall'

),

final as (

    select
        measured.scope,
        plan_month.month_start as plan_as_of_month,
        starting_base.starting_arr,
        measured.t12m_nrr,
        {{ growth_target }} as growth_target,
        1 + {{ growth_target }} - measured.t12m_nrr as new_logo_arr_share_of_base,
        starting_base.starting_arr * (1 + {{ growth_target }} - measured.t12m_nrr)
            as new_logo_arr_needed,
        starting_base.starting_arr * (1 + {{ growth_target }}) as target_ending_arr
    from measured
    cross join plan_month
    cross join starting_base

)

select * from final
