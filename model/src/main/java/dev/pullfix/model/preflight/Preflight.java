package dev.pullfix.model.preflight;

import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.registry.Credential;
import dev.pullfix.model.registry.ImageCheckResult;
import dev.pullfix.model.registry.ImageChecker;
import dev.pullfix.model.registry.KubeletCredentials;
import dev.pullfix.model.registry.Platform;
import dev.pullfix.model.registry.PullSecretReader;
import dev.pullfix.model.registry.RegistryFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every image of a manifest's pod templates as the kubelet would pull it once the pods exist: the template's
 * pull secrets and its service account's (the admission plugin adds those at pod creation), read from the cluster
 * when connected; the nodes' platforms (a {@code kubernetes.io/arch} node selector narrows them); private ECR through
 * {@link EcrPull} (the node role against the repository policy). Each image is asked once per namespace and secrets.
 */
public final class Preflight {

    /** The {@code imagePullSecrets} of a service account, or empty when it does not exist. */
    @FunctionalInterface
    public interface ServiceAccountSecrets {
        List<String> of(String namespace, String serviceAccount) throws CouldNotCheckException;
    }

    /** Private ECR: does the image exist and may the node role pull it (repository policy, local evaluator). */
    @FunctionalInterface
    public interface EcrPull {
        Verdict check(ImageReference image);
    }

    /**
     * An ECR answer: pullable, a problem, or could not check.
     *
     * @param failure a code ({@code REPOSITORY_NOT_FOUND}, {@code IMAGE_NOT_FOUND}, {@code POLICY_DENIES},
     *                {@code NO_NODE_ROLE}, {@code NO_AWS}, {@code INCOMPLETE}, {@code ERROR}); null when pullable
     * @param detail  data for the code (a role, statements, a server's text), or null
     */
    public record Verdict(PullFailureCategory category, String failure, String detail, List<String> nearestTags,
                          boolean couldNotCheck) {
        public Verdict {
            nearestTags = nearestTags == null ? List.of() : List.copyOf(nearestTags);
        }

        public static Verdict ok() {
            return new Verdict(null, null, null, List.of(), false);
        }

        public static Verdict problem(PullFailureCategory category, String failure, String detail, List<String> nearest) {
            return new Verdict(category, failure, detail, nearest, false);
        }

        public static Verdict couldNotCheck(String failure, String detail) {
            return new Verdict(null, failure, detail, List.of(), true);
        }
    }

    /**
     * One problem (or one image that could not be checked) of one container.
     *
     * @param failure a code: the registry's ({@link RegistryFailure.Kind}), {@link Verdict}'s for ECR,
     *                {@code InvalidImageName}, {@code SECRETS_NOT_READ} (detail: the secrets' names)
     * @param detail  data for the code (the registry's text, platforms, names), never prose of ours
     */
    public record Finding(PodTemplateImage where, PullFailureCategory category, String failure, String detail,
                          List<String> nearestTags) {
        public Finding {
            nearestTags = nearestTags == null ? List.of() : List.copyOf(nearestTags);
        }
    }

    /** Every problem, every image that could not be checked, and how many containers were checked. */
    public record Result(List<Finding> problems, List<Finding> couldNotCheck, int checked) {
        public Result {
            problems = List.copyOf(problems);
            couldNotCheck = List.copyOf(couldNotCheck);
        }
    }

    private final ImageChecker checker;
    private final PullSecretReader secrets;
    private final ServiceAccountSecrets serviceAccounts;
    private final List<Platform> nodePlatforms;
    private final EcrPull ecr;
    private final String defaultNamespace;

    /**
     * @param secrets         reads pull secrets from the cluster, or null when not connected
     * @param serviceAccounts reads service accounts' pull secrets, or null when not connected
     * @param nodePlatforms   the platforms of the nodes pods may land on (empty: no platform check)
     * @param ecr             the ECR check, or null when no AWS account is set up
     */
    public Preflight(ImageChecker checker, PullSecretReader secrets, ServiceAccountSecrets serviceAccounts,
                     List<Platform> nodePlatforms, EcrPull ecr, String defaultNamespace) {
        this.checker = checker;
        this.secrets = secrets;
        this.serviceAccounts = serviceAccounts;
        this.nodePlatforms = List.copyOf(nodePlatforms);
        this.ecr = ecr;
        this.defaultNamespace = defaultNamespace == null ? "default" : defaultNamespace;
    }

    public Result check(List<PodTemplateImage> items) {
        List<Finding> problems = new ArrayList<>();
        List<Finding> unknown = new ArrayList<>();
        Map<String, ImageCheckResult> asked = new HashMap<>();
        Map<String, Verdict> ecrAsked = new HashMap<>();
        for (PodTemplateImage item : items) {
            ImageReference ref;
            try {
                ref = ImageReference.parse(item.image());
            } catch (InvalidImageReferenceException e) {
                problems.add(new Finding(item, PullFailureCategory.INVALID_IMAGE_NAME, "InvalidImageName",
                        e.reason().name(), List.of()));
                continue;
            }
            if (ref.registry().isEcrPrivate()) {
                Verdict v = ecr == null ? Verdict.couldNotCheck("NO_AWS", null)
                        : ecrAsked.computeIfAbsent(ref.normalized(), k -> ecr.check(ref));
                if (v.couldNotCheck()) {
                    unknown.add(new Finding(item, null, v.failure(), v.detail(), List.of()));
                } else if (v.category() != null) {
                    problems.add(new Finding(item, v.category(), v.failure(), v.detail(), v.nearestTags()));
                }
                continue;
            }
            String ns = item.namespace() != null ? item.namespace() : defaultNamespace;
            List<Platform> platforms = platformsFor(item);
            List<String> names = new ArrayList<>(item.pullSecrets());
            boolean secretsRead = secrets != null;
            try {
                if (serviceAccounts != null) {
                    names.addAll(serviceAccounts.of(ns, item.serviceAccount()));
                }
                names = List.copyOf(new LinkedHashSet<>(names));
                String key = ns + "|" + ref.normalized() + "|" + names + "|" + platforms;
                ImageCheckResult r = asked.get(key);
                if (r == null) {
                    List<Credential> creds = !secretsRead || names.isEmpty() ? List.of()
                            : KubeletCredentials.resolve(secrets, ns, names).credentialsFor(ref);
                    r = checker.check(ref, creds, platforms.isEmpty() ? null : platforms.get(0));
                    asked.put(key, r);
                }
                judge(item, r, platforms, !secretsRead && !item.pullSecrets().isEmpty(), problems, unknown);
            } catch (CouldNotCheckException e) {
                unknown.add(new Finding(item, null, e.reason().name(), e.getMessage(), List.of()));
            }
        }
        return new Result(problems, unknown, items.size());
    }

    private void judge(PodTemplateImage item, ImageCheckResult r, List<Platform> platforms, boolean secretsUnread,
                       List<Finding> problems, List<Finding> unknown) {
        RegistryFailure f = r.failure();
        if (r.couldNotAsk()) {
            unknown.add(new Finding(item, r.category(), f.kind().name(), firstLine(f.detail()), List.of()));
            return;
        }
        boolean auth = f != null && (f.kind() == RegistryFailure.Kind.AUTH_REQUIRED
                || f.kind() == RegistryFailure.Kind.NOT_FOUND_OR_UNAUTHORIZED);
        if (auth && secretsUnread) {
            unknown.add(new Finding(item, r.category(), "SECRETS_NOT_READ", String.join(", ", item.pullSecrets()),
                    List.of()));
            return;
        }
        if (f != null && f.kind() != RegistryFailure.Kind.NO_MATCHING_PLATFORM) {
            problems.add(new Finding(item, r.category(), f.kind().name(), firstLine(f.detail()), r.nearestTags()));
            return;
        }
        List<Platform> has = r.platforms().stream().map(Platform::parse).flatMap(Optional::stream).toList();
        for (Platform node : platforms) {
            if (!has.isEmpty() && has.stream().noneMatch(node::runs)) {
                problems.add(new Finding(item, PullFailureCategory.PLATFORM_MISMATCH, "NO_MATCHING_PLATFORM",
                        node + " (" + String.join(", ", r.platforms()) + ")", List.of()));
            }
        }
    }

    /** The node platforms the template's pods may land on: its arch selector's, else every node platform. */
    List<Platform> platformsFor(PodTemplateImage item) {
        String arch = item.nodeSelector().getOrDefault("kubernetes.io/arch", item.nodeSelector().get("beta.kubernetes.io/arch"));
        String os = item.nodeSelector().getOrDefault("kubernetes.io/os", "linux");
        if (arch != null) {
            return List.of(Platform.ofNode(os, arch));
        }
        return nodePlatforms;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
