package dev.pullfix.model.aws;

import dev.pullfix.model.policy.Decision;
import dev.pullfix.model.policy.StatementRef;
import java.util.List;

/**
 * The answer of {@link EcrCheck}: what exists, the repository policy, and with a role whether it can pull and
 * which statements decide. Message codes live in the {@code aws} bundle.
 *
 * @param repositoryExists    true/false, or null when it could not be checked
 * @param imageExists         true/false, or null when it could not be checked (or a pull-through cache will
 *                            fetch it from upstream on first pull)
 * @param repositoryPolicy    the policy text, or null when the repository has none or it could not be read
 * @param canPull             the permission verdict for the role, or null without a role
 * @param decidingStatements  the statements that decide {@code canPull} (denies for NO, grants for YES, the
 *                            undecidable ones for UNKNOWN), each once with the actions it decides
 */
public record EcrCheckReport(String image, String registry, String registryId, String region, String repository,
                             String tag, String digest, String repositoryArn,
                             Boolean repositoryExists, RepositoryInfo repositoryInfo,
                             PullThroughCacheRule pullThroughCache,
                             Boolean imageExists, ImageDetail imageDetail, List<TagCandidate> nearestTags,
                             String repositoryPolicy, String role, String callerArn,
                             List<String> managedPullPolicies, CanPull canPull, List<ActionVerdict> actions,
                             List<DecidingStatement> decidingStatements, List<Check> checks,
                             List<SimulationResult> simulation) {

    public EcrCheckReport {
        nearestTags = List.copyOf(nearestTags);
        managedPullPolicies = List.copyOf(managedPullPolicies);
        actions = List.copyOf(actions);
        decidingStatements = List.copyOf(decidingStatements);
        checks = List.copyOf(checks);
        simulation = simulation == null ? null : List.copyOf(simulation);
    }

    public enum CanPull {
        YES, NO, UNKNOWN;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Repository and image exist and the role (if given) can pull. */
    public Boolean pullable() {
        if (Boolean.FALSE.equals(repositoryExists) && pullThroughCache == null) {
            return false;
        }
        if (Boolean.FALSE.equals(imageExists) || canPull == CanPull.NO) {
            return false;
        }
        if (repositoryExists == null || imageExists == null || canPull == CanPull.UNKNOWN) {
            return null;
        }
        return true;
    }

    /**
     * The verdict for one action the pull needs.
     *
     * @param required false for actions that only warn (ecr:BatchCheckLayerAvailability)
     * @param reasonCode a {@code policy} bundle key ({@code reason.*}) or an {@code aws} one ({@code aws.check.*})
     */
    public record ActionVerdict(String action, String resource, boolean required, Decision decision,
                                String reasonCode, List<String> reasonArgs, List<StatementRef> statements) {
        public ActionVerdict {
            reasonArgs = List.copyOf(reasonArgs);
            statements = List.copyOf(statements);
        }
    }

    /** A statement that decides, and for which actions. */
    public record DecidingStatement(StatementRef statement, List<String> actions) {
        public DecidingStatement {
            actions = List.copyOf(actions);
        }
    }

    /** One line of the check list. */
    public record Check(String id, Status status, String code, List<String> args) {
        public Check {
            args = List.copyOf(args);
        }

        public enum Status { OK, PROBLEM, WARNING, UNKNOWN, INFO }
    }
}
