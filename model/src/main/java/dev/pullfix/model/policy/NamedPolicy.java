package dev.pullfix.model.policy;

/** A policy document with its role in the evaluation and a name to show (policy name or ARN, "repository policy"). */
public record NamedPolicy(PolicyKind kind, String name, PolicyDocument document) {
    public static NamedPolicy identity(String name, PolicyDocument doc) {
        return new NamedPolicy(PolicyKind.IDENTITY, name, doc);
    }

    public static NamedPolicy resource(String name, PolicyDocument doc) {
        return new NamedPolicy(PolicyKind.RESOURCE, name, doc);
    }
}
