"""`python -m spark_local <dbt arguments>`: dbt's own command line, with the local Python-model
submission method installed (see the package docstring)."""

import os
from pathlib import Path

from dbt.cli.main import cli

from spark_local.submission import install

if __name__ == "__main__":
    # Spark reads log4j2.properties from SPARK_CONF_DIR when dbt starts the session
    os.environ.setdefault("SPARK_CONF_DIR", str(Path(__file__).resolve().parent / "conf"))
    install()
    cli()
