"""Reconcile the built warehouse with Great Expectations; `./warehouse build` and
`./warehouse test` run it right after `dbt build`.

    python python/reconcile.py [--database PATH] [--raw-data-path P] [--report PATH]
                               [--tieout-tolerance X] [--tieout-severity warning|error]

Exits 1 when any rule fails. The rules and the design are in python/reconciliation/.
"""

import sys

from reconciliation.cli import main

if __name__ == "__main__":
    sys.exit(main())
