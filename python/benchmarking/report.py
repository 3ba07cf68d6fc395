"""The benchmark's results table: printed as it goes, written as Markdown for the README."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass, field


@dataclass
class TierResult:
    """One tier's figures; the optional ones are None for a tier measured by its full build
    only (run_benchmark.py --build-only-tiers)."""

    accounts: int
    months: int
    account_months: int
    full_build_seconds: float
    unit_tests_seconds: float
    reconciliation_seconds: float
    hand_tuned_seconds: float
    peak_rss_bytes: int
    waterfall_differences: list[str] = field(default_factory=list)
    models_seconds: float | None = None
    waterfall_models_seconds: float | None = None
    # every incremental run of the tier, each from the same month-before warehouse: one run
    # varies by more than a change worth measuring, so the table shows their median and range
    incremental_runs_seconds: list[float] = field(default_factory=list)
    incremental_tests_seconds: float | None = None
    # DuckDB's memory limit of the tier's warehouse runs, when not the profile's default
    duckdb_memory_limit: str | None = None

    @property
    def build_and_reconcile_seconds(self) -> float:
        return self.full_build_seconds + self.reconciliation_seconds

    @property
    def incremental_run_seconds(self) -> float | None:
        """The median of the incremental runs (None when the tier ran none)."""
        if not self.incremental_runs_seconds:
            return None
        return statistics.median(self.incremental_runs_seconds)

    @property
    def incremental_share(self) -> float | None:
        if self.incremental_run_seconds is None:
            return None
        return self.incremental_run_seconds / self.build_and_reconcile_seconds

    @property
    def account_months_per_second(self) -> float:
        return self.account_months / self.full_build_seconds

    @property
    def models_to_hand_tuned(self) -> float | None:
        if self.models_seconds is None:
            return None
        return self.models_seconds / self.hand_tuned_seconds

    @property
    def waterfall_models_to_hand_tuned(self) -> float | None:
        if self.waterfall_models_seconds is None:
            return None
        return self.waterfall_models_seconds / self.hand_tuned_seconds


def figure(value: float | None, template: str) -> str:
    """A figure formatted by `template`, or "not run" for a step the tier skipped."""
    return "not run" if value is None else template.format(value)


def incremental_runs(result: TierResult) -> str:
    """The incremental runs as their median, then the fastest and slowest when there are
    several: "14.2 s (13.9-15.0)"."""
    median = figure(result.incremental_run_seconds, "{:.1f} s")
    runs = result.incremental_runs_seconds
    if len(runs) < 2:
        return median
    return f"{median} ({min(runs):.1f}-{max(runs):.1f})"


HEADER = (
    "| accounts x months | account-months | full `dbt build` | unit tests (CI) "
    "| models alone (`dbt run`) "
    "| GX reconciliation | build + reconciliation | incremental run, +1 month "
    "| incremental / full | tests after it | peak memory | account-months/s "
    "| hand-tuned query | models / hand-tuned | waterfall's models "
    "| waterfall's models / hand-tuned | same waterfall |"
)
RULE = "|" + "|".join(["---"] * 17) + "|"


def row(result: TierResult) -> str:
    same = "yes" if not result.waterfall_differences else "NO"
    return (
        f"| {result.accounts:,} x {result.months} | {result.account_months:,} "
        f"| {result.full_build_seconds:.1f} s | {result.unit_tests_seconds:.1f} s "
        f"| {figure(result.models_seconds, '{:.1f} s')} "
        f"| {result.reconciliation_seconds:.1f} s | {result.build_and_reconcile_seconds:.1f} s "
        f"| {incremental_runs(result)} "
        f"| {figure(result.incremental_share, '{:.0%}')} "
        f"| {figure(result.incremental_tests_seconds, '{:.1f} s')} "
        f"| {result.peak_rss_bytes / 1024**3:.2f} GB | {result.account_months_per_second:,.0f} "
        f"| {result.hand_tuned_seconds:.1f} s | {figure(result.models_to_hand_tuned, '{:.1f}x')} "
        f"| {figure(result.waterfall_models_seconds, '{:.1f} s')} "
        f"| {figure(result.waterfall_models_to_hand_tuned, '{:.1f}x')} | {same} |"
    )


def scaling_lines(results: list[TierResult]) -> list[str]:
    """How the build time grows from one tier to the next (linear means the ratio of
    times is about the ratio of sizes)."""
    lines = []
    for smaller, larger in itertools.pairwise(results):
        size = larger.account_months / smaller.account_months
        time_ratio = larger.full_build_seconds / smaller.full_build_seconds
        lines.append(
            f"- {larger.accounts:,} vs {smaller.accounts:,} accounts: {size:.1f}x the "
            f"account-months took {time_ratio:.1f}x the full-build time."
        )
    return lines


def memory_limit_lines(results: list[TierResult]) -> list[str]:
    """Which tiers ran with a DuckDB memory limit other than the profile's default."""
    return [
        f"- {result.accounts:,} accounts: DuckDB's memory limit was {result.duckdb_memory_limit} "
        "(`--large-tier-memory-limit`); the other tiers ran with the profile's default (8GB)."
        for result in results
        if result.duckdb_memory_limit
    ]


def markdown(results: list[TierResult], machine: str, date: str, command: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Measured on {date} with `{command}` on: {machine}.",
        "",
        HEADER,
        RULE,
        *[row(result) for result in results],
        "",
        "How to read it:",
        "- **full `dbt build`**: every model and data test from an empty warehouse "
        "(`--full-refresh --exclude-resource-type unit_test`, the production build of "
        "`./warehouse build`); **peak memory** is that process's peak resident memory. "
        "**unit tests (CI)**: `dbt test --resource-type unit_test` after it: static fixtures, "
        "the same work at every tier, run by `./warehouse test` and CI (dbt recommends "
        "keeping them out of production runs).",
        "- **models alone**: `dbt run --full-refresh` into another empty warehouse.",
        "- **incremental run, +1 month**: `dbt run` on a warehouse built from the export of "
        "one month earlier (python/workload/snapshot.py: the new month's accounts, versions, "
        "activity and invoice lines arrive with the new export), after the new export "
        "replaced its files in the same raw folder: a scheduled job's same command and vars "
        "(so dbt's partial parsing applies), the reported day derived from the data. "
        "It runs several times (`--incremental-runs`, default 3), each from a copy of the "
        "same month-before warehouse: the median, then the fastest and slowest in brackets. "
        "**incremental / full** divides the median by build + reconciliation; **tests after "
        "it** is the `dbt test` that follows the last run, as in a pipeline.",
        "- **hand-tuned query**: python/benchmarking/hand_tuned_waterfall.sql, one DuckDB query "
        "over the raw files computing account-month MRR and the overall monthly waterfall "
        "(no quarantine, no per-line motions, no prior peak); **same waterfall** says whether "
        "its figures equal the mart `mrr_waterfall_months` to the cent in every month.",
        "- **waterfall's models**: the like-for-like scope of the hand-tuned query, "
        "`dbt run --full-refresh --select +mrr_waterfall_months` into an empty warehouse: the "
        "waterfall mart and every model it reads (quarantine of the tables it needs, per-line "
        "motions and the prior peak included; no signals, tie-out or other marts).",
        "- **not run**: a tier measured by its full build, unit tests, reconciliation and the "
        "hand-tuned query only (`--build-only-tiers`).",
        "",
        *scaling_lines(results),
        *memory_limit_lines(results),
    ]
    differing = [result for result in results if result.waterfall_differences]
    for result in differing:
        lines += ["", f"Differences at {result.accounts:,} accounts:"]
        lines += [f"- {text}" for text in result.waterfall_differences[:20]]
    return "\n".join(lines) + "\n"
