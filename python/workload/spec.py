"""The workload's parameters and the calendar they imply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

HORIZON_MONTH = date(2026, 10, 1)
ACTIVITY_DAYS = 180


def add_months(first_of_month: date, count: int) -> date:
    """The first day of the month `count` months after `first_of_month`."""
    index = first_of_month.year * 12 + first_of_month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class WorkloadSpec:
    """How many accounts over how many months, the seed and the share with daily activity."""

    accounts: int
    months: int
    seed: int = 42
    activity_share: float = 0.1
    horizon_month: date = HORIZON_MONTH

    def __post_init__(self) -> None:
        if self.accounts < 1:
            raise ValueError("accounts must be at least 1")
        if self.months < 1:
            raise ValueError("months must be at least 1")
        if not 0 <= self.activity_share <= 1:
            raise ValueError("activity_share must be between 0 and 1")

    @property
    def start_month(self) -> date:
        """The first month of the window (the horizon is the last)."""
        return add_months(self.horizon_month, 1 - self.months)

    @property
    def last_day(self) -> date:
        """The last day of the horizon month: the latest updated_at date."""
        return add_months(self.horizon_month, 1) - timedelta(days=1)

    @property
    def activity_start(self) -> date:
        """The first day of daily activity (the last 180 days through the last day)."""
        return max(self.start_month, self.last_day - timedelta(days=ACTIVITY_DAYS - 1))

    def sql_values(self) -> dict[str, str]:
        """The parameters as SQL literals, for `string.Template` substitution."""
        return {
            "seed": str(int(self.seed)),
            "n_accounts": str(int(self.accounts)),
            "n_months": str(int(self.months)),
            "activity_share": repr(float(self.activity_share)),
            "start_month": f"date '{self.start_month.isoformat()}'",
            "horizon_month": f"date '{self.horizon_month.isoformat()}'",
            "last_day": f"date '{self.last_day.isoformat()}'",
            "activity_start": f"date '{self.activity_start.isoformat()}'",
        }
