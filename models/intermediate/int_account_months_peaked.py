"""Prior peak and recovery per account-month (metrics.md, "Peak basis").

For each account and month M:
  prior_peak_mrr  P = the largest MRR of any earlier month, each re-valued at M's rates;
  gains_mrr       G = the month's expansion movements before this step;
  recovery_mrr    = min(G, max(0, P - opening_cc)) under expansion_basis 'peak', else 0.
The peak spans churn, so regrowth after a reactivation up to the old peak is recovery.

Written with narwhals over the engine's own lazy frame (a DuckDB relation here, a Spark
DataFrame on Spark): every step is a lazy query, nothing is pulled into Python memory.
Re-valuing at M's rates: an account whose MRR was only ever in one currency has
P = rate(M) * running max of its local-currency MRR (rates are positive), a window pass;
an account with MRR in several currencies sums each earlier month's per-currency MRR at M's
rates and takes the largest, a join bounded by that account's own months. An incremental run
computes only the restated months: the running maximum starts from the largest local MRR
before them.
"""

import narwhals as nw

KEY = ["account_id", "month_number"]
BOUND = "restate_from_month_number"


def from_bound(frame, bound):
    """The rows of `frame` in the months written (all of them without a bound)."""
    if bound is None:
        return frame
    return (
        frame.join(bound, how="cross").filter(nw.col("month_number") >= nw.col(BOUND)).drop(BOUND)
    )


def single_currency_peaks(window_months, currency_months, rates, single_accounts, bound):
    """Prior peak for accounts whose MRR was only ever in one currency: the running maximum of
    the local MRR, seeded with the largest local MRR before the window (one group-by, so an
    incremental run does not walk the whole history)."""
    panel = (
        window_months.select("account_id", "month_number")
        .join(single_accounts, on="account_id", how="inner")
        .join(
            from_bound(currency_months, bound).select("account_id", "month_number", "mrr_local"),
            on=KEY,
            how="left",
        )
        .with_columns(nw.col("mrr_local").fill_null(0))
        .with_columns(
            running_max_local=nw.col("mrr_local")
            .cum_max()
            .over("account_id", order_by="month_number")
        )
        .with_columns(
            prior_max_local=nw.col("running_max_local")
            .shift(1)
            .over("account_id", order_by="month_number")
            .fill_null(0)
        )
    )
    if bound is not None:
        before_window = (
            currency_months.join(bound, how="cross")
            .filter(nw.col("month_number") < nw.col(BOUND))
            .group_by("account_id")
            .agg(nw.col("mrr_local").max().alias("before_window_max_local"))
        )
        # local MRR is positive here, so 0 is neutral for the maximum
        panel = panel.join(before_window, on="account_id", how="left").with_columns(
            prior_max_local=nw.max_horizontal(
                nw.col("prior_max_local"), nw.col("before_window_max_local").fill_null(0)
            )
        )
    return panel.join(rates, on=["currency_code", "month_number"], how="left").select(
        "account_id",
        "month_number",
        (nw.col("prior_max_local") * nw.col("rate_to_reporting")).alias("prior_peak_mrr"),
    )


def multi_currency_peaks(window_months, currency_months, rates, multi_accounts):
    """Prior peak for accounts with MRR in more than one currency over their history."""
    months = window_months.select("account_id", "month_number").join(
        multi_accounts, on="account_id", how="inner"
    )
    history = currency_months.join(multi_accounts, on="account_id", how="inner").select(
        "account_id",
        "currency_code",
        nw.col("month_number").alias("earlier_month_number"),
        "mrr_local",
    )
    revalued = (
        months.join(history, on="account_id", how="inner")
        .filter(nw.col("earlier_month_number") < nw.col("month_number"))
        .join(rates, on=["currency_code", "month_number"], how="left")
        .with_columns(revalued_mrr=nw.col("mrr_local") * nw.col("rate_to_reporting"))
        .group_by("account_id", "month_number", "earlier_month_number")
        .agg(nw.col("revalued_mrr").sum())
        .group_by("account_id", "month_number")
        .agg(nw.col("revalued_mrr").max().alias("prior_peak_mrr"))
    )
    return months.select("account_id", "month_number").join(revalued, on=KEY, how="left")


def prior_peaks(window_months, currency_months, rates, bound):
    """P for every account-month written, at that month's rates (0 in an account's first
    month); the earlier months it looks at span the whole history."""
    paid = currency_months.filter(nw.col("mrr_local") > 0)
    # one currency exactly when the first and last currency codes agree: a min and a max per
    # account, cheaper than counting distinct codes (the engine reads this aggregate once per
    # use, D96)
    currency_ranges = paid.group_by("account_id").agg(
        nw.col("currency_code").min().alias("currency_code"),
        nw.col("currency_code").max().alias("last_currency_code"),
    )
    single_accounts = currency_ranges.filter(
        nw.col("currency_code") == nw.col("last_currency_code")
    ).select("account_id", "currency_code")
    multi_accounts = currency_ranges.filter(
        nw.col("currency_code") != nw.col("last_currency_code")
    ).select("account_id")
    return nw.concat(
        [
            single_currency_peaks(window_months, paid, rates, single_accounts, bound),
            multi_currency_peaks(window_months, paid, rates, multi_accounts),
        ],
        how="vertical",
    )


def recovery_split(account_months, currency_months, rates, movements, expansion_basis, bound=None):
    """Account-month prior peak, gains and the part of the gains that is recovery, for the
    months from `bound` (a one-row frame of restate_from_month_number; None: every month)."""
    if expansion_basis not in ("peak", "prior_month"):
        raise ValueError(
            f"expansion_basis must be 'peak' or 'prior_month', got {expansion_basis!r}"
        )
    window_months = from_bound(account_months, bound)
    gains = (
        from_bound(movements, bound)
        .filter(nw.col("movement_type") == "expansion")
        .group_by("account_id", "month_number")
        .agg(nw.col("amount").sum().alias("gains_mrr"))
    )
    peaks = prior_peaks(window_months, currency_months, rates, bound)
    # no earlier month means no peak yet; a missing rate cannot hide here, the test
    # int_fx_rates_asserted has stopped the build before this model runs
    joined = (
        window_months.select("account_id", "month_number", "month_start", "opening_mrr_cc")
        .join(peaks, on=KEY, how="left")
        .join(gains, on=KEY, how="left")
        .with_columns(nw.col("gains_mrr").fill_null(0), nw.col("prior_peak_mrr").fill_null(0))
    )
    if expansion_basis == "peak":
        headroom = nw.max_horizontal(nw.lit(0), nw.col("prior_peak_mrr") - nw.col("opening_mrr_cc"))
        recovery = nw.min_horizontal(nw.col("gains_mrr"), headroom)
    else:
        recovery = nw.col("gains_mrr") * 0
    return joined.select(
        "account_id",
        "month_number",
        "month_start",
        "opening_mrr_cc",
        "prior_peak_mrr",
        "gains_mrr",
        recovery.alias("recovery_mrr"),
        nw.lit(expansion_basis).alias("expansion_basis"),
    )


def restate_bound(windows):
    """The first month this run restates (int_restatement_windows_tracked), as a one-row
    frame."""
    latest_sequence = windows.select(nw.col("run_sequence").max())
    return windows.join(latest_sequence, on="run_sequence", how="inner").select(BOUND)


def model(dbt, session):
    # incremental with the project's restatement window where the engine allows it: the
    # materialization and strategy are set in the YAML config; a full build computes every month
    dbt.config(restate_column="month_number")
    expansion_basis = dbt.config.get("expansion_basis") or "peak"
    account_months = nw.from_native(dbt.ref("int_account_months_densified"))
    currency_months = nw.from_native(dbt.ref("int_account_currency_months_aggregated"))
    rates = nw.from_native(dbt.ref("int_fx_rates_asserted")).select(
        "currency_code", "month_number", "rate_to_reporting"
    )
    movements = nw.from_native(dbt.ref("int_mrr_movements_classified"))
    windows = nw.from_native(dbt.ref("int_restatement_windows_tracked"))
    # an incremental run computes and writes only the restated months; their prior peak still
    # looks at the whole history
    bound = restate_bound(windows) if dbt.is_incremental else None
    result = recovery_split(
        account_months, currency_months, rates, movements, expansion_basis, bound
    )
    return result.to_native()
