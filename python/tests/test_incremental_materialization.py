"""The project's DuckDB incremental materialization (decision log D106): a restatement runs as
one statement batch (stage, column check, the strategy's delete and insert), a column change
fails the run naming every difference and leaves the table as it was, and a Python model, which
dbt runs only from the materialization itself, is restated and rebuilt by it too."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from warehouse import copy_build, run_dbt

SQL_MODEL = ("marts", "mrr_movements", "main_marts", "sql")
PYTHON_MODEL = ("intermediate", "int_account_months_peaked", "main_intermediate", "py")


def main_statement(workdir: Path, model: tuple[str, str, str, str]) -> str:
    """The SQL of the model's `main` statement (dbt keeps it per model under target/run)."""
    folder, name, _, extension = model
    path = workdir / "target" / "run" / "revenue_warehouse" / "models" / folder
    return " ".join((path / f"{name}.{extension}").read_text().split()).lower()


def rows(con: duckdb.DuckDBPyConnection, model: tuple[str, str, str, str]) -> list[tuple]:
    _, name, schema, _ = model
    return sorted(
        con.sql(f"select * from {schema}.{name}").fetchall(),
        key=lambda row: tuple((value is None, str(value)) for value in row),
    )


def staging_tables(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Tables a run staged its rows in and left behind (dbt's `__dbt_tmp` names)."""
    return con.sql(
        "select schema_name, table_name from duckdb_tables() where table_name like '%dbt_tmp%'"
    ).fetchall()


@pytest.mark.parametrize("model", [SQL_MODEL, PYTHON_MODEL], ids=["sql", "python"])
def test_a_restatement_runs_as_one_batch_and_keeps_the_rows(tmp_path, sample_build, model):
    workdir = copy_build(sample_build, tmp_path / "restated")
    with sample_build.connect() as con:
        before = rows(con, model)
    result = run_dbt(workdir, "run", "--select", model[1])
    assert result.returncode == 0, result.output[-4000:]

    statement = main_statement(workdir, model)
    relation = f'"warehouse"."{model[2]}"."{model[1]}"'
    if model is SQL_MODEL:
        # the stage is the batch's first statement; a Python model's frame is written before
        assert statement.startswith(f'create temporary table "{model[1]}__dbt_tmp'), statement[:200]
    assert f"on_schema_change fail: the columns of {relation}" in statement
    assert f"delete from {relation}" in statement
    assert f"insert into {relation}" in statement
    assert f'drop table if exists "{model[1]}__dbt_tmp' in statement
    with result.connect() as con:
        assert len(before) > 0
        assert rows(con, model) == before
        assert staging_tables(con) == []


def test_a_column_change_fails_the_run_naming_it_and_keeps_the_table(tmp_path, sample_build):
    workdir = copy_build(sample_build, tmp_path / "changed_columns")
    _, name, schema, _ = SQL_MODEL
    with duckdb.connect(str(workdir / "warehouse.duckdb")) as con:
        con.execute(f"alter table {schema}.{name} add column note integer")
        con.execute(f"alter table {schema}.{name} alter amount type double")
        before = rows(con, SQL_MODEL)
    result = run_dbt(workdir, "run", "--select", name)
    assert result.returncode != 0
    output = " ".join(result.output.split())
    assert (
        f'on_schema_change fail: the columns of "warehouse"."{schema}"."{name}" differ from its '
        "model's (amount is DOUBLE in the table and DECIMAL(38,10) in the model; "
        "note is INTEGER in the table and missing in the model)"
    ) in output, result.output[-4000:]
    with result.connect() as con:
        # the failed batch rolled back: no row deleted, nothing staged left behind
        assert rows(con, SQL_MODEL) == before
        assert staging_tables(con) == []


def test_a_full_refresh_of_the_python_model_replaces_its_table(tmp_path, sample_build):
    workdir = copy_build(sample_build, tmp_path / "python_rebuilt")
    with sample_build.connect() as con:
        before = rows(con, PYTHON_MODEL)
    result = run_dbt(workdir, "run", "--full-refresh", "--select", PYTHON_MODEL[1])
    assert result.returncode == 0, result.output[-4000:]
    relation = f'"warehouse"."{PYTHON_MODEL[2]}"."{PYTHON_MODEL[1]}'
    assert main_statement(workdir, PYTHON_MODEL) == (
        f'drop table {relation}"; alter table {relation}__dbt_tmp" rename to "{PYTHON_MODEL[1]}"'
    )
    with result.connect() as con:
        assert rows(con, PYTHON_MODEL) == before
        assert staging_tables(con) == []
