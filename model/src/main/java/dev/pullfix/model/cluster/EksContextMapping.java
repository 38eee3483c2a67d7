package dev.pullfix.model.cluster;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which EKS cluster a kubeconfig context talks to, and as which AWS profile. Read from the exec plugin's
 * arguments ({@code aws eks get-token --cluster-name N --region R --profile P}, {@code aws-iam-authenticator
 * token -i N}), its env ({@code AWS_PROFILE}, {@code AWS_REGION}), the cluster/context ARN, or the server URL
 * ({@code https://XXXX.gr7.<region>.eks.amazonaws.com}).
 *
 * @param clusterName the EKS cluster name (or id for {@code --cluster-id}); null when only the URL is known
 * @param region      the AWS region; null if unknown
 * @param profile     the AWS profile; null means the default chain
 * @param roleArn     a role the plugin assumes ({@code --role-arn} / {@code -r}); null if none
 * @param accountId   the account id when an ARN names it; null otherwise
 * @param source      where the cluster name came from
 */
public record EksContextMapping(String clusterName, String region, String profile, String roleArn,
                                String accountId, Source source) {

    public enum Source { EXEC_ARGS, CLUSTER_ARN, SERVER_URL }

    private static final Pattern EKS_HOST = Pattern.compile(
            "^[A-Za-z0-9]+\\.[a-z0-9]+\\.([a-z]{2}(?:-[a-z]+)+-\\d)\\.eks\\.amazonaws\\.com(?:\\.cn)?$");
    private static final Pattern EKS_ARN = Pattern.compile(
            "^arn:aws[a-z-]*:eks:([a-z0-9-]+):(\\d{12}):cluster/([A-Za-z0-9][A-Za-z0-9_-]*)$");

    /**
     * Maps a context; empty when nothing marks it as EKS.
     *
     * @param contextName the context's name (eksctl/aws CLI name it by the cluster ARN)
     * @param clusterName the kubeconfig cluster entry's name (also an ARN with {@code aws eks update-kubeconfig})
     * @param server      the API server URL
     * @param command     the exec plugin command, or null
     * @param args        the exec plugin args
     * @param execEnv     the exec plugin env
     */
    public static Optional<EksContextMapping> of(String contextName, String clusterName, String server,
                                                 String command, List<String> args, Map<String, String> execEnv) {
        String name = null;
        String region = null;
        String profile = null;
        String role = null;
        String account = null;
        Source source = null;
        List<String> a = args == null ? List.of() : args;
        Map<String, String> env = execEnv == null ? Map.of() : execEnv;
        String base = command == null ? "" : command.substring(command.lastIndexOf('/') + 1);
        boolean awsCli = base.equals("aws") || base.equals("aws.exe") || base.equals("aws-cli");
        boolean authenticator = base.startsWith("aws-iam-authenticator");
        if (awsCli && a.contains("eks") && a.contains("get-token")) {
            name = flag(a, "--cluster-name", null);
            if (name == null) {
                name = flag(a, "--cluster-id", null);
            }
            region = flag(a, "--region", null);
            profile = flag(a, "--profile", null);
            role = flag(a, "--role-arn", null);
            source = Source.EXEC_ARGS;
        } else if (authenticator && a.contains("token")) {
            name = flag(a, "-i", "--cluster-id");
            region = flag(a, "--region", null);
            profile = flag(a, "--profile", null);
            role = flag(a, "-r", "--role");
            source = Source.EXEC_ARGS;
        }
        if (source != null) {
            if (profile == null) {
                profile = blankToNull(env.get("AWS_PROFILE"));
            }
            if (region == null) {
                region = blankToNull(env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION")));
            }
        }
        for (String candidate : new String[] {clusterName, contextName}) {
            Matcher m = candidate == null ? null : EKS_ARN.matcher(candidate);
            if (m != null && m.matches()) {
                if (name == null) {
                    name = m.group(3);
                    source = source == null ? Source.CLUSTER_ARN : source;
                }
                region = region == null ? m.group(1) : region;
                account = m.group(2);
                break;
            }
        }
        String urlRegion = regionOfServer(server);
        if (region == null) {
            region = urlRegion;
        }
        if (source == null && urlRegion != null) {
            source = Source.SERVER_URL;
        }
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(new EksContextMapping(name, region, profile, role, account, source));
    }

    /** The region of an EKS API endpoint, or null if the URL is not one. */
    public static String regionOfServer(String server) {
        if (server == null || server.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(server.trim()).getHost();
            if (host == null) {
                return null;
            }
            Matcher m = EKS_HOST.matcher(host.toLowerCase(java.util.Locale.ROOT));
            return m.matches() ? m.group(1) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String flag(List<String> args, String name, String alias) {
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            for (String f : alias == null ? new String[] {name} : new String[] {name, alias}) {
                if (s.equals(f) && i + 1 < args.size()) {
                    return blankToNull(args.get(i + 1));
                }
                if (s.startsWith(f + "=")) {
                    return blankToNull(s.substring(f.length() + 1));
                }
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
