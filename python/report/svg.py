"""Small SVG building blocks: linear scales, nice axis ticks, escaped elements.

Charts are strings of SVG markup written in Python, so the report needs no JavaScript library
and no network: the browser draws them as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

WIDTH = 960
HEIGHT = 380
MARGIN_LEFT = 84
MARGIN_RIGHT = 84
MARGIN_TOP = 24
MARGIN_BOTTOM = 64
FONT = "font-family='system-ui, sans-serif'"


@dataclass
class Scale:
    """Maps a data interval onto a pixel interval (pixels may run downwards)."""

    domain_min: float
    domain_max: float
    pixel_min: float
    pixel_max: float

    def __call__(self, value: float) -> float:
        span = self.domain_max - self.domain_min or 1.0
        fraction = (value - self.domain_min) / span
        return self.pixel_min + fraction * (self.pixel_max - self.pixel_min)


def nice_ticks(low: float, high: float, count: int = 6) -> list[float]:
    """Round tick values from at or below `low` to at or above `high` (1, 2, 2.5 or 5 times a
    power of ten apart): the chart's scale runs from the first to the last."""
    if high <= low:
        high = low + 1.0
    raw_step = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw_step))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw_step)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    ticks = [round(first + index * step, 10) for index in range(round((last - first) / step) + 1)]
    return ticks


def compact_money(value: float) -> str:
    """802592.49 -> '802.6k'; axis labels only (tooltips carry the exact figure)."""
    magnitude = abs(value)
    if magnitude >= 1e6:
        return f"{value / 1e6:.2f}M"
    if magnitude >= 1e3:
        return f"{value / 1e3:.1f}k"
    return f"{value:.0f}"


def money(value) -> str:
    return "n/a" if value is None else f"{value:,.2f}"


def percent(value, digits: int = 1) -> str:
    return "n/a" if value is None else f"{float(value) * 100:.{digits}f}%"


def attributes(attrs: dict) -> str:
    """Keyword arguments as SVG attributes: class_ -> class, data_value -> data-value."""
    return "".join(
        f" {key.rstrip('_').replace('_', '-')}='{escape(str(value))}'"
        for key, value in attrs.items()
    )


def text(x: float, y: float, content: str, anchor: str = "middle", size: int = 12, **attrs) -> str:
    extra = attributes(attrs)
    return (
        f"<text x='{x:.1f}' y='{y:.1f}' text-anchor='{anchor}' font-size='{size}' {FONT}"
        f"{extra}>{escape(content)}</text>"
    )


def line(x1: float, y1: float, x2: float, y2: float, stroke: str = "#999", **attrs) -> str:
    extra = attributes(attrs)
    return (
        f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{stroke}'{extra}/>"
    )


def rect(x: float, y: float, width: float, height: float, fill: str, title: str = "", **attrs):
    """A rectangle with a hover title; data-* attributes let tests read what it stands for."""
    extra = attributes(attrs)
    tooltip = f"<title>{escape(title)}</title>" if title else ""
    return (
        f"<rect x='{x:.2f}' y='{y:.2f}' width='{max(width, 0):.2f}' "
        f"height='{max(height, 0):.2f}' fill='{fill}'{extra}>{tooltip}</rect>"
    )


def svg(chart_id: str, body: list[str], title: str, width: int = WIDTH, height: int = HEIGHT):
    """The chart element: fixed viewBox, scales to the page width."""
    return (
        f"<svg id='{chart_id}' class='chart' data-chart='{chart_id}' role='img' "
        f"aria-label='{escape(title)}' viewBox='0 0 {width} {height}' width='{width}' "
        f"height='{height}' xmlns='http://www.w3.org/2000/svg'>" + "".join(body) + "</svg>"
    )


def y_axis(scale: Scale, ticks: list[float], label: str, x: float, formatter, right=False):
    """Tick labels, grid lines across the plot, and the rotated axis title."""
    parts = []
    for tick in ticks:
        y = scale(tick)
        parts.append(line(MARGIN_LEFT, y, WIDTH - MARGIN_RIGHT, y, "#e6e6e6") if not right else "")
        anchor = "start" if right else "end"
        parts.append(text(x + (6 if right else -6), y + 4, formatter(tick), anchor, 11))
    label_x = WIDTH - 16 if right else 18
    mid = (scale.pixel_min + scale.pixel_max) / 2
    parts.append(
        f"<text x='{label_x}' y='{mid:.1f}' text-anchor='middle' font-size='12' {FONT} "
        f"class='axis-label' transform='rotate(-90 {label_x} {mid:.1f})'>{escape(label)}</text>"
    )
    return parts


def x_axis_label(label: str, height: int = HEIGHT) -> str:
    return text(
        (MARGIN_LEFT + WIDTH - MARGIN_RIGHT) / 2, height - 8, label, size=12, class_="axis-label"
    )


def legend(items: list[tuple[str, str]], x: float, y: float) -> list[str]:
    """Colour keys in one row."""
    parts = []
    for label, colour in items:
        parts.append(rect(x, y - 9, 11, 11, colour))
        parts.append(text(x + 15, y, label, "start", 11))
        x += 22 + 6.5 * len(label)
    return parts
