package dev.pullfix.model.cluster;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One kubeconfig context as the contexts list shows it. Carries no secrets.
 *
 * @param name        context name
 * @param current     whether it is the kubeconfig's current-context
 * @param clusterName the cluster entry it points to
 * @param userName    the user (AuthInfo) entry it points to
 * @param namespace   its namespace, or null (kubectl then uses "default")
 * @param server      the API server URL, or null when the cluster entry is missing
 * @param auth        how the user entry authenticates
 * @param execCommand the exec plugin's command, or null
 * @param eks         the EKS mapping, or null when the context is not an EKS one
 * @param source      the kubeconfig file that defines the context
 */
public record ContextInfo(String name, boolean current, String clusterName, String userName, String namespace,
                          String server, AuthKind auth, String execCommand, EksContextMapping eks, Path source) {

    public enum AuthKind { TOKEN, TOKEN_FILE, CLIENT_CERTIFICATE, EXEC, AUTH_PROVIDER, BASIC, NONE }

    public Optional<EksContextMapping> eksMapping() {
        return Optional.ofNullable(eks);
    }

    /** The namespace kubectl would use for this context. */
    public String effectiveNamespace() {
        return namespace == null || namespace.isBlank() ? "default" : namespace;
    }
}
