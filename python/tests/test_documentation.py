"""Every model, seed and source is described, every column a model really has is documented,
and every model's primary key is tested: the docs site explains every number."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def manifest(sample_build):
    path = sample_build.database.parent / "target" / "manifest.json"
    return json.loads(path.read_text())


def models(manifest):
    return [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["package_name"] == "revenue_warehouse"
    ]


def test_every_model_seed_and_source_is_described(manifest):
    undescribed = [
        node["unique_id"]
        for node in [*manifest["nodes"].values(), *manifest["sources"].values()]
        if node["resource_type"] in ("model", "seed", "source", "analysis")
        and not node["description"].strip()
    ]
    assert undescribed == []


def test_every_model_column_is_documented(manifest, sample_build):
    missing = []
    with sample_build.connect() as con:
        for node in models(manifest):
            actual = [
                row[0]
                for row in con.sql(
                    "select column_name from information_schema.columns "
                    "where table_schema = ? and table_name = ?",
                    params=[node["schema"], node["alias"]],
                ).fetchall()
            ]
            assert actual, f"{node['name']} not found in {node['schema']}"
            documented = {
                name for name, column in node["columns"].items() if column["description"].strip()
            }
            missing += [f"{node['name']}.{column}" for column in actual if column not in documented]
    assert missing == []


def declares_no_key(node: dict) -> bool:
    """A model whose grain is one row per raw row says so in its config (meta primary_key,
    "none: <why>"): identical raw rows are distinct rows there, and the reconciliation's
    nothing_lost rule counts them instead of a key test."""
    declared = str(node["config"].get("meta", {}).get("primary_key", ""))
    return declared.startswith("none: ") and len(declared) > len("none: ")


def test_every_model_has_a_primary_key_test(manifest):
    tested = set()
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test":
            continue
        name = node.get("test_metadata", {}).get("name")
        if name in ("unique", "unique_combination"):
            tested.update(node["depends_on"]["nodes"])
    untested = [
        node["name"]
        for node in models(manifest)
        if node["unique_id"] not in tested and not declares_no_key(node)
    ]
    assert untested == []


def test_only_raw_row_models_declare_no_key(manifest):
    """The exemption is for the raw-row grain alone: every base model, and the staging and
    validation models of the keyless daily tables."""
    keyless = ("usage_daily", "seat_activity", "feature_usage")
    expected = {node["name"] for node in models(manifest) if node["name"].startswith("base_")}
    expected |= {f"stg_billing__{table}" for table in keyless}
    expected |= {f"int_{table}_validated" for table in keyless}
    declared = {node["name"] for node in models(manifest) if declares_no_key(node)}
    assert declared == expected


def test_marts_state_their_grain(manifest):
    vague = [
        node["name"]
        for node in models(manifest)
        if node["fqn"][1] == "marts" and "grain" not in node["description"].lower()
    ]
    assert vague == []


# --- the docs site: every node, column, macro and test described (issue 7) -------------------

DESCRIBED_NODES = ("nodes", "sources", "exposures", "semantic_models", "metrics", "unit_tests")


@pytest.fixture(scope="module")
def site_manifest(docs_build):
    return json.loads((docs_build / "manifest.json").read_text())


@pytest.fixture(scope="module")
def catalog(docs_build):
    return json.loads((docs_build / "catalog.json").read_text())


def own(nodes: dict) -> list[dict]:
    return [node for node in nodes.values() if node.get("package_name") == "revenue_warehouse"]


def test_every_node_of_the_site_is_described(site_manifest):
    """Models, seeds, sources, analyses, singular tests, unit tests, exposures, semantic models,
    metrics: each has a description. Instances of generic tests (not_null on a column, ...) are
    described by their generic test's definition, checked below. A hook (an `operation` node)
    can carry no description: it calls a macro, which is described like every macro."""
    undescribed = [
        node["unique_id"]
        for kind in DESCRIBED_NODES
        for node in own(site_manifest.get(kind, {}))
        if "test_metadata" not in node
        and node["resource_type"] != "operation"
        and not (node.get("description") or "").strip()
    ]
    assert undescribed == []
    kinds = {node["resource_type"] for kind in DESCRIBED_NODES for node in own(site_manifest[kind])}
    assert {"model", "seed", "source", "test", "unit_test", "exposure", "metric"} <= kinds


def test_every_catalog_column_is_documented(site_manifest, catalog):
    """Every column the warehouse really has (catalog.json) of every model, seed and source is
    described in the manifest, so the site's column tables have no blank."""
    documented = {}
    for node in [*own(site_manifest["nodes"]), *own(site_manifest["sources"])]:
        documented[node["unique_id"]] = {
            name.lower()
            for name, column in node["columns"].items()
            if column["description"].strip()
        }
    missing, checked = [], 0
    for unique_id, entry in [*catalog["nodes"].items(), *catalog["sources"].items()]:
        # tests' stored failures are in the catalog too: only models, seeds and sources count
        if unique_id.split(".")[0] not in ("model", "seed", "snapshot", "source"):
            continue
        for column in entry["columns"]:
            checked += 1
            if column.lower() not in documented[unique_id]:
                missing.append(f"{unique_id}.{column}")
    assert missing == []
    kinds = {unique_id.split(".")[0] for unique_id in catalog["nodes"]} | {"source"}
    assert {"model", "seed", "source"} <= kinds
    assert checked > 500


def test_every_macro_and_its_arguments_are_described(site_manifest):
    """Every macro of the project, dispatch variants and generic tests (test_*) included."""
    macros = own(site_manifest["macros"])
    undescribed = [macro["name"] for macro in macros if not macro["description"].strip()]
    arguments = [
        f"{macro['name']}({argument['name']})"
        for macro in macros
        for argument in macro["arguments"]
        if not (argument.get("description") or "").strip()
    ]
    assert undescribed == []
    assert arguments == []
    assert any(macro["name"] == "test_unique_combination" for macro in macros)


def test_every_macro_argument_is_a_real_parameter(site_manifest):
    """The documented arguments are the macro's parameters (a renamed one is not left stale)."""
    import re

    stale = []
    for macro in own(site_manifest["macros"]):
        if macro["name"].startswith("materialization_"):
            # a materialization takes no arguments: it reads the model from dbt's context
            parameters = set()
        else:
            signature = re.search(r"(?:macro|test)\s+\w+\s*\(([^)]*)\)", macro["macro_sql"])
            parameters = {part.split("=")[0].strip() for part in signature.group(1).split(",")}
        parameters.discard("")
        if macro["name"].startswith("test_"):
            parameters.add("model")
        documented = {argument["name"] for argument in macro["arguments"]}
        if documented != parameters:
            stale.append((macro["name"], sorted(documented), sorted(parameters)))
    assert stale == []


def test_overview_explains_layers_and_metrics(site_manifest):
    overview = site_manifest["docs"]["doc.revenue_warehouse.__overview__"]["block_contents"]
    for phrase in (
        "## The layers",
        "## Metric definitions",
        "staging",
        "intermediate",
        "marts",
        "semantic",
        "NRR",
        "GRR",
        "Quick ratio",
        "ARPA",
        "exposures",
    ):
        assert phrase in overview, phrase


def test_report_and_dashboards_are_exposures(site_manifest):
    exposures = {node["name"]: node for node in own(site_manifest["exposures"])}
    assert {"revenue_report", "revenue_dashboard"} <= set(exposures)
    report_marts = {
        parent.split(".")[-1] for parent in exposures["revenue_report"]["depends_on"]["nodes"]
    }
    assert {
        "mrr_waterfall_months",
        "retention_months",
        "cohort_retention",
        "expansion_motion_months",
        "expansion_plays",
    } <= report_marts


def test_static_docs_are_one_self_contained_file(docs_build):
    """dbt docs generate --static inlines the manifest and catalog into static_index.html."""
    static = (docs_build / "static_index.html").read_text()
    assert "model.revenue_warehouse.retention_months" in static
    assert "int_account_months_densified" in static
    assert '<script src="http' not in static and '<link href="http' not in static
