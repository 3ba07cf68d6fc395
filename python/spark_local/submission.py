"""The `local_session` Python-model submission method for dbt-spark's session method."""

from __future__ import annotations

from typing import Any

from dbt.adapters.base.impl import PythonJobHelper
from dbt.adapters.spark.impl import SparkAdapter

LOCAL_SESSION = "local_session"


class LocalSessionPythonJobHelper(PythonJobHelper):
    """Executes a compiled Python model in this process's SparkSession.

    The compiled code is dbt-spark's own: the model's source, then `dbt = dbtObj(spark.table)`,
    `df = model(dbt, spark)` and `df.write...saveAsTable(<relation>)`, as a Databricks notebook
    would run it. It expects a global `spark`: the session dbt-spark's session method already
    runs every SQL statement in, so the model reads the tables dbt just built and its lazy
    DataFrame is planned and executed by the same Spark.
    """

    def __init__(self, parsed_model: dict, credentials: Any) -> None:
        self.parsed_model = parsed_model
        self.credentials = credentials

    def submit(self, compiled_code: str) -> None:
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.getOrCreate()
        name = f"<dbt python model {self.parsed_model.get('unique_id', '?')}>"
        namespace = {"__name__": "__dbt_python_model__", "spark": spark}
        exec(compile(compiled_code, name, "exec"), namespace)


def install() -> None:
    """Register `local_session` on dbt-spark's adapter and make it the default submission
    method of session-method targets (other methods keep dbt-spark's default)."""
    if getattr(SparkAdapter, "_local_session_installed", False):
        return
    helpers = SparkAdapter.python_submission_helpers
    default_method = SparkAdapter.default_python_submission_method

    def python_submission_helpers(self):
        return {**helpers.fget(self), LOCAL_SESSION: LocalSessionPythonJobHelper}

    def default_python_submission_method(self):
        # SparkConnectionMethod is a str enum: SESSION == "session"
        if getattr(self.config.credentials, "method", None) == "session":
            return LOCAL_SESSION
        return default_method.fget(self)

    SparkAdapter.python_submission_helpers = property(python_submission_helpers)
    SparkAdapter.default_python_submission_method = property(default_python_submission_method)
    SparkAdapter._local_session_installed = True
