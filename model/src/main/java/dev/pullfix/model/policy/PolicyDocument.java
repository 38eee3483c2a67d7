package dev.pullfix.model.policy;

import java.util.List;

/**
 * A parsed IAM policy document (identity, resource, boundary, SCP or endpoint policy), immutable.
 *
 * @param version "2012-10-17", "2008-10-17" or null when absent
 * @param id      the Id element or null
 * @param text    the original JSON text (spans point into it), or null when built in code
 */
public record PolicyDocument(String version, String id, List<Statement> statements, String text) {
    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Parses JSON text; see {@link PolicyParser#parse(String)}. */
    public static PolicyDocument parse(String json) {
        return PolicyParser.parse(json);
    }
}
