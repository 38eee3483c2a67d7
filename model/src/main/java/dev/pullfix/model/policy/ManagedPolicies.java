package dev.pullfix.model.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS managed policies the kubelet's node role normally carries (AmazonEC2ContainerRegistryReadOnly and
 * AmazonEC2ContainerRegistryPullOnly), shipped as data in {@code dev/pullfix/aws/managed-policies/}, and
 * recognition of them by ARN or by equivalent statements (same effect, actions and resources).
 */
public final class ManagedPolicies {
    public static final String READ_ONLY = "AmazonEC2ContainerRegistryReadOnly";
    public static final String PULL_ONLY = "AmazonEC2ContainerRegistryPullOnly";
    public static final String POWER_USER = "AmazonEC2ContainerRegistryPowerUser";
    public static final String FULL_ACCESS = "AmazonEC2ContainerRegistryFullAccess";
    private static final String AWS_POLICY = "arn:aws:iam::aws:policy/";
    public static final String READ_ONLY_ARN = AWS_POLICY + READ_ONLY;
    public static final String PULL_ONLY_ARN = AWS_POLICY + PULL_ONLY;
    private static final String BASE = "/dev/pullfix/aws/managed-policies/";
    /** The ECR managed policies that let a role pull (shipped documents or not), in the order they are named. */
    private static final List<String> PULL_CAPABLE = List.of(READ_ONLY, PULL_ONLY, POWER_USER, FULL_ACCESS);
    /** Managed policies seen on node roles that grant no ECR action and deny nothing. */
    private static final Set<String> NOT_ECR_RELATED = Set.of("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy",
            "AmazonSSMManagedInstanceCore", "AmazonSSMPatchAssociation", "CloudWatchAgentServerPolicy",
            "AmazonEBSCSIDriverPolicy", "AmazonEKSWorkerNodeMinimalPolicy");

    /** A shipped managed policy. */
    public record Managed(String name, String arn, String version, PolicyDocument document) {
    }

    private static volatile Map<String, Managed> byArn;

    private ManagedPolicies() {
    }

    public static List<Managed> all() {
        return List.copyOf(load().values());
    }

    /** The shipped document for an ARN such as {@code arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly}. */
    public static Optional<Managed> byArn(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Managed m = load().get(arn);
        if (m == null) {
            // other partitions: arn:aws-cn:iam::aws:policy/..., arn:aws-us-gov:...
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            if (arn.matches("arn:aws[a-z-]*:iam::aws:policy/.*")) {
                m = load().values().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            }
        }
        return Optional.ofNullable(m);
    }

    /** The managed policy this document is equivalent to (statement by statement, ignoring order/case), if any. */
    public static Optional<Managed> recognise(PolicyDocument doc) {
        Set<String> sig = signature(doc);
        return load().values().stream().filter(m -> signatures().get(m.arn()).equals(sig)).findFirst();
    }

    private static volatile Map<String, Set<String>> signatures;

    private static Map<String, Set<String>> signatures() {
        Map<String, Set<String>> s = signatures;
        if (s == null) {
            Map<String, Set<String>> m = new LinkedHashMap<>();
            load().values().forEach(x -> m.put(x.arn(), signature(x.document())));
            s = Collections.unmodifiableMap(m);
            signatures = s;
        }
        return s;
    }

    static Set<String> signature(PolicyDocument doc) {
        Set<String> out = new TreeSet<>();
        for (Statement s : doc.statements()) {
            if (!s.conditions().isEmpty() || s.hasPrincipalElement()) {
                out.add("#complex" + s.index());
                continue;
            }
            List<String> res = s.resources() == null ? List.of("<none>") : s.resources();
            for (String a : s.actions()) {
                for (String r : res) {
                    out.add(s.effect() + "|" + s.notAction() + "|" + a.toLowerCase(Locale.ROOT) + "|" + s.notResource()
                            + "|" + r);
                }
            }
        }
        return out;
    }

    private static Map<String, Managed> load() {
        Map<String, Managed> m = byArn;
        if (m != null) {
            return m;
        }
        synchronized (ManagedPolicies.class) {
            if (byArn == null) {
                byArn = read();
            }
            return byArn;
        }
    }

    private static Map<String, Managed> read() {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = ManagedPolicies.class.getResourceAsStream(BASE + "index.json")) {
            if (in == null) {
                throw new IllegalStateException("managed policy index missing from resources");
            }
            JsonNode index = mapper.readTree(in);
            Map<String, Managed> out = new LinkedHashMap<>();
            for (JsonNode p : index.get("policies")) {
                String text = text(BASE + p.get("file").asText());
                out.put(p.get("arn").asText(), new Managed(p.get("name").asText(), p.get("arn").asText(),
                        p.get("version").asText(), PolicyParser.parse(text)));
            }
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) throws IOException {
        try (InputStream in = ManagedPolicies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The shipped document's text for an AWS managed policy ARN (any partition), used when it cannot be read. */
    public static Optional<String> documentText(String arn) {
        return byArn(arn).map(m -> m.document().text()).filter(t -> t != null);
    }

    /** True for AWS managed policies that cannot change an ECR pull verdict (no ECR action, no Deny). */
    public static boolean irrelevantForPull(String arn) {
        return awsManagedName(arn).filter(NOT_ECR_RELATED::contains).isPresent();
    }

    /** The short names of the ECR pull-capable AWS managed policies among these ARNs, in the order given. */
    public static List<String> pullCapable(java.util.Collection<String> arns) {
        List<String> out = new ArrayList<>();
        for (String arn : arns) {
            awsManagedName(arn).filter(PULL_CAPABLE::contains).ifPresent(out::add);
        }
        return out;
    }

    /** The name of an AWS managed policy from its ARN in any partition ({@code arn:aws-cn:iam::aws:policy/...}). */
    static Optional<String> awsManagedName(String arn) {
        if (arn == null || !arn.matches("arn:aws[a-z-]*:iam::aws:policy/.*")) {
            return Optional.empty();
        }
        return Optional.of(arn.substring(arn.lastIndexOf('/') + 1));
    }

    /** Names of all shipped policies. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        load().values().forEach(x -> out.add(x.name()));
        return out;
    }
}
