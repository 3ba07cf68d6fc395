"""Run dbt on local Apache Spark (the profile's `spark` target, dbt-spark's session method),
Python models included.

dbt-spark hands a Python model to Databricks (a job or an all-purpose cluster) and to nothing
else. On a local SparkSession there is nowhere to send it, so this package registers one more
submission method, `local_session`, that executes the compiled model in the SparkSession dbt
itself runs its SQL in, and makes it the default for session-method targets. The models do not
change and do not name a submission method; on Databricks none of this is loaded.

    python -m spark_local <dbt arguments>      (what `./warehouse spark ...` runs)
"""

from spark_local.submission import LOCAL_SESSION, LocalSessionPythonJobHelper, install

__all__ = ["LOCAL_SESSION", "LocalSessionPythonJobHelper", "install"]
