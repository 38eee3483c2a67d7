package dev.pullfix.model.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the kubelet needs from IAM to pull an image from private ECR, as data, and the verdict "can this role
 * pull this image?" over all of it:
 * <ul>
 * <li>{@code ecr:GetAuthorizationToken} on {@code *}: authorised by IAM alone (a repository policy cannot grant
 * it), through the ecr.api endpoint policy when there is one;</li>
 * <li>{@code ecr:BatchGetImage} and {@code ecr:GetDownloadUrlForLayer} on the repository (identity and repository
 * policy), through the ecr.dkr endpoint policy;</li>
 * <li>{@code ecr:BatchCheckLayerAvailability}: listed by the ECR docs but left out of
 * AmazonEC2ContainerRegistryPullOnly, so only a warning;</li>
 * <li>behind VPC endpoints, {@code s3:GetObject} on {@code arn:aws:s3:::prod-REGION-starport-layer-bucket/*} through
 * the S3 gateway endpoint policy (layers come from presigned S3 URLs, so the node role's own IAM is not asked);</li>
 * <li>pull-through cache repositories: {@code ecr:BatchImportUpstreamImage}, and {@code ecr:CreateRepository} on the
 * first pull (identity or registry policy);</li>
 * <li>KMS-encrypted repositories: ECR decrypts through its own grants, so the node role needs no kms:Decrypt;
 * only "the key must be enabled", an input flag.</li>
 * </ul>
 */
public final class KubeletPull {

    public enum Verdict { YES, NO, UNKNOWN }

    /** Which endpoint a call goes through when the nodes use VPC endpoints. */
    public enum Path { ECR_API, ECR_DKR, S3_GATEWAY }

    public enum Severity { BLOCKER, WARNING, INFO }

    /** Where the requirement's resource points. */
    public enum Scope { ANY, REPOSITORY, LAYER_BUCKET }

    /**
     * One permission the kubelet needs.
     *
     * @param resourcePolicyApplies false for actions a repository policy cannot grant (GetAuthorizationToken)
     */
    public record Requirement(String action, Scope scope, Severity severity, Path path, boolean resourcePolicyApplies,
                              String noteCode) {
    }

    /** The outcome for one requirement. */
    public record RequirementResult(Requirement requirement, String resourceArn, EvaluationResult result) {
    }

    /** A remark for the user: code (bundle key under {@code pull.}) and arguments. */
    public record Note(Severity severity, String code, List<String> args) {
        public Note {
            args = List.copyOf(args);
        }
    }

    /** The verdict with every requirement's result and the notes (warnings, recognised managed policies). */
    public record PullVerdict(Verdict verdict, List<RequirementResult> results, List<Note> notes) {
        public PullVerdict {
            results = List.copyOf(results);
            notes = List.copyOf(notes);
        }

        /** Deciding statements of the blocking requirements that failed or could not be decided. */
        public List<StatementRef> decidingStatements() {
            List<StatementRef> out = new ArrayList<>();
            for (RequirementResult r : results) {
                if (r.requirement().severity() == Severity.BLOCKER && (verdict == Verdict.YES || !r.result().allowed())) {
                    for (StatementRef s : r.result().statements()) {
                        if (!out.contains(s)) {
                            out.add(s);
                        }
                    }
                }
            }
            return out;
        }
    }

    /** The base requirements (every private ECR pull). */
    public static final List<Requirement> BASE = List.of(
            new Requirement("ecr:GetAuthorizationToken", Scope.ANY, Severity.BLOCKER, Path.ECR_API, false,
                    "pull.req.authToken"),
            new Requirement("ecr:BatchGetImage", Scope.REPOSITORY, Severity.BLOCKER, Path.ECR_DKR, true,
                    "pull.req.batchGetImage"),
            new Requirement("ecr:GetDownloadUrlForLayer", Scope.REPOSITORY, Severity.BLOCKER, Path.ECR_DKR, true,
                    "pull.req.downloadUrl"),
            new Requirement("ecr:BatchCheckLayerAvailability", Scope.REPOSITORY, Severity.WARNING, Path.ECR_DKR, true,
                    "pull.req.checkLayer"));
    /** Behind VPC endpoints: the layer bucket through the S3 gateway endpoint policy. */
    public static final Requirement S3_LAYERS = new Requirement("s3:GetObject", Scope.LAYER_BUCKET, Severity.BLOCKER,
            Path.S3_GATEWAY, false, "pull.req.s3Layers");
    /** Pull-through cache repositories. */
    public static final Requirement IMPORT_UPSTREAM = new Requirement("ecr:BatchImportUpstreamImage", Scope.REPOSITORY,
            Severity.BLOCKER, Path.ECR_DKR, true, "pull.req.importUpstream");
    public static final Requirement CREATE_REPOSITORY = new Requirement("ecr:CreateRepository", Scope.REPOSITORY,
            Severity.BLOCKER, Path.ECR_DKR, false, "pull.req.createRepository");

    /** Name of the synthetic identity used for the presigned S3 layer download. */
    static final String PRESIGNED = "(ECR presigned layer URL)";

    private final PolicyEvaluator evaluator;

    public KubeletPull() {
        this(new PolicyEvaluator());
    }

    public KubeletPull(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The requirements that apply to one pull. */
    public static List<Requirement> requirements(PullCheck check) {
        List<Requirement> out = new ArrayList<>(BASE);
        if (check.pullThroughCache()) {
            out.add(IMPORT_UPSTREAM);
            if (!check.repositoryExists()) {
                out.add(CREATE_REPOSITORY);
            }
        }
        if (check.viaVpcEndpoints()) {
            out.add(S3_LAYERS);
        }
        return out;
    }

    /** The blocking base requirements: GetAuthorizationToken, BatchGetImage, GetDownloadUrlForLayer. */
    public static List<Requirement> blockers() {
        return BASE.stream().filter(r -> r.severity() == Severity.BLOCKER).toList();
    }

    /** Every action the kubelet asks of the repository (warnings included), as a repository policy sees them. */
    public static List<String> repositoryActions() {
        return BASE.stream().filter(r -> r.scope() == Scope.REPOSITORY).map(Requirement::action).toList();
    }

    /** The blocking requirements whose calls go through one VPC endpoint path. */
    public static List<Requirement> through(Path path) {
        List<Requirement> all = new ArrayList<>(BASE);
        all.add(S3_LAYERS);
        return all.stream().filter(r -> r.path() == path && r.severity() == Severity.BLOCKER).toList();
    }

    /** The resource one requirement is asked on: {@code *}, the repository, or the region's layer bucket. */
    public static String resource(Requirement r, String repositoryArn, String region) {
        return switch (r.scope()) {
            case ANY -> "*";
            case REPOSITORY -> repositoryArn;
            case LAYER_BUCKET -> layerBucketObjects(region);
        };
    }

    /** The layer bucket ARN pattern for a region: {@code arn:aws:s3:::prod-REGION-starport-layer-bucket/*}. */
    public static String layerBucketObjects(String region) {
        return "arn:aws:s3:::prod-" + region + "-starport-layer-bucket/*";
    }

    public PullVerdict check(PullCheck c) {
        List<RequirementResult> results = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (NamedPolicy p : c.identityPolicies()) {
            ManagedPolicies.byArn(p.name()).or(() -> ManagedPolicies.recognise(p.document()))
                    .ifPresent(m -> notes.add(new Note(Severity.INFO, "pull.managedPolicy", List.of(m.name(), p.name()))));
        }
        Verdict verdict = Verdict.YES;
        for (Requirement req : requirements(c)) {
            EvaluationResult r = evaluate(c, req);
            String resource = resourceFor(c, req);
            results.add(new RequirementResult(req, resource, r));
            if (req.severity() == Severity.WARNING) {
                if (!r.allowed()) {
                    notes.add(new Note(Severity.WARNING, "pull.checkLayerNotAllowed", List.of(req.action(),
                            r.decision().name())));
                }
                continue;
            }
            if (r.certainlyDenied()) {
                verdict = Verdict.NO;
            } else if (r.decision() == Decision.UNKNOWN && verdict == Verdict.YES) {
                verdict = Verdict.UNKNOWN;
            }
        }
        if (c.viaVpcEndpoints() && c.s3GatewayEndpointPolicies().isEmpty()) {
            notes.add(new Note(Severity.WARNING, "pull.noS3GatewayInfo", List.of(layerBucketObjects(c.region()))));
        }
        if (c.kmsEncrypted()) {
            if (Boolean.FALSE.equals(c.kmsKeyEnabled())) {
                verdict = Verdict.NO;
                notes.add(new Note(Severity.BLOCKER, "pull.kmsKeyDisabled", List.of()));
            } else if (c.kmsKeyEnabled() == null) {
                notes.add(new Note(Severity.WARNING, "pull.kmsKeyCheck", List.of()));
            }
        }
        return new PullVerdict(verdict, results, notes);
    }

    private static String resourceFor(PullCheck c, Requirement req) {
        return switch (req.scope()) {
            case ANY -> "*";
            case REPOSITORY -> c.repositoryArn();
            case LAYER_BUCKET -> layerBucketObjects(c.region());
        };
    }

    private EvaluationResult evaluate(PullCheck c, Requirement req) {
        String resource = resourceFor(c, req);
        Map<String, List<String>> ctx = new LinkedHashMap<>(c.context());
        String vpce = c.endpointIds().get(req.path());
        if (vpce != null) {
            ctx.put("aws:SourceVpce", List.of(vpce));
        }
        AccessRequest request = new AccessRequest(c.principalArn(), req.action(), resource, ctx, c.contextComplete());
        List<NamedPolicy> endpoints = c.viaVpcEndpoints() ? switch (req.path()) {
            case ECR_API -> c.ecrApiEndpointPolicies();
            case ECR_DKR -> c.ecrDkrEndpointPolicies();
            case S3_GATEWAY -> c.s3GatewayEndpointPolicies();
        } : List.of();
        if (req.path() == Path.S3_GATEWAY) {
            PolicyDocument presigned = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"s3:GetObject\",\"Resource\":\"" + layerBucketObjects(c.region()) + "\"}]}");
            PolicySet set = new PolicySet(List.of(NamedPolicy.identity(PRESIGNED, presigned)), null, null, List.of(),
                    endpoints);
            EvaluationResult r = evaluator.evaluate(request, set);
            List<StatementRef> refs = r.statements().stream().filter(s -> !PRESIGNED.equals(s.policyName())).toList();
            return new EvaluationResult(r.decision(), refs, r.reasonCode(), r.reasonArgs(), r.possible());
        }
        NamedPolicy repo = req.resourcePolicyApplies() && c.repositoryPolicy() != null
                ? NamedPolicy.resource("repository policy", c.repositoryPolicy()) : null;
        PolicySet set = new PolicySet(c.identityPolicies(), repo, c.permissionsBoundary(), c.scps(), endpoints);
        EvaluationResult r = evaluator.evaluate(request, set);
        boolean registryApplies = c.registryPolicy() != null
                && (req == IMPORT_UPSTREAM || req == CREATE_REPOSITORY);
        if (registryApplies && r.decision() != Decision.EXPLICIT_DENY) {
            EvaluationResult viaRegistry = evaluator.evaluate(request,
                    set.withResourcePolicy(NamedPolicy.resource("registry policy", c.registryPolicy())));
            if (viaRegistry.decision() == Decision.EXPLICIT_DENY || viaRegistry.decision() == Decision.ALLOW) {
                return viaRegistry;
            }
        }
        return r;
    }

    /** Everything one pull check needs. Build with {@link #builder(String, String)}. */
    public record PullCheck(String principalArn, String repositoryArn, List<NamedPolicy> identityPolicies,
                            PolicyDocument repositoryPolicy, PolicyDocument registryPolicy,
                            NamedPolicy permissionsBoundary, List<NamedPolicy> scps, boolean viaVpcEndpoints,
                            List<NamedPolicy> ecrApiEndpointPolicies, List<NamedPolicy> ecrDkrEndpointPolicies,
                            List<NamedPolicy> s3GatewayEndpointPolicies, Map<Path, String> endpointIds,
                            Map<String, List<String>> context, boolean contextComplete, boolean pullThroughCache,
                            boolean repositoryExists, boolean kmsEncrypted, Boolean kmsKeyEnabled) {

        /** Region from the repository ARN ({@code arn:aws:ecr:REGION:ACCOUNT:repository/NAME}). */
        public String region() {
            String[] p = repositoryArn.split(":", 6);
            return p.length == 6 ? p[3] : "";
        }
    }

    /**
     * @param principalArn  the kubelet's identity: the node role ARN or its session
     *                      ({@code arn:aws:sts::A:assumed-role/ROLE/i-...})
     * @param repositoryArn {@code arn:aws:ecr:REGION:ACCOUNT:repository/NAME}
     */
    public static Builder builder(String principalArn, String repositoryArn) {
        return new Builder(principalArn, repositoryArn);
    }

    /** Repository ARN from its parts. */
    public static String repositoryArn(String region, String account, String repositoryName) {
        return "arn:aws:ecr:" + region + ":" + account + ":repository/" + repositoryName;
    }

    public static final class Builder {
        private final String principalArn;
        private final String repositoryArn;
        private final List<NamedPolicy> identity = new ArrayList<>();
        private PolicyDocument repositoryPolicy;
        private PolicyDocument registryPolicy;
        private NamedPolicy boundary;
        private final List<NamedPolicy> scps = new ArrayList<>();
        private boolean viaVpcEndpoints;
        private final List<NamedPolicy> api = new ArrayList<>();
        private final List<NamedPolicy> dkr = new ArrayList<>();
        private final List<NamedPolicy> s3 = new ArrayList<>();
        private final Map<Path, String> endpointIds = new EnumMap<>(Path.class);
        private final Map<String, List<String>> context = new LinkedHashMap<>();
        private boolean contextComplete = false;
        private boolean pullThroughCache;
        private boolean repositoryExists = true;
        private boolean kmsEncrypted;
        private Boolean kmsKeyEnabled;

        private Builder(String principalArn, String repositoryArn) {
            this.principalArn = principalArn;
            this.repositoryArn = repositoryArn;
        }

        /** An identity policy by name or ARN (a managed ARN such as AmazonEC2ContainerRegistryReadOnly is recognised). */
        public Builder identityPolicy(String nameOrArn, PolicyDocument doc) {
            identity.add(NamedPolicy.identity(nameOrArn, doc));
            return this;
        }

        /** A shipped AWS managed policy by ARN; false if it is not one we ship (fetch its document instead). */
        public boolean managedPolicy(String arn) {
            return ManagedPolicies.byArn(arn).map(m -> identity.add(NamedPolicy.identity(arn, m.document())))
                    .orElse(false);
        }

        public Builder repositoryPolicy(PolicyDocument doc) {
            repositoryPolicy = doc;
            return this;
        }

        public Builder registryPolicy(PolicyDocument doc) {
            registryPolicy = doc;
            return this;
        }

        public Builder permissionsBoundary(String nameOrArn, PolicyDocument doc) {
            boundary = doc == null ? null : new NamedPolicy(PolicyKind.PERMISSIONS_BOUNDARY, nameOrArn, doc);
            return this;
        }

        public Builder scp(String name, PolicyDocument doc) {
            scps.add(new NamedPolicy(PolicyKind.SCP, name, doc));
            return this;
        }

        /** The nodes reach ECR through interface/gateway VPC endpoints. */
        public Builder viaVpcEndpoints(boolean v) {
            viaVpcEndpoints = v;
            return this;
        }

        /** An endpoint's policy (and optionally its id, e.g. {@code vpce-0abc}, used as aws:SourceVpce). */
        public Builder endpointPolicy(Path path, String endpointId, PolicyDocument doc) {
            viaVpcEndpoints = true;
            NamedPolicy p = new NamedPolicy(PolicyKind.VPC_ENDPOINT, endpointId == null ? path.name() : endpointId, doc);
            switch (path) {
                case ECR_API -> api.add(p);
                case ECR_DKR -> dkr.add(p);
                case S3_GATEWAY -> s3.add(p);
            }
            if (endpointId != null) {
                endpointIds.put(path, endpointId);
            }
            return this;
        }

        public Builder context(String key, String... values) {
            context.put(key, List.of(values));
            return this;
        }

        /** true: condition keys not given are absent; false (default): they may exist, so conditions on them are UNKNOWN. */
        public Builder contextComplete(boolean v) {
            contextComplete = v;
            return this;
        }

        public Builder pullThroughCache(boolean ptc, boolean repositoryExists) {
            this.pullThroughCache = ptc;
            this.repositoryExists = repositoryExists;
            return this;
        }

        /** KMS encryption; keyEnabled null when unknown. */
        public Builder kms(boolean encrypted, Boolean keyEnabled) {
            this.kmsEncrypted = encrypted;
            this.kmsKeyEnabled = keyEnabled;
            return this;
        }

        public PullCheck build() {
            return new PullCheck(principalArn, repositoryArn, List.copyOf(identity), repositoryPolicy, registryPolicy,
                    boundary, List.copyOf(scps), viaVpcEndpoints, List.copyOf(api), List.copyOf(dkr), List.copyOf(s3),
                    Map.copyOf(endpointIds), Map.copyOf(context), contextComplete, pullThroughCache, repositoryExists,
                    kmsEncrypted, kmsKeyEnabled);
        }
    }
}
