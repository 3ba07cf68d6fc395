"""Headless Chromium for the browser tests: Debian's chromium and chromedriver driven by
selenium, started with the flags that keep it off the network (this machine has none), and a
check that a screenshot shows something."""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PROJECT_DIR = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = PROJECT_DIR / "target" / "screenshots"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1280,1000",
)


def binary(variable: str, name: str) -> str:
    found = os.environ.get(variable) or shutil.which(name)
    if not found:
        pytest.fail(
            f"{name} not found: run ./warehouse setup-browser (apt-get install chromium "
            f"chromium-driver), or set {variable} to its path",
            pytrace=False,
        )
    return found


def start_chromium() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = binary("CHROMIUM", "chromium")
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-profile-')}")
    # an explicit driver path: selenium's driver manager never looks for (or downloads) one
    service = Service(binary("CHROMEDRIVER", "chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def full_page_screenshot(driver: webdriver.Chrome, name: str) -> Path:
    """The whole page as a PNG under target/screenshots/ (the window grows to the page)."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(int(height) + 40, 16000))
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / name
    path.write_bytes(driver.get_screenshot_as_png())
    driver.set_window_size(1280, 1000)
    return path


# Decodes the PNG in the browser (a canvas) and counts what is on it: the share of pixels that
# are not near-white and the number of distinct colours (quantised to 4 bits per channel).
PIXEL_STATISTICS = """
const done = arguments[arguments.length - 1];
const image = new Image();
image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = image.width; canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let inked = 0; const colours = new Set();
    for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
        if (r < 235 || g < 235 || b < 235) inked += 1;
        colours.add((r >> 4) * 256 + (g >> 4) * 16 + (b >> 4));
    }
    done({width: image.width, height: image.height, inked: inked / (pixels.length / 4),
          colours: colours.size});
};
image.onerror = () => done({error: 'the PNG did not decode'});
image.src = 'data:image/png;base64,' + arguments[0];
"""


def pixel_statistics(driver: webdriver.Chrome, png: Path) -> dict:
    driver.set_script_timeout(60)
    encoded = base64.b64encode(png.read_bytes()).decode()
    return driver.execute_async_script(PIXEL_STATISTICS, encoded)
