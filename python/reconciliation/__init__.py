"""The reconciliation suite: Great Expectations (GX Core) checks that the built warehouse ties
out, run by `python python/reconcile.py` right after `dbt build` (see the README).

Modules: sql (the DuckDB queries), rules (what each rule checks and how strictly), runner (GX
validation of each rule's small frame), report (the HTML page), cli (options and output).
"""

import os

# GX must never try to reach the network from a build.
os.environ["GX_ANALYTICS_ENABLED"] = "False"
