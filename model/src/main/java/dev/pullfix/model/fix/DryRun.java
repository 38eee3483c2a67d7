package dev.pullfix.model.fix;

/** What a dry-run said before anything was written. */
public record DryRun(Status status, String detail) {
    public enum Status {
        /** The API accepted the change without storing it (Kubernetes {@code dryRun=All}, a policy simulation). */
        PASSED,
        /** The API refused the change: the write would fail the same way. */
        FAILED,
        /** The API offers no dry-run for this call (e.g. ECR SetRepositoryPolicy). */
        NOT_OFFERED
    }

    public static DryRun notOffered(String why) {
        return new DryRun(Status.NOT_OFFERED, why);
    }

    public static DryRun passed(String detail) {
        return new DryRun(Status.PASSED, detail);
    }

    public static DryRun failed(String detail) {
        return new DryRun(Status.FAILED, detail);
    }
}
