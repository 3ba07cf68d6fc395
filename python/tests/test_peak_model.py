"""The peak-ARR Python model (models/intermediate/int_account_months_peaked.py) on
hand-computed cases. dbt unit tests cannot run Python models, so its logic is tested here,
through the same narwhals code over real DuckDB relations (the engine it runs in)."""

import importlib.util
from decimal import Decimal
from pathlib import Path

import duckdb
import narwhals as nw
import pytest

MODEL_PATH = (
    Path(__file__).resolve().parents[2] / "models" / "intermediate" / "int_account_months_peaked.py"
)


def load_model_module():
    spec = importlib.util.spec_from_file_location("int_account_months_peaked", MODEL_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


peak_model = load_model_module()


def relation(con, columns, rows):
    """A DuckDB relation with typed columns: columns is a list of (name, sql_type)."""
    names = ", ".join(name for name, _ in columns)
    if not rows:
        casts = ", ".join(f"cast(null as {sql_type}) as {name}" for name, sql_type in columns)
        return con.sql(f"select {casts} where false")
    values = ", ".join(
        "("
        + ", ".join(
            f"cast({value!r} as {sql_type})" if value is not None else f"cast(null as {sql_type})"
            for value, (_, sql_type) in zip(row, columns, strict=False)
        )
        + ")"
        for row in rows
    )
    return con.sql(f"select * from (values {values}) as t({names})")


MONEY = "decimal(38, 10)"


def run_split(account_months, currency_months, rates, movements, basis="peak"):
    con = duckdb.connect()
    frames = {
        "account_months": relation(
            con,
            [
                ("account_id", "varchar"),
                ("month_number", "integer"),
                ("month_start", "date"),
                ("opening_mrr_cc", MONEY),
            ],
            account_months,
        ),
        "currency_months": relation(
            con,
            [
                ("account_id", "varchar"),
                ("currency_code", "varchar"),
                ("month_number", "integer"),
                ("mrr_local", MONEY),
            ],
            currency_months,
        ),
        "rates": relation(
            con,
            [
                ("currency_code", "varchar"),
                ("month_number", "integer"),
                ("rate_to_reporting", MONEY),
            ],
            rates,
        ),
        "movements": relation(
            con,
            [
                ("account_id", "varchar"),
                ("month_number", "integer"),
                ("movement_type", "varchar"),
                ("amount", MONEY),
            ],
            movements,
        ),
    }
    result = peak_model.recovery_split(
        *(
            nw.from_native(frames[name])
            for name in ("account_months", "currency_months", "rates", "movements")
        ),
        basis,
    ).to_native()
    rows = result.order("account_id, month_number").fetchall()
    names = result.columns
    return {(row[0], row[1]): dict(zip(names, row, strict=False)) for row in rows}


def usd_rates(months):
    return [("USD", month, "1") for month in months]


def months_of(account, mrr_by_month):
    """account_months rows with opening_cc = last month's MRR (single USD account)."""
    rows, previous = [], Decimal(0)
    for month, mrr in enumerate(mrr_by_month):
        rows.append((account, month, f"2024-{month + 1:02d}-01", str(previous)))
        previous = Decimal(mrr)
    return rows


def test_downgrade_then_partial_restore_is_recovery_not_expansion():
    # 1,000 -> 500 (downgrade) -> 800 (+300, all recovery)
    # -> 1,200 (+400: 200 recovery, 200 expansion)
    mrr = ["1000", "500", "800", "1200"]
    out = run_split(
        months_of("a", mrr),
        [("a", "USD", m, v) for m, v in enumerate(mrr)],
        usd_rates(range(4)),
        [("a", 2, "expansion", "300"), ("a", 3, "expansion", "400")],
    )
    assert out[("a", 2)]["prior_peak_mrr"] == Decimal("1000")
    assert out[("a", 2)]["recovery_mrr"] == Decimal("300")
    assert out[("a", 3)]["prior_peak_mrr"] == Decimal("1000")
    assert out[("a", 3)]["recovery_mrr"] == Decimal("200")
    assert out[("a", 3)]["gains_mrr"] == Decimal("400")
    assert out[("a", 0)]["prior_peak_mrr"] == Decimal("0")


def test_prior_month_basis_has_no_recovery():
    mrr = ["1000", "500", "800"]
    out = run_split(
        months_of("a", mrr),
        [("a", "USD", m, v) for m, v in enumerate(mrr)],
        usd_rates(range(3)),
        [("a", 2, "expansion", "300")],
        basis="prior_month",
    )
    assert out[("a", 2)]["recovery_mrr"] == Decimal("0")
    assert out[("a", 2)]["prior_peak_mrr"] == Decimal("1000")


def test_peak_spans_churn_and_reactivation():
    # 300, churn to 0, reactivated at 200, then +150: 100 recovers to the 300 peak, 50 expands
    mrr = ["300", "0", "200", "350"]
    out = run_split(
        months_of("a", mrr),
        [("a", "USD", m, v) for m, v in enumerate(mrr) if v != "0"],
        usd_rates(range(4)),
        [("a", 3, "expansion", "150")],
    )
    assert out[("a", 3)]["prior_peak_mrr"] == Decimal("300")
    assert out[("a", 3)]["recovery_mrr"] == Decimal("100")


def test_gain_at_the_peak_is_all_expansion():
    mrr = ["300", "300", "450"]
    out = run_split(
        months_of("a", mrr),
        [("a", "USD", m, v) for m, v in enumerate(mrr)],
        usd_rates(range(3)),
        [("a", 2, "expansion", "150")],
    )
    assert out[("a", 2)]["recovery_mrr"] == Decimal("0")


def test_single_currency_peak_is_revalued_at_this_months_rate():
    # 1,000 EUR then 800 EUR; at month 2 the rate is 1.2: peak = 1,000 x 1.2 = 1,200.
    # opening_cc = 800 x 1.2 = 960, gain 300 -> recovery min(300, 1200 - 960) = 240.
    account_months = [
        ("e", 0, "2024-01-01", "0"),
        ("e", 1, "2024-02-01", "1100"),
        ("e", 2, "2024-03-01", "960"),
    ]
    out = run_split(
        account_months,
        [("e", "EUR", 0, "1000"), ("e", "EUR", 1, "800"), ("e", "EUR", 2, "1050")],
        [("EUR", 0, "1.0"), ("EUR", 1, "1.1"), ("EUR", 2, "1.2")],
        [("e", 2, "expansion", "300")],
    )
    assert out[("e", 2)]["prior_peak_mrr"] == Decimal("1200")
    assert out[("e", 2)]["recovery_mrr"] == Decimal("240")


def test_multi_currency_peak_sums_each_month_at_this_months_rates():
    # month 0: 100 EUR + 100 GBP; month 1: 150 EUR + 0 GBP. At month 2 rates EUR 1.0, GBP 2.0:
    # month 0 = 100 + 200 = 300, month 1 = 150 -> peak 300 (a running max in USD would say
    # otherwise if rates had moved: it is the re-valued months that are compared).
    account_months = [
        ("m", 0, "2024-01-01", "0"),
        ("m", 1, "2024-02-01", "0"),
        ("m", 2, "2024-03-01", "150"),
    ]
    out = run_split(
        account_months,
        [
            ("m", "EUR", 0, "100"),
            ("m", "GBP", 0, "100"),
            ("m", "EUR", 1, "150"),
            ("m", "EUR", 2, "250"),
        ],
        [
            ("EUR", 0, "1.5"),
            ("EUR", 1, "1.0"),
            ("EUR", 2, "1.0"),
            ("GBP", 0, "1.0"),
            ("GBP", 1, "1.0"),
            ("GBP", 2, "2.0"),
        ],
        [("m", 2, "expansion", "100")],
    )
    assert out[("m", 2)]["prior_peak_mrr"] == Decimal("300")
    assert out[("m", 2)]["recovery_mrr"] == Decimal("100")
    assert out[("m", 1)]["prior_peak_mrr"] == Decimal("100") * Decimal("1.0") + Decimal("100")


def test_unknown_basis_is_refused():
    with pytest.raises(ValueError, match="expansion_basis"):
        run_split(months_of("a", ["1"]), [("a", "USD", 0, "1")], usd_rates([0]), [], "peaks")


def fake_dbt(con, is_incremental=False):
    """A stand-in for dbt's Python-model object over the tables of `con`."""
    tables = {
        "int_account_months_densified": "am",
        "int_account_currency_months_aggregated": "cm",
        "int_fx_rates_asserted": "fx",
        "int_mrr_movements_classified": "mv",
        "int_restatement_windows_tracked": "windows",
    }

    class FakeConfig:
        def __call__(self, **kwargs):
            return None

        def get(self, key):
            return "peak" if key == "expansion_basis" else None

    class FakeDbt:
        config = FakeConfig()

        def ref(self, name):
            return con.table(tables[name])

    fake = FakeDbt()
    fake.is_incremental = is_incremental
    return fake


def peak_inputs(months: int, restate_from: int = 1):
    """One USD account with MRR 5, 9, 5, 9, ... over `months` months, and two restatement
    windows, the latest starting at month `restate_from`."""
    con = duckdb.connect()
    con.sql(
        "create table am as select 'a' as account_id, month_number, "
        "date '2024-01-01' + to_months(month_number) as month_start, "
        "cast(0 as decimal(38,10)) as opening_mrr_cc from range(?) as months(month_number)",
        params=[months],
    )
    con.sql(
        "create table cm as select 'a' as account_id, 'USD' as currency_code, month_number, "
        "cast(5 + 4 * (month_number % 2) as decimal(38,10)) as mrr_local "
        "from range(?) as months(month_number)",
        params=[months],
    )
    con.sql(
        "create table fx as select 'USD' as currency_code, month_number, "
        "cast(1 as decimal(38,10)) as rate_to_reporting from range(?) as months(month_number)",
        params=[months],
    )
    con.sql(
        "create table mv as select 'a' as account_id, 0 as month_number, "
        "'new' as movement_type, cast(5 as decimal(38,10)) as amount"
    )
    con.sql(
        "create table windows as select * from (values (1, 0), (2, ?)) "
        "as windows(run_sequence, restate_from_month_number)",
        params=[restate_from],
    )
    return con


def test_model_returns_a_lazy_relation_not_a_dataframe():
    con = peak_inputs(1)
    result = peak_model.model(fake_dbt(con), con)
    assert isinstance(result, duckdb.DuckDBPyRelation)
    assert result.fetchall()[0][4] == Decimal("0")


def test_incremental_run_writes_only_the_restated_months_with_the_whole_history_peak():
    con = peak_inputs(3)
    full = sorted(peak_model.model(fake_dbt(con), con).fetchall())
    restated = peak_model.model(fake_dbt(con, is_incremental=True), con)
    assert isinstance(restated, duckdb.DuckDBPyRelation)
    rows = sorted(restated.fetchall())
    # the latest window starts at month 1: month 0 is kept from the previous build
    assert [row[1] for row in rows] == [1, 2]
    assert rows == full[1:]
    # month 2's prior peak is month 1's 9, seen although month 1 is itself restated
    assert rows[1][4] == Decimal("9")


def test_incremental_peak_before_the_window_seeds_the_running_maximum():
    # MRR 5, 9, 5, 9, 5: the window starts at month 2, so month 2's peak (9) lies wholly
    # before it, and month 4's is the larger of that and the window's own months
    con = peak_inputs(5, restate_from=2)
    full = sorted(peak_model.model(fake_dbt(con), con).fetchall())
    rows = sorted(peak_model.model(fake_dbt(con, is_incremental=True), con).fetchall())
    assert [row[1] for row in rows] == [2, 3, 4]
    assert [row[4] for row in rows] == [Decimal("9"), Decimal("9"), Decimal("9")]
    assert rows == full[2:]


def test_incremental_multi_currency_peak_revalues_months_before_the_window():
    # EUR 10 in month 0, USD 12 in month 1; EUR is worth 2 USD from month 2: month 2's prior
    # peak is month 0's EUR 10 at month 2's rate (20), although month 0 is not restated
    con = peak_inputs(3, restate_from=2)
    con.sql("delete from cm")
    con.sql("insert into cm values ('a', 'EUR', 0, 10), ('a', 'USD', 1, 12), ('a', 'USD', 2, 12)")
    con.sql(
        "insert into fx select 'EUR', month_number, 1 + (month_number >= 2)::int "
        "from range(3) as months(month_number)"
    )
    full = sorted(peak_model.model(fake_dbt(con), con).fetchall())
    rows = sorted(peak_model.model(fake_dbt(con, is_incremental=True), con).fetchall())
    assert [row[1] for row in rows] == [2]
    assert rows[0][4] == Decimal("20")
    assert rows == full[2:]
