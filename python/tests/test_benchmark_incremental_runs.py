"""The benchmark's repeated incremental runs: each starts from the same month-before
warehouse, and the table shows their median and range.

The timings themselves are the benchmark's to print (python/run_benchmark.py), not a test's;
this checks the wiring, with dbt replaced by a stub that records what each run started from.
"""

from __future__ import annotations

import pytest
import run_benchmark
from benchmarking.measure import Measurement, StepFailedError, Warehouse
from benchmarking.report import TierResult, row


def tier_result(incremental_runs_seconds: list[float]) -> TierResult:
    return TierResult(
        accounts=1_000,
        months=60,
        account_months=18_000,
        full_build_seconds=10.0,
        unit_tests_seconds=1.0,
        reconciliation_seconds=2.0,
        hand_tuned_seconds=1.0,
        peak_rss_bytes=1024**3,
        incremental_runs_seconds=incremental_runs_seconds,
    )


def test_the_table_shows_the_median_run_and_the_range():
    result = tier_result([15.0, 1.5, 2.4])
    assert result.incremental_run_seconds == 2.4
    # the share is the median's: 2.4 s of 10 s build + 2 s reconciliation
    assert result.incremental_share == pytest.approx(0.2)
    assert "| 2.4 s (1.5-15.0) | 20% |" in row(result)


def test_one_run_is_shown_alone_and_none_as_not_run():
    assert "| 2.4 s | 20% |" in row(tier_result([2.4]))
    unmeasured = tier_result([])
    assert unmeasured.incremental_run_seconds is None
    assert "| not run | not run |" in row(unmeasured)


def stub_steps(tmp_path, monkeypatch, run_seconds, started_from) -> None:
    """dbt and the other measured steps replaced: a run records the warehouse it started from
    and returns the next of `run_seconds` (an exception in it is raised instead)."""
    raw = tmp_path / "export"
    (raw / "previous_month").mkdir(parents=True)
    run_seconds = iter(run_seconds)

    def dbt(self: Warehouse, label: str, *args: str, variables: dict) -> Measurement:
        database, log = self.files()
        if label == "previous month build":
            database.write_bytes(b"month before")
            log.write_bytes(b"its log")
        if label == "incremental run":
            started_from.append((database.read_bytes(), log.read_bytes() if log.exists() else None))
            # a run changes the warehouse and checkpoints its log away
            database.write_bytes(b"month after")
            log.unlink(missing_ok=True)
            seconds = next(run_seconds)
            if isinstance(seconds, Exception):
                raise seconds
            return Measurement(seconds, 1, "")
        return Measurement(1.0, 1, "")

    monkeypatch.setattr(run_benchmark, "workload_folder", lambda *args: raw)
    monkeypatch.setattr(Warehouse, "dbt", dbt)
    monkeypatch.setattr(Warehouse, "reconcile", lambda self, raw: Measurement(1.0, 1, ""))
    monkeypatch.setattr(Warehouse, "count", lambda self, table: 60)
    monkeypatch.setattr(run_benchmark, "hand_tuned", lambda *args: (1.0, []))
    monkeypatch.setattr(run_benchmark, "waterfall_differences", lambda *args: [])


def test_every_incremental_run_starts_from_the_month_before_warehouse(tmp_path, monkeypatch):
    started_from = []
    stub_steps(tmp_path, monkeypatch, [3.0, 1.0, 2.0], started_from)

    result = run_benchmark.measure_tier(tmp_path, 1, 60, "1GB", incremental_runs=3)

    assert started_from == [(b"month before", b"its log")] * 3
    assert result.incremental_runs_seconds == [3.0, 1.0, 2.0]
    assert result.incremental_run_seconds == 2.0
    # the saved copy is removed once the runs are done
    assert not list((tmp_path / "benchmark").rglob("month_before*"))


def test_a_failed_incremental_run_leaves_no_month_before_copy(tmp_path, monkeypatch):
    started_from = []
    failure = StepFailedError("incremental run failed (exit 1)")
    stub_steps(tmp_path, monkeypatch, [3.0, failure], started_from)

    with pytest.raises(StepFailedError):
        run_benchmark.measure_tier(tmp_path, 1, 60, "1GB", incremental_runs=3)

    assert len(started_from) == 2
    assert list((tmp_path / "benchmark").rglob("warehouse.duckdb"))
    assert not list((tmp_path / "benchmark").rglob("month_before*"))


def test_the_number_of_incremental_runs_must_be_positive(capsys):
    with pytest.raises(SystemExit) as stop:
        run_benchmark.parse_args(["--incremental-runs", "0"])
    assert stop.value.code == 2
    assert "--incremental-runs must be at least 1" in capsys.readouterr().err
