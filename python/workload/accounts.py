"""Accounts: who signs up when, and each account's fixed commercial profile.

New logos grow about 60% a year with a seasonal swing (strong Q1, weak summer): account
numbers are handed out in signup order by the cumulative share of each month's weight. The
profile (segment, region, currency, billing interval, starting tier and seats, trial, API
commitment, intro discount, negotiated price) is drawn once per account from hashes.
"""

ACCOUNTS_TABLE_SQL = """
create or replace table acct as
with month_weights as (
    select
        t,
        ($start_month + to_months(t))::date as month_start,
        exp(ln(1.6) * t / 12.0)
        * (1 + 0.25 * cos(2 * pi() * (month(($start_month + to_months(t))::date) - 2) / 12.0))
            as weight
    from range(0, $n_months) as r(t)
),

month_bounds as (
    select
        t,
        month_start,
        round($n_accounts * sum(weight) over (order by t) / sum(weight) over ())::bigint
            as hi
    from month_weights
),

month_ranges as (
    select t, month_start, coalesce(lag(hi) over (order by t), 0) as lo, hi
    from month_bounds
),

numbered as (
    select
        r.account_num,
        m.t as signup_t,
        m.month_start as signup_month,
        1 + floor(rnd(r.account_num, 0, 'signup_day') * 28)::integer as anchor_day,
        rnd(r.account_num, 0, 'segment') as u_segment,
        rnd(r.account_num, 0, 'region') as u_region
    from range(1, $n_accounts + 1) as r(account_num)
    inner join month_ranges as m
        on r.account_num > m.lo and r.account_num <= m.hi
),

profiled as (
    select
        *,
        case
            when u_segment < 0.60 then 'SMB'
            when u_segment < 0.88 then 'Mid-Market'
            when u_segment < 0.985 then 'Enterprise'
        end as segment,
        case
            when u_region < 0.45 then 'North America'
            when u_region < 0.80 then 'EMEA'
            when u_region < 0.95 then 'APAC'
            when u_region < 0.99 then 'LATAM'
        end as region
    from numbered
),

drawn as (
    select
        *,
        coalesce(segment, 'SMB') as size_class,
        rnd(account_num, 0, 'interval') as u_interval,
        rnd(account_num, 0, 'seats') as u_seats,
        rnd(account_num, 0, 'tier') as u_tier
    from profiled
)

select
    account_num,
    'acct_' || lpad(account_num::varchar, 7, '0') as account_id,
    signup_t,
    signup_month,
    anchor_day,
    (signup_month + (anchor_day - 1))::date as signup_date,
    segment,
    region,
    size_class,
    case
        when region = 'EMEA' and rnd(account_num, 0, 'currency') < 0.7 then 'EUR'
        when region = 'EMEA' then 'GBP'
        when region = 'APAC' and rnd(account_num, 0, 'currency') < 0.15 then 'GBP'
        else 'USD'
    end as currency,
    case size_class
        when 'SMB' then case when u_interval < 0.75 then 1 when u_interval < 0.85 then 3 else 12 end
        when 'Mid-Market'
            then case when u_interval < 0.5 then 1 when u_interval < 0.65 then 3 else 12 end
        else case when u_interval < 0.2 then 1 else 12 end
    end as interval_months,
    case size_class
        when 'SMB' then 2 + floor(14 * u_seats * u_seats)
        when 'Mid-Market' then 15 + floor(65 * u_seats)
        else 80 + floor(520 * u_seats * u_seats)
    end::double as base_seats,
    case size_class
        when 'SMB' then case when u_tier < 0.7 then 1 else 2 end
        when 'Mid-Market' then case when u_tier < 0.6 then 2 else 3 end
        else case when u_tier < 0.5 then 3 else 4 end
    end as base_tier,
    rnd(account_num, 0, 'trial') < case size_class
        when 'SMB' then 0.6 when 'Mid-Market' then 0.35 else 0.1
    end as has_trial,
    rnd(account_num, 0, 'converts') < 0.78 as trial_converts,
    rnd(account_num, 0, 'api') < case size_class when 'SMB' then 0.12 else 0.3 end as has_api,
    case size_class
        when 'SMB' then 1
        when 'Mid-Market' then 1 + floor(2 * rnd(account_num, 0, 'api_tier'))
        else 2 + floor(2 * rnd(account_num, 0, 'api_tier'))
    end as base_api_tier,
    case
        when rnd(account_num, 0, 'intro') < 0.25
            then [3, 6, 12][1 + floor(3 * rnd(account_num, 0, 'intro_len'))::integer]
        else 0
    end as intro_months,
    [10, 15, 20][1 + floor(3 * rnd(account_num, 0, 'intro_pct'))::integer] as intro_pct,
    case size_class
        when 'Enterprise' then round(20 * rnd(account_num, 0, 'negotiated'))
        when 'Mid-Market' then round(10 * rnd(account_num, 0, 'negotiated'))
        else 0
    end / 100.0 as negotiated_off,
    0.2 + 0.4 * rnd(account_num, 0, 'automation_share') as automation_share,
    rnd(account_num, 0, 'activity') < $activity_share as has_activity,
    (
        (signup_month + (anchor_day - 1))::date::timestamp
        + to_seconds((8 * 3600 + floor(rnd(account_num, 0, 'created_time') * 36000))::bigint)
    ) as created_at
from drawn
"""

NAME_WORDS = (
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne",
    "Tyrell", "Cyberdyne", "Soylent", "Wonka", "Gringotts", "Oscorp", "Aperture",
    "Massive", "Dunder", "Prestige", "Sterling", "Pied Piper",
)  # fmt: skip

NAME_SUFFIXES = ("Labs", "Inc", "GmbH", "Ltd", "Systems", "Group", "Analytics", "Logistics")


def accounts_out_sql() -> str:
    """The accounts table: id, a generated company name, segment, region, created_at."""
    words = "[" + ", ".join(f"'{w}'" for w in NAME_WORDS) + "]"
    suffixes = "[" + ", ".join(f"'{s}'" for s in NAME_SUFFIXES) + "]"
    return f"""
select
    account_id::varchar as account_id,
    (
        {words}[1 + account_num % {len(NAME_WORDS)}] || ' '
        || {suffixes}[1 + (account_num // {len(NAME_WORDS)}) % {len(NAME_SUFFIXES)}]
        || ' ' || account_num::varchar
    )::varchar as account_name,
    segment::varchar as segment,
    region::varchar as region,
    created_at::timestamp as created_at
from acct
order by account_num
"""
