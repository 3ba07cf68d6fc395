"""How the project's tooling runs dbt in a child process: one place for the executable, the
environment and the command line, shared by the tests (python/tests/warehouse.py) and the
benchmark (python/benchmarking/measure.py).

Every run gets its own DuckDB file, spill folder, dbt target and log folders, so runs never
touch the developer's warehouse and several can exist side by side.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]


def dbt_executable() -> str:
    """The dbt of the running interpreter's environment (the project's .venv)."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else shutil.which("dbt") or "dbt"


def dbt_environment(database: Path, scratch: Path) -> dict[str, str]:
    """The environment of a dbt run on the DuckDB file `database`, spilling into `scratch`."""
    return {
        **os.environ,
        "DBT_PROJECT_DIR": str(PROJECT_DIR),
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
        "DUCKDB_PATH": str(database),
        "DUCKDB_TEMP_DIRECTORY": str(scratch / "duckdb_tmp"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }


def dbt_arguments(workdir: Path, variables: dict | None = None) -> list[str]:
    """The flags every run passes after its dbt command: this project and profile, target and
    logs inside `workdir`, and the vars when given."""
    arguments = [
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(workdir / "target"),
        "--log-path",
        str(workdir / "logs"),
    ]
    if variables:
        arguments += ["--vars", json.dumps(variables)]
    return arguments


def dbt_command(*args: str, workdir: Path, variables: dict | None = None) -> list[str]:
    """The command line of `dbt <args>` writing its target and logs inside `workdir`."""
    return [dbt_executable(), *args, *dbt_arguments(workdir, variables)]
