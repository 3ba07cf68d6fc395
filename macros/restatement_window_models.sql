{#
    restatement_window_models()

    The models that record a restatement window per build: the monthly one
    (int_restatement_windows_tracked) and the daily signals' one (int_signal_windows_tracked).
    Every model that reads a window restates from it and is one of its readers in macro
    record_finished_windows.
#}
{% macro restatement_window_models() %}
    {{- return(["int_restatement_windows_tracked", "int_signal_windows_tracked"]) -}}
{% endmacro %}
