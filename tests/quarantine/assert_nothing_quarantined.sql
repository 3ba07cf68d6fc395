{{ config(severity='warn') }}
-- Warns when any raw row was quarantined as malformed (expected kinds, superseded versions and
-- identical copies, do not count): the build goes on without those rows, and every one is
-- listed with its reason in billing_rejected_rows.
select
    table_name,
    reason_code,
    row_key,
    reason
from {{ ref('billing_rejected_rows') }}
where is_error
