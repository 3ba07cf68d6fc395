"""`python -m spark_local <dbt arguments>`: dbt's own command line, with the local Python-model
submission method installed (see the package docstring)."""

from dbt.cli.main import cli

from spark_local.submission import install

if __name__ == "__main__":
    install()
    cli()
