"""Command line: `./warehouse report [--database PATH] [--output PATH] [--months N]
[--top-accounts N]`; prints its progress and exits 1 with what to do when the warehouse is not
built."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from report import data as report_data
from report import page

PROJECT_DIR = Path(__file__).resolve().parents[2]


def default_database() -> Path:
    """$DUCKDB_PATH, else the project's revenue_warehouse.duckdb (as profiles.yml does)."""
    return Path(os.environ.get("DUCKDB_PATH") or PROJECT_DIR / "revenue_warehouse.duckdb")


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("a whole number >= 1, e.g. 12")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Render the revenue report from the marts.")
    parser.add_argument(
        "--database",
        type=Path,
        default=default_database(),
        help="the built warehouse (opened read-only)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=PROJECT_DIR / "target" / "report" / "revenue_report.html",
        help="where the HTML file is written",
    )
    parser.add_argument(
        "--months",
        type=positive,
        default=12,
        help="months in the bridge, movement and motion charts",
    )
    parser.add_argument(
        "--top-accounts", type=positive, default=15, help="expansion-ready accounts listed"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    print(f"==> revenue report: reading the marts of {args.database}", flush=True)
    try:
        data = report_data.load(args.database, args.months, args.top_accounts)
    except report_data.WarehouseNotReadyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(
        f"  {len(data.months)} months through {data.last_month:%B %Y}, "
        f"{len(data.cohorts)} cohort cells, {len(data.plays)} plays",
        flush=True,
    )
    print("  drawing 7 charts and the accounts table", flush=True)
    html = page.render(data, args.database.name)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(html, encoding="utf-8")
    print(
        f"Report written to {args.output} ({len(html) / 1024:.0f} KB, "
        f"{time.perf_counter() - started:.1f} s); open it in a browser, it needs no network.",
        flush=True,
    )
    return 0
