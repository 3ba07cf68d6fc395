"""The benchmark's results table: printed as it goes, written as Markdown for the README."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field


@dataclass
class TierResult:
    accounts: int
    months: int
    account_months: int
    full_build_seconds: float
    models_seconds: float
    reconciliation_seconds: float
    incremental_run_seconds: float
    incremental_tests_seconds: float
    hand_tuned_seconds: float
    peak_rss_bytes: int
    waterfall_differences: list[str] = field(default_factory=list)

    @property
    def build_and_reconcile_seconds(self) -> float:
        return self.full_build_seconds + self.reconciliation_seconds

    @property
    def incremental_share(self) -> float:
        return self.incremental_run_seconds / self.build_and_reconcile_seconds

    @property
    def account_months_per_second(self) -> float:
        return self.account_months / self.full_build_seconds

    @property
    def models_to_hand_tuned(self) -> float:
        return self.models_seconds / self.hand_tuned_seconds


HEADER = (
    "| accounts x months | account-months | full `dbt build` | models alone (`dbt run`) "
    "| GX reconciliation | build + reconciliation | incremental run, +1 month "
    "| incremental / full | tests after it | peak memory | account-months/s "
    "| hand-tuned query | models / hand-tuned | same waterfall |"
)
RULE = "|" + "|".join(["---"] * 14) + "|"


def row(result: TierResult) -> str:
    same = "yes" if not result.waterfall_differences else "NO"
    return (
        f"| {result.accounts:,} x {result.months} | {result.account_months:,} "
        f"| {result.full_build_seconds:.1f} s | {result.models_seconds:.1f} s "
        f"| {result.reconciliation_seconds:.1f} s | {result.build_and_reconcile_seconds:.1f} s "
        f"| {result.incremental_run_seconds:.1f} s | {result.incremental_share:.0%} "
        f"| {result.incremental_tests_seconds:.1f} s "
        f"| {result.peak_rss_bytes / 1024**3:.2f} GB | {result.account_months_per_second:,.0f} "
        f"| {result.hand_tuned_seconds:.1f} s | {result.models_to_hand_tuned:.1f}x | {same} |"
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
        "- **full `dbt build`**: every model, data test and unit test from an empty warehouse "
        "(`--full-refresh`); **peak memory** is that process's peak resident memory.",
        "- **models alone**: `dbt run --full-refresh` into another empty warehouse.",
        "- **incremental run, +1 month**: `dbt run` on a warehouse built from the export of "
        "one month earlier (python/workload/snapshot.py), after the new month arrived; "
        "**incremental / full** divides it by build + reconciliation; **tests after it** is "
        "the `dbt test` that follows it in a pipeline.",
        "- **hand-tuned query**: python/benchmarking/hand_tuned_waterfall.sql, one DuckDB query "
        "over the raw files computing account-month MRR and the overall monthly waterfall "
        "(no quarantine, no per-line motions, no prior peak); **same waterfall** says whether "
        "its figures equal the mart `mrr_waterfall_months` to the cent in every month.",
        "",
        *scaling_lines(results),
    ]
    differing = [result for result in results if result.waterfall_differences]
    for result in differing:
        lines += ["", f"Differences at {result.accounts:,} accounts:"]
        lines += [f"- {text}" for text in result.waterfall_differences[:20]]
    return "\n".join(lines) + "\n"
