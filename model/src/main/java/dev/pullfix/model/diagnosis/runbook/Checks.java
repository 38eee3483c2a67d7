package dev.pullfix.model.diagnosis.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.diagnosis.runbook.port.ContainerFacts;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException;
import dev.pullfix.model.diagnosis.runbook.port.CouldNotCheckException.Reason;
import dev.pullfix.model.diagnosis.runbook.port.EcrImageLookup;
import dev.pullfix.model.diagnosis.runbook.port.EcrRepositoryRef;
import dev.pullfix.model.diagnosis.runbook.port.EventFacts;
import dev.pullfix.model.diagnosis.runbook.port.ManifestProbe;
import dev.pullfix.model.diagnosis.runbook.port.NodeNetwork;
import dev.pullfix.model.diagnosis.runbook.port.PodFacts;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.AccessQuestion;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.Decision;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.PolicyDecision;
import dev.pullfix.model.diagnosis.runbook.port.PolicyJudge.PolicySource;
import dev.pullfix.model.diagnosis.runbook.port.RoleRef;
import dev.pullfix.model.diagnosis.runbook.port.RolePolicies;
import dev.pullfix.model.diagnosis.runbook.port.SecretFacts;
import dev.pullfix.model.diagnosis.runbook.port.ServiceAccountFacts;
import dev.pullfix.model.diagnosis.runbook.port.VpcEndpointFacts;
import dev.pullfix.model.diagnosis.runbook.port.WorkloadRef;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.InvalidImageReferenceException;
import dev.pullfix.model.image.Registry;
import dev.pullfix.model.image.RegistryKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live checks the runbooks name, by id. Each reads facts through the ports and returns a verdict, a finding
 * (i18n code + args, with the pull-failure category when it found a cause), evidence and fix plans. Read-only.
 */
public final class Checks {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The managed policies that grant what the kubelet needs to pull from private ECR. */
    static final String READ_ONLY_ARN = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";
    static final String PULL_ONLY_ARN = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly";
    /** Documents of well-known managed policies, used when the adapter could not read a default version. */
    static final Map<String, String> KNOWN_MANAGED = Map.of(
            READ_ONLY_ARN, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                    + "\"ecr:GetAuthorizationToken\",\"ecr:BatchCheckLayerAvailability\",\"ecr:GetDownloadUrlForLayer\","
                    + "\"ecr:GetRepositoryPolicy\",\"ecr:DescribeRepositories\",\"ecr:ListImages\",\"ecr:DescribeImages\","
                    + "\"ecr:BatchGetImage\",\"ecr:GetLifecyclePolicy\",\"ecr:GetLifecyclePolicyPreview\","
                    + "\"ecr:ListTagsForResource\",\"ecr:DescribeImageScanFindings\"],\"Resource\":\"*\"}]}",
            PULL_ONLY_ARN, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                    + "\"ecr:GetAuthorizationToken\",\"ecr:BatchCheckLayerAvailability\",\"ecr:GetDownloadUrlForLayer\","
                    + "\"ecr:BatchGetImage\",\"ecr:BatchImportUpstreamImage\"],\"Resource\":\"*\"}]}");
    static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    static final List<String> PULL_ACTIONS = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");

    private static final Map<String, Check> ALL = new LinkedHashMap<>();

    static {
        ALL.put("pod.status", Checks::podStatus);
        ALL.put("pod.events", Checks::podEvents);
        ALL.put("pod.image", Checks::podImage);
        ALL.put("pod.pull-secrets", Checks::podPullSecrets);
        ALL.put("secret.docker-config", Checks::secretDockerConfig);
        ALL.put("registry.needs-credentials", Checks::registryNeedsCredentials);
        ALL.put("registry.manifest", Checks::registryManifest);
        ALL.put("registry.rate-limit", Checks::registryRateLimit);
        ALL.put("ecr.image", Checks::ecrImage);
        ALL.put("ecr.repository-policy", Checks::ecrRepositoryPolicy);
        ALL.put("iam.node-role-policies", Checks::nodeRolePolicies);
        ALL.put("k8s.irsa", Checks::irsa);
        ALL.put("aws.node-network", Checks::nodeNetwork);
        ALL.put("aws.vpc-endpoints", Checks::vpcEndpoints);
        ALL.put("aws.vpc-endpoint-policy", Checks::vpcEndpointPolicy);
        ALL.put("manual.node-shell", Checks::nodeShell);
        ALL.put("workload.restart", Checks::workloadRestart);
        ALL.put("workload.pods-ready", Checks::workloadPodsReady);
    }

    private Checks() {
    }

    /** Every check id, in a stable order. */
    public static Set<String> ids() {
        return Collections.unmodifiableSet(ALL.keySet());
    }

    public static Optional<Check> byId(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    // ------------------------------------------------------------------------------------------ cluster side

    static CheckOutcome podStatus(Facts f) throws CouldNotCheckException {
        PodFacts p = f.pod();
        int restarts = p.containers().stream().mapToInt(ContainerFacts::restarts).sum();
        Evidence table = Evidence.table(Show.TABLE, "evidence.pods", List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                List.of(List.of(p.name(), p.readyColumn(), p.statusColumn(), Integer.toString(restarts),
                        age(p.created(), f))));
        Optional<ContainerFacts> failing = p.containers().stream().filter(ContainerFacts::pullFailing).findFirst();
        if (failing.isPresent()) {
            return CheckOutcome.problem(Finding.of("podWaiting", p.name(), failing.get().waitingReason(),
                    failing.get().name())).evidence(table).build();
        }
        boolean allReady = p.containers().stream().filter(c -> !c.init()).allMatch(ContainerFacts::ready);
        return CheckOutcome.ok(Finding.of(allReady ? "podRunning" : "podNotPulling", p.name(), p.statusColumn()))
                .evidence(table).build();
    }

    static CheckOutcome podEvents(Facts f) throws CouldNotCheckException {
        List<EventFacts> events = new ArrayList<>(f.events());
        events.sort((a, b) -> compareInstants(a.lastSeen(), b.lastSeen()));
        Evidence table = Evidence.table(Show.EVENTS_TABLE, "evidence.events",
                List.of("Type", "Reason", "Age", "From", "Message"),
                events.stream().map(e -> List.of(nz(e.type()), nz(e.reason()), eventAge(e, f), nz(e.source()),
                        nz(e.message()))).toList());
        List<EventFacts> failures = f.pullFailureEvents();
        if (!failures.isEmpty()) {
            String category = f.symptom().orElse("OTHER");
            return CheckOutcome.problem(Finding.cause(category, "eventsShowPullFailure", category))
                    .evidence(table).build();
        }
        Optional<String> fromWaiting = f.waitingMessageSymptom();
        Evidence waiting = Evidence.text(Show.TEXT, "evidence.waitingMessage", nz(f.container().waitingMessage()));
        if (fromWaiting.isPresent()) {
            return CheckOutcome.problem(Finding.cause(fromWaiting.get(), "waitingMessageShowsPullFailure",
                    fromWaiting.get())).evidence(table.rows().isEmpty() ? null : table).evidence(waiting).build();
        }
        return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.EVENTS_GONE,
                events.isEmpty() ? "no events" : "no Failed to pull image event"))
                .withEvidence(events.isEmpty() ? List.of(waiting) : List.of(table, waiting));
    }

    static CheckOutcome podImage(Facts f) throws CouldNotCheckException {
        PodFacts p = f.pod();
        ContainerFacts c = f.container();
        Evidence spec = Evidence.table(Show.TABLE, "evidence.containerImages", List.of("CONTAINER", "IMAGE"),
                p.containers().stream().map(x -> List.of(x.name(), nz(x.image()))).toList());
        ImageReference ref;
        try {
            ref = ImageReference.parse(c.image());
        } catch (InvalidImageReferenceException e) {
            return CheckOutcome.problem(Finding.cause("INVALID_IMAGE_NAME", "invalidImage", nz(c.image()),
                            e.reason().name()))
                    .evidence(spec)
                    .fix(new FixPlan(FixKind.IMAGE_REFERENCE_CHANGE, "fix.imageReferenceChange",
                            List.of(c.name(), nz(c.image())), workloadTarget(p), Map.of("container", c.name(),
                            "currentImage", nz(c.image()))))
                    .build();
        }
        Registry r = ref.registry();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("image", ref.normalized()));
        rows.add(List.of("registry", r.host() + " (" + r.kind() + ")"));
        if (r.isEcrPrivate()) {
            rows.add(List.of("account", r.account()));
            rows.add(List.of("region", r.region()));
        }
        rows.add(List.of("repository", ref.repository()));
        rows.add(List.of(ref.digest() != null ? "digest" : "tag", ref.digest() != null ? ref.digest() : ref.tag()));
        return CheckOutcome.ok(Finding.of(r.isEcrPrivate() ? "imageIsEcr" : "imageParsed", ref.normalized(),
                        r.kind().name()))
                .evidence(spec).evidence(Evidence.table(Show.TEXT, "evidence.imageParts", List.of("", ""), rows))
                .build();
    }

    /** Pull secrets the pod references, and whether one of them holds credentials for the image's registry. */
    static CheckOutcome podPullSecrets(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        if (ref.registry().isEcrPrivate()) {
            return CheckOutcome.skipped(Finding.of("ecrUsesNodeRole", ref.domain())).build();
        }
        PodFacts p = f.pod();
        Optional<ServiceAccountFacts> sa = f.serviceAccount();
        List<List<String>> rows = new ArrayList<>();
        p.imagePullSecrets().forEach(s -> rows.add(List.of("pod", s)));
        sa.ifPresent(a -> a.imagePullSecrets().forEach(s -> rows.add(List.of("serviceaccount/" + a.name(), s))));
        Evidence ev = Evidence.table(Show.TABLE, "evidence.pullSecretRefs", List.of("FROM", "SECRET"), rows);
        if (!p.imagePullSecrets().isEmpty()) {
            return CheckOutcome.ok(Finding.of("podReferencesPullSecrets", String.join(", ", p.imagePullSecrets())))
                    .evidence(ev).build();
        }
        if (sa.isPresent() && !sa.get().imagePullSecrets().isEmpty()) {
            // the service account admission plugin copies them at pod creation: this pod was created before
            return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "serviceAccountSecretsAddedLater",
                            sa.get().name(), String.join(", ", sa.get().imagePullSecrets())))
                    .evidence(ev)
                    .fix(restartPlan(p))
                    .build();
        }
        String secret = suggestedSecretName(ref);
        return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "podHasNoPullSecret", ref.domain()))
                .evidence(ev)
                .fix(addPullSecretPlan(p, secret))
                .build();
    }

    /** Whether a secret with credentials for the image's registry exists (the referenced ones first). */
    static CheckOutcome secretDockerConfig(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        if (ref.registry().isEcrPrivate()) {
            return CheckOutcome.skipped(Finding.of("ecrUsesNodeRole", ref.domain())).build();
        }
        PodFacts p = f.pod();
        List<String> names = new ArrayList<>(p.imagePullSecrets());
        f.serviceAccount().ifPresent(sa -> sa.imagePullSecrets().stream().filter(n -> !names.contains(n)).forEach(names::add));
        List<List<String>> rows = new ArrayList<>();
        String missing = null;
        String wrong = null;
        for (String n : names) {
            Optional<SecretFacts> s = f.secret(n);
            if (s.isEmpty()) {
                rows.add(List.of(n, "-", "-", "missing"));
                missing = missing == null ? n : missing;
                continue;
            }
            boolean covers = s.get().isDockerConfig() && covers(s.get(), ref);
            rows.add(List.of(n, nz(s.get().type()), String.join(" ", new java.util.TreeSet<>(s.get().registries())),
                    covers ? "ok" : "no entry for " + ref.domain()));
            if (covers) {
                return CheckOutcome.ok(Finding.of("pullSecretCoversRegistry", n, ref.domain()))
                        .evidence(Evidence.table(Show.TABLE, "evidence.pullSecrets", List.of("NAME", "TYPE", "REGISTRIES", "STATUS"), rows))
                        .build();
            }
            wrong = wrong == null ? n : wrong;
        }
        Evidence ev = Evidence.table(Show.TABLE, "evidence.pullSecrets", List.of("NAME", "TYPE", "REGISTRIES", "STATUS"), rows);
        String name = missing != null ? missing : wrong != null ? wrong : suggestedSecretName(ref);
        Finding finding = missing != null
                ? Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "pullSecretMissing", missing)
                : wrong != null ? Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "pullSecretWrongRegistry", wrong, ref.domain())
                : Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "noPullSecretForRegistry", ref.domain());
        return CheckOutcome.problem(finding).evidence(ev).fix(createSecretPlan(f.namespace(), name, ref)).build();
    }

    /** "Am I using a private registry?" (seed 001). */
    static CheckOutcome registryNeedsCredentials(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        Registry r = ref.registry();
        if (r.isEcrPrivate()) {
            return CheckOutcome.skipped(Finding.of("ecrUsesNodeRole", ref.domain())).build();
        }
        if (isPublicRegistry(r)) {
            return CheckOutcome.skipped(Finding.of("publicRegistry", ref.domain(), ref.familiar())).build();
        }
        PodFacts p = f.pod();
        for (String n : p.imagePullSecrets()) {
            Optional<SecretFacts> s = f.secret(n);
            if (s.isPresent() && s.get().isDockerConfig() && covers(s.get(), ref)) {
                return CheckOutcome.ok(Finding.of("privateRegistryHasSecret", ref.domain(), n)).build();
            }
        }
        String secret = suggestedSecretName(ref);
        return CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "privateRegistryNoCredentials",
                        ref.domain()))
                .fix(createSecretPlan(f.namespace(), secret, ref))
                .fix(addPullSecretPlan(p, secret))
                .build();
    }

    // ------------------------------------------------------------------------------------------ registry side

    static CheckOutcome registryManifest(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        if (ref.registry().isEcrPrivate()) {
            return ecrImage(f);
        }
        PodFacts p = f.pod();
        ManifestProbe probe = f.probe(p.imagePullSecrets());
        String url = "https://" + (ref.domain().equals(Registry.DOCKER_HUB_DOMAIN) ? "registry-1.docker.io" : ref.domain())
                + "/v2/" + ref.repository() + "/manifests/" + (ref.digest() != null ? ref.digest() : ref.tag());
        Evidence ev = Evidence.text(Show.TEXT, "evidence.manifestProbe", "HEAD " + url + " -> "
                + (probe.httpStatus() == 0 ? probe.status().name() : Integer.toString(probe.httpStatus()))
                + (probe.authenticated() ? " (with pull secret)" : " (anonymous)")
                + (probe.detail() == null ? "" : "\n" + probe.detail()));
        return switch (probe.status()) {
            case FOUND -> CheckOutcome.ok(Finding.of("registryHasImage", ref.familiar())).evidence(ev).build();
            case TAG_NOT_FOUND -> CheckOutcome.problem(Finding.cause("TAG_NOT_FOUND", "registryTagMissing",
                            ref.familiar(), nz(ref.tag())))
                    .evidence(ev).fix(tagChangePlan(f, ref, List.of())).build();
            case NOT_FOUND_OR_UNAUTHORIZED -> {
                if (!isPublicRegistry(ref.registry()) && !probe.authenticated()) {
                    // "does not exist or may require authorization" from a private registry, asked without credentials
                    yield CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS", "registryNeedsCredentials",
                            ref.domain())).evidence(ev).build();
                }
                CheckOutcome.Builder b = CheckOutcome.problem(Finding.cause("REPO_NOT_FOUND_OR_NO_AUTH",
                        "registryRepositoryMissingOrPrivate", ref.name())).evidence(ev);
                if (isPublicRegistry(ref.registry())) {
                    ContainerFacts c = f.container();
                    b.fix(new FixPlan(FixKind.IMAGE_REFERENCE_CHANGE, "fix.imageReferenceChange",
                            List.of(c.name(), c.image()), workloadTarget(p),
                            Map.of("container", c.name(), "currentImage", c.image())));
                }
                yield b.build();
            }
            case UNAUTHORIZED -> CheckOutcome.problem(Finding.cause("UNAUTHORIZED_NO_CREDENTIALS",
                            "registryRejectsCredentials", ref.domain()))
                    .evidence(ev)
                    .fix(createSecretPlan(f.namespace(), p.imagePullSecrets().isEmpty() ? suggestedSecretName(ref)
                            : p.imagePullSecrets().get(0), ref))
                    .build();
            case RATE_LIMITED -> CheckOutcome.problem(Finding.cause("RATE_LIMITED", "registryRateLimited",
                    ref.domain())).evidence(ev).build();
            case TIMEOUT -> CheckOutcome.problem(Finding.cause("NETWORK_TIMEOUT", "registryUnreachableFromHere",
                    ref.domain())).evidence(ev).build();
            case DNS_FAILURE -> CheckOutcome.problem(Finding.cause("DNS_FAILURE", "registryUnreachableFromHere",
                    ref.domain())).evidence(ev).build();
            case TLS_ERROR -> CheckOutcome.problem(Finding.cause("TLS_CERTIFICATE", "registryUnreachableFromHere",
                    ref.domain())).evidence(ev).build();
            case ERROR -> CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.ERROR, probe.detail()))
                    .withEvidence(List.of(ev));
        };
    }

    static CheckOutcome registryRateLimit(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        if (ref.registry().kind() != RegistryKind.DOCKER_HUB) {
            return CheckOutcome.skipped(Finding.of("notDockerHub", ref.domain())).build();
        }
        PodFacts p = f.pod();
        String hubSecret = null;
        for (String n : p.imagePullSecrets()) {
            Optional<SecretFacts> s = f.secret(n);
            if (s.isPresent() && s.get().isDockerConfig() && covers(s.get(), ref)) {
                hubSecret = n;
            }
        }
        ManifestProbe probe = null;
        try {
            probe = f.probe(p.imagePullSecrets());
        } catch (CouldNotCheckException e) {
            // the probe is optional here: the verdict also stands on the pull secrets and the events
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("authenticated pulls", hubSecret == null ? "no (anonymous, limit per source IP)" : "yes (" + hubSecret + ")"));
        if (probe != null && probe.rateLimitLimit() != null) {
            rows.add(List.of("ratelimit-remaining / ratelimit-limit", probe.rateLimitRemaining() + " / " + probe.rateLimitLimit()));
        }
        Evidence ev = Evidence.table(Show.TABLE, "evidence.rateLimit", List.of("", ""), rows);
        boolean limitedNow = probe != null && (probe.status() == ManifestProbe.Status.RATE_LIMITED
                || (probe.rateLimitRemaining() != null && probe.rateLimitRemaining() <= 0));
        boolean eventsSayLimited = f.symptom().filter("RATE_LIMITED"::equals).isPresent();
        if (!limitedNow && !eventsSayLimited) {
            return CheckOutcome.ok(Finding.of("rateLimitNotHit", ref.domain())).evidence(ev).build();
        }
        if (hubSecret != null) {
            return CheckOutcome.problem(Finding.cause("RATE_LIMITED", "authenticatedPullsRateLimited", hubSecret))
                    .evidence(ev).fix(mirrorPlan(ref)).build();
        }
        String secret = "dockerhub";
        return CheckOutcome.problem(Finding.cause("RATE_LIMITED", "anonymousPullsRateLimited", ref.domain()))
                .evidence(ev)
                .fix(createSecretPlan(f.namespace(), secret, ref))
                .fix(addPullSecretPlan(p, secret))
                .fix(mirrorPlan(ref))
                .build();
    }

    static CheckOutcome ecrImage(Facts f) throws CouldNotCheckException {
        ImageReference ref = f.image();
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", ref.domain())).build();
        }
        String id = ref.digest() != null ? ref.digest() : ref.tag();
        EcrImageLookup l = f.ecrImage(repo.get(), id);
        String idText = ref.digest() != null ? "imageDigest=" + ref.digest() : "imageTag=" + ref.tag();
        switch (l.status()) {
            case FOUND: {
                return CheckOutcome.ok(Finding.of("ecrImageFound", repo.get().name(), id, l.detail().imageDigest()))
                        .evidence(Evidence.text(Show.JSON, "evidence.describeImages", describeImagesJson(l.detail())))
                        .build();
            }
            case IMAGE_NOT_FOUND: {
                String text = "An error occurred (ImageNotFoundException) when calling the DescribeImages operation: "
                        + "The image with imageId {" + idText + "} does not exist within the repository with name '"
                        + repo.get().name() + "' in the registry with id '" + repo.get().account() + "'";
                CheckOutcome.Builder b = CheckOutcome.problem(Finding.cause("TAG_NOT_FOUND", "ecrTagMissing",
                                repo.get().name(), id, String.join(", ", l.recentTags())))
                        .evidence(Evidence.text(Show.TEXT, "evidence.describeImages", text));
                if (!l.recentTags().isEmpty()) {
                    b.evidence(Evidence.table(Show.TABLE, "evidence.recentTags", List.of("TAG"),
                            l.recentTags().stream().map(List::of).toList()));
                    b.fix(tagChangePlan(f, ref, l.recentTags()));
                }
                b.fix(new FixPlan(FixKind.MANUAL, "fix.pushImage", List.of(ref.normalized()),
                        new FixPlan.Target("EcrRepository", repo.get().name(), repo.get().account() + "/" + repo.get().region()),
                        Map.of("image", ref.normalized())));
                return b.build();
            }
            default: {
                String text = "An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: "
                        + "The repository with name '" + repo.get().name() + "' does not exist in the registry with id '"
                        + repo.get().account() + "'";
                ContainerFacts c = f.container();
                return CheckOutcome.problem(Finding.cause("REPO_NOT_FOUND_OR_NO_AUTH", "ecrRepositoryMissing",
                                repo.get().name(), repo.get().account(), repo.get().region()))
                        .evidence(Evidence.text(Show.TEXT, "evidence.describeImages", text))
                        .fix(new FixPlan(FixKind.IMAGE_REFERENCE_CHANGE, "fix.imageReferenceChange",
                                List.of(c.name(), c.image()), workloadTarget(f.pod()),
                                Map.of("container", c.name(), "currentImage", c.image())))
                        .build();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ IAM

    /** The kubelet's identity: the node role's session, as it appears to ECR. */
    static String sessionArn(RoleRef role, Facts f) throws CouldNotCheckException {
        String account = role.account();
        String session = f.node().flatMap(n -> n.instanceId()).orElse("kubelet");
        String partition = role.arn().split(":").length > 1 ? role.arn().split(":")[1] : "aws";
        return "arn:" + partition + ":sts::" + account + ":assumed-role/" + role.name() + "/" + session;
    }

    /** @param unreadable attached policies whose document could not be read (and that Pullfix does not know) */
    record IdentityPull(RoleRef role, RolePolicies policies, Map<String, PolicyDecision> decisions, List<String> unreadable) {
        boolean allows() {
            return decisions.values().stream().allMatch(d -> d.decision() == Decision.ALLOW);
        }

        boolean undecided() {
            return decisions.values().stream().anyMatch(d -> d.decision() == Decision.UNKNOWN);
        }

        boolean tokenDenied() {
            return decisions.get("ecr:GetAuthorizationToken").decision() != Decision.ALLOW;
        }
    }

    /** Evaluates GetAuthorizationToken + the pull actions against one role's identity policies. */
    static IdentityPull identityPull(Facts f, RoleRef role, EcrRepositoryRef repo) throws CouldNotCheckException {
        RolePolicies rp = f.rolePolicies(role.name());
        List<PolicySource> sources = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (RolePolicies.Attached a : rp.attached()) {
            String doc = a.document() != null ? a.document() : KNOWN_MANAGED.get(a.policyArn());
            if (doc != null) {
                sources.add(new PolicySource(a.policyArn(), PolicySource.Kind.IDENTITY, doc));
            } else {
                unreadable.add(a.policyArn());
            }
        }
        rp.inline().forEach(i -> sources.add(new PolicySource(i.policyName(), PolicySource.Kind.IDENTITY, i.document())));
        String principal = sessionArn(role, f);
        Map<String, PolicyDecision> decisions = new LinkedHashMap<>();
        PolicyJudge judge = f.ports().judge();
        decisions.put("ecr:GetAuthorizationToken", judge.judge(new AccessQuestion(principal, "ecr:GetAuthorizationToken", "*"), sources));
        for (String action : PULL_ACTIONS) {
            decisions.put(action, judge.judge(new AccessQuestion(principal, action, repo.arn()), sources));
        }
        return new IdentityPull(role, rp, decisions, unreadable);
    }

    static CheckOutcome nodeRolePolicies(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        RoleRef role = f.nodeRole().orElseThrow(() ->
                CouldNotCheckException.of(Reason.NOT_FOUND, "node role not resolved"));
        IdentityPull pull = identityPull(f, role, repo.get());
        List<Evidence> ev = identityEvidence(pull);
        if (pull.undecided()) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.ERROR, "policy evaluation undecided"))
                    .withEvidence(ev);
        }
        if (pull.allows()) {
            return CheckOutcome.ok(Finding.of("nodeRoleAllowsPull", role.name())).build().withEvidence(ev);
        }
        if (!pull.unreadable().isEmpty()) {
            // a policy we could not read may grant what the readable ones do not: do not guess
            return CheckOutcome.couldNotCheck(CouldNotCheckException.accessDenied("iam:GetPolicyVersion",
                    "policy documents not readable: " + String.join(", ", pull.unreadable()))).withEvidence(ev);
        }
        List<String> denied = pull.decisions().entrySet().stream().filter(e -> e.getValue().decision() != Decision.ALLOW)
                .map(Map.Entry::getKey).toList();
        String cause = pull.tokenDenied() ? "ECR_TOKEN_OR_AUTH" : "FORBIDDEN_POLICY";
        Optional<PolicyJudge.DecidingStatement> explicit = pull.decisions().values().stream()
                .filter(d -> d.decision() == Decision.EXPLICIT_DENY).flatMap(d -> d.deciding().stream()).findFirst();
        if (explicit.isPresent()) {
            return CheckOutcome.problem(Finding.cause(cause, "nodeRoleDeniesEcr", role.name(), explicit.get().policyName(),
                            nz(explicit.get().sid())))
                    .fix(new FixPlan(FixKind.MANUAL, "fix.editIdentityPolicy",
                            List.of(explicit.get().policyName(), nz(explicit.get().sid()), role.name()),
                            new FixPlan.Target("IamRole", role.name(), role.account()),
                            Map.of("policy", explicit.get().policyName(), "sid", nz(explicit.get().sid()))))
                    .build().withEvidence(ev);
        }
        return CheckOutcome.problem(Finding.cause(cause, "nodeRoleLacksEcrPull", role.name(), String.join(", ", denied)))
                .fix(attachReadOnlyPlan(role))
                .build().withEvidence(ev);
    }

    static CheckOutcome irsa(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        Optional<ServiceAccountFacts> sa = f.serviceAccount();
        String saName = f.pod().serviceAccount();
        if (sa.isEmpty() || sa.get().roleArn() == null || sa.get().roleArn().isBlank()) {
            return CheckOutcome.ok(Finding.of("irsaNotUsed", saName)).build();
        }
        RoleRef irsaRole = RoleRef.ofArn(sa.get().roleArn(), "eks.amazonaws.com/role-arn");
        Evidence ann = Evidence.table(Show.TABLE, "evidence.serviceAccount", List.of("SERVICE ACCOUNT", "eks.amazonaws.com/role-arn"),
                List.of(List.of(saName, sa.get().roleArn())));
        IdentityPull irsaPull = identityPull(f, irsaRole, repo.get());
        Optional<IdentityPull> nodePull = Optional.empty();
        try {
            RoleRef nodeRole = f.nodeRole().orElse(null);
            if (nodeRole != null) {
                nodePull = Optional.of(identityPull(f, nodeRole, repo.get()));
            }
        } catch (CouldNotCheckException e) {
            // the node role side is reported by its own step
        }
        List<Evidence> ev = new ArrayList<>();
        ev.add(ann);
        ev.addAll(identityEvidence(irsaPull));
        if (nodePull.isPresent() && !nodePull.get().allows() && !nodePull.get().undecided() && irsaPull.allows()) {
            RoleRef nodeRole = nodePull.get().role();
            return CheckOutcome.problem(Finding.cause(nodePull.get().tokenDenied() ? "ECR_TOKEN_OR_AUTH" : "FORBIDDEN_POLICY",
                            "irsaNotUsedForPulls", saName, irsaRole.name(), nodeRole.name()))
                    .fix(attachReadOnlyPlan(nodeRole))
                    .build().withEvidence(ev);
        }
        return CheckOutcome.ok(Finding.of("irsaIrrelevantForPulls", saName, irsaRole.name())).build().withEvidence(ev);
    }

    static CheckOutcome ecrRepositoryPolicy(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        Optional<String> policy = f.repositoryPolicy(repo.get());
        RoleRef role = null;
        try {
            role = f.nodeRole().orElse(null);
        } catch (CouldNotCheckException e) {
            // without the node role we can still show the policy and flag denies for anyone
        }
        boolean crossAccount = role != null && role.account() != null && !role.account().equals(repo.get().account());
        if (policy.isEmpty()) {
            String text = "An error occurred (RepositoryPolicyNotFoundException) when calling the GetRepositoryPolicy "
                    + "operation: Repository policy does not exist for the repository with name '" + repo.get().name()
                    + "' in the registry with id '" + repo.get().account() + "'";
            Evidence ev = Evidence.text(Show.TEXT, "evidence.repositoryPolicy", text);
            if (crossAccount) {
                return CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "crossAccountNeedsRepositoryPolicy",
                                repo.get().name(), role.account()))
                        .evidence(ev).fix(repoPolicyPlan(repo.get(), null, null, role)).build();
            }
            return CheckOutcome.ok(Finding.of("noRepositoryPolicy", repo.get().name())).evidence(ev).build();
        }
        Evidence policyEv = Evidence.text(Show.JSON, "evidence.repositoryPolicy", pretty(policy.get()));
        if (role == null) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.NOT_FOUND, "node role not resolved"))
                    .withEvidence(List.of(policyEv));
        }
        String principal = sessionArn(role, f);
        List<PolicySource> src = List.of(new PolicySource("repository policy " + repo.get().name(),
                PolicySource.Kind.RESOURCE, policy.get()));
        List<List<String>> rows = new ArrayList<>();
        PolicyJudge.DecidingStatement denying = null;
        boolean anyAllow = false;
        boolean unknown = false;
        for (String action : List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability")) {
            PolicyDecision d = f.ports().judge().judge(new AccessQuestion(principal, action, repo.get().arn()), src);
            rows.add(List.of(action, d.decision().name(), d.deciding().isEmpty() ? "" : nz(d.deciding().get(0).sid())));
            if (d.decision() == Decision.EXPLICIT_DENY && denying == null && !d.deciding().isEmpty()) {
                denying = d.deciding().get(0);
            }
            anyAllow |= d.decision() == Decision.ALLOW;
            unknown |= d.decision() == Decision.UNKNOWN;
        }
        List<Evidence> ev = new ArrayList<>();
        ev.add(policyEv);
        ev.add(Evidence.table(Show.POLICY_STATEMENTS, "evidence.policyDecisions", List.of("ACTION", "DECISION", "STATEMENT"), rows));
        if (denying != null) {
            if (denying.json() != null) {
                ev.add(Evidence.text(Show.POLICY_STATEMENTS, "evidence.decidingStatement", denying.json()));
            }
            return CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "repositoryPolicyDenies", repo.get().name(),
                            nz(denying.sid()), role.name()))
                    .fix(repoPolicyPlan(repo.get(), policy.get(), denying.sid(), role))
                    .build().withEvidence(ev);
        }
        if (unknown) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.ERROR, "policy evaluation undecided"))
                    .withEvidence(ev);
        }
        if (crossAccount && !anyAllow) {
            return CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "crossAccountNeedsRepositoryPolicy",
                            repo.get().name(), role.account()))
                    .fix(repoPolicyPlan(repo.get(), policy.get(), null, role)).build().withEvidence(ev);
        }
        return CheckOutcome.ok(Finding.of(anyAllow ? "repositoryPolicyAllows" : "repositoryPolicyNeutral",
                repo.get().name(), role.name())).build().withEvidence(ev);
    }

    // ------------------------------------------------------------------------------------------ network

    static CheckOutcome nodeNetwork(Facts f) throws CouldNotCheckException {
        NodeNetwork n = f.nodeNetwork().orElseThrow(() ->
                CouldNotCheckException.of(Reason.NOT_FOUND, "node network not resolved"));
        Evidence ev = Evidence.table(Show.TABLE, "evidence.nodeNetwork", List.of("", ""), List.of(
                List.of("instance", nz(n.instanceId())), List.of("vpc", nz(n.vpcId())), List.of("subnet", nz(n.subnetId())),
                List.of("security groups", String.join(", ", n.securityGroupIds())),
                List.of("route 0.0.0.0/0 to NAT/IGW", tri(n.routeToInternet())),
                List.of("egress TCP 443", tri(n.egressHttpsAllowed()))));
        if (Boolean.FALSE.equals(n.egressHttpsAllowed())) {
            return CheckOutcome.problem(Finding.cause("NETWORK_TIMEOUT", "nodeEgressBlocked", String.join(", ", n.securityGroupIds())))
                    .evidence(ev)
                    .fix(new FixPlan(FixKind.MANUAL, "fix.allowEgress443", List.of(String.join(", ", n.securityGroupIds())),
                            new FixPlan.Target("SecurityGroup", String.join(",", n.securityGroupIds()), n.region()), Map.of()))
                    .build();
        }
        if (Boolean.FALSE.equals(n.routeToInternet())) {
            Optional<EcrRepositoryRef> repo = f.ecrRepository();
            if (repo.isPresent()) {
                List<String> missing = missingEndpoints(f.vpcEndpoints(n.region(), n.vpcId()), n.region());
                if (missing.isEmpty()) {
                    return CheckOutcome.ok(Finding.of("privateSubnetWithEndpoints", n.subnetId())).evidence(ev).build();
                }
            }
            return CheckOutcome.problem(Finding.cause("NETWORK_TIMEOUT", "nodeNoRouteToRegistry", nz(n.subnetId()),
                            f.image().domain()))
                    .evidence(ev)
                    .fix(new FixPlan(FixKind.MANUAL, "fix.addNatRoute", List.of(nz(n.subnetId())),
                            new FixPlan.Target("Subnet", n.subnetId(), n.region()), Map.of()))
                    .build();
        }
        if (n.routeToInternet() == null || n.egressHttpsAllowed() == null) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.NOT_SUPPORTED, "route or egress unknown"))
                    .withEvidence(List.of(ev));
        }
        return CheckOutcome.ok(Finding.of("nodeHasPathOut", nz(n.subnetId()))).evidence(ev).build();
    }

    static List<String> ecrServiceNames(String region) {
        return List.of("com.amazonaws." + region + ".ecr.api", "com.amazonaws." + region + ".ecr.dkr",
                "com.amazonaws." + region + ".s3");
    }

    static List<String> missingEndpoints(List<VpcEndpointFacts> eps, String region) {
        List<String> missing = new ArrayList<>();
        for (String s : ecrServiceNames(region)) {
            if (eps.stream().noneMatch(e -> e.serviceName().equals(s) && e.available())) {
                missing.add(s);
            }
        }
        return missing;
    }

    static CheckOutcome vpcEndpoints(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        NodeNetwork n = f.nodeNetwork().orElseThrow(() ->
                CouldNotCheckException.of(Reason.NOT_FOUND, "node network not resolved"));
        String region = n.region() != null ? n.region() : repo.get().region();
        List<VpcEndpointFacts> eps = f.vpcEndpoints(region, n.vpcId());
        List<String> wanted = ecrServiceNames(region);
        Evidence ev = Evidence.table(Show.TABLE, "evidence.vpcEndpoints",
                List.of("SERVICE", "ENDPOINT", "TYPE", "STATE", "PRIVATE DNS"),
                eps.stream().filter(e -> wanted.contains(e.serviceName()))
                        .map(e -> List.of(e.serviceName(), e.id(), nz(e.type()), nz(e.state()),
                                "Interface".equalsIgnoreCase(e.type()) ? Boolean.toString(e.privateDnsEnabled()) : "-"))
                        .toList());
        List<String> missing = missingEndpoints(eps, region);
        Optional<VpcEndpointFacts> noDns = eps.stream().filter(e -> wanted.contains(e.serviceName())
                && "Interface".equalsIgnoreCase(e.type()) && !e.privateDnsEnabled() && !e.serviceName().endsWith(".s3")).findFirst();
        if (noDns.isPresent()) {
            return CheckOutcome.problem(Finding.cause("NETWORK_TIMEOUT", "endpointPrivateDnsOff", noDns.get().id()))
                    .evidence(ev)
                    .fix(new FixPlan(FixKind.MANUAL, "fix.enablePrivateDns", List.of(noDns.get().id()),
                            new FixPlan.Target("VpcEndpoint", noDns.get().id(), region), Map.of()))
                    .build();
        }
        if (missing.isEmpty()) {
            return CheckOutcome.ok(Finding.of("vpcEndpointsPresent", n.vpcId())).evidence(ev).build();
        }
        if (Boolean.TRUE.equals(n.routeToInternet())) {
            return CheckOutcome.ok(Finding.of(missing.size() == 3 ? "publicPathToEcr" : "someEndpointsMissingButNat",
                    n.vpcId(), String.join(", ", missing))).evidence(ev).build();
        }
        if (n.routeToInternet() == null) {
            return CheckOutcome.couldNotCheck(CouldNotCheckException.of(Reason.NOT_SUPPORTED, "route unknown"))
                    .withEvidence(List.of(ev));
        }
        return CheckOutcome.problem(Finding.cause("NETWORK_TIMEOUT", "vpcEndpointsMissing", n.vpcId(), String.join(", ", missing)))
                .evidence(ev)
                .fix(new FixPlan(FixKind.VPC_ENDPOINT_CREATE, "fix.createVpcEndpoints", List.of(String.join(", ", missing), n.vpcId()),
                        new FixPlan.Target("Vpc", n.vpcId(), region), Map.of("services", String.join(",", missing))))
                .build();
    }

    static CheckOutcome vpcEndpointPolicy(Facts f) throws CouldNotCheckException {
        Optional<EcrRepositoryRef> repo = f.ecrRepository();
        if (repo.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("notEcr", f.image().domain())).build();
        }
        NodeNetwork n = f.nodeNetwork().orElseThrow(() ->
                CouldNotCheckException.of(Reason.NOT_FOUND, "node network not resolved"));
        String region = n.region() != null ? n.region() : repo.get().region();
        List<VpcEndpointFacts> eps = f.vpcEndpoints(region, n.vpcId()).stream()
                .filter(e -> ecrServiceNames(region).contains(e.serviceName())).toList();
        if (eps.isEmpty()) {
            return CheckOutcome.skipped(Finding.of("noVpcEndpoints", n.vpcId())).build();
        }
        RoleRef role = f.nodeRole().orElseThrow(() -> CouldNotCheckException.of(Reason.NOT_FOUND, "node role not resolved"));
        String principal = sessionArn(role, f);
        List<List<String>> rows = new ArrayList<>();
        List<Evidence> ev = new ArrayList<>();
        for (VpcEndpointFacts e : eps) {
            if (e.policyDocument() == null) {
                continue;
            }
            List<String[]> asks = new ArrayList<>();
            if (e.serviceName().endsWith(".ecr.dkr")) {
                PULL_ACTIONS.forEach(a -> asks.add(new String[] {a, repo.get().arn()}));
            } else if (e.serviceName().endsWith(".ecr.api")) {
                asks.add(new String[] {"ecr:GetAuthorizationToken", "*"});
            } else {
                asks.add(new String[] {"s3:GetObject", "arn:aws:s3:::prod-" + region + "-starport-layer-bucket/*"});
            }
            List<PolicySource> src = List.of(new PolicySource("identity (assumed to allow)", PolicySource.Kind.IDENTITY, ALLOW_ALL),
                    new PolicySource("endpoint policy " + e.id(), PolicySource.Kind.ENDPOINT, e.policyDocument()));
            for (String[] ask : asks) {
                PolicyDecision d = f.ports().judge().judge(new AccessQuestion(principal, ask[0], ask[1]), src);
                String sid = d.deciding().isEmpty() ? "" : nz(d.deciding().get(0).sid());
                rows.add(List.of(e.id(), e.serviceName(), ask[0], d.decision().name(), sid));
                if (d.decision() == Decision.EXPLICIT_DENY || d.decision() == Decision.IMPLICIT_DENY) {
                    ev.add(Evidence.text(Show.JSON, "evidence.endpointPolicy", pretty(e.policyDocument())));
                    ev.add(0, Evidence.table(Show.POLICY_STATEMENTS, "evidence.policyDecisions",
                            List.of("ENDPOINT", "SERVICE", "ACTION", "DECISION", "STATEMENT"), rows));
                    d.deciding().stream().filter(s -> s.json() != null).findFirst().ifPresent(s ->
                            ev.add(Evidence.text(Show.POLICY_STATEMENTS, "evidence.decidingStatement", s.json())));
                    return CheckOutcome.problem(Finding.cause("FORBIDDEN_POLICY", "vpcEndpointPolicyDenies", e.id(),
                                    ask[0], d.decision() == Decision.EXPLICIT_DENY ? sid : "-"))
                            .fix(new FixPlan(FixKind.VPC_ENDPOINT_POLICY_EDIT, "fix.vpcEndpointPolicyEdit",
                                    List.of(e.id(), ask[0], role.name()), new FixPlan.Target("VpcEndpoint", e.id(), region),
                                    Map.of("action", ask[0], "resource", ask[1], "principal", role.arn(), "sid", sid,
                                            "vpc", n.vpcId() == null ? "" : n.vpcId())))
                            .build().withEvidence(ev);
                }
            }
        }
        return CheckOutcome.ok(Finding.of("vpcEndpointPoliciesAllow", n.vpcId())).build()
                .withEvidence(List.of(Evidence.table(Show.POLICY_STATEMENTS, "evidence.policyDecisions",
                        List.of("ENDPOINT", "SERVICE", "ACTION", "DECISION", "STATEMENT"), rows)));
    }

    static CheckOutcome nodeShell(Facts f) throws CouldNotCheckException {
        throw CouldNotCheckException.of(Reason.NEEDS_NODE_SHELL, "run the step's commands on the node");
    }

    // ------------------------------------------------------------------------------------------ workload

    static CheckOutcome workloadRestart(Facts f) throws CouldNotCheckException {
        PodFacts p = f.pod();
        WorkloadRef w = p.owner();
        if (w.restartable()) {
            return CheckOutcome.ok(Finding.of("restartProposed", w.kind(), w.name())).fix(restartPlan(p)).build();
        }
        return CheckOutcome.ok(Finding.of("recreateProposed", w.kind(), w.name()))
                .fix(new FixPlan(FixKind.MANUAL, "fix.recreatePod", List.of(w.kind(), w.name()),
                        new FixPlan.Target(w.kind(), w.name(), f.namespace()), Map.of()))
                .build();
    }

    static CheckOutcome workloadPodsReady(Facts f) throws CouldNotCheckException {
        PodFacts p = f.pod();
        List<PodFacts> pods = f.fetch("workloadPods:" + f.namespace() + "/" + p.owner().kind() + "/" + p.owner().name(),
                () -> f.ports().cluster().workloadPods(f.namespace(), p.owner()));
        Evidence ev = Evidence.table(Show.TABLE, "evidence.pods", List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                pods.stream().map(x -> List.of(x.name(), x.readyColumn(), x.statusColumn(),
                        Integer.toString(x.containers().stream().mapToInt(ContainerFacts::restarts).sum()),
                        age(x.created(), f))).toList());
        boolean allReady = !pods.isEmpty() && pods.stream().allMatch(x -> x.containers().stream()
                .filter(c -> !c.init()).allMatch(ContainerFacts::ready));
        if (allReady) {
            return CheckOutcome.ok(Finding.of("podsRunning", p.owner().kind(), p.owner().name())).evidence(ev).build();
        }
        return CheckOutcome.problem(Finding.of("podsStillFailing", p.owner().kind(), p.owner().name())).evidence(ev).build();
    }

    // ------------------------------------------------------------------------------------------ plans

    static FixPlan.Target workloadTarget(PodFacts p) {
        return new FixPlan.Target(p.owner().kind(), p.owner().name(), p.namespace());
    }

    static FixPlan restartPlan(PodFacts p) {
        return new FixPlan(FixKind.ROLLOUT_RESTART, "fix.rolloutRestart", List.of(p.owner().kind(), p.owner().name()),
                workloadTarget(p), Map.of());
    }

    static FixPlan createSecretPlan(String namespace, String name, ImageReference ref) {
        String server = ref.registry().kind() == RegistryKind.DOCKER_HUB ? "https://index.docker.io/v1/" : ref.domain();
        return new FixPlan(FixKind.CREATE_PULL_SECRET, "fix.createPullSecret", List.of(name, server),
                new FixPlan.Target("Secret", name, namespace), Map.of("type", "kubernetes.io/dockerconfigjson",
                "server", server));
    }

    static FixPlan addPullSecretPlan(PodFacts p, String secret) {
        return new FixPlan(FixKind.ADD_IMAGE_PULL_SECRET, "fix.addImagePullSecret",
                List.of(secret, p.owner().kind(), p.owner().name()), workloadTarget(p), Map.of("secret", secret));
    }

    static FixPlan mirrorPlan(ImageReference ref) {
        return new FixPlan(FixKind.MANUAL, "fix.mirrorToEcr", List.of(ref.familiar()),
                new FixPlan.Target("Image", ref.familiar(), ref.domain()), Map.of());
    }

    static FixPlan attachReadOnlyPlan(RoleRef role) {
        return new FixPlan(FixKind.NODE_ROLE_ATTACH_POLICY, "fix.nodeRoleAttachPolicy",
                List.of("AmazonEC2ContainerRegistryReadOnly", role.name()),
                new FixPlan.Target("IamRole", role.name(), role.account()),
                Map.of("policyArn", READ_ONLY_ARN, "alternative", PULL_ONLY_ARN));
    }

    static FixPlan tagChangePlan(Facts f, ImageReference ref, List<String> candidates) throws CouldNotCheckException {
        ContainerFacts c = f.container();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("container", c.name());
        details.put("currentTag", nz(ref.tag()));
        if (!candidates.isEmpty()) {
            details.put("suggestedTag", candidates.get(0));
            details.put("candidates", String.join(",", candidates));
        }
        return new FixPlan(FixKind.IMAGE_TAG_CHANGE, candidates.isEmpty() ? "fix.imageTagChange" : "fix.imageTagChangeTo",
                candidates.isEmpty() ? List.of(c.name(), nz(ref.tag())) : List.of(c.name(), nz(ref.tag()), candidates.get(0)),
                workloadTarget(f.pod()), details);
    }

    /**
     * The repository policy change: the deciding Deny becomes an Allow for the pull actions only (the workshop flips the
     * whole statement, which would also let the node role push and delete), or, without a deny, a new Allow statement.
     */
    static FixPlan repoPolicyPlan(EcrRepositoryRef repo, String policyText, String sid, RoleRef role) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("repository", repo.name());
        details.put("principal", role.arn());
        if (sid != null) {
            details.put("sid", sid);
        }
        String proposed = proposedRepositoryPolicy(policyText, sid, role.arn());
        if (proposed != null) {
            details.put("proposedPolicy", proposed);
        }
        return new FixPlan(FixKind.ECR_POLICY_EDIT, sid != null ? "fix.ecrPolicyDenyToAllow" : "fix.ecrPolicyAddAllow",
                sid != null ? List.of(repo.name(), sid, role.name()) : List.of(repo.name(), role.name()),
                new FixPlan.Target("EcrRepository", repo.name(), repo.account() + "/" + repo.region()), details);
    }

    static String proposedRepositoryPolicy(String policyText, String sid, String principalArn) {
        try {
            ObjectNode root = policyText == null ? JSON.createObjectNode().put("Version", "2012-10-17")
                    : (ObjectNode) JSON.readTree(policyText);
            JsonNode st = root.get("Statement");
            ArrayNode statements;
            if (st instanceof ArrayNode a) {
                statements = a;
            } else {
                statements = JSON.createArrayNode();
                if (st != null) {
                    statements.add(st);
                }
                root.set("Statement", statements);
            }
            ArrayNode pull = JSON.createArrayNode().add("ecr:BatchCheckLayerAvailability").add("ecr:BatchGetImage")
                    .add("ecr:GetDownloadUrlForLayer");
            boolean changed = false;
            if (sid != null) {
                for (JsonNode s : statements) {
                    if (s instanceof ObjectNode o && sid.equals(o.path("Sid").asText(null)) && "Deny".equals(o.path("Effect").asText())) {
                        o.put("Effect", "Allow");
                        o.set("Action", pull);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                ObjectNode allow = JSON.createObjectNode().put("Sid", "AllowNodeRolePull").put("Effect", "Allow");
                allow.set("Principal", JSON.createObjectNode().put("AWS", principalArn));
                allow.set("Action", pull);
                statements.add(allow);
            }
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static boolean isPublicRegistry(Registry r) {
        return r.kind() == RegistryKind.DOCKER_HUB || r.kind() == RegistryKind.ECR_PUBLIC;
    }

    static String suggestedSecretName(ImageReference ref) {
        return ref.registry().kind() == RegistryKind.DOCKER_HUB ? "dockerhub" : "regcred";
    }

    /** Whether a docker config secret has an {@code auths} entry for the image's registry. */
    static boolean covers(SecretFacts s, ImageReference ref) {
        for (String host : s.registries()) {
            String h = host.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
            int slash = h.indexOf('/');
            if (slash >= 0) {
                h = h.substring(0, slash);
            }
            if (h.equals(ref.domain().toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (ref.registry().kind() == RegistryKind.DOCKER_HUB && Registry.recognise(h).kind() == RegistryKind.DOCKER_HUB) {
                return true;
            }
        }
        return false;
    }

    static List<Evidence> identityEvidence(IdentityPull pull) {
        List<List<String>> attached = pull.policies().attached().stream()
                .map(a -> List.of(a.policyName(), a.policyArn())).toList();
        List<List<String>> inline = pull.policies().inline().stream().map(i -> List.of(i.policyName(), "(inline)")).toList();
        List<List<String>> all = new ArrayList<>(attached);
        all.addAll(inline);
        List<List<String>> decisions = pull.decisions().entrySet().stream().map(e -> List.of(e.getKey(),
                e.getValue().decision().name(), e.getValue().deciding().isEmpty() ? ""
                        : e.getValue().deciding().get(0).policyName() + (e.getValue().deciding().get(0).sid() == null ? ""
                        : " / " + e.getValue().deciding().get(0).sid()))).toList();
        return List.of(
                Evidence.table(Show.TABLE, "evidence.attachedPolicies", List.of("PolicyName", "PolicyArn"), all),
                Evidence.table(Show.POLICY_STATEMENTS, "evidence.policyDecisions", List.of("ACTION", "DECISION", "STATEMENT"),
                        decisions));
    }

    static String describeImagesJson(EcrImageLookup.Detail d) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode img = root.putArray("imageDetails").addObject();
        img.put("registryId", d.registryId());
        img.put("repositoryName", d.repositoryName());
        img.put("imageDigest", d.imageDigest());
        ArrayNode tags = img.putArray("imageTags");
        d.imageTags().forEach(tags::add);
        img.put("imageSizeInBytes", d.imageSizeInBytes());
        if (d.imagePushedAt() != null) {
            img.put("imagePushedAt", d.imagePushedAt().toString());
        }
        if (d.imageManifestMediaType() != null) {
            img.put("imageManifestMediaType", d.imageManifestMediaType());
        }
        if (d.artifactMediaType() != null) {
            img.put("artifactMediaType", d.artifactMediaType());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            return root.toString();
        }
    }

    static String pretty(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (Exception e) {
            return json;
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String tri(Boolean b) {
        return b == null ? "unknown" : b ? "yes" : "no";
    }

    static int compareInstants(Instant a, Instant b) {
        return (a == null ? Instant.EPOCH : a).compareTo(b == null ? Instant.EPOCH : b);
    }

    /** kubectl-style age: 45s, 5m15s, 3h, 2d. */
    static String age(Instant since, Facts f) {
        if (since == null) {
            return "<unknown>";
        }
        return shortDuration(Duration.between(since, f.clock().instant()));
    }

    static String shortDuration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        if (s < 3 * 3600) {
            return (s / 60) + "m";
        }
        if (s < 48 * 3600) {
            return (s / 3600) + "h";
        }
        return (s / 86400) + "d";
    }

    static String eventAge(EventFacts e, Facts f) {
        String last = age(e.lastSeen(), f);
        if (e.count() > 1 && e.firstSeen() != null) {
            return last + " (x" + e.count() + " over " + age(e.firstSeen(), f) + ")";
        }
        return last;
    }
}
