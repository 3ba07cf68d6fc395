{#- The log of subscription item versions as each build saw them: the first build writes every
    item; each later build appends only the items whose terms, end or quarantine decision
    changed since the log's latest entry for them, and the items that left the export, with
    the first date the change can move MRR (changed_from_date):
      - an item seen for the first time: its valid_from;
      - only valid_to moved (a version closed, extended or reopened): the earlier of the two
        ends;
      - any other term or the quarantine decision changed, or the item left the export: the
        earlier of the two starts.
    Changes are found by comparing contents, not updated_at, so a late-arriving row is found
    however old its months are and whatever timestamp the billing system gave it. The
    restatement window (int_restatement_windows_tracked) restates from the earliest
    changed_from_date of the entries a build appended. -#}
{{ config(materialized="incremental", incremental_strategy="append", on_schema_change="fail") }}

with

subscription_items as (

    select * from {{ ref('int_subscription_items_validated') }}

),

current_versions as (

    select
        subscription_item_id,
        subscription_id,
        valid_from,
        valid_to,
        {{ row_values([
            'subscription_id', 'account_id', 'plan_id', 'quantity', 'unit_amount',
            'discount_pct', 'currency_code', 'valid_from', 'is_trial', 'rejection_code'
        ]) }} as terms
    from subscription_items

),

{% if is_incremental() %}

logged_versions as (

    select
        *,
        row_number() over (
            partition by subscription_item_id order by log_sequence desc
        ) as recency
    from {{ this }}

),

latest_logged_versions as (

    select * from logged_versions
    where recency = 1 and not is_removed

),

compared as (

    select
        coalesce(current_versions.subscription_item_id, latest_logged.subscription_item_id)
            as subscription_item_id,
        coalesce(current_versions.subscription_id, latest_logged.subscription_id)
            as subscription_id,
        current_versions.valid_from,
        current_versions.valid_to,
        current_versions.terms,
        current_versions.subscription_item_id is null as is_removed,
        case
            when latest_logged.subscription_item_id is null then current_versions.valid_from
            when current_versions.subscription_item_id is null then latest_logged.valid_from
            when current_versions.terms <> latest_logged.terms
                then least(current_versions.valid_from, latest_logged.valid_from)
            when
                current_versions.valid_to is null and latest_logged.valid_to is null
                or current_versions.valid_to = latest_logged.valid_to
                then null
            else least(
                coalesce(current_versions.valid_to, latest_logged.valid_to),
                coalesce(latest_logged.valid_to, current_versions.valid_to)
            )
        end as changed_from_date
    from current_versions
    full outer join latest_logged_versions as latest_logged
        on current_versions.subscription_item_id = latest_logged.subscription_item_id

),

next_log_sequence as (

    select max(log_sequence) + 1 as log_sequence
    from {{ this }}

),

appended as (

    select
        compared.*,
        next_log_sequence.log_sequence
    from compared
    cross join next_log_sequence
    where compared.changed_from_date is not null

),

{% else %}

appended as (

    select
        *,
        false as is_removed,
        valid_from as changed_from_date,
        1 as log_sequence
    from current_versions

),

{% endif %}

final as (

    select
        cast(log_sequence as {{ dbt.type_int() }}) as log_sequence,
        subscription_item_id,
        subscription_id,
        valid_from,
        valid_to,
        terms,
        is_removed,
        changed_from_date
    from appended

)

select * from final
