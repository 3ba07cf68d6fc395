"""Benchmark the warehouse at 1k, 10k and 100k accounts x 60 months (and 1M on request).

For each tier: generate the workload (or reuse it), then measure a full `dbt build`, the
models alone, the GX reconciliation, an incremental run after one new month, the hand-tuned
single-query yardstick, peak memory and throughput. Prints each tier's row as it finishes
and writes the table, with the machine it ran on, to docs/benchmark_results.md.

    python python/run_benchmark.py                     # 1k, 10k, 100k
    python python/run_benchmark.py --include-1m        # and 1,000,000 accounts
    python python/run_benchmark.py --tiers 1000        # one quick tier
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import sys
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

from benchmarking import machine
from benchmarking.measure import (
    PROJECT_DIR,
    StepFailedError,
    Warehouse,
    hand_tuned,
    waterfall_differences,
)
from benchmarking.report import HEADER, RULE, TierResult, markdown, row
from workload import WorkloadSpec, generate
from workload.snapshot import is_current, write_snapshot

HORIZON_MONTH = date(2026, 10, 1)
AS_OF = "2026-10-31"
# from this size on, a tier's warehouse gets --large-tier-memory-limit instead of the profile's
LARGE_TIER_ACCOUNTS = 1_000_000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--tiers", default="1000,10000,100000", help="comma-separated account counts"
    )
    parser.add_argument("--include-1m", action="store_true", help="add the 1,000,000 tier")
    parser.add_argument(
        "--build-only-tiers",
        default="",
        help="comma-separated account counts measured by the full build, the reconciliation "
        "and the hand-tuned query only (e.g. 1000000, whose every step takes minutes)",
    )
    parser.add_argument("--months", type=int, default=60, help="months of history (default 60)")
    parser.add_argument(
        "--workloads", type=Path, default=PROJECT_DIR / "workloads", help="workload folder"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=PROJECT_DIR / "docs" / "benchmark_results.md",
        help="where the results table is written",
    )
    parser.add_argument(
        "--memory-limit", default="8GB", help="DuckDB memory limit of the hand-tuned query"
    )
    parser.add_argument(
        "--incremental-runs",
        type=int,
        default=3,
        help="incremental runs per tier, each from the same month-before warehouse; the table "
        "shows their median and range (default 3: one run varies by more than a change "
        "worth measuring)",
    )
    parser.add_argument(
        "--large-tier-memory-limit",
        default=None,
        help="DuckDB memory limit of the warehouse builds of tiers from 1,000,000 accounts "
        "(default 16GB, or two thirds of a smaller machine's memory; the profile's 8GB default "
        "leaves two window-heavy models built side by side at the edge of memory there). "
        "Smaller tiers keep the profile's limit.",
    )
    args = parser.parse_args(argv)
    if args.incremental_runs < 1:
        parser.error("--incremental-runs must be at least 1")
    return args


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def workload_folder(root: Path, accounts: int, months: int) -> Path:
    """The tier's generated export, generated once and reused while its spec is unchanged."""
    spec = WorkloadSpec(accounts=accounts, months=months, horizon_month=HORIZON_MONTH)
    folder = root / f"{accounts}x{months}"
    stamp = folder / "spec.json"
    wanted = json.dumps({"accounts": accounts, "months": months, "seed": spec.seed})
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        progress(f"reusing the workload in {folder}")
        if not is_current(folder / "previous_month"):
            progress(f"writing the export one month earlier into {folder / 'previous_month'}")
            write_snapshot(folder, folder / "previous_month", HORIZON_MONTH)
        return folder
    progress(f"generating {accounts:,} accounts x {months} months into {folder}")
    generate(spec, folder)
    write_snapshot(folder, folder / "previous_month", HORIZON_MONTH)
    stamp.write_text(wanted, encoding="utf-8")
    return folder


def stage_export(export: Path, live: Path) -> None:
    """Put an export's files in the live raw folder, replacing the last ones, as a loader
    that lands each day's export in the same place would."""
    live.mkdir(parents=True, exist_ok=True)
    for old in live.glob("*.parquet"):
        old.unlink()
    for new in sorted(export.glob("*.parquet")):
        shutil.copy2(new, live / new.name)


def measure_tier(
    root: Path,
    accounts: int,
    months: int,
    memory_limit: str,
    build_only: bool = False,
    warehouse_memory_limit: str | None = None,
    incremental_runs: int = 3,
) -> TierResult:
    raw = workload_folder(root, accounts, months)
    workdir = root / "benchmark" / f"{accounts}x{months}"
    full_vars = {"raw_data_path": str(raw), "as_of_date": AS_OF}

    def warehouse(name: str) -> Warehouse:
        return Warehouse(workdir, name, memory_limit=warehouse_memory_limit)

    full = warehouse("full")
    full.reset()
    progress(f"{accounts:,}: full dbt build")
    # a production build, as `./warehouse build` runs it: models and data tests; the unit
    # tests' inputs are static fixtures, so dbt recommends them for CI only (timed below)
    build = full.dbt(
        "full dbt build",
        "build",
        "--full-refresh",
        "--exclude-resource-type",
        "unit_test",
        variables=full_vars,
    )
    progress(f"{accounts:,}: unit tests (CI)")
    unit_tests = full.dbt("unit tests", "test", "--resource-type", "unit_test", variables=full_vars)
    progress(f"{accounts:,}: reconciliation (GX)")
    reconciliation = full.reconcile(raw)
    progress(f"{accounts:,}: hand-tuned single query")
    hand_seconds, hand_rows = hand_tuned(raw, HORIZON_MONTH.isoformat(), memory_limit)
    result = TierResult(
        accounts=accounts,
        months=months,
        account_months=full.count("mrr_account_months"),
        full_build_seconds=build.seconds,
        unit_tests_seconds=unit_tests.seconds,
        reconciliation_seconds=reconciliation.seconds,
        hand_tuned_seconds=hand_seconds,
        peak_rss_bytes=build.peak_rss_bytes,
        duckdb_memory_limit=warehouse_memory_limit,
        waterfall_differences=waterfall_differences(full, hand_rows),
    )
    if build_only:
        return result

    models_only = warehouse("models_only")
    models_only.reset()
    models_only.dbt("seed", "seed", variables=full_vars)
    progress(f"{accounts:,}: models alone (dbt run)")
    models = models_only.dbt("dbt run", "run", "--full-refresh", variables=full_vars)

    # the yardstick's own scope: mrr_waterfall_months and every model it reads
    waterfall_only = warehouse("waterfall_only")
    waterfall_only.reset()
    waterfall_only.dbt("seed", "seed", variables=full_vars)
    progress(f"{accounts:,}: the waterfall's models alone (dbt run --select +mrr_waterfall_months)")
    waterfall_models = waterfall_only.dbt(
        "waterfall models",
        "run",
        "--full-refresh",
        "--select",
        "+mrr_waterfall_months",
        variables=full_vars,
    )

    # a scheduled job as it runs in production: the same command and vars every day, the
    # loader replacing the files of one raw folder, the reported day derived from the data
    # (the previous export's is the end of the month before the horizon)
    incremental = warehouse("incremental")
    incremental.reset()
    live = incremental.workdir / "raw"
    daily_vars = {"raw_data_path": str(live)}
    stage_export(raw / "previous_month", live)
    progress(f"{accounts:,}: build of the export one month earlier")
    incremental.dbt("previous month build", "build", "--full-refresh", variables=daily_vars)
    stage_export(raw, live)
    month_before = incremental.workdir / "month_before.duckdb"
    incremental.save_as(month_before)
    try:
        for number in range(1, incremental_runs + 1):
            # every run starts from the same month-before warehouse, so each does one month's
            # work
            incremental.restore(month_before)
            progress(f"{accounts:,}: incremental run {number} of {incremental_runs}, +1 month")
            run = incremental.dbt("incremental run", "run", variables=daily_vars)
            result.incremental_runs_seconds.append(run.seconds)
    finally:
        # the copy is as large as the warehouse (1.2 GB at 100k): not left behind by a failed run
        for path in incremental.files(month_before):
            path.unlink(missing_ok=True)
    progress(f"{accounts:,}: tests after the incremental run")
    incremental_tests = incremental.dbt("incremental tests", "test", variables=daily_vars)

    result.models_seconds = models.seconds
    result.waterfall_models_seconds = waterfall_models.seconds
    result.incremental_tests_seconds = incremental_tests.seconds
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    tiers = [int(value) for value in args.tiers.split(",") if value.strip()]
    build_only = {int(value) for value in args.build_only_tiers.split(",") if value.strip()}
    if args.include_1m and 1_000_000 not in tiers:
        tiers.append(1_000_000)
    large_tier_limit = args.large_tier_memory_limit or machine.large_tier_memory_limit(
        machine.memory_gib()
    )
    description = machine.describe()
    print(f"machine: {description}")
    print(HEADER)
    print(RULE)
    results = []
    for accounts in tiers:
        try:
            result = measure_tier(
                args.workloads,
                accounts,
                args.months,
                args.memory_limit,
                build_only=accounts in build_only,
                warehouse_memory_limit=(
                    large_tier_limit if accounts >= LARGE_TIER_ACCOUNTS else None
                ),
                incremental_runs=args.incremental_runs,
            )
        except StepFailedError as failure:
            print(failure, file=sys.stderr)
            return 1
        results.append(result)
        print(row(result), flush=True)
    command = "python python/run_benchmark.py " + shlex.join(argv or sys.argv[1:])
    args.out.write_text(
        markdown(results, description, date.today().isoformat(), command.strip()),
        encoding="utf-8",
    )
    raw_results = args.workloads / "benchmark" / "results.json"
    raw_results.write_text(json.dumps([asdict(r) for r in results], indent=2), encoding="utf-8")
    print(f"written: {args.out} and {raw_results}")
    return 1 if any(result.waterfall_differences for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
