"""The human-readable report: one self-contained HTML page (no external stylesheet or script,
so it opens offline) listing every rule, its status, what it checked, its GX expectations and
the offending rows; and beside it the GX validation results as JSON.

GX Data Docs are not used: they need a file-backed context and stores, and their pages load
Bootstrap, jQuery and Font Awesome from CDNs, so offline they render unstyled.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from reconciliation.rules import Options
from reconciliation.runner import FAIL, PASS, WARN, Outcome

COLOURS = {PASS: "#1a7f37", WARN: "#9a6700", FAIL: "#cf222e"}
MAX_ROWS = 200

STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #1f2328; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid #d0d7de; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { color: #fff; font-weight: 600; padding: .1em .5em; border-radius: .3em; }
code { background: #f6f8fa; padding: 0 .2em; } .muted { color: #59636e; }
"""


def badge(status: str) -> str:
    """A coloured status label."""
    return f'<span class="status" style="background:{COLOURS[status]}">{status}</span>'


def cell(value) -> str:
    """A table cell, numbers right-aligned."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<td class="num">{escape(f"{value:,.10g}")}</td>'
    return f"<td>{escape('' if value is None else str(value))}</td>"


def summary_table(outcomes: list[Outcome]) -> str:
    """One row per rule: status, name, rows checked, rows off."""
    rows = "".join(
        f"<tr><td>{badge(o.status)}</td><td><a href='#{o.rule.name}'>{escape(o.rule.name)}</a>"
        f"</td><td>{escape(o.rule.title)}</td>{cell(o.rows_checked)}{cell(o.rows_off)}"
        f"<td>{escape(o.problem or '')}</td></tr>"
        for o in outcomes
    )
    return (
        "<table><tr><th>status</th><th>rule</th><th>what</th><th>rows checked</th>"
        f"<th>rows off</th><th>note</th></tr>{rows}</table>"
    )


def offenders_table(outcome: Outcome) -> str:
    """The offending groups GX reported, with their detail columns."""
    if not outcome.offenders:
        return ""
    columns = [*outcome.rule.index_columns, "difference"]
    header = "".join(f"<th>{escape(column)}</th>" for column in columns)
    body = "".join(
        "<tr>" + "".join(cell(row.get(column)) for column in columns) + "</tr>"
        for row in outcome.offenders[:MAX_ROWS]
    )
    more = len(outcome.offenders) - MAX_ROWS
    note = f"<p class='muted'>... and {more} more groups.</p>" if more > 0 else ""
    return (
        "<p>Offending groups (the worst row of each; rows_off counts every row off in the"
        f" group):</p><table><tr>{header}</tr>{body}</table>{note}"
    )


def expectations_list(outcome: Outcome) -> str:
    """The GX expectations run and whether each passed."""
    if not outcome.gx_result:
        return ""
    items = []
    for result in outcome.gx_result.get("results", []):
        config = result["expectation_config"]
        kwargs = {k: v for k, v in config["kwargs"].items() if k != "batch_id"}
        mark = PASS if result["success"] else (WARN if outcome.status == WARN else FAIL)
        items.append(
            f"<li>{badge(mark)} <code>{escape(config['type'])}</code>"
            f" <span class='muted'>{escape(json.dumps(kwargs))}</span></li>"
        )
    return f"<p>Great Expectations expectations:</p><ul>{''.join(items)}</ul>"


def rule_section(outcome: Outcome) -> str:
    """Everything about one rule."""
    rule = outcome.rule
    checked = (
        f"{outcome.rows_checked:,} {rule.checked} in {outcome.groups_checked:,} {rule.group_noun}s"
    )
    return (
        f"<h2 id='{escape(rule.name)}'>{badge(outcome.status)} {escape(rule.title)}"
        f" <span class='muted'>({escape(rule.name)})</span></h2>"
        f"<p>{escape(rule.description)}</p>"
        f"<p>Checked: {escape(checked)}; tolerance {rule.tolerance:g}; severity"
        f" {escape(rule.severity)}; {outcome.rows_off:,} rows off.</p>"
        + (f"<p><strong>{escape(outcome.problem)}</strong></p>" if outcome.problem else "")
        + expectations_list(outcome)
        + offenders_table(outcome)
        + f"<details><summary>query (DuckDB)</summary><pre>{escape(rule.query)}</pre></details>"
    )


def render(outcomes: list[Outcome], database: Path, options: Options) -> str:
    """The whole page."""
    failed = any(o.status == FAIL for o in outcomes)
    verdict = "FAILED" if failed else "passed"
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    raw = options.raw_data_path or "the seed tables"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Revenue warehouse reconciliation: {verdict}</title><style>{STYLE}</style>"
        f"</head><body><h1>Revenue warehouse reconciliation: {verdict}</h1>"
        f"<p class='muted'>Warehouse {escape(str(database))}; raw data {escape(str(raw))};"
        f" generated {generated} by python/reconcile.py (GX Core). Each rule's query runs in"
        " DuckDB and returns one row per month (per raw table for row counts) with the worst"
        " difference; Great Expectations validates those rows.</p>"
        + summary_table(outcomes)
        + "".join(rule_section(outcome) for outcome in outcomes)
        + "</body></html>"
    )


def write(path: Path, outcomes: list[Outcome], database: Path, options: Options) -> None:
    """Write the HTML page and validation_results.json (GX's results) beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(outcomes, database, options), encoding="utf-8")
    results = {
        outcome.rule.name: {
            "status": outcome.status,
            "problem": outcome.problem,
            "gx_result": outcome.gx_result,
        }
        for outcome in outcomes
    }
    (path.parent / "validation_results.json").write_text(
        json.dumps(results, indent=2, default=str), encoding="utf-8"
    )
