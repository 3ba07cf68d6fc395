"""The benchmark's settings per tier: which DuckDB memory limit each tier's warehouse gets.

The timings themselves are the benchmark's to print (python/run_benchmark.py), not a test's;
this checks only the wiring, with the tier measurement replaced by a stub.
"""

from __future__ import annotations

import pytest
import run_benchmark
from benchmarking.machine import large_tier_memory_limit
from benchmarking.measure import Warehouse
from benchmarking.report import TierResult


def test_a_warehouse_with_a_memory_limit_passes_it_to_duckdb(tmp_path, monkeypatch):
    monkeypatch.setenv("DUCKDB_MEMORY_LIMIT", "3GB")
    assert Warehouse(tmp_path, "full", memory_limit="16GB").env()["DUCKDB_MEMORY_LIMIT"] == "16GB"


def test_a_warehouse_without_one_keeps_the_callers_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("DUCKDB_MEMORY_LIMIT", "3GB")
    assert Warehouse(tmp_path, "full").env()["DUCKDB_MEMORY_LIMIT"] == "3GB"
    monkeypatch.delenv("DUCKDB_MEMORY_LIMIT")
    assert "DUCKDB_MEMORY_LIMIT" not in Warehouse(tmp_path, "full").env()


def test_only_the_1m_tier_gets_the_large_tier_memory_limit(tmp_path, monkeypatch):
    limits = {}

    def measured(root, accounts, months, memory_limit, build_only=False, **settings):
        limits[accounts] = settings.get("warehouse_memory_limit")
        return TierResult(
            accounts=accounts,
            months=months,
            account_months=accounts * months,
            full_build_seconds=10.0,
            unit_tests_seconds=1.0,
            reconciliation_seconds=2.0,
            hand_tuned_seconds=1.0,
            peak_rss_bytes=1024**3,
            duckdb_memory_limit=settings.get("warehouse_memory_limit"),
        )

    monkeypatch.setattr(run_benchmark, "measure_tier", measured)
    (tmp_path / "benchmark").mkdir()
    out = tmp_path / "results.md"
    arguments = ["--tiers", "1000,100000", "--include-1m", "--workloads", str(tmp_path)]
    arguments += ["--large-tier-memory-limit", "12GB", "--out", str(out)]
    assert run_benchmark.main(arguments) == 0
    assert limits == {1_000: None, 100_000: None, 1_000_000: "12GB"}
    report = out.read_text(encoding="utf-8")
    assert "- 1,000,000 accounts: DuckDB's memory limit was 12GB" in report
    assert "- 100,000 accounts: DuckDB's memory limit" not in report


@pytest.mark.parametrize(
    ("total_gib", "limit"), [(24.0, "16GB"), (64.0, "16GB"), (16.0, "10GB"), (None, "16GB")]
)
def test_the_1m_tier_limit_leaves_a_third_of_a_smaller_machine(total_gib, limit):
    assert large_tier_memory_limit(total_gib) == limit


def test_the_1m_tier_limit_defaults_from_the_machine(tmp_path, monkeypatch):
    limits = {}

    def measured(root, accounts, months, memory_limit, build_only=False, **settings):
        limits[accounts] = settings.get("warehouse_memory_limit")
        return TierResult(accounts, months, accounts * months, 10.0, 1.0, 2.0, 1.0, 1024**3)

    monkeypatch.setattr(run_benchmark, "measure_tier", measured)
    monkeypatch.setattr(run_benchmark.machine, "memory_gib", lambda: 12.0)
    (tmp_path / "benchmark").mkdir()
    arguments = ["--tiers", "1000", "--include-1m", "--workloads", str(tmp_path)]
    assert run_benchmark.main([*arguments, "--out", str(tmp_path / "results.md")]) == 0
    assert limits == {1_000: None, 1_000_000: "8GB"}
