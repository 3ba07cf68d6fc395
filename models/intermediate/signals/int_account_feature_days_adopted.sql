{#- Feature adoption per account, product and day of the signal calendar: the distinct
    features of the product with events in the trailing 90 days (the features a product has
    are counted where breadth is computed, over the products held). A feature used on day u
    counts on days u to u + 89; uses less than 90 days apart are first merged into one span,
    so each feature counts at most once a day without a distinct count over a window. Only the
    uses from 89 days before the first day computed are read, so a row is a function of the
    uses and the day alone and an incremental run computes only the signal window's days
    (int_signal_windows_tracked). -#}
{{ config(**signal_days_config('calendar', per_account=false)) }}
-- depends_on: {{ ref('int_signal_windows_tracked') }}

with

days as (

    select * from {{ ref('int_signal_days_spined') }}

),

feature_usage as (

    select * from {{ ref('int_feature_usage_validated') }}
    where rejection_code is null

),

features as (

    select * from {{ ref('int_features_validated') }}
    where rejection_code is null

),

computed_days as (

    select
        {%- if is_incremental() %}
        {{ signal_restate_from_day(this) }} as first_day,
        {%- else %}
        min(activity_date) as first_day,
        {%- endif %}
        max(activity_date) as last_day
    from days

),

-- the uses that reach a computed day. Of those before the first day computed, only each
-- feature's latest can count on a computed day (a use covers the 90 days from it), so they
-- are folded into it: a month's restatement at 100,000 accounts builds its spans from 0.9
-- million uses instead of 3.3 million (decision log D92)
uses as (

    select
        feature_usage.account_id,
        feature_usage.feature_id,
        max(feature_usage.usage_date) as usage_date
    from feature_usage
    inner join computed_days
        on
            feature_usage.usage_date
            between {{ dbt.dateadd('day', -89, 'computed_days.first_day') }}
            and computed_days.last_day
    where feature_usage.events > 0
    group by
        feature_usage.account_id,
        feature_usage.feature_id,
        case
            when feature_usage.usage_date >= computed_days.first_day
                then feature_usage.usage_date
        end

),

-- two uses of one 90-day bucket (days numbered from 1970-01-01) are less than 90 days apart,
-- so they always share a span: each bucket's first and last use stand for all its uses, and
-- the spans are built from about 100,000 bucket rows instead of 0.9 million uses at 100,000
-- accounts (decision log D96). Between buckets the rule is the uses': a gap over 90 days
-- starts a span
bucketed_uses as (

    select
        account_id,
        feature_id,
        min(usage_date) as first_usage_date,
        max(usage_date) as last_usage_date
    from uses
    group by
        account_id,
        feature_id,
        -- the 90-day bucket of the use (dbt.datediff renders longer than a line on duckdb)
        floor({{ dbt.datediff("cast('1970-01-01' as date)", 'usage_date', 'day') }} / 90)  -- noqa: LT05

),

with_gaps as (

    select
        *,
        lag(last_usage_date) over (
            partition by account_id, feature_id order by first_usage_date
        ) as previous_usage_date
    from bucketed_uses

),

span_starts as (

    select
        *,
        sum(
            case
                when
                    previous_usage_date is null
                    or {{ dbt.dateadd('day', 90, 'previous_usage_date') }} < first_usage_date
                    then 1
                else 0
            end
        ) over (
            partition by account_id, feature_id order by first_usage_date
            rows between unbounded preceding and current row
        ) as span_number
    from with_gaps

),

spans as (

    select
        account_id,
        feature_id,
        span_number,
        min(first_usage_date) as first_day,
        cast({{ dbt.dateadd('day', 89, 'max(last_usage_date)') }} as date) as last_day
    from span_starts
    group by account_id, feature_id, span_number

),

final as (

    select
        spans.account_id,
        features.product_id,
        days.day_number,
        days.activity_date,
        count(*) as features_used_90d
    from spans
    inner join features
        on spans.feature_id = features.feature_id
    inner join days
        on days.activity_date between spans.first_day and spans.last_day
    inner join computed_days
        on days.activity_date >= computed_days.first_day
    group by spans.account_id, features.product_id, days.day_number, days.activity_date

)

select * from final
