"""The price book, products and features: small fixed tables, the same for every seed.

Every plan family is sold monthly, quarterly and annually in USD, EUR and GBP. Longer terms
are cheaper per month (3% off quarterly, 15% off annually); EUR and GBP list prices are the
USD price converted at a round book rate and rounded to whole units.
"""

PRODUCTS = (
    ("prod_core", "Core Platform", False, None),
    ("prod_analytics", "Analytics", True, "prod_core"),
    ("prod_automation", "Automation", True, "prod_core"),
    ("prod_api", "API Platform", False, None),
)

# family, product, name, tier_rank, pricing model, monthly USD list price,
# included units (per_seat: seats per unit; usage: calls per month), overage per call in USD
PLAN_FAMILIES = (
    ("core_starter", "prod_core", "Core Starter", 1, "per_seat", 25, 1, None),
    ("core_team", "prod_core", "Core Team", 2, "per_seat", 45, 1, None),
    ("core_business", "prod_core", "Core Business", 3, "per_seat", 75, 1, None),
    ("core_enterprise", "prod_core", "Core Enterprise", 4, "per_seat", 110, 1, None),
    ("analytics", "prod_analytics", "Analytics", 1, "flat", 250, None, None),
    ("automation", "prod_automation", "Automation", 1, "per_seat", 12, 1, None),
    ("api_starter", "prod_api", "API Starter", 1, "usage", 150, 25000, "0.0030"),
    ("api_growth", "prod_api", "API Growth", 2, "usage", 500, 100000, "0.0020"),
    ("api_scale", "prod_api", "API Scale", 3, "usage", 2000, 500000, "0.0015"),
)

# interval months, name, price factor per month
INTERVALS = ((1, "monthly", "1.00"), (3, "quarterly", "0.97"), (12, "annual", "0.85"))

# currency, book rate from USD
CURRENCIES = (("USD", "1.00"), ("EUR", "0.92"), ("GBP", "0.80"))

FEATURES = (
    ("feat_core_dashboards", "prod_core", "Dashboards"),
    ("feat_core_reports", "prod_core", "Reports"),
    ("feat_core_integrations", "prod_core", "Integrations"),
    ("feat_core_user_management", "prod_core", "User management"),
    ("feat_core_custom_roles", "prod_core", "Custom roles"),
    ("feat_core_audit_log", "prod_core", "Audit log"),
    ("feat_core_sso", "prod_core", "Single sign-on"),
    ("feat_analytics_cohorts", "prod_analytics", "Cohort analysis"),
    ("feat_analytics_custom_metrics", "prod_analytics", "Custom metrics"),
    ("feat_analytics_forecasting", "prod_analytics", "Forecasting"),
    ("feat_automation_workflows", "prod_automation", "Workflow builder"),
    ("feat_automation_webhooks", "prod_automation", "Webhooks"),
    ("feat_automation_scheduled_jobs", "prod_automation", "Scheduled jobs"),
    ("feat_api_rest", "prod_api", "REST API"),
    ("feat_api_bulk_export", "prod_api", "Bulk export"),
)


def literal(value: object) -> str:
    """A Python constant as a SQL literal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def values_sql(rows: tuple[tuple, ...], columns: tuple[str, ...], alias: str = "v") -> str:
    """A `(values ...) as t(columns)` relation from constant rows."""
    body = ",\n        ".join("(" + ", ".join(literal(v) for v in row) + ")" for row in rows)
    return f"(values\n        {body}\n    ) as {alias}({', '.join(columns)})"


def catalog_tables_sql() -> list[str]:
    """Statements creating the scratch tables products, plans and features."""
    products = values_sql(
        PRODUCTS, ("product_id", "product_name", "is_add_on", "parent_product_id")
    )
    families = values_sql(
        PLAN_FAMILIES,
        (
            "family",
            "product_id",
            "family_name",
            "tier_rank",
            "pricing_model",
            "monthly_usd",
            "included",
            "overage_usd",
        ),
        "f",
    )
    intervals = values_sql(INTERVALS, ("interval_months", "interval_name", "term_factor"), "i")
    currencies = values_sql(CURRENCIES, ("currency", "book_rate"), "c")
    features = values_sql(FEATURES, ("feature_id", "product_id", "feature_name"))
    return [
        f"""
create or replace table products as
select
    product_id::varchar as product_id,
    product_name::varchar as product_name,
    is_add_on::boolean as is_add_on,
    parent_product_id::varchar as parent_product_id
from {products}
""",
        f"""
create or replace table plans as
select
    ('plan_' || f.family || '_' || i.interval_name || '_' || lower(c.currency))::varchar
        as plan_id,
    f.product_id::varchar as product_id,
    (f.family_name || ' (' || i.interval_name || ', ' || c.currency || ')')::varchar
        as plan_name,
    f.tier_rank::integer as tier_rank,
    f.pricing_model::varchar as pricing_model,
    i.interval_months::integer as billing_interval_months,
    c.currency::varchar as currency,
    round(
        f.monthly_usd * i.interval_months * i.term_factor::decimal(6, 2)
        * c.book_rate::decimal(6, 2)
    )::decimal(18, 2) as list_unit_amount,
    f.included::decimal(18, 2) as included_units,
    round(f.overage_usd::decimal(18, 4) * c.book_rate::decimal(6, 2), 4)::decimal(18, 4)
        as overage_unit_amount,
    (case when f.pricing_model = 'usage' then 'api_calls' end)::varchar as usage_metric,
    f.family,
    i.interval_months
from {families}
cross join {intervals}
cross join {currencies}
""",
        f"""
create or replace table features as
select
    feature_id::varchar as feature_id,
    product_id::varchar as product_id,
    feature_name::varchar as feature_name,
    row_number() over (order by feature_id) as feature_num
from {features}
""",
    ]


PRODUCTS_OUT = "select product_id, product_name, is_add_on, parent_product_id from products"

PLANS_OUT = """
select
    plan_id, product_id, plan_name, tier_rank, pricing_model, billing_interval_months,
    currency, list_unit_amount, included_units, overage_unit_amount, usage_metric
from plans
"""

FEATURES_OUT = "select feature_id, product_id, feature_name from features"
