"""The reconciliation's reduction of checked rows to one row per group
(reconciliation.sql.worst_per_group), on hand-made rows: the largest |difference| wins, a null
difference before any number, ties go to the first by the detail columns in order (nulls
last; of two rows differing only in the sign, the positive), and every group counts its rows
checked and off."""

from __future__ import annotations

import duckdb
from reconciliation.sql import worst_per_group

CHECKED = """
select * from (values
    ('2024-01', 'acct_c', 'late', 2.0),
    ('2024-01', 'acct_b', 'late', -2.0),
    ('2024-01', 'acct_b', 'early', -2.0),
    ('2024-01', 'acct_b', 'early', 2.0),
    ('2024-01', 'acct_a', 'late', 0.5),
    ('2024-02', 'acct_a', 'late', 0.0),
    ('2024-02', 'acct_b', 'late', null),
    ('2024-02', 'acct_c', 'late', 9.0),
    ('2024-03', 'acct_a', 'late', 0.0),
    ('2024-03', 'acct_a', null, 0.0),
    ('2024-03', null, 'early', 0.0)
) as checked_rows (month_start, account_id, issue, difference)
"""


def worst_rows() -> list[tuple]:
    query = worst_per_group(CHECKED, ["month_start"], ["account_id", "issue"], tolerance=1.0)
    return duckdb.sql(query).fetchall()


def test_largest_difference_wins_and_ties_go_to_the_first_by_detail_columns():
    # 2024-01: |2.0| four times; acct_b before acct_c, then 'early' before 'late', then the
    # positive of two rows that differ only in sign
    assert worst_rows()[0] == ("2024-01", "acct_b", "early", 2.0, 4, 5)


def test_a_null_difference_ranks_before_any_number():
    # 2024-02: the null beats 9.0; both are off (null, and 9 > tolerance 1)
    assert worst_rows()[1] == ("2024-02", "acct_b", "late", None, 2, 3)


def test_a_null_detail_value_sorts_last_among_ties():
    # 2024-03: every row ties at 0; acct_a before the null account, 'late' before null issue
    assert worst_rows()[2] == ("2024-03", "acct_a", "late", 0.0, 0, 3)


def test_one_row_per_group_in_group_order():
    assert [row[0] for row in worst_rows()] == ["2024-01", "2024-02", "2024-03"]
