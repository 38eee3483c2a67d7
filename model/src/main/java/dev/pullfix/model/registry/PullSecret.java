package dev.pullfix.model.registry;

/**
 * A pull secret as read from the cluster, its data decoded and held in memory only: the data is readable inside this
 * package alone (no public accessor, so no serializer or printer reaches it), and {@link #toString()} names the
 * secret without it.
 */
public final class PullSecret {
    public static final String TYPE_CONFIG_JSON = "kubernetes.io/dockerconfigjson";
    public static final String TYPE_DOCKERCFG = "kubernetes.io/dockercfg";

    private final String namespace;
    private final String name;
    private final String type;
    private final byte[] dockerConfigJson;
    private final byte[] dockercfg;

    /**
     * @param type             e.g. {@code kubernetes.io/dockerconfigjson}
     * @param dockerConfigJson the {@code .dockerconfigjson} bytes, or null
     * @param dockercfg        the {@code .dockercfg} bytes, or null
     */
    public PullSecret(String namespace, String name, String type, byte[] dockerConfigJson, byte[] dockercfg) {
        this.namespace = namespace;
        this.name = name;
        this.type = type;
        this.dockerConfigJson = dockerConfigJson;
        this.dockercfg = dockercfg;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    byte[] dockerConfigJson() {
        return dockerConfigJson;
    }

    byte[] dockercfg() {
        return dockercfg;
    }

    @Override
    public String toString() {
        return "PullSecret[" + namespace + "/" + name + ", " + type + "]";
    }
}
