package dev.pullfix.model.image;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a registry host tells us. For private ECR: the account, region and partition (and whether the host is a
 * FIPS or dual-stack endpoint); for Artifact Registry the location is given as {@code region}.
 *
 * @param kind      recognised kind
 * @param host      host as written (lower-cased), with port if any
 * @param account   12-digit AWS account (ECR private only), else null
 * @param region    AWS region (ECR private) or Artifact Registry location, else null
 * @param partition AWS partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...) for ECR private, else null
 * @param fips      ECR FIPS endpoint ({@code dkr.ecr-fips})
 * @param dualStack ECR dual-stack endpoint ({@code dkr-ecr.<region>.on.aws})
 */
public record Registry(RegistryKind kind, String host, String account, String region, String partition,
                       boolean fips, boolean dualStack) {

    /** Docker Hub's canonical domain in normalised references. */
    public static final String DOCKER_HUB_DOMAIN = "docker.io";

    // Same shape as the kubelet ECR credential provider's pattern, plus the dual-stack on.aws forms.
    private static final Pattern ECR = Pattern.compile(
            "^(\\d{12})\\.dkr([.-])ecr(-fips)?\\.([a-z0-9][a-z0-9-_]*)\\."
                    + "(amazonaws\\.com(\\.cn)?|on\\.aws|on\\.amazonwebservices\\.com\\.cn|sc2s\\.sgov\\.gov|c2s\\.ic\\.gov"
                    + "|cloud\\.adc-e\\.uk|csp\\.hci\\.ic\\.gov)$");
    private static final Pattern ARTIFACT_REGISTRY = Pattern.compile("^([a-z0-9-]+)-docker\\.pkg\\.dev$");

    public Registry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
    }

    /** Recognises a registry host (with or without port). Never fails: unknown hosts are {@link RegistryKind#PRIVATE}. */
    public static Registry recognise(String hostWithPort) {
        String host = Objects.requireNonNull(hostWithPort, "host").trim().toLowerCase(Locale.ROOT);
        String bare = stripPort(host);
        Matcher ecr = ECR.matcher(bare);
        if (ecr.matches()) {
            boolean dualStack = ecr.group(2).equals("-");
            String suffix = ecr.group(5);
            String region = ecr.group(4);
            // the dotted form needs amazonaws.com*, the dashed (dual-stack) form needs on.aws*
            boolean dotted = !dualStack;
            boolean onAws = suffix.startsWith("on.");
            if (dotted != onAws) {
                return new Registry(RegistryKind.ECR_PRIVATE, host, ecr.group(1), region,
                        partitionFor(region, suffix), ecr.group(3) != null, dualStack);
            }
        }
        if (bare.equals("public.ecr.aws") || bare.equals("ecr-public.aws.com")) {
            return simple(RegistryKind.ECR_PUBLIC, host);
        }
        if (bare.equals("docker.io") || bare.equals("index.docker.io") || bare.equals("registry-1.docker.io")
                || bare.equals("registry.hub.docker.com")) {
            return simple(RegistryKind.DOCKER_HUB, host);
        }
        if (bare.equals("ghcr.io")) {
            return simple(RegistryKind.GHCR, host);
        }
        if (bare.equals("gcr.io") || bare.endsWith(".gcr.io")) {
            return simple(RegistryKind.GCR, host);
        }
        Matcher ar = ARTIFACT_REGISTRY.matcher(bare);
        if (ar.matches()) {
            return new Registry(RegistryKind.ARTIFACT_REGISTRY, host, null, ar.group(1), null, false, false);
        }
        if (bare.endsWith(".azurecr.io") || bare.endsWith(".azurecr.cn") || bare.endsWith(".azurecr.us")) {
            return simple(RegistryKind.ACR, host);
        }
        if (bare.equals("quay.io")) {
            return simple(RegistryKind.QUAY, host);
        }
        return simple(RegistryKind.PRIVATE, host);
    }

    private static Registry simple(RegistryKind kind, String host) {
        return new Registry(kind, host, null, null, null, false, false);
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    static String partitionFor(String region, String suffix) {
        if (suffix.endsWith(".cn")) {
            return "aws-cn";
        }
        switch (suffix) {
            case "c2s.ic.gov":
                return "aws-iso";
            case "sc2s.sgov.gov":
                return "aws-iso-b";
            case "cloud.adc-e.uk":
                return "aws-iso-e";
            case "csp.hci.ic.gov":
                return "aws-iso-f";
            default:
                return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        }
    }

    /** True for private ECR. */
    public boolean isEcrPrivate() {
        return kind == RegistryKind.ECR_PRIVATE;
    }

    /**
     * The ECR repository ARN, {@code arn:<partition>:ecr:<region>:<account>:repository/<name>}, for a private
     * ECR registry; empty for any other registry.
     */
    public Optional<String> ecrRepositoryArn(String repositoryName) {
        if (!isEcrPrivate() || repositoryName == null || repositoryName.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ecrRepositoryArn(partition, region, account, repositoryName));
    }

    /** Builds an ECR repository ARN from its parts. */
    public static String ecrRepositoryArn(String partition, String region, String account, String repositoryName) {
        return "arn:" + partition + ":ecr:" + region + ":" + account + ":repository/" + repositoryName;
    }
}
