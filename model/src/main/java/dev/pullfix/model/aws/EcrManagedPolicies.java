package dev.pullfix.model.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * AWS managed policies that matter for pulls. The ECR ones are recognised by ARN; the documents of ReadOnly and
 * PullOnly come from the policy package's shipped copies, so the verdict works when {@code iam:GetPolicyVersion} is
 * not allowed. A few
 * managed policies commonly attached to node roles hold no ECR action and no Deny; when their documents cannot
 * be read they do not make the verdict unknown.
 */
public final class EcrManagedPolicies {

    public static final String READ_ONLY = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";
    public static final String PULL_ONLY = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly";
    public static final String POWER_USER = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser";
    public static final String FULL_ACCESS = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryFullAccess";

    /** Managed policies seen on node roles that grant no ECR action and deny nothing. */
    private static final Set<String> NOT_ECR_RELATED = Set.of(
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            "arn:aws:iam::aws:policy/AmazonSSMPatchAssociation",
            "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
            "arn:aws:iam::aws:policy/AmazonEBSCSIDriverPolicy",
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodeMinimalPolicy");

    private EcrManagedPolicies() {
    }

    /** The published document of an ECR managed policy, if we keep it. */
    public static Optional<String> knownDocument(String arn) {
        return dev.pullfix.model.policy.ManagedPolicies.byArn(arn).map(m -> m.document().text())
                .filter(t -> t != null);
    }

    /** True for managed policies that cannot change an ECR pull verdict. */
    public static boolean irrelevantForPull(String arn) {
        return arn != null && NOT_ECR_RELATED.contains(normalise(arn));
    }

    /** The short names of the ECR pull-capable managed policies among those attached. */
    public static List<String> recognise(RolePolicies policies) {
        List<String> out = new ArrayList<>();
        for (PolicyDocumentRef p : policies.attached()) {
            String a = normalise(p.arn());
            if (a != null && (a.equals(READ_ONLY) || a.equals(PULL_ONLY) || a.equals(POWER_USER)
                    || a.equals(FULL_ACCESS))) {
                out.add(a.substring(a.lastIndexOf('/') + 1));
            }
        }
        return out;
    }

    /** Other partitions ({@code arn:aws-cn:...}) map onto the same documents. */
    private static String normalise(String arn) {
        return arn == null ? null : arn.replaceFirst("^arn:aws[a-z-]*:iam::aws:policy/", "arn:aws:iam::aws:policy/");
    }
}
