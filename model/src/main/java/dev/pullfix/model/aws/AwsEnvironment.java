package dev.pullfix.model.aws;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The process environment as the AWS CLI reads it: environment variables, Java system properties (the SDK's
 * {@code aws.*} properties, e.g. {@code aws.endpointUrl}) and the home directory. A seam for tests, which pass
 * their own maps instead of touching the real environment.
 */
public final class AwsEnvironment {
    private final Map<String, String> env;
    private final Map<String, String> props;
    private final Path home;

    public AwsEnvironment(Map<String, String> env, Map<String, String> systemProperties, Path home) {
        this.env = Map.copyOf(Objects.requireNonNull(env));
        this.props = Map.copyOf(Objects.requireNonNull(systemProperties));
        this.home = Objects.requireNonNull(home);
    }

    /** The real environment of this process. */
    public static AwsEnvironment system() {
        Properties p = System.getProperties();
        Map<String, String> props = new java.util.HashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("aws.")) {
                props.put(name, p.getProperty(name));
            }
        }
        return new AwsEnvironment(System.getenv(), props, Paths.get(System.getProperty("user.home")));
    }

    public static AwsEnvironment of(Map<String, String> env, Path home) {
        return new AwsEnvironment(env, Map.of(), home);
    }

    /** A non-blank environment variable, or null. */
    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** A non-blank {@code aws.*} system property, or null. */
    public String property(String name) {
        String v = props.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public Path home() {
        return home;
    }

    /** {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}. */
    public Path configFile() {
        String f = firstNonNull(env("AWS_CONFIG_FILE"), property("aws.configFile"));
        return f != null ? expandHome(f) : home.resolve(".aws").resolve("config");
    }

    /** {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}. */
    public Path credentialsFile() {
        String f = firstNonNull(env("AWS_SHARED_CREDENTIALS_FILE"), property("aws.sharedCredentialsFile"));
        return f != null ? expandHome(f) : home.resolve(".aws").resolve("credentials");
    }

    /** The profile chosen by the environment: {@code AWS_PROFILE} (or {@code aws.profile}), else null. */
    public String profile() {
        return firstNonNull(env("AWS_PROFILE"), property("aws.profile"));
    }

    private Path expandHome(String f) {
        if (f.equals("~")) {
            return home;
        }
        if (f.startsWith("~/") || f.startsWith("~\\")) {
            return home.resolve(f.substring(2));
        }
        return Paths.get(f);
    }

    static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
