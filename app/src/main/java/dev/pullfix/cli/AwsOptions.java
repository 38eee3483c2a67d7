package dev.pullfix.cli;

import java.net.URI;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The AWS options: {@code --profile}, {@code --region}, {@code --endpoint-url} (http or https only). */
public final class AwsOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--profile", paramLabel = "P", description = "AWS profile (default: the context's EKS mapping "
            + "where there is one, then AWS_PROFILE, then default).")
    String profile;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: the image's ECR host or the "
            + "context's EKS mapping, then AWS_REGION, then the profile's).")
    String region;

    private URI endpoint;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this http(s) endpoint "
            + "(e.g. the practice lab on loopback); AWS_ENDPOINT_URL works too.")
    void setEndpoint(String url) {
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            u = null;
        }
        String scheme = u == null || u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u == null || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new ParameterException(mixee.commandLine(),
                    "--endpoint-url must be an http:// or https:// URL with a host, not '" + url + "'");
        }
        endpoint = u;
    }

    public String profile() {
        return profile;
    }

    public String region() {
        return region;
    }

    /** The endpoint, or null for AWS's own (or AWS_ENDPOINT_URL). */
    public URI endpoint() {
        return endpoint;
    }
}
