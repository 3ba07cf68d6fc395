"""Open what the `spark` target built as a DuckDB database, so the reconciliation (and the
tests) read Spark's output with the same queries as DuckDB's.

The local `spark` target (profiles.yml, dbt-spark's session method) writes every table as
Parquet files under <SPARK_WAREHOUSE_PATH>/warehouse/<schema>.db/<table>/ (in
<column>=<value>/ folders for a partitioned table) with a Derby metastore beside them.
Parquet is the engine-neutral form of the tables: each becomes a view `<schema>.<table>` over
its files in an in-memory DuckDB database, decimals, dates and booleans with their Spark
types. Spark's views (the staging models) have no files and are not opened; the
reconciliation reads the validated intermediate tables instead.

Why not run the rules in Spark: the rules are an independent check of the build, written once
in DuckDB SQL; reading the files needs no second Spark session (the embedded metastore admits
one process at a time) and checks the data exactly as Spark stored it.
"""

from __future__ import annotations

from pathlib import Path

import duckdb


def table_folder(spark_warehouse_path: Path) -> Path:
    """Where the schema folders are: <path>/warehouse (the profile's spark.sql.warehouse.dir),
    or the path itself when it is that folder."""
    nested = spark_warehouse_path / "warehouse"
    return nested if nested.is_dir() else spark_warehouse_path


def spark_tables(spark_warehouse_path: Path) -> dict[str, Path]:
    """Every table Spark wrote, as 'schema.table' -> its folder of Parquet files."""
    tables = {}
    for schema_folder in sorted(table_folder(spark_warehouse_path).glob("*.db")):
        schema = schema_folder.name.removesuffix(".db")
        for folder in sorted(path for path in schema_folder.iterdir() if path.is_dir()):
            if any(folder.rglob("*.parquet")):
                tables[f"{schema}.{folder.name}"] = folder
    return tables


def reader(folder: Path) -> str:
    """The read_parquet call for one table: a partitioned table (the incremental models'
    insert_overwrite partitions, <column>=<value>/ folders) reads its partition column back
    from the folder names, after the other columns, as Spark itself lists it."""
    partitioned = any(path.is_dir() and "=" in path.name for path in folder.iterdir())
    pattern = "**/*.parquet" if partitioned else "*.parquet"
    files = str(folder / pattern).replace("'", "''")
    if partitioned:
        return f"read_parquet('{files}', hive_partitioning = true)"
    return f"read_parquet('{files}')"


def quoted(identifier: str) -> str:
    """A DuckDB identifier."""
    return '"' + identifier.replace('"', '""') + '"'


def connect(spark_warehouse_path: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per Spark table; raises FileNotFoundError
    naming the folder when it holds no Spark tables."""
    tables = spark_tables(spark_warehouse_path)
    if not tables:
        raise FileNotFoundError(
            f"{spark_warehouse_path}: no Spark tables (expected <schema>.db/<table>/*.parquet"
            " under it or its warehouse/ folder): build with `./warehouse spark build` first"
        )
    con = duckdb.connect()
    for name, folder in tables.items():
        schema, table = name.split(".", 1)
        con.execute(f"create schema if not exists {quoted(schema)}")
        con.execute(
            f"create view {quoted(schema)}.{quoted(table)} as select * from {reader(folder)}"
        )
    return con
