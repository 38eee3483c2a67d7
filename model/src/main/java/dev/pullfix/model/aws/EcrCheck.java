package dev.pullfix.model.aws;

import dev.pullfix.model.aws.EcrCheckReport.ActionVerdict;
import dev.pullfix.model.aws.EcrCheckReport.CanPull;
import dev.pullfix.model.aws.EcrCheckReport.Check;
import dev.pullfix.model.aws.EcrCheckReport.Check.Status;
import dev.pullfix.model.aws.EcrCheckReport.DecidingStatement;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.Registry;
import dev.pullfix.model.policy.AccessRequest;
import dev.pullfix.model.policy.Decision;
import dev.pullfix.model.policy.EvaluationResult;
import dev.pullfix.model.policy.InvalidPolicyException;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.policy.PolicyDocument;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.policy.PolicySet;
import dev.pullfix.model.policy.StatementRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * "Can this image be pulled from ECR?": does the repository exist (or is it a pull-through cache), does the
 * tag or digest exist (else the nearest tags), the repository policy, and with a role, the local evaluator's
 * verdict over the actions a pull needs, with the deciding statements. Talks to AWS only through the ports,
 * so the lab can answer as well as the SDK.
 */
public final class EcrCheck {

    public static final String GET_AUTHORIZATION_TOKEN = "ecr:GetAuthorizationToken";
    public static final String BATCH_GET_IMAGE = "ecr:BatchGetImage";
    public static final String GET_DOWNLOAD_URL_FOR_LAYER = "ecr:GetDownloadUrlForLayer";
    public static final String BATCH_CHECK_LAYER_AVAILABILITY = "ecr:BatchCheckLayerAvailability";
    public static final String BATCH_IMPORT_UPSTREAM_IMAGE = "ecr:BatchImportUpstreamImage";
    public static final String CREATE_REPOSITORY = "ecr:CreateRepository";
    /** The session name used for the kubelet's assumed-role ARN when no instance id is known. */
    public static final String SESSION_NAME = "pullfix-check";

    private final EcrGateway ecr;
    private final IamGateway iam;
    private final PolicyEvaluator evaluator;

    /** @param iam may be null when no role will be checked */
    public EcrCheck(EcrGateway ecr, IamGateway iam, PolicyEvaluator evaluator) {
        this.ecr = Objects.requireNonNull(ecr);
        this.iam = iam;
        this.evaluator = Objects.requireNonNull(evaluator);
    }

    /**
     * Runs the check.
     *
     * @param role     a role ARN, assumed-role session ARN or role name whose pull is checked, or null
     * @param simulate also ask {@code iam:SimulatePrincipalPolicy} (identity side only), shown beside the verdict
     * @throws IllegalArgumentException when the image is not in a private ECR registry
     * @throws AwsProblemException      when the credentials do not work at all (expired SSO login, bad keys)
     */
    public EcrCheckReport run(ImageReference image, String role, boolean simulate) {
        return run(image, role, simulate, null);
    }

    /**
     * As {@link #run(ImageReference, String, boolean)}, with the nodes' network path: its findings are listed and
     * its endpoint policies join the verdict.
     *
     * @param network the VPC endpoints of the cluster's VPC, or null when not known
     */
    public EcrCheckReport run(ImageReference image, String role, boolean simulate, PullNetwork network) {
        Registry registry = image.registry();
        if (!registry.isEcrPrivate()) {
            throw new IllegalArgumentException("not a private ECR image: " + image.original());
        }
        String registryId = registry.account();
        String repo = image.repository();
        String repoArn = registry.ecrRepositoryArn(repo).orElseThrow();
        EcrImageId wanted = image.digest() != null ? new EcrImageId(image.tag(), image.digest())
                : EcrImageId.tag(image.tag() == null ? "latest" : image.tag());
        if (role != null && !role.isBlank() && iam == null) {
            throw new IllegalStateException("checking a role needs an IAM gateway");
        }
        try (EcrCheckReads reads = new EcrCheckReads(ecr, iam, registryId, repo, wanted,
                role == null || role.isBlank() ? null : role)) {
            return run(image, role, simulate, network, reads);
        }
    }

    private EcrCheckReport run(ImageReference image, String role, boolean simulate, PullNetwork network,
                               EcrCheckReads reads) {
        Registry registry = image.registry();
        String registryId = registry.account();
        String repo = image.repository();
        String repoArn = registry.ecrRepositoryArn(repo).orElseThrow();
        EcrImageId wanted = image.digest() != null ? new EcrImageId(image.tag(), image.digest())
                : EcrImageId.tag(image.tag() == null ? "latest" : image.tag());
        List<Check> checks = new ArrayList<>();

        // repository
        AwsResult<RepositoryInfo> repoInfo = EcrCheckReads.get(reads.repository);
        failOnCredentials(repoInfo);
        Boolean repoExists;
        if (repoInfo.isOk()) {
            repoExists = true;
            checks.add(check("repository", Status.OK, "aws.check.repositoryExists", repo, registryId));
        } else if (repoInfo.problem().orElseThrow().kind() == AwsProblem.Kind.REPOSITORY_NOT_FOUND) {
            repoExists = false;
            checks.add(check("repository", Status.PROBLEM, "aws.check.repositoryMissing", repo, registryId));
        } else {
            repoExists = null;
            checks.add(couldNot("repository", repoInfo.problem().orElseThrow()));
        }

        // pull-through cache
        AwsResult<Optional<PullThroughCacheRule>> ptc = EcrCheckReads.get(reads.pullThroughCache);
        PullThroughCacheRule rule = ptc.isOk() ? ptc.value().orElse(null) : null;
        if (rule != null) {
            checks.add(check("pullThroughCache", Status.INFO, "aws.check.pullThroughCache", rule.ecrRepositoryPrefix(),
                    String.valueOf(rule.upstreamRegistryUrl())));
            if (Boolean.FALSE.equals(repoExists)) {
                // the first pull creates the repository: not a problem by itself
                checks.set(0, check("repository", Status.INFO, "aws.check.repositoryCreatedOnFirstPull", repo,
                        rule.ecrRepositoryPrefix()));
            }
        } else if (!ptc.isOk() && !Boolean.TRUE.equals(repoExists)) {
            checks.add(couldNot("pullThroughCache", ptc.problem().orElseThrow()));
        }

        // encryption
        if (repoInfo.isOk() && repoInfo.value().kmsEncrypted()) {
            checks.add(check("encryption", Status.INFO, "aws.check.kmsEncrypted",
                    String.valueOf(repoInfo.value().kmsKey())));
        }

        // image
        Boolean imageExists = null;
        ImageDetail detail = null;
        List<TagCandidate> nearest = List.of();
        if (Boolean.FALSE.equals(repoExists)) {
            imageExists = rule != null ? null : Boolean.FALSE;
        } else {
            AwsResult<ImageLookup> lookup = EcrCheckReads.get(reads.image);
            if (lookup.isOk()) {
                imageExists = lookup.value().found();
                detail = lookup.value().image();
                nearest = lookup.value().nearestTags();
                if (imageExists) {
                    checks.add(check("image", Status.OK, "aws.check.imageExists", wanted.toString(),
                            detail.digest()));
                } else if (rule != null) {
                    imageExists = null;
                    checks.add(check("image", Status.INFO, "aws.check.imageFetchedOnPull", wanted.toString()));
                } else {
                    checks.add(check("image", Status.PROBLEM, nearest.isEmpty() ? "aws.check.imageMissing"
                            : "aws.check.imageMissingNearest", wanted.toString(),
                            String.join(", ", nearest.stream().map(TagCandidate::tag).toList())));
                }
            } else if (lookup.problem().orElseThrow().kind() == AwsProblem.Kind.REPOSITORY_NOT_FOUND) {
                imageExists = false;
            } else {
                checks.add(couldNot("image", lookup.problem().orElseThrow()));
            }
        }

        // repository policy
        String policyText = null;
        boolean policyKnown;
        if (Boolean.FALSE.equals(repoExists)) {
            policyKnown = true; // no repository, no policy
        } else {
            AwsResult<Optional<String>> pol = EcrCheckReads.get(reads.repositoryPolicy);
            policyKnown = pol.isOk();
            if (pol.isOk()) {
                policyText = pol.value().orElse(null);
                checks.add(check("repositoryPolicy", Status.INFO, policyText == null ? "aws.check.noRepositoryPolicy"
                        : "aws.check.repositoryPolicyPresent", repo));
            } else if (pol.problem().orElseThrow().kind() == AwsProblem.Kind.REPOSITORY_NOT_FOUND) {
                policyKnown = true;
            } else {
                checks.add(couldNot("repositoryPolicy", pol.problem().orElseThrow()));
            }
        }
        PolicyDocument repoPolicy = null;
        if (policyText != null) {
            try {
                repoPolicy = PolicyDocument.parse(policyText);
            } catch (InvalidPolicyException e) {
                policyKnown = false;
                checks.add(check("repositoryPolicy", Status.WARNING, "aws.check.policyUnparsable", "repository policy",
                        e.getMessage()));
            }
        }

        // network
        if (network != null) {
            checks.add(check("network", Status.INFO, "aws.check.network", String.valueOf(network.endpoints().size()),
                    String.valueOf(network.vpcId())));
            for (PullNetwork.Finding f : network.findings()) {
                checks.add(new Check("network", switch (f.severity()) {
                    case PROBLEM -> Status.PROBLEM;
                    case WARNING -> Status.WARNING;
                    case INFO -> Status.INFO;
                }, f.code(), f.args()));
            }
        }

        // role
        CanPull canPull = null;
        List<ActionVerdict> verdicts = new ArrayList<>();
        List<DecidingStatement> deciding = new ArrayList<>();
        List<String> managed = List.of();
        String callerArn = null;
        List<SimulationResult> simulation = null;
        if (role != null && !role.isBlank()) {
            Identity id = identity(EcrCheckReads.get(reads.rolePolicies), checks);
            // a bare role name becomes the role ARN IAM reported
            callerArn = callerArnOf(RoleArns.isRoleArn(role) || RoleArns.isSessionArn(role) || id.roleArn == null
                    ? role : id.roleArn);
            managed = id.managed;
            if (!id.managed.isEmpty()) {
                checks.add(check("managedPolicy", Status.INFO, "aws.check.managedPullPolicy",
                        String.join(", ", id.managed)));
            }
            String roleAccount = RoleArns.account(callerArn).orElse(null);
            boolean crossAccount = roleAccount != null && !roleAccount.equals(registryId);
            if (crossAccount) {
                checks.add(check("crossAccount", Status.INFO, "aws.check.crossAccount", roleAccount, registryId));
            }
            KubeletPull.Builder pull = KubeletPull.builder(callerArn, repoArn)
                    .pullThroughCache(rule != null, !Boolean.FALSE.equals(repoExists))
                    .kms(repoInfo.isOk() && repoInfo.value().kmsEncrypted(), null);
            id.policies.identityPolicies().forEach(p -> pull.identityPolicy(p.name(), p.document()));
            if (id.policies.permissionsBoundary() != null) {
                pull.permissionsBoundary(id.policies.permissionsBoundary().name(),
                        id.policies.permissionsBoundary().document());
            }
            if (repoPolicy != null) {
                pull.repositoryPolicy(repoPolicy);
            } else if (crossAccount && policyKnown) {
                // no repository policy is a resource policy without statements: cross-account, nothing allows
                pull.repositoryPolicy(new PolicyDocument("2012-10-17", null, List.of(), null));
            }
            if (network != null) {
                for (PullNetwork.Finding f : network.applyTo(pull)) {
                    checks.add(new Check("network", Status.WARNING, f.code(), f.args()));
                }
            }
            KubeletPull.PullVerdict pv = new KubeletPull(evaluator).check(pull.build());
            for (KubeletPull.RequirementResult rr : pv.results()) {
                KubeletPull.Requirement req = rr.requirement();
                EvaluationResult r = rr.result();
                Decision d = r.decision();
                String code = r.reasonCode();
                List<String> args = r.reasonArgs();
                // inputs we could not read can only add allows or denies: an explicit deny stays, the rest is unknown
                boolean missingInputs = !id.complete || (req.resourcePolicyApplies() && !policyKnown);
                if (missingInputs && d != Decision.EXPLICIT_DENY) {
                    d = Decision.UNKNOWN;
                    code = !id.complete ? "aws.check.identityIncomplete" : "aws.check.repositoryPolicyUnknown";
                    args = List.of(req.action());
                }
                verdicts.add(new ActionVerdict(req.action(), rr.resourceArn(),
                        req.severity() == KubeletPull.Severity.BLOCKER, d, code, args, r.statements()));
            }
            for (KubeletPull.Note n : pv.notes()) {
                if (!n.code().equals("pull.managedPolicy") && !n.code().equals("pull.checkLayerNotAllowed")) {
                    checks.add(new Check("pull", n.severity() == KubeletPull.Severity.BLOCKER ? Status.PROBLEM
                            : n.severity() == KubeletPull.Severity.WARNING ? Status.WARNING : Status.INFO, n.code(),
                            n.args()));
                }
            }
            // the per-action verdicts (adjusted for unreadable inputs) decide; a blocking note (disabled key) too
            canPull = pv.notes().stream().anyMatch(n -> n.severity() == KubeletPull.Severity.BLOCKER)
                    ? CanPull.NO : CanPull.YES;
            for (ActionVerdict v : verdicts) {
                if (!v.required()) {
                    continue;
                }
                if (v.decision() == Decision.EXPLICIT_DENY || v.decision() == Decision.IMPLICIT_DENY) {
                    canPull = CanPull.NO;
                } else if (v.decision() == Decision.UNKNOWN && canPull == CanPull.YES) {
                    canPull = CanPull.UNKNOWN;
                }
            }
            for (ActionVerdict v : verdicts) {
                boolean decides = v.required() && switch (canPull) {
                    case NO -> v.decision() == Decision.EXPLICIT_DENY || v.decision() == Decision.IMPLICIT_DENY;
                    case UNKNOWN -> v.decision() == Decision.UNKNOWN;
                    case YES -> true;
                };
                if (decides) {
                    addDeciding(deciding, v);
                }
                if (v.required()) {
                    checks.add(check("action:" + v.action(), statusOf(v.decision()), "aws.check.action."
                            + v.decision().name(), v.action(), v.resource()));
                } else if (v.decision() != Decision.ALLOW) {
                    checks.add(check("action:" + v.action(), Status.WARNING, "aws.check.batchCheckLayerNotAllowed",
                            v.action()));
                }
            }
            if (simulate) {
                simulation = simulate(callerArn, repoArn, rule != null, repoExists, checks);
            }
        }

        return new EcrCheckReport(image.normalized(), registry.host(), registryId, registry.region(), repo,
                image.tag(), image.digest(), repoArn, repoExists, repoInfo.isOk() ? repoInfo.value() : null, rule,
                imageExists, detail, nearest, policyText, role, callerArn, managed, canPull, verdicts, deciding,
                checks, simulation, network);
    }

    private List<SimulationResult> simulate(String callerArn, String repoArn, boolean ptc, Boolean repoExists,
                                            List<Check> checks) {
        List<String> repoActions = new ArrayList<>(List.of(BATCH_GET_IMAGE, GET_DOWNLOAD_URL_FOR_LAYER));
        if (ptc) {
            repoActions.add(BATCH_IMPORT_UPSTREAM_IMAGE);
            if (!Boolean.TRUE.equals(repoExists)) {
                repoActions.add(CREATE_REPOSITORY);
            }
        }
        AwsResult<List<SimulationResult>> token = iam.simulatePrincipalPolicy(callerArn,
                List.of(GET_AUTHORIZATION_TOKEN), List.of(), Map.of());
        AwsResult<List<SimulationResult>> repo = token.isOk()
                ? iam.simulatePrincipalPolicy(callerArn, repoActions, List.of(repoArn), Map.of()) : token;
        if (!repo.isOk()) {
            checks.add(couldNot("simulation", repo.problem().orElseThrow()));
            return null;
        }
        List<SimulationResult> all = new ArrayList<>(token.value());
        all.addAll(repo.value());
        boolean allAllowed = all.stream().allMatch(SimulationResult::allowed);
        checks.add(check("simulation", allAllowed ? Status.OK : Status.WARNING, allAllowed
                ? "aws.check.simulationAllowed" : "aws.check.simulationDenied", String.join(", ", all.stream()
                .filter(s -> !s.allowed()).map(SimulationResult::action).toList())));
        return all;
    }

    private record Identity(PolicySet policies, boolean complete, List<String> managed, String roleArn) {
    }

    /** The role's identity policies as a policy set, with unreadable ECR managed policies filled from the catalogue. */
    private Identity identity(AwsResult<RolePolicies> got, List<Check> checks) {
        failOnCredentials(got);
        PolicySet.Builder b = PolicySet.builder();
        if (!got.isOk()) {
            checks.add(couldNot("rolePolicies", got.problem().orElseThrow()));
            return new Identity(b.build(), false, List.of(), null);
        }
        RolePolicies rp = got.value();
        boolean complete = true;
        for (AwsProblem p : rp.problems()) {
            // a failed GetRole only hides the boundary; a failed list hides policies
            checks.add(couldNot("rolePolicies", p));
            complete = false;
        }
        for (PolicyDocumentRef ref : rp.identityPolicies()) {
            String doc = ref.document();
            if (doc == null) {
                doc = dev.pullfix.model.policy.ManagedPolicies.documentText(ref.arn()).orElse(null);
            }
            if (doc == null) {
                if (!dev.pullfix.model.policy.ManagedPolicies.irrelevantForPull(ref.arn())) {
                    complete = false;
                    if (ref.problem() != null) {
                        checks.add(couldNot("policy:" + ref.name(), ref.problem()));
                    }
                }
                continue;
            }
            try {
                b.identity(ref.arn() != null ? ref.arn() : ref.name() + " (inline)",
                        PolicyDocument.parse(doc));
            } catch (InvalidPolicyException e) {
                complete = false;
                checks.add(check("policy:" + ref.name(), Status.WARNING, "aws.check.policyUnparsable", ref.name(),
                        e.getMessage()));
            }
        }
        PolicyDocumentRef boundary = rp.permissionsBoundary();
        if (boundary != null) {
            if (boundary.document() == null) {
                complete = false;
                if (boundary.problem() != null) {
                    checks.add(couldNot("permissionsBoundary", boundary.problem()));
                }
            } else {
                try {
                    b.boundary(boundary.name(), PolicyDocument.parse(boundary.document()));
                    checks.add(check("permissionsBoundary", Status.INFO, "aws.check.permissionsBoundary",
                            boundary.name()));
                } catch (InvalidPolicyException e) {
                    complete = false;
                    checks.add(check("permissionsBoundary", Status.WARNING, "aws.check.policyUnparsable",
                            boundary.name(), e.getMessage()));
                }
            }
        }
        return new Identity(b.build(), complete, dev.pullfix.model.policy.ManagedPolicies.pullCapable(
                rp.attached().stream().map(PolicyDocumentRef::arn).toList()), rp.roleArn());
    }

    /** The ARN the kubelet calls with: the role's assumed-role session (paths are not part of session ARNs). */
    static String callerArnOf(String role) {
        if (RoleArns.isSessionArn(role)) {
            return role;
        }
        return RoleArns.sessionArn(role, SESSION_NAME).orElse(role);
    }

    private static void addDeciding(List<DecidingStatement> out, ActionVerdict v) {
        for (StatementRef s : v.statements()) {
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                DecidingStatement d = out.get(i);
                if (sameStatement(d.statement(), s)) {
                    List<String> actions = new ArrayList<>(d.actions());
                    if (!actions.contains(v.action())) {
                        actions.add(v.action());
                    }
                    out.set(i, new DecidingStatement(d.statement(), actions));
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                out.add(new DecidingStatement(s, List.of(v.action())));
            }
        }
    }

    private static boolean sameStatement(StatementRef a, StatementRef b) {
        return a.kind() == b.kind() && Objects.equals(a.policyName(), b.policyName()) && a.index() == b.index();
    }

    private static Status statusOf(Decision d) {
        return switch (d) {
            case ALLOW -> Status.OK;
            case UNKNOWN -> Status.UNKNOWN;
            default -> Status.PROBLEM;
        };
    }

    private static void failOnCredentials(AwsResult<?> r) {
        if (!r.isOk() && r.problem().orElseThrow().isCredentialProblem()) {
            throw new AwsProblemException(r.problem().orElseThrow());
        }
        if (!r.isOk() && r.problem().orElseThrow().kind() == AwsProblem.Kind.ENDPOINT_UNREACHABLE) {
            throw new AwsProblemException(r.problem().orElseThrow());
        }
    }

    private static Check check(String id, Status status, String code, String... args) {
        return new Check(id, status, code, List.of(args));
    }

    /** "could not check X: missing permission ecr:GetRepositoryPolicy" and the like. */
    static Check couldNot(String id, AwsProblem p) {
        List<String> args = new ArrayList<>();
        p.messageArgs().forEach(a -> args.add(String.valueOf(a)));
        return new Check(id, Status.UNKNOWN, p.messageCode(), args);
    }

    /** For callers that print the map of actions to decisions. */
    public static Map<String, Decision> decisions(EcrCheckReport report) {
        Map<String, Decision> m = new LinkedHashMap<>();
        report.actions().forEach(a -> m.put(a.action(), a.decision()));
        return m;
    }
}
