"""The raw export as the billing system held it on an earlier day, for incremental runs.

A generated workload is the export on its last day. `write_snapshot(source, out, cutoff)`
writes what an export taken at midnight before `cutoff` would have held, so a build of the
snapshot followed by a build of the full workload is "the next month's run":

- subscription_items: only versions that started before the cutoff. A version written
  (updated_at) at or after the cutoff was then still open: it appears with no valid_to and
  the updated_at it had when it was opened, so the later export's rewrite is a late change
  the restatement window has to find.
- daily activity and invoices: only rows dated before the cutoff.
- accounts: only those created before the cutoff, so the next month's export brings its new
  accounts as a billing system's would (a monthly run must not take them for changed accounts).
- products, plans, features and FX rates: unchanged (the generator writes them for the whole
  window), so the snapshot differs only where a monthly run would.

Everything runs as DuckDB COPY statements: nothing is loaded into Python.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

# written beside a snapshot: a snapshot written by an earlier definition is written again
SNAPSHOT_VERSION = "2: accounts created before the cutoff"
UNCHANGED = ("products", "plans", "features", "fx_rates")

DATED = {
    "accounts": "created_at < $cutoff::timestamp",
    "usage_daily": "usage_date < $cutoff",
    "seat_activity": "activity_date < $cutoff",
    "feature_usage": "usage_date < $cutoff",
    "invoice_lines": "issued_at < $cutoff::timestamp",
}

SUBSCRIPTION_ITEMS = """
select
    subscription_item_id,
    subscription_id,
    account_id,
    plan_id,
    quantity,
    unit_amount,
    discount_pct,
    currency,
    valid_from,
    case when updated_at < $cutoff::timestamp then valid_to end as valid_to,
    is_trial,
    case
        when updated_at < $cutoff::timestamp then updated_at
        else valid_from::timestamp + interval 6 hour
    end as updated_at
from read_parquet($source)
where valid_from < $cutoff
order by subscription_item_id
"""


def write_snapshot(source: Path, out: Path, cutoff: date) -> None:
    """Write `<out>/<table>.parquet` for every table of `source` as of midnight before cutoff."""
    source, out = Path(source), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    try:
        for table in UNCHANGED:
            copy(con, "select * from read_parquet($source)", source, out, table, None)
        for table, condition in DATED.items():
            query = f"select * from read_parquet($source) where {condition}"
            copy(con, query, source, out, table, cutoff)
        copy(con, SUBSCRIPTION_ITEMS, source, out, "subscription_items", cutoff)
    finally:
        con.close()
    (out / "snapshot_version.txt").write_text(SNAPSHOT_VERSION, encoding="utf-8")


def is_current(out: Path) -> bool:
    """Whether `out` holds a snapshot written by this definition."""
    version = Path(out) / "snapshot_version.txt"
    return version.exists() and version.read_text(encoding="utf-8") == SNAPSHOT_VERSION


def copy(
    con: duckdb.DuckDBPyConnection,
    query: str,
    source: Path,
    out: Path,
    table: str,
    cutoff: date | None,
) -> None:
    """COPY one table's snapshot query to Parquet."""
    target = str(out / f"{table}.parquet").replace("'", "''")
    parameters = {"source": str(source / f"{table}.parquet")}
    if cutoff is not None:
        parameters["cutoff"] = cutoff
    con.execute(f"copy ({query}) to '{target}' (format parquet)", parameters)
