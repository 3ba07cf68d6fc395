"""Money division (macro divide_money, decision log D104): on DuckDB the quotient is exact at the
tenth decimal place, an exact tie rounded to even, where DuckDB's `/` on decimals goes through
DOUBLE and gets the tenth decimal wrong from about a million up. Each case is run through the
macro by `dbt show` and compared with Python's exact decimal arithmetic."""

from __future__ import annotations

import json
import random
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from pathlib import Path

import pytest
from warehouse import run_dbt

TEN_DECIMALS = Decimal("1e-10")

HAND_COMPUTED = [
    # 5,000 seats x 2,400.01 a year at 12.5% off, per month: 1,050,004,375 / 1,200
    ("1050004375.0000000000", "1200", "875003.6458333333"),
    ("1", "3", "0.3333333333"),
    ("-2", "3", "-0.6666666667"),
    ("2", "-3", "-0.6666666667"),
    ("-2", "-3", "0.6666666667"),
    # an exact tie goes to the even tenth decimal
    ("0.0000000001", "2", "0.0000000000"),
    ("0.0000000003", "2", "0.0000000002"),
    ("-0.0000000003", "2", "-0.0000000002"),
    ("0.0000000005", "-2", "-0.0000000002"),
    ("0", "7", "0.0000000000"),
    # near the largest numerator the macro takes (below 1e18)
    ("999999999999999999.9999999999", "7", "142857142857142857.1428571428"),
    ("3703703.6737037034", "0.0000000003", "12345678912345678.0000000000"),
]


def random_cases(count: int) -> list[tuple[str, str]]:
    """Numerators from 1e-7 to 1e15 with ten decimals; denominators as billing intervals,
    quantities and money amounts come (integers, up to four decimals, either sign)."""
    generator = random.Random(20261207)
    cases = []
    for _ in range(count):
        numerator = Decimal(generator.randint(-(10**16), 10**16)).scaleb(-10)
        numerator = numerator.scaleb(generator.randint(-3, 5)).quantize(TEN_DECIMALS)
        denominator = Decimal(
            generator.choice([1, 3, 7, 12, 1200, -3, generator.randint(1, 10**6)])
        ).scaleb(-generator.randint(0, 4))
        cases.append((str(numerator), str(denominator)))
    return cases


def exact_quotient(numerator: str, denominator: str) -> Decimal:
    with localcontext() as context:
        context.prec = 80
        return (Decimal(numerator) / Decimal(denominator)).quantize(TEN_DECIMALS, ROUND_HALF_EVEN)


def divide_in_warehouse(workdir: Path, cases: list[tuple[str, str]]):
    money = "decimal(38, 10)"
    rows = ", ".join(
        f"({index}, cast('{numerator}' as {money}), cast('{denominator}' as {money}))"
        for index, (numerator, denominator) in enumerate(cases)
    )
    query = (
        "select case_number, cast({{ divide_money('numerator', 'denominator') }} as varchar)"
        f" as quotient from (values {rows}) as cases (case_number, numerator, denominator)"
    )
    return run_dbt(
        workdir, "--quiet", "show", "--output", "json", "--limit", "-1", "--inline", query
    )


def test_quotients_are_exact_at_the_tenth_decimal(tmp_path):
    cases = [(numerator, denominator) for numerator, denominator, _ in HAND_COMPUTED]
    cases += random_cases(1000)
    result = divide_in_warehouse(tmp_path, cases)
    assert result.returncode == 0, result.output[-4000:]
    quotients = {row["case_number"]: row["quotient"] for row in json.loads(result.output)["show"]}
    assert len(quotients) == len(cases)

    for index, (_, _, expected) in enumerate(HAND_COMPUTED):
        assert quotients[index] == expected, HAND_COMPUTED[index]
    wrong = [
        (numerator, denominator, quotients[index])
        for index, (numerator, denominator) in enumerate(cases)
        if Decimal(quotients[index]) != exact_quotient(numerator, denominator)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("numerator", "denominator", "error"),
    [
        ("1000000000000000000", "7", "to type decimal(28,10) failed: value is out of range"),
        ("1", "0", "decimal_division: division by zero"),
    ],
)
def test_out_of_range_division_fails_rather_than_rounds(tmp_path, numerator, denominator, error):
    result = divide_in_warehouse(tmp_path, [(numerator, denominator)])
    assert result.returncode != 0
    assert error in result.output.lower(), result.output[-4000:]
