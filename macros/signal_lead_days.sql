{#
    signal_lead_days()

    How many days the signal calendar starts before the history (docs/expansion_signals.md):
    179, so that every trailing window a history day reads (30, 90 and the 90 before those:
    180 days) is full, and a readiness streak, capped at this many days plus one (180), can
    reach its cap on the history's first day. One number for the calendar, the streak cap and
    the usage windows' own lead, which must agree for an incremental run to equal a full one.
#}
{% macro signal_lead_days() %}
    {{- return(179) -}}
{% endmacro %}
