"""The static docs site opens in headless Chromium, renders, and the lineage of the NRR mart
(retention_months) is reachable: its page lists what it depends on, and its lineage graph holds
its parents and, expanded, every ancestor down to the raw billing source."""

from __future__ import annotations

import json
import time

import pytest
from browser import full_page_screenshot, pixel_statistics
from selenium.webdriver.common.by import By

NRR_MART = "model.revenue_warehouse.retention_months"

# the graph the docs site draws (its Angular `graph` service): ids of the drawn nodes
GRAPH_NODES = """
const graph = angular.element(document.body).injector().get('graph');
return graph.graph.elements.filter(e => e.data && !e.data.source).map(e => e.data.unique_id);
"""


def wait_for(driver, condition, what: str, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    pytest.fail(f"timed out after {seconds:.0f} s waiting for {what}")


@pytest.fixture(scope="module")
def manifest(docs_build):
    return json.loads((docs_build / "manifest.json").read_text())


@pytest.fixture(scope="module")
def nrr_page(browser, docs_build):
    browser.get(f"{(docs_build / 'static_index.html').as_uri()}#!/model/{NRR_MART}")
    wait_for(
        browser,
        lambda: "Depends On" in browser.find_element(By.TAG_NAME, "body").text,
        "the retention_months page to render",
    )
    return browser


def ancestors(manifest: dict, unique_id: str) -> set[str]:
    found, pending = set(), [unique_id]
    while pending:
        for parent in manifest["parent_map"].get(pending.pop(), []):
            if parent not in found:
                found.add(parent)
                pending.append(parent)
    return found


def test_nrr_mart_page_renders(nrr_page):
    body = nrr_page.find_element(By.TAG_NAME, "body").text
    heading = nrr_page.find_element(By.CSS_SELECTOR, "h1").text
    assert heading.startswith("retention_months")
    assert "Net and gross revenue retention" in body
    for column in ("nrr", "grr", "t12m_nrr", "retention_base_mrr"):
        assert f"\n{column}\n" in body, column
    png = full_page_screenshot(nrr_page, "docs_retention_months.png")
    statistics = pixel_statistics(nrr_page, png)
    assert statistics["inked"] > 0.03, statistics
    assert statistics["colours"] > 8, statistics


def test_nrr_mart_page_lists_its_parents(nrr_page, manifest):
    body = nrr_page.find_element(By.TAG_NAME, "body").text
    depends_on = body.split("Depends On", 2)[-1]
    parents = manifest["parent_map"][NRR_MART]
    assert parents
    for parent in parents:
        assert parent.split(".")[-1] in depends_on, parent


def test_lineage_graph_shows_parents_and_dependants(nrr_page, manifest):
    nrr_page.find_element(By.CSS_SELECTOR, "[ng-click='onLauncherClick()']").click()
    drawn = set(wait_for(nrr_page, lambda: nrr_page.execute_script(GRAPH_NODES), "the graph"))
    assert NRR_MART in drawn
    assert set(manifest["parent_map"][NRR_MART]) <= drawn
    assert "exposure.revenue_warehouse.revenue_report" in drawn
    canvases = [c for c in nrr_page.find_elements(By.TAG_NAME, "canvas") if c.is_displayed()]
    assert any(c.size["width"] > 100 and c.size["height"] > 100 for c in canvases)


def test_expanded_lineage_reaches_the_raw_source(nrr_page, manifest):
    """Expanded, the graph selects +retention_months+: every ancestor, down to the sources."""
    # the lineage panel's expand button, as a reader would press it
    nrr_page.execute_script("document.querySelector(\"[ng-click='showExpanded()']\").click()")
    expected = {node for node in ancestors(manifest, NRR_MART) if node.split(".")[0] != "macro"}
    assert "source.revenue_warehouse.billing.subscription_items" in expected
    drawn = set(
        wait_for(
            nrr_page,
            lambda: (
                (nodes := nrr_page.execute_script(GRAPH_NODES)) and expected <= set(nodes) and nodes
            ),
            "the expanded graph",
        )
    )
    assert expected <= drawn
    full_page_screenshot(nrr_page, "docs_retention_months_lineage.png")
