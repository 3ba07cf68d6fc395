"""The revenue report: rendered from the sample build by its command, opened in headless
Chromium, every chart drawn (elements with a size, one bar group per month, one cell per cohort
month), a full-page screenshot that is not blank, and the figures it draws equal to the marts."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import duckdb
import pytest
from browser import full_page_screenshot, pixel_statistics
from selenium.webdriver.common.by import By
from warehouse import MART_SCHEMA, PROJECT_DIR

CHARTS = (
    "chart-bridge",
    "chart-movements",
    "chart-mrr-arr",
    "chart-retention",
    "chart-retention-monthly",
    "chart-motions",
    "chart-cohorts",
)
COMPONENTS = (
    "new_mrr",
    "reactivation_mrr",
    "expansion_mrr",
    "recovery_mrr",
    "contraction_mrr",
    "churn_mrr",
    "fx_adjustment_mrr",
)
CENT = Decimal("0.005")


def render(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(PROJECT_DIR / "python" / "render_report.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def report_file(sample_build, tmp_path_factory):
    output = tmp_path_factory.mktemp("report") / "revenue_report.html"
    completed = render("--database", str(sample_build.database), "--output", str(output))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "reading the marts" in completed.stdout  # progress is shown
    assert f"Report written to {output}" in completed.stdout
    return output


@pytest.fixture(scope="module")
def report_page(browser, report_file):
    browser.set_window_size(1280, 1000)
    browser.get(report_file.as_uri())
    return browser


@pytest.fixture(scope="module")
def marts(sample_build):
    with sample_build.connect() as con:
        relation = con.sql(
            f"select * from {MART_SCHEMA}.mrr_waterfall_months "
            "where dimension = 'overall' order by month_start"
        )
        months = [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
        cohorts = {
            (str(row[0]), row[1]): row[2]
            for row in con.sql(
                f"select cohort_month, months_since_start, revenue_retention "
                f"from {MART_SCHEMA}.cohort_retention"
            ).fetchall()
        }
        motions = {
            (str(row[0]), row[1]): row[2]
            for row in con.sql(
                f"select month_start, motion, expansion_mrr "
                f"from {MART_SCHEMA}.expansion_motion_months"
            ).fetchall()
        }
        plays = con.sql(f"select count(distinct account_id) from {MART_SCHEMA}.expansion_plays")
        return {
            "months": months,
            "cohorts": cohorts,
            "motions": motions,
            "play_accounts": plays.fetchall()[0][0],
        }


def marks(page, selector: str) -> list[dict]:
    """Every element matching `selector`: its data-* attributes and its drawn size."""
    return page.execute_script(
        """
        return Array.from(document.querySelectorAll(arguments[0])).map(el => {
            const box = el.getBoundingClientRect();
            return {data: Object.assign({}, el.dataset), width: box.width, height: box.height,
                    month: el.closest('[data-month]') ? el.closest('[data-month]').dataset.month
                                                       : null};
        });
        """,
        selector,
    )


def test_report_is_self_contained(report_file):
    html = report_file.read_text()
    assert "<script" not in html and "<link" not in html and "src=" not in html
    assert "@import" not in html and "url(" not in html
    external = [part for part in html.split("href='")[1:] if part.startswith(("http", "//"))]
    assert external == []


def test_every_chart_is_drawn_with_a_size(report_page):
    for chart in CHARTS:
        element = report_page.find_element(By.ID, chart)
        assert element.size["width"] > 600 and element.size["height"] > 200, chart
        assert (
            report_page.execute_script(
                "return arguments[0].querySelectorAll('rect, polyline, circle').length", element
            )
            > 5
        ), chart
    headings = [h.text for h in report_page.find_elements(By.TAG_NAME, "h2")]
    assert len(headings) >= 8
    notes = report_page.find_elements(By.CSS_SELECTOR, "p.how")
    assert len(notes) == len(CHARTS) + 1  # one per chart and the accounts table
    for note in notes:
        assert "How this number is computed" in note.text
        assert note.find_element(By.CSS_SELECTOR, "a[href^='#def-']")
    for label in report_page.find_elements(By.CSS_SELECTOR, "svg.chart .axis-label"):
        assert label.text.strip()


def test_bridge_adds_up_to_the_marts(report_page, marts):
    recent = marts["months"][-12:]
    bars = {bar["data"]["component"]: bar for bar in marks(report_page, "rect.bridge-bar")}
    assert len(bars) == 9
    assert all(bar["height"] >= 1 and bar["width"] > 10 for bar in bars.values())
    expected = {component: sum(month[component] for month in recent) for component in COMPONENTS}
    expected["opening_mrr"] = recent[0]["opening_mrr"]
    expected["closing_mrr"] = recent[-1]["closing_mrr"]
    for component, value in expected.items():
        assert abs(Decimal(bars[component]["data"]["value"]) - value) <= CENT, component


def test_monthly_movements_equal_the_marts(report_page, marts):
    recent = marts["months"][-12:]
    bars = marks(report_page, "#chart-movements rect.movement-bar")
    months = sorted({bar["month"] for bar in bars})
    assert months == [str(month["month_start"]) for month in recent]
    assert len(bars) == 12 * len(COMPONENTS)
    for month in recent:
        drawn = {
            bar["data"]["component"]: bar
            for bar in bars
            if bar["month"] == str(month["month_start"])
        }
        for component in COMPONENTS:
            assert abs(Decimal(drawn[component]["data"]["value"]) - month[component]) <= CENT
            # an amount of a hundred or more is visible (the axis spans about 150k)
            if abs(month[component]) >= 100:
                assert drawn[component]["height"] > 0, (month["month_start"], component)
    assert len(marks(report_page, "#chart-movements circle.net-change")) == 12


def test_mrr_line_and_headline_equal_the_marts(report_page, marts):
    points = marks(report_page, "#chart-mrr-arr circle.point")
    assert len(points) == len(marts["months"])
    for point, month in zip(points, marts["months"], strict=True):
        assert point["data"]["month"] == str(month["month_start"])
        assert abs(Decimal(point["data"]["value"]) - month["closing_mrr"]) <= CENT
    last = marts["months"][-1]
    mrr = report_page.find_element(By.CSS_SELECTOR, "[data-kpi='MRR']").text
    arr = report_page.find_element(By.CSS_SELECTOR, "[data-kpi='ARR']").text
    assert mrr == f"{last['closing_mrr']:,.2f}"
    assert arr == f"{12 * last['closing_mrr']:,.2f}"


def test_retention_chart_has_benchmark_bands(report_page):
    bands = marks(report_page, "#chart-retention rect.band")
    assert sorted(float(band["data"]["lower"]) for band in bands) == [1.0, 1.1, 1.2]
    assert all(band["height"] > 5 for band in bands)
    series = {point["data"]["series"] for point in marks(report_page, "#chart-retention circle")}
    assert series == {"t12m_nrr", "t12m_grr"}


def test_motions_and_cohorts_equal_the_marts(report_page, marts):
    motion_bars = marks(report_page, "#chart-motions rect.motion-bar")
    assert len(motion_bars) == 12 * 5
    assert len({bar["month"] for bar in motion_bars}) == 12
    for bar in motion_bars:
        expected = marts["motions"][(bar["month"], bar["data"]["motion"])]
        assert abs(Decimal(bar["data"]["value"]) - expected) <= CENT
    cells = marks(report_page, "#chart-cohorts rect.cell")
    assert len(cells) == len(marts["cohorts"])
    assert all(cell["width"] > 0 and cell["height"] > 0 for cell in cells)
    for cell in cells:
        key = (cell["data"]["cohort"], int(cell["data"]["monthsSinceStart"]))
        assert Decimal(cell["data"]["value"]) == marts["cohorts"][key]


def test_top_accounts_list_their_plays(report_page, marts):
    rows = report_page.find_elements(By.CSS_SELECTOR, "#plays tr.play")
    accounts = {row.get_attribute("data-account") for row in rows}
    assert len(accounts) == min(15, marts["play_accounts"])
    assert all(row.find_elements(By.TAG_NAME, "td")[5].text for row in rows)  # owner


def test_screenshot_is_not_blank(report_page):
    png = full_page_screenshot(report_page, "revenue_report.png")
    statistics = pixel_statistics(report_page, png)
    assert statistics["height"] > 3000, statistics
    assert statistics["inked"] > 0.08, statistics
    assert statistics["colours"] > 40, statistics


def test_missing_warehouse_says_what_to_run(tmp_path):
    completed = render("--database", str(tmp_path / "absent.duckdb"))
    assert completed.returncode == 1
    assert "run ./warehouse build first" in completed.stderr
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    completed = render("--database", str(empty), "--output", str(tmp_path / "r.html"))
    assert completed.returncode == 1
    assert "main_marts.mrr_waterfall_months" in completed.stderr
    assert "run ./warehouse build first" in completed.stderr
    assert not (tmp_path / "r.html").exists()
