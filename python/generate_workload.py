"""Generate a large synthetic raw billing export for the revenue warehouse.

Writes the full raw contract as Parquet files `<out>/<table>.parquet` for N accounts over M
months ending in October 2026, deterministic for a seed:

    python python/generate_workload.py --accounts 100000 --months 60 [--seed 42] \
        [--activity-share 0.1] [--out DIR] [--memory-limit 4GB] [--threads N]

Everything is generated inside DuckDB and streamed to Parquet, so a million accounts over
sixty months fit in a few GB of memory. Build the warehouse from it with
`./warehouse build --vars '{raw_data_path: DIR}'`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from workload import WorkloadSpec, generate


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, required=True, help="number of accounts")
    parser.add_argument("--months", type=int, required=True, help="months ending 2026-10")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument(
        "--activity-share",
        type=float,
        default=0.1,
        help="share of accounts with daily seat, usage and feature activity (default 0.1)",
    )
    parser.add_argument("--out", type=Path, default=Path("workload"), help="output folder")
    parser.add_argument("--memory-limit", default="4GB", help="DuckDB memory limit")
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads")
    parser.add_argument("--temp-dir", type=Path, default=None, help="scratch and spill folder")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Generate the workload and print a one-line summary."""
    args = parse_args(argv)
    spec = WorkloadSpec(
        accounts=args.accounts,
        months=args.months,
        seed=args.seed,
        activity_share=args.activity_share,
    )
    started = time.perf_counter()
    counts = generate(
        spec,
        args.out,
        memory_limit=args.memory_limit,
        threads=args.threads,
        temp_dir=args.temp_dir,
    )
    seconds = time.perf_counter() - started
    print(
        f"Wrote {sum(counts.values()):,} rows in {len(counts)} tables to {args.out} "
        f"({spec.start_month:%Y-%m} to {spec.horizon_month:%Y-%m}) in {seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
