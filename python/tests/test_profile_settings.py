"""The DuckDB settings profiles.yml gives the connection, read back from DuckDB itself.

A setting misspelled or dropped from `config_options` would leave DuckDB's default in place
without an error, so each one is checked on a live connection through `dbt show`.
"""

from __future__ import annotations

import json

import pytest
from warehouse import run_dbt

SETTINGS_QUERY = (
    "select current_setting('max_vacuum_tasks') as max_vacuum_tasks,"
    " current_setting('preserve_insertion_order') as preserve_insertion_order"
)


def connection_settings(workdir) -> dict:
    result = run_dbt(workdir, "show", "--inline", SETTINGS_QUERY, "--output", "json", "--quiet")
    assert result.returncode == 0, result.output
    return json.loads(result.output[result.output.index("{") :])["show"][0]


@pytest.mark.parametrize(
    ("environment_value", "expected_tasks"),
    [(None, 0), ("25", 25)],
    ids=["default: no vacuum at checkpoints", "DUCKDB_MAX_VACUUM_TASKS"],
)
def test_the_profile_sets_the_checkpoint_vacuum_cap(
    tmp_path, monkeypatch, environment_value, expected_tasks
):
    if environment_value is None:
        monkeypatch.delenv("DUCKDB_MAX_VACUUM_TASKS", raising=False)
    else:
        monkeypatch.setenv("DUCKDB_MAX_VACUUM_TASKS", environment_value)
    settings = connection_settings(tmp_path)
    assert settings["max_vacuum_tasks"] == expected_tasks
    assert settings["preserve_insertion_order"] is False
