"""Render the revenue report (one self-contained HTML file) from the built warehouse's marts;
`./warehouse report` runs it.

    python python/render_report.py [--database PATH] [--output PATH] [--months N]
                                   [--top-accounts N]

Exits 1, saying what to run, when the warehouse is not built. The package is python/report/.
"""

import sys

from report.cli import main

if __name__ == "__main__":
    sys.exit(main())
