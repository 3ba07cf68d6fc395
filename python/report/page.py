"""Assembles the report: a header of headline figures, one section per chart with its "how
this number is computed" note, the expansion-ready accounts, and the definitions. One HTML file,
inline CSS and SVG, no script and nothing fetched."""

from __future__ import annotations

from html import escape

from report import charts
from report.data import MOTIONS, ReportData
from report.definitions import DEFINITIONS, docs_link
from report.svg import money, percent

STYLE = """
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1000px; padding: 16px;
       color: #222; background: #fff; }
h1 { margin-bottom: 4px; } h2 { margin: 28px 0 6px; font-size: 20px; }
.subtitle { color: #555; margin-top: 0; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 16px 0; }
.kpi { border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px; }
.kpi .label { font-size: 12px; color: #666; } .kpi .value { font-size: 20px; font-weight: 600; }
svg.chart { width: 100%; height: auto; display: block; border: 1px solid #eee; }
.how { font-size: 13px; color: #444; background: #f7f7f7; padding: 6px 10px; margin: 6px 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 6px; text-align: left;
         vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
dt { font-weight: 600; margin-top: 10px; } dd { margin-left: 0; font-size: 14px; }
"""


def note(text: str, definition: str, mart: str) -> str:
    title = DEFINITIONS[definition][0]
    return (
        f"<p class='how'><strong>How this number is computed:</strong> {escape(text)} "
        f"<a href='#{definition}'>Definition: {escape(title)}</a> &middot; "
        f"<a href='{docs_link(mart)}'>{escape(mart)} in the docs site (lineage)</a></p>"
    )


def section(section_id: str, title: str, figure: str, how: str) -> str:
    return (
        f"<section id='{section_id}' class='chart-section'><h2>{escape(title)}</h2>"
        f"<figure style='margin:0'>{figure}</figure>{how}</section>"
    )


def kpis(data: ReportData) -> str:
    last = data.months[-1]
    retention = data.retention[-1] if data.retention else {}
    growth = data.growth
    cards = [
        ("MRR", money(last["closing_mrr"])),
        ("ARR", money(last["closing_arr"])),
        ("Active accounts", f"{last['closing_accounts']:,}"),
        ("ARPA", money(growth.get("arpa"))),
        ("NRR (month)", percent(retention.get("nrr"))),
        ("GRR (month)", percent(retention.get("grr"))),
        (
            "NRR / GRR (trailing 12 months)",
            f"{percent(retention.get('t12m_nrr'))} / {percent(retention.get('t12m_grr'))}",
        ),
        (
            "Quick ratio",
            "n/a" if growth.get("quick_ratio") is None else f"{float(growth['quick_ratio']):.2f}",
        ),
    ]
    return (
        "<div class='kpis'>"
        + "".join(
            f"<div class='kpi'><div class='label'>{escape(label)}</div>"
            f"<div class='value' data-kpi='{escape(label)}'>{escape(value)}</div></div>"
            for label, value in cards
        )
        + "</div>"
    )


def plays_table(data: ReportData) -> str:
    if not data.plays:
        return "<p>No account has a proposed play on the reported day.</p>"
    head = (
        "<tr><th>#</th><th>Account</th><th>Segment / region</th><th class='num'>ARR</th>"
        "<th>Play</th><th>Owner</th><th>Evidence</th></tr>"
    )
    body = []
    for play in data.plays:
        product = f" ({play['product_name']})" if play["product_name"] else ""
        body.append(
            f"<tr class='play' data-account='{escape(play['account_id'])}'>"
            f"<td>{play['account_rank']}</td>"
            f"<td>{escape(play['account_name'] or play['account_id'])}<br>"
            f"<small>{escape(play['account_id'])}</small></td>"
            f"<td>{escape(str(play['segment']))} / {escape(str(play['region']))}</td>"
            f"<td class='num'>{money(play['account_arr'])}</td>"
            f"<td>{escape(play['play_motion'] + product)}</td>"
            f"<td>{escape(play['owner_role'])}</td><td>{escape(play['evidence'] or '')}</td></tr>"
        )
    return f"<table id='plays'>{head}{''.join(body)}</table>"


def signals_summary(data: ReportData) -> str:
    signals = data.signals
    if not signals.get("accounts"):
        return "<p>No account has signal data (seat activity, usage or feature usage).</p>"
    return (
        f"<p>{signals['accounts']} accounts scored on {signals['reported_on']}: "
        f"{signals['seat_ready']} ready for a seat upsell, {signals['usage_ready']} ready for a "
        f"usage tier, {signals['in_window']} projected to reach their usage commitment within 90 "
        f"days, {signals['deep_adopters']} deep adopters, {signals['too_early']} too early for "
        "any play.</p>"
    )


def render(data: ReportData, source: str) -> str:
    months = data.bridge_months
    recent = data.months[-months:]
    bridge = data.bridge
    sections = [
        section(
            "bridge",
            f"MRR bridge, last {months} months",
            charts.bridge(bridge),
            note(
                f"Opening MRR of {bridge['first_month']:%B %Y}, each waterfall component summed "
                f"over the {months} months, closing MRR of {bridge['last_month']:%B %Y}; the "
                "bars add up exactly because each month opens at the previous closing.",
                "def-waterfall",
                "mrr_waterfall_months",
            ),
        ),
        section(
            "movements",
            f"Monthly MRR movements, last {months} months",
            charts.monthly_movements(recent),
            note(
                "Each month's waterfall components (overall row of mrr_waterfall_months): "
                "gains above zero, contraction and churn below, FX by its sign; the dot is the "
                "month's net change, closing - opening.",
                "def-waterfall",
                "mrr_waterfall_months",
            ),
        ),
        section(
            "mrr-arr",
            "MRR and ARR over time",
            charts.mrr_arr(data.months),
            note(
                "Closing MRR of every month (left axis); ARR = 12 x MRR (right axis).",
                "def-mrr",
                "mrr_waterfall_months",
            ),
        ),
        section(
            "retention",
            "Trailing-12-month NRR and GRR against benchmarks",
            charts.ratio_lines(
                "chart-retention",
                "Trailing-12-month NRR and GRR",
                data.retention,
                [
                    ("t12m_nrr", "NRR, trailing 12 months", "#2166ac"),
                    ("t12m_grr", "GRR, trailing 12 months", "#d6604d"),
                ],
                bands=True,
            ),
            note(
                "For the accounts that had MRR twelve months earlier: their MRR now (NRR) or "
                "min(now, then) (GRR) over their MRR then. Bands: 100%, 110% and 120% annual "
                "net retention.",
                "def-t12m",
                "retention_months",
            ),
        ),
        section(
            "retention-monthly",
            "Monthly NRR and GRR",
            charts.ratio_lines(
                "chart-retention-monthly",
                "Monthly NRR and GRR",
                data.retention,
                [("nrr", "NRR, monthly", "#2166ac"), ("grr", "GRR, monthly", "#d6604d")],
                bands=False,
            ),
            note(
                "Month over month, over accounts with opening MRR: (opening + expansion + "
                "recovery - contraction - churn) / opening, and (opening - contraction - churn) "
                "/ opening.",
                "def-nrr",
                "retention_months",
            ),
        ),
        section(
            "motions",
            f"Expansion by motion, last {months} months",
            charts.motions(data.motions, MOTIONS),
            note(
                "Expansion MRR (recovery excluded) of each month by the motion that produced it.",
                "def-motions",
                "expansion_motion_months",
            ),
        ),
        section(
            "cohorts",
            "Cohort revenue retention",
            charts.cohort_heatmap(data.cohorts),
            note(
                "Each cell: the cohort's MRR that month / its first-month MRR; red below 100%, "
                "green above. Hover a cell for its figures.",
                "def-cohorts",
                "cohort_retention",
            ),
        ),
    ]
    plays = (
        "<section id='accounts'><h2>Top expansion-ready accounts and their plays</h2>"
        + signals_summary(data)
        + plays_table(data)
        + note(
            "The largest accounts by ARR with a proposed play on the reported day, each play "
            "with its owner and evidence.",
            "def-plays",
            "expansion_plays",
        )
        + "</section>"
    )
    definitions = (
        "<section id='definitions'><h2>Definitions</h2><dl>"
        + "".join(
            f"<dt id='{anchor}'>{escape(title)}</dt><dd>{escape(text)}</dd>"
            for anchor, (title, text) in DEFINITIONS.items()
        )
        + "</dl></section>"
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Revenue report: {data.last_month:%B %Y}</title><style>{STYLE}</style></head>"
        f"<body><h1>Revenue report</h1><p class='subtitle'>{data.last_month:%B %Y}, the last "
        f"complete month. All amounts in the reporting currency at each month's FX rates. Read "
        f"from {escape(source)}.</p>{kpis(data)}{''.join(sections)}{plays}{definitions}"
        "</body></html>"
    )
