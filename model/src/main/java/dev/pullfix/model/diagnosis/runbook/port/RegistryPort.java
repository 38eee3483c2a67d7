package dev.pullfix.model.diagnosis.runbook.port;

import java.util.List;

/**
 * Asks a registry (Docker Hub, a private registry; not ECR, which goes through {@link AwsPort}) about one manifest,
 * over the registry HTTP API v2 ({@code HEAD /v2/<name>/manifests/<ref>}), anonymously or with the pod's pull secrets.
 * From this machine, not from the node: a timeout here and there tells "registry down" from "node cannot reach it".
 */
public interface RegistryPort {

    /**
     * @param image            the image as written in the pod spec
     * @param namespace        namespace of the pull secrets
     * @param pullSecretNames  secrets whose credentials to try; empty for an anonymous probe
     */
    ManifestProbe probe(String image, String namespace, List<String> pullSecretNames) throws CouldNotCheckException;

    /**
     * The probe with the platform check as well: does the image hold a platform a node of {@code nodePlatform}
     * ({@code linux/arm64}) runs. Ports that cannot tell answer the plain probe.
     */
    default ManifestProbe probe(String image, String namespace, List<String> pullSecretNames, String nodePlatform)
            throws CouldNotCheckException {
        return probe(image, namespace, pullSecretNames);
    }
}
