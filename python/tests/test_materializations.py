"""The project's DuckDB table and view materializations (decision log D103): a rebuild replaces
the relation with one `create or replace` statement, and a model the replace path does not
cover (here: a relation of the other type in the model's place) goes to the adapter's own."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from warehouse import copy_build, run_dbt, table_fingerprint

TABLE_MODEL = ("marts", "billing_rejected_rows", "main_marts")
VIEW_MODEL = ("staging/billing", "stg_billing__plans", "main_staging")


def main_statement(workdir: Path, folder: str, name: str) -> str:
    """The SQL dbt ran as the model's main statement (target/run keeps it per model)."""
    path = workdir / "target" / "run" / "revenue_warehouse" / "models" / folder / f"{name}.sql"
    return " ".join(path.read_text().split()).lower()


def relation_type(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> str:
    rows = con.sql(
        "select table_type from information_schema.tables "
        f"where table_schema = '{schema}' and table_name = '{name}'"
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else f"{len(rows)} relations"


def test_a_rebuild_replaces_tables_and_views_in_place(tmp_path, sample_build):
    workdir = copy_build(sample_build, tmp_path / "rebuild")
    with sample_build.connect() as con:
        before = table_fingerprint(con, TABLE_MODEL[1])
    result = run_dbt(workdir, "run", "--select", TABLE_MODEL[1], VIEW_MODEL[1])
    assert result.returncode == 0, result.output[-4000:]

    table_sql = main_statement(workdir, TABLE_MODEL[0], TABLE_MODEL[1])
    view_sql = main_statement(workdir, VIEW_MODEL[0], VIEW_MODEL[1])
    assert table_sql.startswith(
        'create or replace table "warehouse"."main_marts"."billing_rejected_rows" as ('
    ), table_sql[:200]
    assert view_sql.startswith(
        'create or replace view "warehouse"."main_staging"."stg_billing__plans" as ('
    ), view_sql[:200]
    with result.connect() as con:
        assert table_fingerprint(con, TABLE_MODEL[1]) == before
        leftovers = con.sql(
            "select table_name from information_schema.tables "
            "where table_name like '%dbt_tmp%' or table_name like '%dbt_backup%'"
        ).fetchall()
        assert relation_type(con, TABLE_MODEL[2], TABLE_MODEL[1]) == "BASE TABLE"
        assert relation_type(con, VIEW_MODEL[2], VIEW_MODEL[1]) == "VIEW"
    assert leftovers == []


@pytest.mark.parametrize(
    ("model", "stand_in", "expected_type", "adapter_statement"),
    [
        (
            TABLE_MODEL,
            "view",
            "BASE TABLE",
            'create table "warehouse"."main_marts"."billing_rejected_rows__dbt_tmp" as (',
        ),
        (
            VIEW_MODEL,
            "table",
            "VIEW",
            'create view "warehouse"."main_staging"."stg_billing__plans__dbt_tmp" as (',
        ),
    ],
    ids=["table_over_a_view", "view_over_a_table"],
)
def test_a_relation_of_the_other_type_goes_to_the_adapters_materialization(
    tmp_path, sample_build, model, stand_in, expected_type, adapter_statement
):
    """`create or replace` cannot turn a view into a table or back: the adapter's swap path
    builds the model under a temporary name, moves the stand-in aside and drops it."""
    folder, name, schema = model
    workdir = copy_build(sample_build, tmp_path / f"{stand_in}_stand_in")
    with duckdb.connect(str(workdir / "warehouse.duckdb")) as con:
        kind = "view" if expected_type == "VIEW" else "table"
        con.execute(f"drop {kind} {schema}.{name}")
        con.execute(f"create {stand_in} {schema}.{name} as select 1 as stand_in")
    result = run_dbt(workdir, "run", "--select", name)
    assert result.returncode == 0, result.output[-4000:]
    assert main_statement(workdir, folder, name).startswith(adapter_statement)
    with result.connect() as con:
        assert relation_type(con, schema, name) == expected_type
