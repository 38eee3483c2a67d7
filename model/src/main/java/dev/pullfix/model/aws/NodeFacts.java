package dev.pullfix.model.aws;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes node as the AWS side and the diagnosis need it, as plain values (no fabric8 types): its labels (node
 * group, compute type, region) and provider ID (zone, instance). One name for the node in the resolver and the ports.
 *
 * @param providerId the node's {@code spec.providerID}, e.g. {@code aws:///us-west-2a/i-0abc123}, or null
 */
public record NodeFacts(String name, Map<String, String> labels, String providerId) {

    public static final String NODEGROUP_LABEL = "eks.amazonaws.com/nodegroup";
    public static final String COMPUTE_TYPE_LABEL = "eks.amazonaws.com/compute-type";
    public static final String FARGATE_PROFILE_LABEL = "eks.amazonaws.com/fargate-profile";
    public static final String KARPENTER_NODEPOOL_LABEL = "karpenter.sh/nodepool";

    private static final Pattern PROVIDER = Pattern.compile("^aws://(?:/([^/]*))?/(i-[0-9a-f]+)$");

    public NodeFacts {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public Optional<String> nodegroup() {
        return Optional.ofNullable(labels.get(NODEGROUP_LABEL)).filter(s -> !s.isBlank());
    }

    public boolean fargate() {
        return "fargate".equalsIgnoreCase(labels.get(COMPUTE_TYPE_LABEL)) || labels.containsKey(FARGATE_PROFILE_LABEL)
                || (name != null && name.startsWith("fargate-"));
    }

    public Optional<String> fargateProfile() {
        return Optional.ofNullable(labels.get(FARGATE_PROFILE_LABEL)).filter(s -> !s.isBlank());
    }

    public boolean karpenter() {
        return labels.containsKey(KARPENTER_NODEPOOL_LABEL) || labels.containsKey("karpenter.sh/provisioner-name");
    }

    /** The EC2 instance id from {@code aws:///<zone>/<instance-id>}. */
    public Optional<String> instanceId() {
        return parsed().map(m -> m.group(2));
    }

    /** The region from the {@code topology.kubernetes.io/region} label, else from the provider ID's zone. */
    public Optional<String> region() {
        String r = labels.get("topology.kubernetes.io/region");
        if (r != null && !r.isBlank()) {
            return Optional.of(r);
        }
        return zone().filter(z -> z.length() > 1).map(z -> z.substring(0, z.length() - 1));
    }

    /** The availability zone from the provider ID. */
    public Optional<String> zone() {
        return parsed().map(m -> m.group(1)).filter(s -> !s.isEmpty());
    }

    private Optional<Matcher> parsed() {
        if (providerId == null) {
            return Optional.empty();
        }
        Matcher m = PROVIDER.matcher(providerId.trim());
        return m.matches() ? Optional.of(m) : Optional.empty();
    }
}
