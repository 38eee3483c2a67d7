package dev.pullfix.model.fix.planner;

import dev.pullfix.model.aws.AwsResult;
import dev.pullfix.model.aws.AwsSession;
import dev.pullfix.model.aws.ClusterInfo;
import dev.pullfix.model.connect.AwsAccess;
import dev.pullfix.model.connect.Fabric8KubeObjects;
import dev.pullfix.model.connect.Workspace;
import dev.pullfix.model.fix.Backup;
import dev.pullfix.model.fix.DryRun;
import dev.pullfix.model.fix.FixException;
import dev.pullfix.model.fix.FixPlan;
import dev.pullfix.model.fix.StateText;
import dev.pullfix.model.fix.Target;
import dev.pullfix.model.fix.aws.AttachRolePolicyPlan;
import dev.pullfix.model.fix.aws.EcrPolicyPlan;
import dev.pullfix.model.fix.aws.VpcEndpointPolicyPlan;
import dev.pullfix.model.fix.kube.CreatePullSecretPlan;
import dev.pullfix.model.fix.kube.KubeObjects;
import dev.pullfix.model.fix.kube.ObjectRef;
import dev.pullfix.model.fix.kube.PodTemplatePlan;
import dev.pullfix.model.fix.kube.TemplateEdit;
import dev.pullfix.model.text.Message;
import dev.pullfix.model.text.Texts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Undo from a backup alone, as {@code pullfix undo} needs it in a later process than the fix: the backup's target
 * says what was written (a Kubernetes object, an ECR repository policy, a role's attached policies, a VPC endpoint's
 * policy) and this rebuilds the plan of that kind for the target and asks it for its restore plan, which then goes
 * through the one write path like any fix (preview, confirmation, backup, apply, verify, audit). Plans only; never
 * writes. AWS sessions opened per region live until {@link #close()}.
 */
public final class UndoPlanner implements AutoCloseable {
    private final String context;
    private final KubeObjects kube;
    private final AwsAccess aws;
    private final String clusterName;
    private final Map<String, AwsSession> sessions = new ConcurrentHashMap<>();

    /**
     * @param context     the kubeconfig context the cluster connection uses (a Kubernetes backup must name it)
     * @param aws         the AWS account, or null (AWS backups then cannot be restored)
     * @param clusterName the EKS cluster of the context, for the VPC of an endpoint; may be null
     */
    public UndoPlanner(String context, KubeObjects kube, AwsAccess aws, String clusterName) {
        this.context = context;
        this.kube = kube;
        this.aws = aws;
        this.clusterName = clusterName;
    }

    public static UndoPlanner of(Workspace w) {
        return new UndoPlanner(w.context(), Fabric8KubeObjects.of(w.cluster()), w.aws(), w.clusterName());
    }

    /** The kubeconfig context a Kubernetes backup was taken in, or null for an AWS one. */
    public static String contextOf(Target t) {
        if (!"kubernetes".equals(t.system())) {
            return null;
        }
        String[] p = t.location().split("/");
        return p.length < 4 ? null : String.join("/", List.of(p).subList(0, p.length - 3));
    }

    /** Kinds of the plans that undo a backup start with this, then the backup's id (its own backup says so). */
    public static final String UNDO_KIND = "UNDO-";

    /**
     * The backup {@code pullfix undo} restores when none is named: the newest backup of a fix (not of an undo) that
     * has not been undone yet; so undoing twice after two fixes puts back both, newest first, instead of redoing.
     *
     * @param newestFirst every backup, newest first ({@link dev.pullfix.model.fix.BackupStore#all()})
     */
    public static Optional<Backup> nextToUndo(List<Backup> newestFirst) {
        Set<String> undone = newestFirst.stream().filter(b -> b.kind().startsWith(UNDO_KIND))
                .map(b -> b.kind().substring(UNDO_KIND.length())).collect(Collectors.toSet());
        return newestFirst.stream().filter(b -> !b.kind().startsWith(UNDO_KIND) && !undone.contains(b.id())).findFirst();
    }

    /** The plan that puts the backup's state back; its kind names the backup ({@link #UNDO_KIND}). */
    public FixPlan restore(Backup b) throws FixException {
        return new UndoOf(UNDO_KIND + b.id(), plan(b));
    }

    private FixPlan plan(Backup b) throws FixException {
        Target t = b.target();
        String[] p = t.location().split("/");
        if ("kubernetes".equals(t.system()) && p.length >= 4) {
            return restoreKube(b, p);
        }
        if ("aws".equals(t.system()) && p.length >= 4) {
            if (p[2].equals("ecr-repository")) {
                AwsSession s = session(p[1]);
                String repo = String.join("/", List.of(p).subList(3, p.length));
                return EcrPolicyPlan.editing(s.ecr(), s.ecrWriter(), p[0], p[1], repo, current -> current, "",
                        (current, next) -> DryRun.notOffered(
                                Texts.english().render(Message.of("fix", "undo.ecrNoDryRun")))).restore(b.before());
            }
            if (p[1].equals("iam") && p[2].equals("role")) {
                AwsSession s = session(null);
                return new AttachRolePolicyPlan(s.iam(), s.iamWriter(), p[0], p[3], "-").restore(b.before());
            }
            if (p[2].equals("vpc-endpoint")) {
                AwsSession s = session(p[1]);
                return new VpcEndpointPolicyPlan(s.ec2(), s.ec2Writer(), p[0], p[1], vpcOf(s), p[3], null, null)
                        .restore(b.before());
            }
        }
        throw new FixException(Message.of("fix", "undo.unknownTarget", t.toString()));
    }

    private FixPlan restoreKube(Backup b, String[] p) throws FixException {
        String ctx = contextOf(b.target());
        if (context != null && ctx != null && !ctx.equals(context)) {
            throw new FixException(Message.of("fix", "undo.otherContext", b.id(), ctx, context));
        }
        String ns = p[p.length - 3].equals("-") ? null : p[p.length - 3];
        String kind = p[p.length - 2];
        String name = p[p.length - 1];
        ObjectRef ref = new ObjectRef(ctx, apiVersion(kind), kind, ns, name);
        try {
            if (kind.equals("Secret")) {
                return new CreatePullSecretPlan(kube, ref, "", "", new char[0]).restore(b.before());
            }
            return new PodTemplatePlan(kube, ref, TemplateEdit.restart(Instant.EPOCH), "", List.of()).restore(b.before());
        } catch (IllegalStateException e) {
            // e.g. an existing Secret: Pullfix only ever created Secrets, it never restores one's contents
            throw new FixException(Message.of("fix", "undo.notRestorable", b.id(), e.getMessage()));
        }
    }

    /** The API group/version of the workload kinds Pullfix edits. */
    static String apiVersion(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "deployment", "statefulset", "daemonset", "replicaset" -> "apps/v1";
            case "job", "cronjob" -> "batch/v1";
            default -> "v1";
        };
    }

    private String vpcOf(AwsSession s) throws FixException {
        if (clusterName == null) {
            throw new FixException(Message.of("fix", "undo.noCluster"));
        }
        AwsResult<ClusterInfo> c = s.eks().describeCluster(clusterName);
        if (!c.isOk()) {
            throw new FixException(Message.of("fix", "undo.noCluster"));
        }
        return c.value().vpcId();
    }

    private AwsSession session(String region) throws FixException {
        if (aws == null) {
            throw new FixException(Message.of("fix", "plan.noAws"));
        }
        return sessions.computeIfAbsent(region == null ? "" : region, aws::open);
    }

    /** A restore plan under the kind that names the backup it undoes. */
    private record UndoOf(String kind, FixPlan plan) implements FixPlan {
        @Override
        public Target target() {
            return plan.target();
        }

        @Override
        public String summary() {
            return plan.summary();
        }

        @Override
        public List<String> apiCalls() {
            return plan.apiCalls();
        }

        @Override
        public List<String> equivalentCommands() {
            return plan.equivalentCommands();
        }

        @Override
        public StateText readCurrent() throws FixException {
            return plan.readCurrent();
        }

        @Override
        public StateText proposed(StateText current) throws FixException {
            return plan.proposed(current);
        }

        @Override
        public DryRun dryRun(StateText current, StateText proposed) throws FixException {
            return plan.dryRun(current, proposed);
        }

        @Override
        public void apply(StateText current, StateText proposed) throws FixException {
            plan.apply(current, proposed);
        }

        @Override
        public FixPlan restore(StateText before) {
            return plan.restore(before);
        }

        @Override
        public List<String> secrets() {
            return plan.secrets();
        }
    }

    @Override
    public void close() {
        sessions.values().forEach(AwsSession::close);
        sessions.clear();
    }
}
