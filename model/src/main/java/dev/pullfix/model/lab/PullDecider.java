package dev.pullfix.model.lab;

import dev.pullfix.model.lab.world.LabWorld;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pullfix.model.image.ImageReference;
import dev.pullfix.model.image.RegistryKind;
import dev.pullfix.model.policy.KubeletPull;
import dev.pullfix.model.policy.ManagedPolicies;
import dev.pullfix.model.policy.PolicyDocument;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated kubelet's pull: decides from the {@link LabWorld} whether an image can be pulled on a node,
 * with the project's image-reference parser and {@link KubeletPull} (node role identity policies + repository
 * policy + VPC endpoint policies, as the node role's assumed-role session), and words a failure as containerd
 * does (the texts the seed documents quote).
 */
public final class PullDecider {

    /** The outcome of one pull. {@code message} is the kubelet's "Failed to pull image" event text on failure. */
    public record Pull(boolean ok, String digest, String message) {
        static Pull ok(String digest) {
            return new Pull(true, digest, null);
        }

        static Pull failed(String message) {
            return new Pull(false, null, message);
        }
    }

    private final LabWorld world;
    private final KubeletPull kubeletPull = new KubeletPull();

    public PullDecider(LabWorld world) {
        this.world = world;
    }

    /**
     * @param image the container's image as written in the pod
     * @param node  the node the pod runs on (picks the node group and so the node role)
     * @param auths registry host → "user:password" from the pod's imagePullSecrets
     */
    public Pull pull(String image, String node, Map<String, String> auths) {
        ImageReference ref = ImageReference.parse(image);
        String full = ref.normalized();
        String host = ref.domain();
        String registryHost = host.equals("docker.io") ? "registry-1.docker.io" : host;
        String repo = ref.path();
        String tagOrDigest = ref.digest() != null ? ref.digest() : (ref.tag() != null ? ref.tag() : "latest");
        String manifests = "https://" + registryHost + "/v2/" + repo + "/manifests/" + tagOrDigest;
        String unpack = "failed to pull and unpack image \"" + full + "\": ";
        String resolve = "failed to resolve reference \"" + full + "\": ";
        String head = "Failed to pull image \"" + image + "\": ";
        if (ref.registry().kind() == RegistryKind.ECR_PRIVATE) {
            return ecr(ref, head, unpack, resolve, manifests, node);
        }
        Optional<ObjectNode> reg = world.registry(host);
        if (reg.isEmpty() || reg.get().path("unreachable").asBoolean(false)) {
            return Pull.failed(head + "rpc error: code = DeadlineExceeded desc = " + unpack + resolve
                    + "failed to do request: Head \"" + manifests + "\": dial tcp " + reg.map(r -> r.path("address")
                    .asText("203.0.113.10")).orElse("203.0.113.10") + ":443: i/o timeout");
        }
        ObjectNode r = reg.get();
        JsonNode auth = r.path("auth");
        boolean authed = false;
        if (auth.isObject()) {
            String want = auth.path("username").asText() + ":" + auth.path("password").asText();
            String given = auths.get(host);
            if (given == null && host.equals("docker.io")) {
                given = auths.get("https://index.docker.io/v1/");
            }
            authed = want.equals(given);
            if (!authed && auth.path("required").asBoolean(true)) {
                return Pull.failed(head + "rpc error: code = Unknown desc = " + unpack + resolve
                        + "unexpected status from HEAD request to " + manifests + ": 401 Unauthorized");
            }
        }
        JsonNode tags = r.path("repositories").path(repo);
        if (tags.isMissingNode()) {
            if (host.equals("docker.io")) {
                return Pull.failed(head + "rpc error: code = Unknown desc = " + unpack + resolve
                        + "pull access denied, repository does not exist or may require authorization: server message: "
                        + "insufficient_scope: authorization failed");
            }
            return Pull.failed(head + "rpc error: code = NotFound desc = " + unpack + resolve + full + ": not found");
        }
        if (!authed && !world.takeRateBudget(host)) {
            return Pull.failed(head + "rpc error: code = Unknown desc = " + unpack + "failed to copy: httpReadSeeker: "
                    + "failed open: unexpected status code " + manifests + ": 429 Too Many Requests - Server message: "
                    + "toomanyrequests: You have reached your pull rate limit. You may increase the limit by "
                    + "authenticating and upgrading: https://www.docker.com/increase-rate-limit");
        }
        if (!contains(tags, tagOrDigest)) {
            return Pull.failed(head + "rpc error: code = NotFound desc = " + unpack + resolve + full + ": not found");
        }
        return Pull.ok(fakeDigest(full));
    }

    private Pull ecr(ImageReference ref, String head, String unpack, String resolve, String manifests, String node) {
        String account = ref.registry().account();
        String region = ref.registry().region();
        String full = ref.normalized();
        if (!account.equals(world.account()) || !region.equals(world.region())) {
            // another account: its policies are unknown here; the lab treats it as denying everybody
            return Pull.failed(head + unpack + resolve + "unexpected status from HEAD request to " + manifests
                    + ": 403 Forbidden");
        }
        ObjectNode aws = world.awsSnapshot();
        if (!aws.path("ecrReachable").asBoolean(true)) {
            return Pull.failed(head + "rpc error: code = DeadlineExceeded desc = " + unpack + resolve
                    + "failed to do request: Head \"" + manifests + "\": dial tcp 10.42.0.99:443: i/o timeout");
        }
        String roleName = world.nodegroupOfNode(node).map(n -> n.path("role").asText()).orElse("");
        String sessionArn = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + instanceOf(node);
        String repoArn = KubeletPull.repositoryArn(region, account, ref.path());
        KubeletPull.Builder b = KubeletPull.builder(sessionArn, repoArn);
        world.role(roleName).ifPresent(role -> {
            for (JsonNode a : role.path("attached")) {
                String arn = a.asText();
                if (!b.managedPolicy(arn)) {
                    world.customerPolicy(arn).ifPresent(doc -> b.identityPolicy(arn, PolicyDocument.parse(doc)));
                }
            }
            Iterator<Map.Entry<String, JsonNode>> inl = role.path("inline").fields();
            while (inl.hasNext()) {
                Map.Entry<String, JsonNode> e = inl.next();
                b.identityPolicy(e.getKey(), PolicyDocument.parse(e.getValue().asText()));
            }
        });
        Optional<ObjectNode> repo = world.repository(ref.path());
        repo.filter(r -> r.hasNonNull("policy")).ifPresent(r -> b.repositoryPolicy(PolicyDocument.parse(r.path("policy").asText())));
        for (JsonNode e : aws.path("vpcEndpoints")) {
            String svc = e.path("service").asText();
            KubeletPull.Path path = svc.endsWith(".ecr.dkr") ? KubeletPull.Path.ECR_DKR
                    : svc.endsWith(".ecr.api") ? KubeletPull.Path.ECR_API : svc.endsWith(".s3") ? KubeletPull.Path.S3_GATEWAY : null;
            if (path != null && e.hasNonNull("policy")) {
                b.endpointPolicy(path, e.path("id").asText(), PolicyDocument.parse(e.path("policy").asText()));
            }
        }
        KubeletPull.PullVerdict v = kubeletPull.check(b.build());
        if (v.verdict() == KubeletPull.Verdict.NO) {
            boolean tokenDenied = v.results().stream().anyMatch(r -> r.requirement().action().equals("ecr:GetAuthorizationToken")
                    && r.result().decision() != dev.pullfix.model.policy.Decision.ALLOW);
            if (tokenDenied) {
                return Pull.failed(head + "rpc error: code = Unknown desc = " + unpack + resolve
                        + "unexpected status from HEAD request to " + manifests + ": 401 Unauthorized");
            }
            return Pull.failed(head + unpack + resolve + "unexpected status from HEAD request to " + manifests
                    + ": 403 Forbidden");
        }
        String want = ref.digest() != null ? ref.digest() : ref.tag() != null ? ref.tag() : "latest";
        if (repo.isPresent()) {
            for (JsonNode img : repo.get().path("images")) {
                if (img.path("digest").asText().equals(want) || contains(img.path("tags"), want)) {
                    return Pull.ok(img.path("digest").asText());
                }
            }
        }
        return Pull.failed(head + "rpc error: code = NotFound desc = " + unpack + resolve + full + ": not found");
    }

    private static String instanceOf(String node) {
        return "i-" + Integer.toHexString(node == null ? 0 : node.hashCode() & 0x7fffffff);
    }

    private static boolean contains(JsonNode arr, String s) {
        for (JsonNode t : arr) {
            if (t.asText().equals(s)) {
                return true;
            }
        }
        return false;
    }

    static String fakeDigest(String s) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("sha256:");
            for (byte x : h) {
                sb.append(String.format("%02x", x));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
