"""The report's charts, each an inline SVG string with a title, axis labels and data-* attributes
(month, component, value) on every drawn mark, so a test can check the figures it shows."""

from __future__ import annotations

from datetime import date

from report.svg import (
    HEIGHT,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    WIDTH,
    Scale,
    compact_money,
    legend,
    line,
    money,
    nice_ticks,
    percent,
    rect,
    svg,
    text,
    x_axis_label,
    y_axis,
)

GAIN = {
    "new_mrr": "#1b7837",
    "reactivation_mrr": "#5aae61",
    "expansion_mrr": "#2166ac",
    "recovery_mrr": "#92c5de",
}
LOSS = {"contraction_mrr": "#f4a582", "churn_mrr": "#b2182b"}
FX = "#8c8c8c"
TOTAL = "#4d4d4d"
LABELS = {
    "opening_mrr": "Opening",
    "new_mrr": "New",
    "reactivation_mrr": "Reactivation",
    "expansion_mrr": "Expansion",
    "recovery_mrr": "Recovery",
    "contraction_mrr": "Contraction",
    "churn_mrr": "Churn",
    "fx_adjustment_mrr": "FX",
    "closing_mrr": "Closing",
}
MOTION_COLOURS = {
    "seat_growth": "#1f78b4",
    "upsell": "#33a02c",
    "cross_sell": "#6a3d9a",
    "usage_growth": "#ff7f00",
    "price_change": "#b15928",
}
PLOT_BOTTOM = HEIGHT - MARGIN_BOTTOM


def month_label(month: date) -> str:
    return f"{month:%b %Y}"


def x_positions(count: int) -> tuple[list[float], float]:
    """Centres of `count` evenly spaced slots across the plot, and the slot width."""
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / max(count, 1)
    return [MARGIN_LEFT + slot * (index + 0.5) for index in range(count)], slot


def month_ticks(months: list[date], centres: list[float], every: int) -> list[str]:
    parts = []
    for index, (month, x) in enumerate(zip(months, centres, strict=True)):
        last_apart = index == len(months) - 1 and index % every >= every // 2
        if index % every == 0 or last_apart:
            parts.append(line(x, PLOT_BOTTOM, x, PLOT_BOTTOM + 4, "#666"))
            parts.append(text(x, PLOT_BOTTOM + 17, f"{month:%b %y}", size=10))
    parts.append(line(MARGIN_LEFT, PLOT_BOTTOM, WIDTH - MARGIN_RIGHT, PLOT_BOTTOM, "#666"))
    return parts


def bridge(bridge_row: dict) -> str:
    """Opening MRR of the first month, each component summed over the months, closing MRR of
    the last month: a floating bar per component."""
    steps = [("opening_mrr", float(bridge_row["opening_mrr"]), "total")]
    for component in GAIN:
        steps.append((component, float(bridge_row[component]), "gain"))
    for component in LOSS:
        steps.append((component, -float(bridge_row[component]), "loss"))
    steps.append(("fx_adjustment_mrr", float(bridge_row["fx_adjustment_mrr"]), "fx"))
    steps.append(("closing_mrr", float(bridge_row["closing_mrr"]), "total"))

    levels, running = [], 0.0
    for component, amount, kind in steps:
        start = 0.0 if kind == "total" else running
        end = amount if kind == "total" else running + amount
        levels.append((component, amount, kind, start, end))
        running = end
    ticks = nice_ticks(0.0, max(max(start, end) for *_, start, end in levels) * 1.08)
    scale = Scale(ticks[0], ticks[-1], PLOT_BOTTOM, MARGIN_TOP)
    centres, slot = x_positions(len(levels))
    body = y_axis(scale, ticks, "MRR (reporting currency)", MARGIN_LEFT, compact_money)
    for (component, amount, kind, start, end), x in zip(levels, centres, strict=True):
        colour = {"total": TOTAL, "fx": FX}.get(kind) or GAIN.get(component) or LOSS[component]
        value = bridge_row[component]
        y_top, y_bottom = scale(max(start, end)), scale(min(start, end))
        body.append(
            rect(
                x - slot * 0.35,
                y_top,
                slot * 0.7,
                max(y_bottom - y_top, 1.0),
                colour,
                f"{LABELS[component]}: {money(value)}",
                class_="bar bridge-bar",
                data_component=component,
                data_value=value,
            )
        )
        sign = "" if kind == "total" else ("+" if amount >= 0 else "-")
        body.append(text(x, y_top - 5, sign + compact_money(abs(amount)), size=11))
        body.append(text(x, PLOT_BOTTOM + 17, LABELS[component], size=11))
    body.append(line(MARGIN_LEFT, PLOT_BOTTOM, WIDTH - MARGIN_RIGHT, PLOT_BOTTOM, "#666"))
    first, last = bridge_row["first_month"], bridge_row["last_month"]
    body.append(x_axis_label(f"Component, summed over {month_label(first)} - {month_label(last)}"))
    return svg("chart-bridge", body, "MRR bridge over the last months")


def monthly_movements(months: list[dict]) -> str:
    """Per month: gains stacked above zero, losses below, FX by its sign, net change as a dot."""
    positive_top, negative_bottom = [], []
    for month in months:
        fx = float(month["fx_adjustment_mrr"])
        positive_top.append(sum(float(month[c]) for c in GAIN) + max(fx, 0))
        negative_bottom.append(-sum(float(month[c]) for c in LOSS) + min(fx, 0))
    ticks = nice_ticks(min(negative_bottom) * 1.1, max(positive_top) * 1.1)
    scale = Scale(ticks[0], ticks[-1], PLOT_BOTTOM, MARGIN_TOP)
    centres, slot = x_positions(len(months))
    body = y_axis(scale, ticks, "MRR movement", MARGIN_LEFT, compact_money)
    body.append(line(MARGIN_LEFT, scale(0), WIDTH - MARGIN_RIGHT, scale(0), "#666"))
    for month, x in zip(months, centres, strict=True):
        label = month_label(month["month_start"])
        marks = [f"<g class='month-group' data-month='{month['month_start']}'>"]
        up = down = 0.0
        stack = [(c, float(month[c]), GAIN[c]) for c in GAIN]
        stack += [(c, -float(month[c]), LOSS[c]) for c in LOSS]
        stack.append(("fx_adjustment_mrr", float(month["fx_adjustment_mrr"]), FX))
        for component, amount, colour in stack:
            base = up if amount >= 0 else down
            top_value, bottom_value = (
                (base + amount, base) if amount >= 0 else (base, base + amount)
            )
            if amount >= 0:
                up += amount
            else:
                down += amount
            y_top, y_bottom = scale(top_value), scale(bottom_value)
            marks.append(
                rect(
                    x - slot * 0.32,
                    y_top,
                    slot * 0.64,
                    y_bottom - y_top,
                    colour,
                    f"{label} {LABELS[component]}: {money(month[component])}",
                    class_="bar movement-bar",
                    data_component=component,
                    data_value=month[component],
                )
            )
        net = float(month["closing_mrr"]) - float(month["opening_mrr"])
        marks.append(
            f"<circle class='net-change' cx='{x:.1f}' cy='{scale(net):.1f}' r='4' fill='#000' "
            f"data-value='{net:.2f}'><title>{label} net change: {money(net)}</title></circle>"
        )
        marks.append(text(x, PLOT_BOTTOM + 17, f"{month['month_start']:%b %y}", size=10))
        marks.append("</g>")
        body += marks
    items = [(LABELS[c], col) for c, col in {**GAIN, **LOSS}.items()] + [("FX", FX)]
    body += legend([*items, ("net change (dot)", "#000")], MARGIN_LEFT, HEIGHT - 30)
    body.append(x_axis_label("Month"))
    return svg("chart-movements", body, "Monthly MRR movements")


def mrr_arr(months: list[dict]) -> str:
    """MRR on the left axis, ARR (12 x MRR) on the right axis: one line, two readings."""
    values = [float(month["closing_mrr"]) for month in months]
    ticks = nice_ticks(0.0, max(values) * 1.08)
    top = ticks[-1]
    scale = Scale(0.0, top, PLOT_BOTTOM, MARGIN_TOP)
    centres, _ = x_positions(len(months))
    body = y_axis(scale, ticks, "MRR (reporting currency)", MARGIN_LEFT, compact_money)
    arr_ticks = [tick for tick in nice_ticks(0, top * 12) if tick <= top * 12]
    arr_scale = Scale(0.0, top * 12, PLOT_BOTTOM, MARGIN_TOP)
    body += y_axis(
        arr_scale, arr_ticks, "ARR = 12 x MRR", WIDTH - MARGIN_RIGHT, compact_money, right=True
    )
    points = " ".join(f"{x:.1f},{scale(v):.1f}" for x, v in zip(centres, values, strict=True))
    body.append(
        f"<polyline class='series' data-series='mrr' points='{points}' fill='none' "
        "stroke='#2166ac' stroke-width='2.5'/>"
    )
    for month, x, value in zip(months, centres, values, strict=True):
        body.append(
            f"<circle class='point' cx='{x:.1f}' cy='{scale(value):.1f}' r='2.5' fill='#2166ac' "
            f"data-month='{month['month_start']}' data-value='{month['closing_mrr']}'>"
            f"<title>{month_label(month['month_start'])}: MRR {money(month['closing_mrr'])}, "
            f"ARR {money(month['closing_arr'])}</title></circle>"
        )
    body += month_ticks([m["month_start"] for m in months], centres, 6)
    body.append(x_axis_label("Month"))
    return svg("chart-mrr-arr", body, "MRR and ARR over time")


def ratio_lines(
    chart_id: str, title: str, rows: list[dict], series: list[tuple[str, str, str]], bands: bool
) -> str:
    """Ratio lines over months; with `bands`, the 100% / 110% / 120% benchmark bands behind."""
    values = [float(row[key]) for row in rows for key, *_ in series if row[key] is not None]
    ticks = nice_ticks(
        min([*values, 0.9 if bands else 1.0]) - 0.02, max([*values, 1.28 if bands else 1.0]) + 0.02
    )
    low, high = ticks[0], ticks[-1]
    scale = Scale(low, high, PLOT_BOTTOM, MARGIN_TOP)
    centres, _ = x_positions(len(rows))
    body = []
    if bands:
        for lower, upper, colour, label in (
            (1.0, 1.1, "#fff7bc", "100-110%: retains and grows"),
            (1.1, 1.2, "#d9f0a3", "110-120%: strong"),
            (1.2, high, "#addd8e", "120%+: best in class"),
        ):
            body.append(
                rect(
                    MARGIN_LEFT,
                    scale(upper),
                    WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
                    scale(lower) - scale(upper),
                    colour,
                    label,
                    class_="band",
                    data_lower=lower,
                )
            )
            body.append(text(WIDTH - MARGIN_RIGHT - 4, scale(upper) + 13, label, "end", 10))
    body += y_axis(
        scale,
        ticks,
        "Ratio (100% = all revenue kept)",
        MARGIN_LEFT,
        lambda tick: f"{tick * 100:.0f}%",
    )
    body.append(
        line(
            MARGIN_LEFT,
            scale(1.0),
            WIDTH - MARGIN_RIGHT,
            scale(1.0),
            "#333",
            stroke_dasharray="4 3",
        )
    )
    for key, label, colour in series:
        points = [(x, row) for x, row in zip(centres, rows, strict=True) if row[key] is not None]
        path = " ".join(f"{x:.1f},{scale(float(row[key])):.1f}" for x, row in points)
        body.append(
            f"<polyline class='series' data-series='{key}' points='{path}' fill='none' "
            f"stroke='{colour}' stroke-width='2.5'/>"
        )
        for x, row in points:
            body.append(
                f"<circle class='point' cx='{x:.1f}' cy='{scale(float(row[key])):.1f}' r='2.5' "
                f"fill='{colour}' data-series='{key}' data-month='{row['month_start']}' "
                f"data-value='{row[key]}'><title>{month_label(row['month_start'])} {label}: "
                f"{percent(row[key], 2)}</title></circle>"
            )
    body += month_ticks([row["month_start"] for row in rows], centres, 6)
    body += legend([(label, colour) for _, label, colour in series], MARGIN_LEFT, HEIGHT - 30)
    body.append(x_axis_label("Month"))
    return svg(chart_id, body, title)


def motions(rows: list[dict], motion_names: tuple[str, ...]) -> str:
    """Expansion per month stacked by motion."""
    by_month: dict[date, dict[str, dict]] = {}
    for row in rows:
        by_month.setdefault(row["month_start"], {})[row["motion"]] = row
    months = sorted(by_month)
    totals = [sum(float(by_month[m][n]["expansion_mrr"]) for n in by_month[m]) for m in months]
    ticks = nice_ticks(0.0, max([*totals, 1.0]) * 1.1)
    scale = Scale(ticks[0], ticks[-1], PLOT_BOTTOM, MARGIN_TOP)
    centres, slot = x_positions(len(months))
    body = y_axis(scale, ticks, "Expansion MRR", MARGIN_LEFT, compact_money)
    for month, x in zip(months, centres, strict=True):
        body.append(f"<g class='month-group' data-month='{month}'>")
        base = 0.0
        for motion in motion_names:
            row = by_month[month].get(motion)
            amount = float(row["expansion_mrr"]) if row else 0.0
            y_top, y_bottom = scale(base + amount), scale(base)
            body.append(
                rect(
                    x - slot * 0.32,
                    y_top,
                    slot * 0.64,
                    y_bottom - y_top,
                    MOTION_COLOURS[motion],
                    f"{month_label(month)} {motion}: {money(row['expansion_mrr'] if row else 0)}",
                    class_="bar motion-bar",
                    data_motion=motion,
                    data_value=row["expansion_mrr"] if row else 0,
                )
            )
            base += amount
        body.append(text(x, PLOT_BOTTOM + 17, f"{month:%b %y}", size=10))
        body.append("</g>")
    body.append(line(MARGIN_LEFT, PLOT_BOTTOM, WIDTH - MARGIN_RIGHT, PLOT_BOTTOM, "#666"))
    body += legend(
        [(name, MOTION_COLOURS[name]) for name in motion_names], MARGIN_LEFT, HEIGHT - 30
    )
    body.append(x_axis_label("Month"))
    return svg("chart-motions", body, "Expansion by motion")


def retention_colour(value) -> str:
    """Below 100%: white to red at 0; above: white to green at 150%; grey when undefined."""
    if value is None:
        return "#dddddd"
    ratio = max(0.0, min(float(value), 1.5))
    if ratio <= 1.0:
        towards = (215, 48, 31)
        weight = 1.0 - ratio
    else:
        towards = (26, 152, 80)
        weight = (ratio - 1.0) / 0.5
    channels = [round(255 + (target - 255) * weight) for target in towards]
    return "#" + "".join(f"{channel:02x}" for channel in channels)


def cohort_heatmap(cells: list[dict]) -> str:
    """One row per cohort, one column per month since start, coloured by revenue retention."""
    cohorts = sorted({cell["cohort_month"] for cell in cells})
    columns = max(cell["months_since_start"] for cell in cells) + 1
    left, top, row_height = 84, 34, 13
    cell_width = (WIDTH - left - 24) / columns
    height = top + row_height * len(cohorts) + 56
    index = {cohort: position for position, cohort in enumerate(cohorts)}
    body = [text(left - 6, 20, "Cohort", "end", 11)]
    for since in range(0, columns, 6):
        body.append(text(left + cell_width * (since + 0.5), top - 6, str(since), size=10))
    for cohort in cohorts:
        y = top + row_height * index[cohort]
        body.append(text(left - 6, y + row_height - 3, f"{cohort:%Y-%m}", "end", 9))
    for cell in cells:
        x = left + cell_width * cell["months_since_start"]
        y = top + row_height * index[cell["cohort_month"]]
        body.append(
            rect(
                x,
                y,
                cell_width - 0.5,
                row_height - 0.5,
                retention_colour(cell["revenue_retention"]),
                f"cohort {cell['cohort_month']:%Y-%m}, month {cell['months_since_start']}: "
                f"revenue retention {percent(cell['revenue_retention'])}, MRR "
                f"{money(cell['cohort_mrr'])} of {money(cell['cohort_starting_mrr'])}; "
                f"{cell['active_accounts']} of {cell['cohort_accounts']} accounts active",
                class_="cell",
                data_cohort=cell["cohort_month"],
                data_months_since_start=cell["months_since_start"],
                data_value=cell["revenue_retention"],
            )
        )
    body.append(
        text(
            (left + WIDTH - 24) / 2,
            top + row_height * len(cohorts) + 22,
            "Months since the cohort's first MRR month",
            size=12,
            class_="axis-label",
        )
    )
    scale_y = top + row_height * len(cohorts) + 34
    for step, value in enumerate((0.0, 0.5, 0.8, 1.0, 1.2, 1.5)):
        x = left + step * 90
        body.append(rect(x, scale_y, 18, 11, retention_colour(value)))
        body.append(text(x + 22, scale_y + 10, f"{value * 100:.0f}%", "start", 10))
    body.append(
        f"<text x='18' y='{top + row_height * len(cohorts) / 2:.1f}' text-anchor='middle' "
        f"font-size='12' class='axis-label' transform='rotate(-90 18 "
        f"{top + row_height * len(cohorts) / 2:.1f})'>Cohort (first MRR month)</text>"
    )
    return svg("chart-cohorts", body, "Cohort revenue retention", WIDTH, int(height))
