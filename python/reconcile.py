"""Reconcile the built warehouse with Great Expectations; `./warehouse build` and
`./warehouse test` run it right after `dbt build`.

    python python/reconcile.py [--database PATH] [--raw-data-path P] [--report PATH]
                               [--tieout-tolerance X] [--tieout-severity warning|error]

Exits 1 when any rule fails. The rules and the design are in python/reconciliation/.
"""

import sys
import warnings

# Great Expectations imports pyspark when it is installed (the Spark target's requirement), and
# pyspark warns on import about pandas 3; neither is used for the reconciliation.
warnings.filterwarnings(
    "ignore", message="PySpark does not yet fully support", category=FutureWarning
)

from reconciliation.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
