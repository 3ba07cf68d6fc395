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


def test_every_model_has_a_primary_key_test(manifest):
    tested = set()
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test":
            continue
        name = node.get("test_metadata", {}).get("name")
        if name in ("unique", "unique_combination"):
            tested.update(node["depends_on"]["nodes"])
    untested = [node["name"] for node in models(manifest) if node["unique_id"] not in tested]
    assert untested == []


def test_marts_state_their_grain(manifest):
    vague = [
        node["name"]
        for node in models(manifest)
        if node["fqn"][1] == "marts" and "grain" not in node["description"].lower()
    ]
    assert vague == []
