"""`python -m spark_local <dbt arguments>`: dbt's own command line, with the local Python-model
submission method installed (see the package docstring)."""

import os
import warnings
from pathlib import Path

# pyspark warns on import about pandas 3; the Spark path never converts to pandas
warnings.filterwarnings(
    "ignore", message="PySpark does not yet fully support", category=FutureWarning
)

from dbt.cli.main import cli  # noqa: E402

from spark_local.submission import install  # noqa: E402

if __name__ == "__main__":
    # Spark reads log4j2.properties from SPARK_CONF_DIR when dbt starts the session
    os.environ.setdefault("SPARK_CONF_DIR", str(Path(__file__).resolve().parent / "conf"))
    install()
    cli()
