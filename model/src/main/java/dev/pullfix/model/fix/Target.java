package dev.pullfix.model.fix;

import java.util.Objects;

/**
 * Where a fix writes: a Kubernetes object ({@code system = "kubernetes"}, location
 * {@code context/namespace/kind/name}) or an AWS resource ({@code system = "aws"}, location
 * {@code account/region/ecr-repository/name}). The key names the backup folder and the audit entries.
 */
public record Target(String system, String location) {
    public Target {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(location, "location");
    }

    public static Target kubernetes(String context, String namespace, String kind, String name) {
        return new Target("kubernetes", context + "/" + (namespace == null ? "-" : namespace) + "/" + kind + "/" + name);
    }

    public static Target ecrRepository(String account, String region, String repository) {
        return new Target("aws", account + "/" + region + "/ecr-repository/" + repository);
    }

    /** A file-system safe key for the backup folder. */
    public String key() {
        return (system + "__" + location).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public String toString() {
        return system + ":" + location;
    }
}
