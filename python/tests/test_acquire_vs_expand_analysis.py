"""The acquire-vs-expand planning analysis, compiled by dbt and run on hand-made marts:
at 85% trailing NRR a 40% growth target needs new-logo ARR of 55% of the starting base."""

from __future__ import annotations

from decimal import Decimal

import duckdb
from warehouse import run_dbt


def test_new_logo_share_is_one_plus_target_minus_nrr(tmp_path):
    database = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(database)) as con:
        con.sql("create schema main_marts")
        con.sql(
            "create table main_marts.retention_months as select "
            "date '2026-10-01' as month_start, 'overall' as dimension, 'all' as dimension_value, "
            "cast(0.85 as decimal(38, 10)) as t12m_nrr"
        )
        con.sql(
            "create table main_marts.mrr_account_months as select * from (values "
            "(date '2026-10-01', cast(600000 as decimal(38, 10))), "
            "(date '2026-10-01', cast(400000 as decimal(38, 10))), "
            "(date '2026-09-01', cast(999 as decimal(38, 10)))) as t(month_start, arr)"
        )
    result = run_dbt(tmp_path, "compile", "--select", "acquire_vs_expand_plan")
    assert result.returncode == 0, result.output[-4000:]
    compiled = next((tmp_path / "target" / "compiled").rglob("acquire_vs_expand_plan.sql"))
    with duckdb.connect(str(database), read_only=True) as con:
        relation = con.sql(compiled.read_text())
        row = dict(zip(relation.columns, relation.fetchall()[0], strict=True))
    assert row["starting_arr"] == Decimal("1000000")
    assert Decimal(str(row["new_logo_arr_share_of_base"])) == Decimal("0.55")
    assert Decimal(str(row["new_logo_arr_needed"])) == Decimal("550000")
    assert Decimal(str(row["target_ending_arr"])) == Decimal("1400000")
