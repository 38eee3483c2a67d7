package dev.pullfix.cli;

import dev.pullfix.model.aws.AwsEnvironment;
import dev.pullfix.model.aws.AwsProfiles;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.AwsSessionOptions;
import dev.pullfix.model.aws.EcrCheck;
import dev.pullfix.model.aws.EcrCheckReport;
import dev.pullfix.model.cluster.ClusterConnection;
import dev.pullfix.model.cluster.EksContextMapping;
import dev.pullfix.model.connect.Fabric8PullSecretReader;
import dev.pullfix.model.diagnosis.PullFailureCategory;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.limits.InputKind;
import dev.pullfix.model.policy.PolicyEvaluator;
import dev.pullfix.model.preflight.ManifestReader;
import dev.pullfix.model.preflight.PodTemplateImage;
import dev.pullfix.model.preflight.Preflight;
import dev.pullfix.model.registry.HttpRegistryClient;
import dev.pullfix.model.registry.ImageChecker;
import dev.pullfix.model.registry.Platform;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pullfix preflight -f FILE.yaml|-}: before a rollout, every image of the manifests' pod templates checked as
 * the kubelet would pull it; one line per problem; exit 1 when a pod would fail to pull, 4 when something could not
 * be checked, 0 otherwise. What a CI job runs so ImagePullBackOff never reaches the cluster.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Checks every image of the Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and "
                + "Pods in the manifests before they are applied: the registry has the repository and the tag or digest "
                + "(else the nearest tags), the template's pull secrets and its service account's are accepted (read from "
                + "the cluster when connected, in memory only), the image has the nodes' platforms (their "
                + "kubernetes.io/arch, or --platform), and for private ECR the node role may pull under the repository "
                + "policy (local evaluator).",
            "Prints one line per problem. Exit 1 when a pod would fail to pull, 4 when something could not be checked, "
                + "0 otherwise, 2 for bad usage."},
        footer = {"", "JSON fields: checked, problems [{kind, name, namespace, container, image, category, failure, "
                + "detail, nearestTags, document}], couldNotCheck [same fields], connected, platforms, nodeRoles."})
public final class PreflightCommand implements Callable<Integer>, ExitCode.Checker {

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|-",
            description = "The manifests (YAML or JSON, several documents); - reads standard input.")
    String file;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "The nodes' platforms (repeatable); "
            + "default: those of the cluster's nodes when connected.")
    List<String> platforms = List.of();

    @Option(names = "--node-role", paramLabel = "ROLE_ARN", description = "The node role that pulls from private ECR "
            + "(repeatable); default: resolved from the cluster's nodes when connected and AWS is set up.")
    List<String> nodeRoles = List.of();

    @Option(names = "--no-cluster", description = "Do not connect to a cluster (pull secrets and nodes are not read).")
    boolean noCluster;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    RegistryOptions registries;

    @Mixin
    AwsOptions aws;

    @Mixin
    OutputOptions output;

    @Mixin
    TimeoutOption timeout;

    @Spec
    CommandSpec spec;

    /** One line of the JSON answer. */
    record Line(String kind, String name, String namespace, String container, String image, String category,
                String failure, String detail, List<String> nearestTags, int document) {
    }

    /** The JSON answer. */
    record Answer(int checked, List<Line> problems, List<Line> couldNotCheck, boolean connected, List<String> platforms,
                  List<String> nodeRoles) {
    }

    @Override
    public Integer call() throws IOException {
        Output o = Output.of(spec, output);
        String text = PolicyFiles.read(file, stdin(), InputKind.MANIFEST);
        List<PodTemplateImage> items = ManifestReader.read(text, file.equals("-") ? "stdin" : file);
        List<Platform> given = new ArrayList<>();
        for (String p : platforms) {
            given.add(Platform.parse(p).orElseThrow(() -> o.usage("--platform must be OS/ARCH[/VARIANT], not '" + p + "'")));
        }
        return timeout.start().run(() -> run(o, items, given));
    }

    private final InputStream stdin;

    public PreflightCommand() {
        this(System.in);
    }

    /** With the standard input given (tests). */
    PreflightCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    private int run(Output o, List<PodTemplateImage> items, List<Platform> given) {
        ClusterConnection conn = null;
        if (!noCluster) {
            try {
                conn = cluster.connect(timeout.perCall());
            } catch (RuntimeException e) {
                o.warn(o.t("registry", "preflight.notConnected", UserTextLine.of(e)));
            }
        }
        Map<String, AwsSession> sessions = new ConcurrentHashMap<>();
        try {
            List<Platform> nodes = !given.isEmpty() ? given : conn == null ? List.of() : nodePlatforms(conn);
            List<String> roles = new ArrayList<>(nodeRoles);
            boolean anyEcr = items.stream().anyMatch(i -> ImageReference.tryParse(i.image())
                    .map(r -> r.registry().isEcrPrivate()).orElse(false));
            if (roles.isEmpty() && anyEcr && conn != null) {
                roles.addAll(resolveNodeRoles(conn, sessions));
            }
            String ns = conn == null ? (cluster.namespace() == null ? "default" : cluster.namespace())
                    : cluster.namespaceOr(conn);
            ClusterConnection c = conn;
            Preflight preflight = new Preflight(new ImageChecker(new HttpRegistryClient(registries.clientOptions(
                    timeout.perCall(), timeout.perCall()))), c == null ? null : new Fabric8PullSecretReader(c),
                    c == null ? null : (namespace, sa) -> serviceAccountSecrets(c, namespace, sa), nodes,
                    anyEcr ? image -> ecr(image, roles, sessions) : null, ns);
            Preflight.Result r = preflight.check(items);
            print(o, r, conn != null, nodes, roles, ns);
            return !r.problems().isEmpty() ? ExitCode.PROBLEM_FOUND : !r.couldNotCheck().isEmpty()
                    ? ExitCode.COULD_NOT_CHECK : ExitCode.OK;
        } finally {
            sessions.values().forEach(AwsSession::close);
            if (conn != null) {
                conn.close();
            }
        }
    }

    private static List<Platform> nodePlatforms(ClusterConnection conn) {
        Set<Platform> out = new LinkedHashSet<>();
        for (Node n : conn.kubernetesClient().nodes().list().getItems()) {
            Map<String, String> l = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
            var info = n.getStatus() == null ? null : n.getStatus().getNodeInfo();
            String arch = l.getOrDefault("kubernetes.io/arch", l.getOrDefault("beta.kubernetes.io/arch",
                    info == null ? null : info.getArchitecture()));
            String os = l.getOrDefault("kubernetes.io/os", info == null || info.getOperatingSystem() == null ? "linux"
                    : info.getOperatingSystem());
            if (arch != null) {
                out.add(Platform.ofNode(os, arch));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> serviceAccountSecrets(ClusterConnection conn, String namespace, String name) {
        ServiceAccount sa = conn.kubernetesClient().serviceAccounts().inNamespace(namespace).withName(name).get();
        if (sa == null || sa.getImagePullSecrets() == null) {
            return List.of();
        }
        return sa.getImagePullSecrets().stream().map(LocalObjectReference::getName).toList();
    }

    private AwsSession session(String region, Map<String, AwsSession> sessions) {
        return sessions.computeIfAbsent(region == null ? "" : region, r -> AwsSession.open(AwsProfiles.load(
                AwsEnvironment.system()), AwsSessionOptions.defaults().withProfile(aws.profile()).withRegion(aws.region())
                .withResourceRegion(r.isEmpty() ? null : r).withEndpoint(aws.endpoint())
                .withApiCallTimeout(timeout.perCall())));
    }

    /** The node roles of the cluster's nodes (one node per node group), through the EKS/EC2 APIs. */
    private List<String> resolveNodeRoles(ClusterConnection conn, Map<String, AwsSession> sessions) {
        String clusterName = conn.context().eksMapping().map(EksContextMapping::clusterName).orElse(null);
        Set<String> roles = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        try {
            for (Node n : conn.kubernetesClient().nodes().list().getItems()) {
                Map<String, String> l = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
                if (!groups.add(l.getOrDefault("eks.amazonaws.com/nodegroup", n.getMetadata().getName()))) {
                    continue;
                }
                var facts = new dev.pullfix.model.aws.NodeFacts(n.getMetadata().getName(), l,
                        n.getSpec() == null ? null : n.getSpec().getProviderID());
                var role = session(l.get("topology.kubernetes.io/region"), sessions).nodeRoleResolver()
                        .resolve(clusterName, facts);
                if (role.isOk()) {
                    roles.add(role.value().roleArn());
                }
            }
        } catch (RuntimeException e) {
            // no AWS, or the nodes cannot be read: ECR images are then checked without a role
        }
        return List.copyOf(roles);
    }

    /** Private ECR: the image exists and each node role may pull it (repository policy and identity, evaluated here). */
    private Preflight.Verdict ecr(ImageReference image, List<String> roles, Map<String, AwsSession> sessions) {
        try {
            AwsSession s = session(image.registry().region(), sessions);
            EcrCheck check = new EcrCheck(s.ecr(), s.iam(), new PolicyEvaluator());
            for (String role : roles.isEmpty() ? java.util.Collections.<String>singletonList(null) : roles) {
                EcrCheckReport r = check.run(image, role, false);
                if (Boolean.FALSE.equals(r.repositoryExists()) && r.pullThroughCache() == null) {
                    return Preflight.Verdict.problem(PullFailureCategory.REPO_NOT_FOUND_OR_NO_AUTH,
                            "REPOSITORY_NOT_FOUND", image.repository(), List.of());
                }
                if (Boolean.FALSE.equals(r.imageExists())) {
                    return Preflight.Verdict.problem(PullFailureCategory.TAG_NOT_FOUND, "IMAGE_NOT_FOUND",
                            image.familiar(), r.nearestTags().stream().map(t -> t.tag()).toList());
                }
                if (r.canPull() == EcrCheckReport.CanPull.NO) {
                    return Preflight.Verdict.problem(PullFailureCategory.FORBIDDEN_POLICY, "POLICY_DENIES",
                            role + " " + r.decidingStatements(), List.of());
                }
                if (r.pullable() == null) {
                    return role == null ? Preflight.Verdict.couldNotCheck("NO_NODE_ROLE", null)
                            : Preflight.Verdict.couldNotCheck("INCOMPLETE", role);
                }
            }
            return Preflight.Verdict.ok();
        } catch (RuntimeException e) {
            return Preflight.Verdict.couldNotCheck("ERROR", UserTextLine.of(e));
        }
    }

    private void print(Output o, Preflight.Result r, boolean connected, List<Platform> nodes, List<String> roles,
                       String namespace) {
        List<Line> problems = r.problems().stream().map(f -> line(f, namespace)).toList();
        List<Line> unknown = r.couldNotCheck().stream().map(f -> line(f, namespace)).toList();
        if (o.json()) {
            o.printJson(new Answer(r.checked(), problems, unknown, connected, nodes.stream().map(Platform::toString)
                    .toList(), roles));
            return;
        }
        for (Line l : problems) {
            o.line(o.t("registry", "preflight.problem", l.kind(), l.namespace(), l.name(), l.container(), l.image(),
                    l.category(), detail(o, l)) + (l.nearestTags().isEmpty() ? ""
                    : " " + o.t("registry", "preflight.nearest", String.join(", ", l.nearestTags()))));
        }
        for (Line l : unknown) {
            o.line(o.t("registry", "preflight.couldNotCheck", l.kind(), l.namespace(), l.name(), l.container(), l.image(),
                    detail(o, l)));
        }
        o.line(o.t("registry", "preflight.summary", r.checked(), problems.size(), unknown.size()));
        o.out().flush();
    }

    /** The failure code in the user's words where the bundle has them ({@code preflight.failure.CODE}), with its data. */
    private static String detail(Output o, Line l) {
        String d = l.detail() == null ? "" : Output.untrusted(l.detail());
        if (l.failure() != null) {
            var worded = o.i18n().find("registry", "preflight.failure." + l.failure(), d);
            if (worded.isPresent()) {
                return worded.get();
            }
        }
        return l.failure() == null ? d : d.isEmpty() ? l.failure() : l.failure() + ": " + d;
    }

    /** A finding as printed; a template without a namespace is shown in the one it would be applied to. */
    private static Line line(Preflight.Finding f, String namespace) {
        PodTemplateImage w = f.where();
        return new Line(w.kind(), w.name(), w.namespace() == null ? namespace : w.namespace(), w.container(), w.image(),
                f.category() == null ? null : f.category().name(), f.failure(), f.detail(), f.nearestTags(), w.document());
    }

    /** An exception as one line of the user's words, without class names. */
    static final class UserTextLine {
        static String of(Throwable e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Output.untrusted(m.lines().findFirst().orElse(m));
        }
    }
}
