"""The revenue report: one self-contained HTML page drawn from the marts.

`./warehouse report` (python python/render_report.py) reads the built DuckDB warehouse
read-only, lets DuckDB do every aggregation (data.py), draws each chart as inline SVG in Python
(svg.py, charts.py) and writes one HTML file with no external asset (page.py), so it opens
offline and can be mailed around. definitions.py holds the "how this number is computed" notes.
"""
