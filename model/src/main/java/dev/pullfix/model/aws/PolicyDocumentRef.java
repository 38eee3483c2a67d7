package dev.pullfix.model.aws;

/**
 * A policy that applies to a role, with its JSON document already URL-decoded, or the problem that kept us
 * from reading the document.
 *
 * @param arn       the managed policy ARN, or null for inline policies
 * @param versionId the default version of a managed policy, or null
 * @param document  the decoded JSON, or null when {@code problem} is set
 */
public record PolicyDocumentRef(Source source, String name, String arn, String versionId, String document,
                                AwsProblem problem) {

    public enum Source { ATTACHED_MANAGED, INLINE, PERMISSIONS_BOUNDARY }

    /** An attached managed policy with its document (null when it could not be read). */
    public static PolicyDocumentRef attached(String name, String arn, String document) {
        return new PolicyDocumentRef(Source.ATTACHED_MANAGED, name, arn, null, document, null);
    }

    /** An inline policy with its document. */
    public static PolicyDocumentRef inline(String name, String document) {
        return new PolicyDocumentRef(Source.INLINE, name, null, null, document, null);
    }

    public boolean awsManaged() {
        return arn != null && arn.matches("arn:aws[a-z-]*:iam::aws:policy/.*");
    }

    public boolean readable() {
        return document != null;
    }
}
