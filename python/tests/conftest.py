"""Shared fixtures: the sample-data build and its independent reference computation."""

from __future__ import annotations

import pytest
import reference_metrics
from warehouse import SAMPLE_DATA_DIR, run_dbt


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """`dbt build` (seeds, models, data tests and unit tests) of the sample data."""
    result = run_dbt(tmp_path_factory.mktemp("sample"), "build")
    assert result.returncode == 0, result.output[-6000:]
    return result


@pytest.fixture(scope="session")
def sample_reference():
    """metrics.md computed independently, in pure Python, from the same sample CSVs."""
    return reference_metrics.compute(reference_metrics.load_raw(SAMPLE_DATA_DIR))


@pytest.fixture(scope="session")
def docs_build(sample_build):
    """`dbt docs generate --static` of the sample build: manifest, catalog, index.html and the
    single-file static_index.html in the build's target folder."""
    result = run_dbt(sample_build.database.parent, "docs", "generate", "--static")
    assert result.returncode == 0, result.output[-6000:]
    return sample_build.database.parent / "target"


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium driven through its chromedriver (selenium). Fails, never skips,
    when they are not installed: `./warehouse setup-browser` installs them."""
    from browser import start_chromium

    driver = start_chromium()
    yield driver
    driver.quit()
