"""What the benchmark ran on: CPU, cores, memory, OS and the versions that matter."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, else what platform reports."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def memory_gib() -> float | None:
    """Total memory in GiB from /proc/meminfo (None where there is none)."""
    meminfo = Path("/proc/meminfo")
    if not meminfo.exists():
        return None
    for line in meminfo.read_text(encoding="utf-8").splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return None


def large_tier_memory_limit(total_gib: float | None) -> str:
    """DuckDB's memory limit for the 1M tier: 16GB, or two thirds of a smaller machine's memory
    (the rest is for dbt, Python and the page cache; the limit does not cover every allocation)."""
    if total_gib is None or total_gib * 2 / 3 >= 16:
        return "16GB"
    return f"{max(1, int(total_gib * 2 / 3))}GB"


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe() -> str:
    """One line naming the machine and the software versions."""
    memory = memory_gib()
    memory_text = f"{memory:.0f} GiB RAM" if memory else "memory unknown"
    return (
        f"{cpu_model()}, {os.cpu_count()} cores, {memory_text}, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, "
        f"dbt-core {version('dbt-core')}, dbt-duckdb {version('dbt-duckdb')}, "
        f"DuckDB {version('duckdb')}"
    )
