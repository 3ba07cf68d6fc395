{#
    billing_contract()

    The raw billing contract (shared design: raw-contract.md) as data: for every table, whether
    it is required, whether it is keyless (daily readings to add up, no key in the contract)
    and its columns with their contract types. One place for the column list so that empty
    optional tables, file reads, validation and the quarantine's row traces all agree. A
    keyless table also names the columns its rows are named by (row_key): every column but
    the reading.

    Returns: dict table_name -> {"required": bool, "keyless": bool (absent = false),
    "row_key": [column_name] (keyless tables only), "columns": [(column_name, contract_type)]}
    where contract_type is one of text, integer, decimal, date, timestamp, boolean.
#}
{% macro billing_contract() %}
    {%- set contract = {
        "accounts": {"required": true, "columns": [
            ("account_id", "text"), ("account_name", "text"), ("segment", "text"),
            ("region", "text"), ("created_at", "timestamp")]},
        "products": {"required": true, "columns": [
            ("product_id", "text"), ("product_name", "text"), ("is_add_on", "boolean"),
            ("parent_product_id", "text")]},
        "plans": {"required": true, "columns": [
            ("plan_id", "text"), ("product_id", "text"), ("plan_name", "text"),
            ("tier_rank", "integer"), ("pricing_model", "text"),
            ("billing_interval_months", "integer"), ("currency", "text"),
            ("list_unit_amount", "decimal"), ("included_units", "decimal"),
            ("overage_unit_amount", "decimal"), ("usage_metric", "text")]},
        "subscription_items": {"required": true, "columns": [
            ("subscription_item_id", "text"), ("subscription_id", "text"),
            ("account_id", "text"), ("plan_id", "text"), ("quantity", "decimal"),
            ("unit_amount", "decimal"), ("discount_pct", "decimal"), ("currency", "text"),
            ("valid_from", "date"), ("valid_to", "date"), ("is_trial", "boolean"),
            ("updated_at", "timestamp")]},
        "usage_daily": {"required": false, "keyless": true,
            "row_key": ["account_id", "subscription_id", "usage_metric", "usage_date"], "columns": [
            ("account_id", "text"), ("subscription_id", "text"), ("usage_metric", "text"),
            ("usage_date", "date"), ("quantity", "decimal")]},
        "seat_activity": {"required": false, "keyless": true,
            "row_key": ["account_id", "activity_date"], "columns": [
            ("account_id", "text"), ("activity_date", "date"), ("active_users", "integer")]},
        "features": {"required": false, "columns": [
            ("feature_id", "text"), ("product_id", "text"), ("feature_name", "text")]},
        "feature_usage": {"required": false, "keyless": true,
            "row_key": ["account_id", "feature_id", "usage_date"], "columns": [
            ("account_id", "text"), ("feature_id", "text"), ("usage_date", "date"),
            ("events", "integer")]},
        "invoice_lines": {"required": false, "columns": [
            ("invoice_line_id", "text"), ("invoice_id", "text"), ("account_id", "text"),
            ("subscription_id", "text"), ("line_type", "text"), ("amount", "decimal"),
            ("currency", "text"), ("period_start", "date"), ("period_end", "date"),
            ("issued_at", "timestamp")]},
        "fx_rates": {"required": false, "columns": [
            ("currency", "text"), ("rate_month", "date"), ("rate_to_reporting", "decimal")]},
    } -%}
    {{ return(contract) }}
{% endmacro %}
