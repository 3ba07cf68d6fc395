{#
    window_completion_relation(window_relation)

    The table recording which restatement windows were finished: a row per window model and
    dbt invocation in which that window and every model reading it were built without error
    (written by macro record_finished_windows, read by macro previous_window_ctes). It sits
    in the windows' own schema and is not a model: a model cannot know whether the models
    after it succeed, so the row is written when the invocation ends.

    Arguments:
        window_relation: the relation of a window model (int_restatement_windows_tracked or
            int_signal_windows_tracked).
#}
{% macro window_completion_relation(window_relation) %}
    {{- return(api.Relation.create(
        database=window_relation.database,
        schema=window_relation.schema,
        identifier="restatement_windows_finished",
        type="table"
    )) -}}
{% endmacro %}
