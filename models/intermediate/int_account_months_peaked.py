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
rates and takes the largest, a join bounded by that account's own months.
"""

import narwhals as nw

KEY = ["account_id", "month_number"]


def single_currency_peaks(account_months, currency_months, rates, single_accounts):
    """Prior peak for accounts whose MRR was only ever in one currency."""
    panel = (
        account_months.select("account_id", "month_number")
        .join(single_accounts, on="account_id", how="inner")
        .join(
            currency_months.select("account_id", "month_number", "mrr_local"),
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
        )
    )
    return panel.join(rates, on=["currency_code", "month_number"], how="left").select(
        "account_id",
        "month_number",
        (nw.col("prior_max_local").fill_null(0) * nw.col("rate_to_reporting")).alias(
            "prior_peak_mrr"
        ),
    )


def multi_currency_peaks(account_months, currency_months, rates, multi_accounts):
    """Prior peak for accounts with MRR in more than one currency over their history."""
    months = account_months.select("account_id", "month_number").join(
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


def prior_peaks(account_months, currency_months, rates):
    """P for every account-month, at that month's rates (0 in an account's first month)."""
    paid = currency_months.filter(nw.col("mrr_local") > 0)
    currency_counts = paid.group_by("account_id").agg(
        nw.col("currency_code").n_unique().alias("currency_count"),
        nw.col("currency_code").min().alias("currency_code"),
    )
    single_accounts = currency_counts.filter(nw.col("currency_count") == 1).select(
        "account_id", "currency_code"
    )
    multi_accounts = currency_counts.filter(nw.col("currency_count") > 1).select("account_id")
    return nw.concat(
        [
            single_currency_peaks(account_months, paid, rates, single_accounts),
            multi_currency_peaks(account_months, paid, rates, multi_accounts),
        ],
        how="vertical",
    )


def recovery_split(account_months, currency_months, rates, movements, expansion_basis):
    """Account-month prior peak, gains and the part of the gains that is recovery."""
    if expansion_basis not in ("peak", "prior_month"):
        raise ValueError(
            f"expansion_basis must be 'peak' or 'prior_month', got {expansion_basis!r}"
        )
    gains = (
        movements.filter(nw.col("movement_type") == "expansion")
        .group_by("account_id", "month_number")
        .agg(nw.col("amount").sum().alias("gains_mrr"))
    )
    peaks = prior_peaks(account_months, currency_months, rates)
    # no earlier month means no peak yet; a missing rate cannot hide here, the test
    # int_fx_rates_asserted has stopped the build before this model runs
    joined = (
        account_months.select("account_id", "month_number", "month_start", "opening_mrr_cc")
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


def restated_months(result, windows):
    """The rows of the months this run restates (int_restatement_windows_tracked)."""
    latest_sequence = windows.select(nw.col("run_sequence").max())
    latest = windows.join(latest_sequence, on="run_sequence", how="inner").select(
        "restate_from_month_number"
    )
    return (
        result.join(latest, how="cross")
        .filter(nw.col("month_number") >= nw.col("restate_from_month_number"))
        .drop("restate_from_month_number")
    )


def model(dbt, session):
    # incremental with the project's restatement window: the strategy is set in the YAML
    # config (it differs by engine); a full build computes every month
    dbt.config(materialized="incremental", restate_column="month_number")
    expansion_basis = dbt.config.get("expansion_basis") or "peak"
    account_months = nw.from_native(dbt.ref("int_account_months_densified"))
    currency_months = nw.from_native(dbt.ref("int_account_currency_months_aggregated"))
    rates = nw.from_native(dbt.ref("int_fx_rates_asserted")).select(
        "currency_code", "month_number", "rate_to_reporting"
    )
    movements = nw.from_native(dbt.ref("int_mrr_movements_classified"))
    windows = nw.from_native(dbt.ref("int_restatement_windows_tracked"))
    result = recovery_split(account_months, currency_months, rates, movements, expansion_basis)
    if dbt.is_incremental:
        # the prior peak looks at the whole history, so it is computed over every month;
        # only the restated months are written
        result = restated_months(result, windows)
    return result.to_native()
