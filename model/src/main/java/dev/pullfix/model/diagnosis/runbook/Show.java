package dev.pullfix.model.diagnosis.runbook;

/** How a step's result is shown. */
public enum Show {
    /** The kubectl describe events table. */
    EVENTS_TABLE,
    /** A table of rows (pods, endpoints, secrets). */
    TABLE,
    /** A JSON document (DescribeImages answer, a secret's redacted YAML). */
    JSON,
    /** Policies and the statement that decided. */
    POLICY_STATEMENTS,
    /** Plain lines. */
    TEXT
}
